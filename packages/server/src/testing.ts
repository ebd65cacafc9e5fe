/**
 * Test and demo builders that go through the real services. Until pixel import lands, this is
 * how an image's metadata record is made (import will call the same service method).
 */
import { FoveaError, type ImageDto } from "@fovea/model";
import type { ChannelRecord, PixelType } from "@fovea/core";
import type { RunningServer } from "./start.ts";

export interface ImageRecordInput {
  ownerUsername: string;
  name: string;
  groupId?: number;
  datasetId?: number;
  sizeX?: number;
  sizeY?: number;
  sizeZ?: number;
  sizeC?: number;
  sizeT?: number;
  pixelType?: PixelType;
  physicalSizeX?: number | null;
  physicalSizeY?: number | null;
  physicalSizeZ?: number | null;
  timeIncrement?: number | null;
  channels?: Partial<ChannelRecord>[];
}

/** Records an image (metadata only) as `ownerUsername`, optionally linked into a dataset. */
export async function createImageRecord(server: Pick<RunningServer, "services" | "repos">, input: ImageRecordInput): Promise<ImageDto> {
  const { services, repos } = server;
  const user = await repos.users.findByUsername(input.ownerUsername);
  if (!user) throw new FoveaError("NOT_FOUND", `User ${input.ownerUsername} not found`);
  const { actor } = (await services.auth.openSession(user, input.groupId ?? user.defaultGroupId, "token")).auth;
  const sizeC = input.sizeC ?? input.channels?.length ?? 1;
  const channels: ChannelRecord[] = Array.from({ length: sizeC }, (_, i) => ({
    index: i, name: `Ch${i + 1}`, color: "FFFFFF", emissionWavelength: null, windowStart: null, windowEnd: null, min: null, max: null,
    ...input.channels?.[i],
  }));
  const image = await services.containers.createImage(actor, {
    name: input.name, description: "", groupId: input.groupId,
    sizeX: input.sizeX ?? 64, sizeY: input.sizeY ?? 64, sizeZ: input.sizeZ ?? 1, sizeC, sizeT: input.sizeT ?? 1,
    pixelType: input.pixelType ?? "uint16",
    physicalSizeX: input.physicalSizeX ?? null, physicalSizeY: input.physicalSizeY ?? null, physicalSizeZ: input.physicalSizeZ ?? null,
    physicalSizeUnit: "µm", timeIncrement: input.timeIncrement ?? null, format: null, storeKey: null, acquisitionDate: null,
    channels,
  });
  if (input.datasetId !== undefined) await services.containers.link(actor, "dataset", input.datasetId, image.id);
  return image;
}
