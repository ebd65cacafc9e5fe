/**
 * Tile requests of the viewer, as the pyramid browser test sees them: every `/render` request the
 * page sends (parsed into level and region), how many are still in flight, and what a request
 * must satisfy to be a well-formed tile of the stored pyramid.
 */
import type { Page } from "playwright-core";

export interface TileHit {
  level: number;
  x: number;
  y: number;
  width: number;
  height: number;
  /** The `c` parameter: channels, windows and colours. */
  c: string;
}

export interface Layout {
  tileSize: number;
  levels: readonly { sizeX: number; sizeY: number }[];
}

export interface TileLog {
  /** Every tile request so far, in order. */
  readonly all: TileHit[];
  /** Tile requests sent but not yet finished (or failed, or cancelled). */
  pending(): number;
  /** The requests since `mark` (an earlier `all.length`). */
  since(mark: number): TileHit[];
}

const RENDER = /\/api\/v1\/images\/\d+\/render\?/;

export function recordTiles(page: Page): TileLog {
  const all: TileHit[] = [];
  let inFlight = 0;
  page.on("request", (req) => {
    if (!RENDER.test(req.url())) return;
    const q = new URL(req.url()).searchParams;
    const n = (k: string) => Number(q.get(k) ?? Number.NaN);
    all.push({ level: n("level"), x: n("x"), y: n("y"), width: n("width"), height: n("height"), c: q.get("c") ?? "" });
    inFlight += 1;
  });
  const done = (req: { url(): string }) => {
    if (RENDER.test(req.url())) inFlight -= 1;
  };
  page.on("requestfinished", done);
  page.on("requestfailed", done);
  return { all, pending: () => inFlight, since: (mark) => all.slice(mark) };
}

/**
 * What is wrong with `tile` as a tile of `layout`, or undefined when nothing: it must start on
 * the tile grid, lie inside its level, and be a whole tile except in the last column or row,
 * where it ends exactly at the level's edge.
 */
export function tileIssue(tile: TileHit, layout: Layout): string | undefined {
  const size = layout.levels[tile.level];
  const ts = layout.tileSize;
  const at = `level ${tile.level} tile (${tile.x}, ${tile.y}) ${tile.width}×${tile.height}`;
  if (!size) return `${at}: no such level`;
  if (tile.x % ts !== 0 || tile.y % ts !== 0) return `${at}: not on the ${ts}-px grid`;
  if (tile.x >= size.sizeX || tile.y >= size.sizeY) return `${at}: starts outside the level (${size.sizeX}×${size.sizeY})`;
  const width = Math.min(ts, size.sizeX - tile.x);
  const height = Math.min(ts, size.sizeY - tile.y);
  if (tile.width !== width || tile.height !== height) return `${at}: should be ${width}×${height} in a ${size.sizeX}×${size.sizeY} level`;
  return undefined;
}

/** The issues of every tile in `tiles`, one line each. */
export function tileIssues(tiles: readonly TileHit[], layout: Layout): string[] {
  return tiles.flatMap((tile) => tileIssue(tile, layout) ?? []);
}

/** The distinct levels of `tiles`, ascending. */
export function levelsOf(tiles: readonly TileHit[]): number[] {
  return [...new Set(tiles.map((tile) => tile.level))].sort((a, b) => a - b);
}

/**
 * The tiles of `level` that the image area `area` (full-resolution pixels) needs, as "x,y" of
 * their level-pixel origins, for comparing with what was requested.
 */
export function tilesCovering(area: { x0: number; y0: number; x1: number; y1: number }, level: number, layout: Layout): string[] {
  const size = layout.levels[level]!;
  const ts = layout.tileSize;
  const scale = 2 ** level;
  const col = (v: number) => Math.floor(Math.min(Math.max(v / scale, 0), size.sizeX - 1) / ts);
  const row = (v: number) => Math.floor(Math.min(Math.max(v / scale, 0), size.sizeY - 1) / ts);
  const out: string[] = [];
  for (let r = row(area.y0); r <= row(area.y1 - 1e-9); r++) for (let c = col(area.x0); c <= col(area.x1 - 1e-9); c++) out.push(`${c * ts},${r * ts}`);
  return out;
}

/** The tiles of `level` in `tiles`, as "x,y", each once. */
export function tilesAt(tiles: readonly TileHit[], level: number): Set<string> {
  return new Set(tiles.filter((tile) => tile.level === level).map((tile) => `${tile.x},${tile.y}`));
}
