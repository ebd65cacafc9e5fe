/**
 * Debian's Python with tifffile (`python3-tifffile`), used as the independent reference: to read
 * back what Fovea exports, and to write derived test files from real pixels (a two-series OME-TIFF
 * made from toxo.dv, since no real file here holds two series). Tests that need it skip with
 * TIFFFILE_SKIP_REASON when it is missing.
 */
import { execFile } from "node:child_process";
import { promisify } from "node:util";

export const PYTHON = "/usr/bin/python3";

const run = promisify(execFile);

/** Runs `script` with `args` (sys.argv[1:]) and returns its stdout; fails with its stderr. */
export async function runPython(script: string, args: readonly string[] = []): Promise<string> {
  try {
    const { stdout } = await run(PYTHON, ["-c", script, ...args], { timeout: 60_000, maxBuffer: 16 * 1024 * 1024 });
    return stdout;
  } catch (err) {
    const e = err as Error & { stderr?: string };
    throw new Error(`${PYTHON} failed: ${e.stderr?.trim() || e.message}`, { cause: err });
  }
}

async function probeTifffile(): Promise<string | false> {
  try {
    await runPython("import tifffile, numpy");
    return false;
  } catch (err) {
    const detail = (err as Error).message.split("\n").pop() ?? "";
    return `\`${PYTHON} -c "import tifffile"\` fails (install Debian's python3-tifffile): ${detail}`;
  }
}

/** false when tifffile is usable, else the reason to skip. */
export const TIFFFILE_SKIP_REASON: string | false = await probeTifffile();

/**
 * Writes an OME-TIFF holding two series (OME Images) cut from toxo.dv's pixels (SOURCES.md layout:
 * C, Z, Y, X uint16 after the 1024-byte header): Image "525nm" = channel 0, Z 0–16; Image "632nm" =
 * channel 1, Z 0–4. With `corruptLastStrip`, the strips are deflate-compressed and 64 bytes in the middle of
 * the file's last strip (series 2, z=4) are flipped, so the file opens and then fails mid-import.
 */
export async function writeTwoSeriesToxo(dvPath: string, target: string, corruptLastStrip = false): Promise<void> {
  await runPython(`
import sys, numpy as np, tifffile
src, out, corrupt = sys.argv[1], sys.argv[2], sys.argv[3] == "1"
raw = np.fromfile(src, dtype="<u2", offset=1024).reshape(2, 17, 128, 128)
kw = {"compression": "zlib"} if corrupt else {}
with tifffile.TiffWriter(out, ome=True) as w:
    w.write(raw[0], metadata={"axes": "ZYX", "Name": "525nm", "PhysicalSizeX": 0.1326, "PhysicalSizeY": 0.1326}, **kw)
    w.write(raw[1, :5], metadata={"axes": "ZYX", "Name": "632nm", "PhysicalSizeX": 0.1326, "PhysicalSizeY": 0.1326}, **kw)
if corrupt:
    with tifffile.TiffFile(out) as t:
        page = t.series[1].pages[-1]
        off, n = page.dataoffsets[0], page.databytecounts[0]
    data = bytearray(open(out, "rb").read())
    for i in range(off + n // 2, off + n // 2 + 64):
        data[i] ^= 0x5A
    open(out, "wb").write(data)
with tifffile.TiffFile(out) as t:
    assert [s.shape for s in t.series] == [(17, 128, 128), (5, 128, 128)], [s.shape for s in t.series]
`, [dvPath, target, corruptLastStrip ? "1" : "0"]);
}
