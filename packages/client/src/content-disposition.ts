/** Reads the file name out of a `Content-Disposition` header (RFC 6266). */

/**
 * Prefers the RFC 5987 `filename*=UTF-8''…` form, which carries non-ASCII names, over the plain
 * `filename="…"`. Returns undefined when neither is present or readable. The name is returned as
 * the server sent it; whoever writes it to disk must still strip directories from it.
 */
export function fileNameFromContentDisposition(header: string | null | undefined): string | undefined {
  if (!header) return undefined;
  const extended = /filename\*\s*=\s*([^']*)'[^']*'([^;]+)/i.exec(header);
  if (extended) {
    try {
      const charset = extended[1]!.trim().toLowerCase();
      const raw = extended[2]!.trim();
      if (charset === "" || charset === "utf-8") return decodeURIComponent(raw);
    } catch {
      // A malformed percent-encoding: fall back to the plain parameter below.
    }
  }
  const quoted = /filename\s*=\s*"((?:\\.|[^"\\])*)"/i.exec(header);
  if (quoted) return quoted[1]!.replace(/\\(.)/g, "$1");
  const token = /filename\s*=\s*([^;\s]+)/i.exec(header);
  return token ? token[1] : undefined;
}
