/** Walks every page of a list endpoint, for callers that want the whole list. */
import { LIMITS } from "@fovea/model";
import type { Page, PageQuery } from "./types.ts";

/**
 * Yields every item, fetching pages of `pageSize` in turn. Stops on a short or empty page as well as
 * at `total`, so that rows added or removed while paging cannot make it loop forever.
 *
 * @example
 * for await (const p of allPages((page) => client.projects.list({ ...page, orphaned: false }))) console.log(p.name);
 */
export async function* allPages<T>(fetchPage: (page: Required<PageQuery>) => Promise<Page<T>>, pageSize: number = LIMITS.PAGE_MAX): AsyncGenerator<T> {
  let offset = 0;
  for (;;) {
    const page = await fetchPage({ limit: pageSize, offset });
    yield* page.items;
    offset += page.items.length;
    if (page.items.length < pageSize || offset >= page.total) return;
  }
}

/** Collects `allPages` into an array. */
export async function listAll<T>(fetchPage: (page: Required<PageQuery>) => Promise<Page<T>>, pageSize?: number): Promise<T[]> {
  const items: T[] = [];
  for await (const item of allPages(fetchPage, pageSize)) items.push(item);
  return items;
}
