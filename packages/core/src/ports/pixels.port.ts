/**
 * Pixel ports: the file-format readers and the tiled pixel store, implemented by @fovea/pixels.
 * Core's import, pixel-access and rendering services use only these interfaces.
 */
import type { PixelType, Plane } from "@fovea/model";

export interface ChannelMeta {
  /** e.g. `DAPI`, `525nm` or `Ch1`. */
  readonly name: string;
  /** `RRGGBB` when the file says; undefined lets import choose. */
  readonly color?: string | undefined;
  readonly emissionWavelength?: number | undefined;
  /** Display window from the file (e.g. OME-Zarr `omero` block). */
  readonly window?: { start: number; end: number } | undefined;
}

export interface ImageMetadata {
  /** The image's name: the series name, else the file's base name. */
  readonly name: string;
  readonly sizeX: number;
  readonly sizeY: number;
  readonly sizeZ: number;
  readonly sizeC: number;
  readonly sizeT: number;
  readonly pixelType: PixelType;
  /** Micrometres per pixel (converted from the file's unit), when known. */
  readonly physicalSizeX?: number | undefined;
  readonly physicalSizeY?: number | undefined;
  readonly physicalSizeZ?: number | undefined;
  /** Seconds between time points, when known. */
  readonly timeIncrement?: number | undefined;
  readonly channels: readonly ChannelMeta[];
  /** Short format name recorded on the image: `DeltaVision`, `OME-TIFF`, `TIFF`, `PNG`, `JPEG`, `OME-Zarr`. */
  readonly format: string;
  readonly acquisitionDate?: string | undefined;
}

/** One image of an opened file: metadata, and full-resolution planes one at a time. */
export interface ImageReader {
  readonly metadata: ImageMetadata;
  /**
   * The plane at (z, c, t), row-major, in the image's pixel type, with native values (no
   * scaling). Throws FoveaError FILE_UNREADABLE (naming the file) when bytes are missing or corrupt.
   */
  readPlane(z: number, c: number, t: number, signal?: AbortSignal): Promise<Plane>;
}

export interface OpenedFile {
  /** One reader per image (series) in the file. */
  readonly images: readonly ImageReader[];
  close(): Promise<void>;
}

/** Opens any supported file (or OME-Zarr folder); the registry picks the format. */
export interface FileOpener {
  /**
   * Validates the file's structure so that a corrupt file fails here, before anything is stored.
   * Errors: FoveaError FILE_UNREADABLE or UNSUPPORTED_FORMAT, naming the file and the reason.
   */
  open(path: string, signal?: AbortSignal): Promise<OpenedFile>;
}

export interface Region {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

/** Shape of an image in the store: level 0 is full resolution, each next level halves X and Y. */
export interface StoredLayout {
  readonly pixelType: PixelType;
  readonly sizeZ: number;
  readonly sizeC: number;
  readonly sizeT: number;
  readonly levels: readonly { readonly sizeX: number; readonly sizeY: number }[];
  /** Tile (chunk) edge in pixels, for clients that fetch tiles. */
  readonly tileSize: number;
}

/** Writes one new image; nothing is visible under its key until commit() resolves. */
export interface PixelWriter {
  writePlane(z: number, c: number, t: number, plane: Plane, signal?: AbortSignal): Promise<void>;
  /** Builds the pyramid (for planes over 2048 px) and the thumbnail, then publishes the image. */
  commit(signal?: AbortSignal): Promise<StoredLayout>;
  /** Removes everything written so far. Safe to call after a failure, and more than once. */
  abort(): Promise<void>;
}

/** The tiled, multiresolution pixel store (OME-Zarr in the data directory). */
export interface PixelStore {
  create(key: string, meta: ImageMetadata): Promise<PixelWriter>;
  layout(key: string): Promise<StoredLayout>;
  /** A region of one plane at a pyramid level (coordinates in that level's pixels). */
  readRegion(key: string, level: number, z: number, c: number, t: number, region: Region, signal?: AbortSignal): Promise<Plane>;
  /** Per-channel minimum and maximum of level 0, computed while the planes were written. */
  channelStats(key: string): Promise<{ min: number; max: number }[]>;
  /** The thumbnail made at commit, as PNG bytes. */
  thumbnail(key: string): Promise<Uint8Array>;
  /** The folder of an image's OME-Zarr (for export and for community tools). */
  location(key: string): string;
  delete(key: string): Promise<void>;
}
