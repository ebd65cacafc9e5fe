/**
 * The `ctx` a script's run() receives: progress and log reporting, cancellation, the typed API
 * client acting as the launching user (job-scoped token), and data helpers over that client.
 */
import { format } from "node:util";
import { FoveaClient, type FetchLike } from "@fovea/client";
import type { ObjectRef, ObjectType } from "@fovea/model";
import { FileHelpers } from "./helpers/files.ts";
import { ImageHelpers } from "./helpers/images.ts";
import { PixelHelpers } from "./helpers/measure.ts";
import { RoiHelpers } from "./helpers/rois.ts";
import { send } from "./protocol-wire.ts";

export interface ScriptContext {
  /** The job this process runs. */
  readonly jobId: number;
  /** Aborted when the job is cancelled; requests made through `client` are aborted with it. */
  readonly signal: AbortSignal;
  /** The Fovea API as the launching user, with a token valid while the job runs. */
  readonly client: FoveaClient;
  /** Reports progress: `fraction` in [0, 1] (clamped), with an optional message. */
  progress(fraction: number, message?: string): void;
  /** Writes one line to the job's stdout log (arguments formatted like console.log). */
  log(...args: unknown[]): void;
  /** An object reference, as outputs and helpers use them: `ctx.ref("Image", 12)`. */
  ref<T extends ObjectType>(type: T, id: number): ObjectRef<T>;
  /** Images of projects, datasets or image ids; unknown or invisible ids are skipped with a log line. */
  readonly images: ImageHelpers;
  /** Server-side pixel operations: shape statistics and path samples. */
  readonly pixels: PixelHelpers;
  /** The ROIs of an image. */
  readonly rois: RoiHelpers;
  /** Reading input files (`p.file()` parameters) and attaching new files. */
  readonly files: FileHelpers;
  /** Uploads `content` as a FileAnnotation linked to `to`; shortcut for `files.attach`. */
  attachFile: FileHelpers["attach"];
}

export interface ContextOptions {
  readonly jobId: number;
  readonly serverUrl: string;
  readonly token: string;
  readonly signal: AbortSignal;
  /** Where log lines go; stdout by default. */
  readonly write?: (text: string) => void;
}

/** A fetch whose requests also end when the job's signal aborts. */
function cancellableFetch(signal: AbortSignal): FetchLike {
  return (input, init) => fetch(input, { ...init, signal: init?.signal ? AbortSignal.any([init.signal, signal]) : signal });
}

export function createContext(options: ContextOptions): ScriptContext {
  const write = options.write ?? ((text: string) => process.stdout.write(text));
  const client = new FoveaClient({ baseUrl: options.serverUrl, token: options.token, fetch: cancellableFetch(options.signal) });
  const log = (...args: unknown[]): void => write(`${format(...args)}\n`);
  const files = new FileHelpers(client, options.signal);
  return {
    jobId: options.jobId,
    signal: options.signal,
    client,
    progress(fraction, message = "") {
      const f = Number.isFinite(fraction) ? Math.min(1, Math.max(0, fraction)) : 0;
      send({ type: "progress", fraction: f, message: String(message) });
    },
    log,
    ref: (type, id) => ({ type, id }),
    images: new ImageHelpers(client, log),
    pixels: new PixelHelpers(client),
    rois: new RoiHelpers(client),
    files,
    attachFile: (name, content, opts) => files.attach(name, content, opts),
  };
}
