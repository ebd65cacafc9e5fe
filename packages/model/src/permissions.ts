/**
 * Group permission levels (OMERO's four) and user privileges. The rules that interpret them live
 * in one place: @fovea/core's access policy.
 */
export const GROUP_PERMISSIONS = ["private", "read-only", "read-annotate", "read-write"] as const;
export type GroupPermissions = (typeof GROUP_PERMISSIONS)[number];

export const PRIVILEGES = ["UploadScripts"] as const;
export type Privilege = (typeof PRIVILEGES)[number];

/** The actions the access policy decides on. */
export const ACTIONS = ["read", "annotate", "link", "edit", "delete"] as const;
export type Action = (typeof ACTIONS)[number];

export function isGroupPermissions(v: string): v is GroupPermissions {
  return (GROUP_PERMISSIONS as readonly string[]).includes(v);
}
