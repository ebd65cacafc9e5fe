/**
 * New images from planes a script streams (the Kymograph's output). The transport keeps the
 * uploaded planes; this service decides what may be created and where, and commits the image
 * through ImportService.importReaders, so the all-or-nothing rule, the pixel store, the pyramid
 * and the thumbnail are the same as for any import.
 *
 * Y calibration in seconds (a kymograph's seconds per row) has no column of its own: the image's
 * physicalSizeY stays null and a Map annotation in namespace `fovea.calibration` records
 * `physicalSizeY` and `physicalSizeYUnit = s`.
 */
import { CALIBRATION_NAMESPACE, FoveaError, type CreateImageUploadRequest, type FieldIssue, type ImageDto, type PixelType, type Plane } from "@fovea/model";
import type { Actor } from "../access/actor.ts";
import type { ImageMetadata, ImageReader } from "../ports/index.ts";
import type { AnnotationsService } from "./annotations.service.ts";
import type { ContainersService } from "./containers.service.ts";
import type { ImportService } from "./import.service.ts";
import type { ServiceDeps } from "./ports.ts";

const BYTES: Record<PixelType, number> = { uint8: 1, int8: 1, uint16: 2, int16: 2, uint32: 4, int32: 4, float32: 4, float64: 8 };

/** What an accepted upload needs: its target group, and the planes to expect. */
export interface UploadPlan {
  readonly groupId: number;
  readonly planes: number;
  readonly planeBytes: number;
}

/** Reads back a stored plane of the upload (the transport's spool). */
export type PlaneSource = (z: number, c: number, t: number, signal?: AbortSignal) => Promise<Plane>;

export class ImageUploadsService {
  constructor(
    private readonly deps: ServiceDeps,
    private readonly collaborators: { imports: ImportService; containers: ContainersService; annotations: AnnotationsService },
  ) {}

  /** Checks the image's description and the actor's right to create it (into the dataset, if any). */
  async plan(actor: Actor, shell: CreateImageUploadRequest): Promise<UploadPlan> {
    const issues: FieldIssue[] = [];
    if (shell.channels.length !== shell.sizeC) {
      issues.push({ field: "body.channels", message: `has ${shell.channels.length} entries but sizeC is ${shell.sizeC}` });
    }
    if (shell.physicalSizeYUnit === "s" && shell.physicalSizeY === undefined) {
      issues.push({ field: "body.physicalSizeY", message: "is required when physicalSizeYUnit is s" });
    }
    if (issues.length > 0) throw new FoveaError("VALIDATION_FAILED", `Invalid request: ${issues[0]!.field} ${issues[0]!.message}`, { details: issues });
    const planeBytes = shell.sizeX * shell.sizeY * BYTES[shell.pixelType];
    const planes = shell.sizeZ * shell.sizeC * shell.sizeT;
    if (planeBytes * planes > this.deps.maxUploadBytes) {
      throw new FoveaError("PAYLOAD_TOO_LARGE", `The image would hold ${planeBytes * planes} bytes; the server accepts ${this.deps.maxUploadBytes}`);
    }
    const groupId = await this.collaborators.imports.resolveTargetGroup(actor, { datasetId: shell.datasetId, groupId: shell.groupId });
    return { groupId, planes, planeBytes };
  }

  /** Imports the uploaded planes as one image, then sets its description and Y calibration. */
  async commit(actor: Actor, shell: CreateImageUploadRequest, source: PlaneSource, signal?: AbortSignal): Promise<ImageDto> {
    await this.plan(actor, shell);
    const reader: ImageReader = { metadata: metadataOf(shell), readPlane: source };
    const [image] = await this.collaborators.imports.importReaders(actor, [reader], {
      datasetId: shell.datasetId, groupId: shell.groupId, name: shell.name, signal,
    });
    try {
      if (shell.description) await this.collaborators.containers.update(actor, "image", image!.id, { description: shell.description });
      if (shell.physicalSizeYUnit === "s") {
        await this.collaborators.annotations.create(actor, {
          kind: "map", namespace: CALIBRATION_NAMESPACE, links: [{ type: "Image", id: image!.id }],
          values: [["physicalSizeY", String(shell.physicalSizeY)], ["physicalSizeYUnit", "s"]],
        });
      }
      return (await this.collaborators.containers.get(actor, "image", image!.id)) as ImageDto;
    } catch (err) {
      // All or nothing: an image without its description or calibration is not what was asked for.
      await this.collaborators.containers.delete(actor, "image", image!.id).catch(() => undefined);
      throw err;
    }
  }
}

function metadataOf(shell: CreateImageUploadRequest): ImageMetadata {
  return {
    name: shell.name, sizeX: shell.sizeX, sizeY: shell.sizeY, sizeZ: shell.sizeZ, sizeC: shell.sizeC, sizeT: shell.sizeT,
    pixelType: shell.pixelType, format: "Generated",
    physicalSizeX: shell.physicalSizeX,
    physicalSizeY: shell.physicalSizeYUnit === "s" ? undefined : shell.physicalSizeY,
    physicalSizeZ: shell.physicalSizeZ,
    timeIncrement: shell.timeIncrement,
    channels: shell.channels.map((c) => ({ name: c.name, color: c.color?.toUpperCase() })),
  };
}
