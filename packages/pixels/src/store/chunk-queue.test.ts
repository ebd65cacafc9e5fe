import { test } from "node:test";
import assert from "node:assert/strict";
import { setTimeout as sleep } from "node:timers/promises";
import { boundedQueue } from "./chunk-queue.ts";

test("runs every task, never more than the limit at once", async () => {
  const q = boundedQueue(3);
  let running = 0;
  let peak = 0;
  const done: number[] = [];
  for (let i = 0; i < 20; i++) {
    q.add(async () => {
      running++;
      peak = Math.max(peak, running);
      await sleep(i % 4);
      running--;
      done.push(i);
    });
  }
  await q.onIdle();
  assert.equal(peak, 3);
  assert.deepEqual(done.sort((a, b) => a - b), Array.from({ length: 20 }, (_, i) => i));
});

test("a failing task rejects onIdle", async () => {
  const q = boundedQueue(2);
  q.add(async () => { throw new Error("chunk write failed"); });
  q.add(async () => {});
  await assert.rejects(q.onIdle(), /chunk write failed/);
});
