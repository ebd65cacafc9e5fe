/** Row ↔ record mapping for projects, datasets, images, their channels and parent/child links. */
import type { Insertable } from "kysely";
import type { ChannelRecord, ContainerRecord, ImageRecord, LinkRecord, NewImage, PixelType } from "@fovea/core";
import type { ChannelRow, ChannelsTable, ContainerRow, ImageRow, ImagesTable, LinkRow } from "../schema.ts";

/** The columns projects, datasets and images share, as a record. */
export function toContainerRecord(row: ContainerRow): ContainerRecord {
  return {
    id: row.id,
    name: row.name,
    description: row.description,
    ownerId: row.owner_id,
    groupId: row.group_id,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

/** `idx`, `min_value`, `max_value` become `index`, `min`, `max`. */
export function toChannelRecord(row: ChannelRow): ChannelRecord {
  return {
    index: row.idx,
    name: row.name,
    color: row.color,
    emissionWavelength: row.emission_wavelength,
    windowStart: row.window_start,
    windowEnd: row.window_end,
    min: row.min_value,
    max: row.max_value,
  };
}

/** The inverse of toChannelRecord, for channel `ch` of image `imageId`. */
export function toChannelRow(imageId: number, ch: ChannelRecord): Insertable<ChannelsTable> {
  return {
    image_id: imageId,
    idx: ch.index,
    name: ch.name,
    color: ch.color,
    emission_wavelength: ch.emissionWavelength,
    window_start: ch.windowStart,
    window_end: ch.windowEnd,
    min_value: ch.min,
    max_value: ch.max,
  };
}

/** `channels` must already be ordered by index. */
export function toImageRecord(row: ImageRow, channels: ChannelRow[]): ImageRecord {
  return {
    ...toContainerRecord(row),
    sizeX: row.size_x,
    sizeY: row.size_y,
    sizeZ: row.size_z,
    sizeC: row.size_c,
    sizeT: row.size_t,
    pixelType: row.pixel_type as PixelType,
    physicalSizeX: row.physical_size_x,
    physicalSizeY: row.physical_size_y,
    physicalSizeZ: row.physical_size_z,
    physicalSizeUnit: row.physical_size_unit,
    timeIncrement: row.time_increment,
    format: row.format,
    storeKey: row.store_key,
    acquisitionDate: row.acquisition_date,
    channels: channels.map(toChannelRecord),
  };
}

/** The images row of a new image (channels go to their own table); `now` stamps both times. */
export function toImageRow(image: NewImage, now: string): Insertable<ImagesTable> {
  return {
    name: image.name,
    description: image.description,
    owner_id: image.ownerId,
    group_id: image.groupId,
    created_at: now,
    updated_at: now,
    size_x: image.sizeX,
    size_y: image.sizeY,
    size_z: image.sizeZ,
    size_c: image.sizeC,
    size_t: image.sizeT,
    pixel_type: image.pixelType,
    physical_size_x: image.physicalSizeX,
    physical_size_y: image.physicalSizeY,
    physical_size_z: image.physicalSizeZ,
    physical_size_unit: image.physicalSizeUnit,
    time_increment: image.timeIncrement,
    format: image.format,
    store_key: image.storeKey,
    acquisition_date: image.acquisitionDate,
  };
}

/** Works for container links (parent → child) and annotation links (parent → annotation). */
export function toLinkRecord(row: LinkRow): LinkRecord {
  return {
    id: row.id,
    parentId: row.parent_id,
    childId: row.child_id,
    ownerId: row.owner_id,
    groupId: row.group_id,
    createdAt: row.created_at,
  };
}
