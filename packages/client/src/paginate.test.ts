import { test } from "node:test";
import assert from "node:assert/strict";
import { listAll } from "./paginate.ts";
import type { Page } from "./types.ts";

function pages(total: number) {
  const asked: Array<{ limit: number; offset: number }> = [];
  const fetchPage = async (p: { limit: number; offset: number }): Promise<Page<number>> => {
    asked.push(p);
    const items = Array.from({ length: Math.max(0, Math.min(p.limit, total - p.offset)) }, (_, i) => p.offset + i);
    return { items, total, limit: p.limit, offset: p.offset };
  };
  return { asked, fetchPage };
}

test("walks every page and stops at the total", async () => {
  const { asked, fetchPage } = pages(5);
  assert.deepEqual(await listAll(fetchPage, 2), [0, 1, 2, 3, 4]);
  assert.deepEqual(asked.map((p) => p.offset), [0, 2, 4]);
});

test("an exact multiple of the page size needs no extra request", async () => {
  const { asked, fetchPage } = pages(4);
  assert.deepEqual(await listAll(fetchPage, 2), [0, 1, 2, 3]);
  assert.equal(asked.length, 2);
});

test("stops on an empty page even if the total claims more (rows deleted meanwhile)", async () => {
  const fetchPage = async (p: { limit: number; offset: number }): Promise<Page<number>> => ({ items: [], total: 10, limit: p.limit, offset: p.offset });
  assert.deepEqual(await listAll(fetchPage, 2), []);
});
