/** Size limits shared by the server's schemas, the CLI and (later) the web forms. */
export const LIMITS = {
  NAME_MAX: 255,
  DESCRIPTION_MAX: 10_000,
  TEXT_MAX: 10_000,
  USERNAME_MAX: 64,
  PASSWORD_MIN: 8,
  PASSWORD_MAX: 1024,
  MAP_ENTRIES_MAX: 1000,
  SHAPES_PER_ROI_MAX: 10_000,
  POINTS_PER_SHAPE_MAX: 100_000,
  PAGE_DEFAULT: 100,
  PAGE_MAX: 1000,
} as const;
