import { describe, expect, it } from "vitest";
import { appendLogChunk, reconcileLog, streamText, type LogChunk } from "./log-chunks.ts";

describe("log chunks", () => {
  it("keeps stdout and stderr interleaved, joining neighbours of one stream", () => {
    let log: readonly LogChunk[] = [];
    log = appendLogChunk(log, "stdout", "a\n");
    log = appendLogChunk(log, "stdout", "b\n");
    log = appendLogChunk(log, "stderr", "oops\n");
    log = appendLogChunk(log, "stdout", "");
    log = appendLogChunk(log, "stdout", "c\n");
    expect(log).toEqual([{ stream: "stdout", text: "a\nb\n" }, { stream: "stderr", text: "oops\n" }, { stream: "stdout", text: "c\n" }]);
    expect(streamText(log, "stdout")).toBe("a\nb\nc\n");
  });

  it("keeps the live interleaving when it matches the stored logs, else takes the stored text", () => {
    const live: LogChunk[] = [{ stream: "stdout", text: "a\n" }, { stream: "stderr", text: "e\n" }, { stream: "stdout", text: "b\n" }];
    expect(reconcileLog(live, "a\nb\n", "e\n")).toBe(live);
    expect(reconcileLog(live, "a\nb\nc\n", "e\n")).toEqual([{ stream: "stdout", text: "a\nb\nc\n" }, { stream: "stderr", text: "e\n" }]);
    expect(reconcileLog([], "", "")).toEqual([]);
  });
});
