/**
 * A bounded queue for zarrita's `createQueue` option. zarrita's default starts every chunk of a
 * selection at once; for an 8192² plane that is 256 chunk copies plus their encodings in memory
 * and 256 open files. A few at a time keeps both cores busy and memory flat.
 */
import type { GetOptions } from "zarrita";

type ChunkQueue = ReturnType<NonNullable<GetOptions["createQueue"]>>;

export function boundedQueue(limit = 8): ChunkQueue {
  const waiting: Array<() => void> = [];
  const all: Promise<void>[] = [];
  let running = 0;
  // A finishing task hands its slot straight to the next waiter, so the limit holds exactly.
  const release = () => {
    const next = waiting.shift();
    if (next) next();
    else running--;
  };
  return {
    add(fn) {
      const task = (async () => {
        if (running >= limit) await new Promise<void>((resume) => waiting.push(resume));
        else running++;
        try {
          await fn();
        } finally {
          release();
        }
      })();
      all.push(task);
    },
    onIdle: () => Promise.all(all),
  };
}
