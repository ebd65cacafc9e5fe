/** Where the built web UI is in an installation (the server serves it at `/`). */
import { fileURLToPath } from "node:url";

/**
 * apps/web/dist at the repository root: three levels up both from this source file
 * (packages/server/src) and from the bundled CLI (apps/cli/dist). Keep this file in src/.
 */
export function defaultWebDir(): string {
  return fileURLToPath(new URL("../../../apps/web/dist", import.meta.url));
}
