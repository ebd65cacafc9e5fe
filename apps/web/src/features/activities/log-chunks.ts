/**
 * A job's log as the panel shows it: stdout and stderr chunks in the order they arrived, so the
 * two streams stay interleaved as the script wrote them.
 */
export type LogStream = "stdout" | "stderr";

export interface LogChunk {
  stream: LogStream;
  text: string;
}

/** Appends a chunk, joining it to the last one when it is of the same stream. */
export function appendLogChunk(chunks: readonly LogChunk[], stream: LogStream, text: string): readonly LogChunk[] {
  if (text === "") return chunks;
  const last = chunks[chunks.length - 1];
  if (last?.stream === stream) return [...chunks.slice(0, -1), { stream, text: last.text + text }];
  return [...chunks, { stream, text }];
}

export function streamText(chunks: readonly LogChunk[], stream: LogStream): string {
  return chunks.filter((c) => c.stream === stream).map((c) => c.text).join("");
}

/**
 * Once the job has ended, the stored logs are the truth. When the live chunks hold exactly that
 * text, their interleaving is kept; otherwise (joined late, or a chunk missed) the stored text
 * replaces them, stdout first.
 */
export function reconcileLog(chunks: readonly LogChunk[], stdout: string, stderr: string): readonly LogChunk[] {
  if (streamText(chunks, "stdout") === stdout && streamText(chunks, "stderr") === stderr) return chunks;
  return appendLogChunk(appendLogChunk([], "stdout", stdout), "stderr", stderr);
}
