import { describe, expect, it } from "vitest";
import { followJobEvents, reconnectDelay, type EventSourceLike, type JobEventHandlers } from "./job-events-stream.ts";

/** A stand-in for the browser's EventSource that the test drives by hand. */
class ScriptedSource implements EventSourceLike {
  onerror: ((e: Event) => void) | null = null;
  closed = false;
  readonly #listeners = new Map<string, ((e: MessageEvent<string>) => void)[]>();
  constructor(readonly url: string) {}
  addEventListener(type: string, listener: (e: MessageEvent<string>) => void): void {
    this.#listeners.set(type, [...(this.#listeners.get(type) ?? []), listener]);
  }
  close(): void {
    this.closed = true;
  }
  emit(type: string, data: unknown): void {
    for (const l of this.#listeners.get(type) ?? []) l(new MessageEvent(type, { data: JSON.stringify(data) }));
  }
  fail(): void {
    this.onerror?.(new Event("error"));
  }
}

function harness() {
  const sources: ScriptedSource[] = [];
  const timers: { ms: number; run: () => void; cancelled: boolean }[] = [];
  const seen: string[] = [];
  const handlers: JobEventHandlers = {
    ready: (reconnected) => seen.push(`ready ${reconnected}`),
    status: (e) => seen.push(`status ${e.jobId} ${e.status}`),
    progress: (e) => seen.push(`progress ${e.jobId} ${e.fraction} ${e.message}`),
    lost: (attempt) => seen.push(`lost ${attempt}`),
  };
  const stop = followJobEvents(handlers, {
    url: "/api/v1/jobs/events",
    open: (url) => {
      const s = new ScriptedSource(url);
      sources.push(s);
      return s;
    },
    schedule: (run, ms) => {
      const t = { ms, run, cancelled: false };
      timers.push(t);
      return () => { t.cancelled = true; };
    },
  });
  return { sources, timers, seen, stop };
}

describe("followJobEvents", () => {
  it("hands status and progress events over and ignores malformed ones", () => {
    const h = harness();
    const s = h.sources[0]!;
    expect(s.url).toBe("/api/v1/jobs/events");
    s.emit("ready", { userId: 2 });
    s.emit("status", { jobId: 4, ownerId: 2, type: "status", status: "running" });
    s.emit("progress", { jobId: 4, ownerId: 2, type: "progress", fraction: 0.5, message: "half" });
    s.emit("progress", { jobId: "4", fraction: 0.5 });
    expect(h.seen).toEqual(["ready false", "status 4 running", "progress 4 0.5 half"]);
  });

  it("reconnects with a growing delay, resets it once open again, and reports the reconnection", () => {
    const h = harness();
    h.sources[0]!.fail();
    expect(h.sources[0]!.closed).toBe(true);
    expect(h.timers.map((t) => t.ms)).toEqual([1000]);
    h.timers[0]!.run();
    h.sources[1]!.fail();
    expect(h.timers.map((t) => t.ms)).toEqual([1000, 2000]);
    h.timers[1]!.run();
    h.sources[2]!.emit("ready", {});
    h.sources[2]!.fail();
    expect(h.timers.map((t) => t.ms)).toEqual([1000, 2000, 1000]);
    expect(h.seen).toEqual(["lost 1", "lost 2", "ready false", "lost 1"]);
    h.timers[2]!.run();
    h.sources[3]!.emit("ready", {});
    expect(h.seen.at(-1)).toBe("ready true");
  });

  it("stops for good: the open source is closed and a pending reconnection cancelled", () => {
    const h = harness();
    h.sources[0]!.fail();
    h.stop();
    expect(h.timers[0]!.cancelled).toBe(true);
    const again = harness();
    again.stop();
    expect(again.sources[0]!.closed).toBe(true);
  });

  it("caps the delay at 30 s", () => {
    expect([1, 2, 3, 5, 6, 20].map(reconnectDelay)).toEqual([1000, 2000, 4000, 16000, 30000, 30000]);
  });
});
