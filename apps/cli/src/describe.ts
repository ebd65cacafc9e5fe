/** Human-readable renderings of API objects for the CLI's non-JSON output. */
import type { ImageDto, RoiDto, ShapeDto } from "@fovea/client";
import { formatTable, truncate } from "./output.ts";

interface Container {
  type: string;
  id: number;
  name: string;
  description: string;
  ownerId: number;
  createdAt: string;
}

export function tableOfContainers(items: readonly Container[]): string {
  if (items.length === 0) return "  (none)";
  return formatTable(
    ["REF", "NAME", "OWNER", "CREATED", "DESCRIPTION"],
    items.map((c) => [`${c.type}:${c.id}`, c.name, `User:${c.ownerId}`, c.createdAt.slice(0, 10), truncate(c.description)]),
  );
}

export function tableOfImages(images: readonly ImageDto[]): string {
  if (images.length === 0) return "  (none)";
  return formatTable(
    ["REF", "NAME", "X×Y×Z×C×T", "TYPE"],
    images.map((i) => [`Image:${i.id}`, i.name, dimensions(i), i.pixelType]),
  );
}

export function describeImage(image: ImageDto, roiCount: number): string {
  const size = (v: number | null): string => (v === null ? "?" : `${v}`);
  const physical = [image.physicalSizeX, image.physicalSizeY, image.physicalSizeZ].some((v) => v !== null)
    ? `${size(image.physicalSizeX)} × ${size(image.physicalSizeY)} × ${size(image.physicalSizeZ)} ${image.physicalSizeUnit}`
    : "not calibrated";
  const lines = [
    `Image:${image.id} ${image.name}`,
    `  size (X×Y×Z×C×T)  ${dimensions(image)}`,
    `  pixel type        ${image.pixelType}`,
    `  pixel size        ${physical}`,
  ];
  if (image.timeIncrement !== null) lines.push(`  time increment    ${image.timeIncrement} s`);
  if (image.format !== null) lines.push(`  format            ${image.format}`);
  if (image.acquisitionDate !== null) lines.push(`  acquired          ${image.acquisitionDate}`);
  lines.push(`  owner, group      User:${image.ownerId}, Group:${image.groupId}`);
  for (const ch of image.channels) lines.push(`  channel ${ch.index}         ${ch.name} #${ch.color}`);
  lines.push(`  ROIs              ${roiCount}`);
  return lines.join("\n");
}

/** One row per shape: its ROI, kind, planes and measurement. */
export function tableOfRois(rois: readonly RoiDto[]): string {
  if (rois.length === 0) return "no ROIs";
  const rows = rois.flatMap((roi) => roi.shapes.map((s) => [`Roi:${roi.id}`, roi.name, `Shape:${s.id}`, s.kind, plane(s.z), plane(s.t), plane(s.c), measure(s)]));
  return formatTable(["ROI", "NAME", "SHAPE", "KIND", "Z", "T", "C", "MEASURE"], rows);
}

function dimensions(i: ImageDto): string {
  return `${i.sizeX}×${i.sizeY}×${i.sizeZ}×${i.sizeC}×${i.sizeT}`;
}

/** Absent plane index means "all planes", shown as OMERO does. */
function plane(v: number | null): string {
  return v === null ? "all" : String(v);
}

function measure(s: ShapeDto): string {
  const unit = s.unit === "pixels" ? "px" : s.unit;
  if (s.length !== undefined) return `length ${round(s.length)} ${unit}`;
  if (s.area !== undefined) return `area ${round(s.area)} ${unit}²`;
  return "";
}

function round(v: number): string {
  return Number.isInteger(v) ? String(v) : v.toFixed(2);
}
