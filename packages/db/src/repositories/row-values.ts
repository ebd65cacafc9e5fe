/** Small conversions between stored column values and record fields, shared by the repositories. */

/** Booleans are stored as integer 0/1 on both dialects. */
export function toBool(v: number | boolean): boolean {
  return v === true || v === 1;
}

/** The stored form of a boolean. */
export function fromBool(v: boolean): number {
  return v ? 1 : 0;
}

/** count(*) is int8 on PostgreSQL; connect.ts parses it, but Number() also covers bigint and text. */
export function toCount(v: unknown): number {
  return Number(v ?? 0);
}

/** Numbers of affected rows come back as bigint. */
export function affected(n: bigint | undefined): number {
  return Number(n ?? 0n);
}
