/**
 * `prepare` for TypeScript and JavaScript: one esbuild bundle (ESM, Node 20) of the script with
 * @fovea/sdk and its dependencies inlined, so that the script process needs nothing but its own
 * file (it may read nothing else under the permission model). Node built-ins stay imports.
 */
import { existsSync } from "node:fs";
import { basename, dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { build, formatMessages, type Message, type Plugin } from "esbuild";
import { FoveaError } from "@fovea/model";

/**
 * The node_modules folders above this package (nearest first): where `@fovea/sdk` and any npm
 * package a script imports are found, wherever the runner itself is installed or bundled.
 */
function nodeModulesAbove(start: string): string[] {
  const found: string[] = [];
  for (let dir = start; ; dir = dirname(dir)) {
    const candidate = join(dir, "node_modules");
    if (existsSync(candidate)) found.push(candidate);
    if (dirname(dir) === dir) return found;
  }
}

const NODE_PATHS = nodeModulesAbove(dirname(fileURLToPath(import.meta.url)));

/**
 * Bundled CommonJS packages call `require` for Node built-ins, which an ESM file lacks; this
 * banner provides one (as a global, so that it cannot clash with a name the script declares).
 */
const BANNER = 'import { createRequire as __foveaCreateRequire } from "node:module"; globalThis.require ??= __foveaCreateRequire(import.meta.url);';

/**
 * The uploaded file lives in its own esbuild namespace, so that a resolve hook can see exactly its
 * imports (and nothing of the packages it pulls in, which keeps bundling fast).
 */
const SCRIPT_NS = "fovea-script";

/**
 * The script may import packages and Node built-ins, nothing by path: an uploaded script is one
 * file, and bundling runs inside the server, where `import "/etc/…"` or `"../../config.json"` would
 * inline the server's own files into the script.
 */
function scriptEntry(name: string, source: string, loader: "ts" | "js", workRoot: string): Plugin {
  return {
    name: "fovea-script-entry",
    setup(b) {
      b.onResolve({ filter: new RegExp(`^${SCRIPT_NS}:`) }, (args) => (args.kind === "entry-point" ? { path: name, namespace: SCRIPT_NS } : undefined));
      b.onResolve({ filter: /.*/, namespace: SCRIPT_NS }, (args) => {
        const byPath = /^(\.{1,2}(\/|$)|\/|file:)/.test(args.path) || args.path.split(/[\\/]/).includes("..");
        if (byPath) return { errors: [{ text: `cannot import "${args.path}": a script is one file and may import only packages (e.g. "@fovea/sdk") and Node built-ins` }] };
        return undefined;
      });
      b.onLoad({ filter: /.*/, namespace: SCRIPT_NS }, () => ({ contents: source, loader, resolveDir: workRoot }));
    },
  };
}

/** The model's source folder; undefined (and the plugin below idle) where it is not installed as a package. */
const MODEL_SRC = ((): string | undefined => {
  try {
    return dirname(fileURLToPath(import.meta.resolve("@fovea/model")));
  } catch {
    return undefined;
  }
})();

/**
 * Marks @fovea/model's files as free of side effects (they only declare schemas and functions), so
 * that esbuild drops the modules a script does not use. Without it every script carries typebox and
 * all API schemas, and compiles the declaration validator at start-up: 480 kB and ~40 ms more per
 * process. (The same as `"sideEffects": false` in the model's package.json would do.) The filter
 * sees only the package name and relative `.ts` imports, i.e. our TypeScript sources, not typebox's.
 */
const modelIsPure: Plugin = {
  name: "fovea-model-is-pure",
  setup(b) {
    b.onResolve({ filter: /^@fovea\/model$|^\.\.?\/.*\.ts$/, namespace: "file" }, async (args) => {
      if (!MODEL_SRC || args.pluginData === "fovea-inner" || (args.path !== "@fovea/model" && !args.importer.startsWith(MODEL_SRC))) return undefined;
      const r = await b.resolve(args.path, { kind: args.kind, resolveDir: args.resolveDir, importer: args.importer, pluginData: "fovea-inner" });
      if (r.errors.length > 0 || !r.path.startsWith(MODEL_SRC)) return undefined;
      return { path: r.path, sideEffects: false };
    });
  },
};

/** Bundles a script; compile errors become SCRIPT_INVALID with esbuild's text (file:line:column). */
export async function bundleScript(source: string, fileName: string, language: "typescript" | "javascript", workRoot: string): Promise<string> {
  const name = basename(fileName) || "script";
  let messages: Message[];
  try {
    const result = await build({
      entryPoints: [`${SCRIPT_NS}:${name}`],
      absWorkingDir: workRoot,
      bundle: true,
      write: false,
      // Where the runner will put it (workRoot/job-XXXXXX/script.mjs), so that the source map's
      // relative paths resolve to the real SDK files in stack traces.
      outfile: join(workRoot, "job", "script.mjs"),
      format: "esm",
      platform: "node",
      target: "node20",
      nodePaths: NODE_PATHS,
      banner: { js: BANNER },
      logLevel: "silent",
      legalComments: "none",
      // Stack traces name the author's own file and lines (`Script.ts:12:5`), not the bundle's.
      sourcemap: "inline",
      sourcesContent: false,
      plugins: [
        scriptEntry(name, source, language === "typescript" ? "ts" : "js", workRoot),
        modelIsPure,
      ],
    });
    const out = result.outputFiles[0];
    if (!out) throw new FoveaError("INTERNAL", "esbuild produced no output");
    return out.text;
  } catch (err) {
    const errors = (err as { errors?: Message[] }).errors;
    if (!Array.isArray(errors)) throw err;
    messages = errors;
  }
  // Locations in the script read `fovea-script:Name.ts`; the author knows the file as `Name.ts`.
  for (const m of messages) if (m.location?.file.startsWith(`${SCRIPT_NS}:`)) m.location.file = m.location.file.slice(SCRIPT_NS.length + 1);
  const text = await formatMessages(messages, { kind: "error", color: false });
  throw new FoveaError("SCRIPT_INVALID", `${name} does not compile:\n${text.join("").trimEnd()}`, {
    details: messages.map((m) => ({
      // Same line:column as the text (esbuild counts columns from 0).
      field: m.location ? `${m.location.file}:${m.location.line}:${m.location.column}` : name,
      message: m.text,
    })),
  });
}
