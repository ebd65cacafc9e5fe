/** Turning a file name chosen by the server into one that is safe to create here. */

/**
 * Keeps only the last path component and drops control characters, so that a name such as
 * `../../.bashrc` or `C:\x\evil` from a server cannot write outside the target directory.
 * Falls back to `fallback` when nothing usable is left.
 */
export function safeFileName(name: string, fallback: string): string {
  const last = name.split(/[\\/]/).pop() ?? "";
  const cleaned = last.replace(/[\u0000-\u001f\u007f]/g, "").trim();
  return cleaned === "" || cleaned === "." || cleaned === ".." ? fallback : cleaned;
}
