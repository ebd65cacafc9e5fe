/**
 * DeltaVision header parsing and plane order on synthetic files: both byte orders, the three
 * image sequences, the supported modes, and headers that are damaged or describe too much data.
 */
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { parseDvHeader, sectionIndex } from "../dv-header.ts";
import { expectReaderError } from "./test-data.ts";
import { openError, withOpenedBytes } from "./open-bytes.ts";
import { writeDv } from "./tiny-dv.ts";

describe("DeltaVision reader", () => {
  for (const littleEndian of [true, false]) {
    for (const [sequence, name] of [[0, "ZTW"], [1, "WZT"], [2, "ZWT"]] as const) {
      it(`maps sections by image sequence ${name}, ${littleEndian ? "little" : "big"}-endian`, async () => {
        const [Z, C, T] = [3, 2, 2];
        const bytes = writeDv({ littleEndian, nx: 3, ny: 2, sections: Z * C * T, mode: 6, times: T, waves: [525, 632], sequence, value: (s) => s });
        await withOpenedBytes("seq.dv", bytes, async (file) => {
          const image = file.images[0]!;
          assert.deepEqual([image.metadata.sizeZ, image.metadata.sizeC, image.metadata.sizeT], [Z, C, T]);
          for (let t = 0; t < T; t++) for (let c = 0; c < C; c++) for (let z = 0; z < Z; z++) {
            // Independent spelling of the three orders (fastest first).
            const expected = { ZTW: z + Z * (t + T * c), WZT: c + C * (z + Z * t), ZWT: z + Z * (c + C * t) }[name];
            assert.equal((await image.readPlane(z, c, t)).data[0], expected, `z=${z} c=${c} t=${t}`);
          }
        });
      });
    }
  }

  it("reads mode 0 as unsigned bytes, 1 as int16 and 2 as float32, with metadata", async () => {
    const cases = [
      { mode: 0, type: "uint8", values: [0, 200, 255] },
      { mode: 1, type: "int16", values: [-32768, -1, 1234] },
      { mode: 2, type: "float32", values: [-1.5, 0.25, 1e6] },
    ];
    for (const { mode, type, values } of cases) {
      const bytes = writeDv({ littleEndian: false, nx: 3, ny: 1, sections: 1, mode, waves: [0], pixelSize: [0.5, 0.25, 2], titles: ["first", "second"], value: (_, i) => values[i]! });
      await withOpenedBytes(`mode${mode}.r3d`, bytes, async (file) => {
        const m = file.images[0]!.metadata;
        assert.equal(m.pixelType, type);
        assert.deepEqual([m.physicalSizeX, m.physicalSizeY, m.physicalSizeZ, m.format, m.name], [0.5, 0.25, 2, "DeltaVision", `mode${mode}.r3d`]);
        assert.deepEqual(m.channels, [{ name: "Ch1" }]);
        assert.deepEqual(Array.from((await file.images[0]!.readPlane(0, 0, 0)).data), values);
      });
    }
  });

  it("parses title lines, with SoftWoRx's count in the int16 at 222", () => {
    const bytes = writeDv({ nx: 1, ny: 1, sections: 1, mode: 6, titles: ["a", "b", "c"] });
    const view = new DataView(bytes.buffer);
    view.setInt16(220, 2, true); // int32 at 220 now reads 3 << 16 | 2 (SoftWoRx files look like this)
    view.setInt16(222, 3, true);
    assert.deepEqual(parseDvHeader("t.dv", bytes.subarray(0, 1024), bytes.length).titles, ["a", "b", "c"]);
  });

  it("computes the section of a plane", () => {
    assert.equal(sectionIndex({ sequence: "ZTW", sizeZ: 17, sizeC: 2, sizeT: 1 }, 3, 1, 0), 20);
  });

  it("refuses damaged headers with FILE_UNREADABLE naming the file and the reason", async () => {
    const good = writeDv({ nx: 4, ny: 4, sections: 6, mode: 6, times: 2, waves: [500, 600, 700] });
    const damage = (...edits: [offset: number, size: 2 | 4, value: number][]) => {
      const copy = good.slice();
      const v = new DataView(copy.buffer);
      for (const [offset, size, value] of edits) {
        if (size === 2) v.setInt16(offset, value, true); else v.setInt32(offset, value, true);
      }
      return copy;
    };
    const cases: [string, Uint8Array, RegExp][] = [
      ["huge nx·ny", damage([0, 4, 2 ** 30], [4, 4, 2 ** 30]), /implausibly large/],
      ["sections far beyond the file", damage([8, 4, 2 ** 31 - 2]), /describes/],
      ["nx·ny·sections beyond 2^53", damage([0, 4, 32767], [4, 4, 32767], [8, 4, 2 ** 31 - 2]), /describes/],
      ["negative nx", damage([0, 4, -4]), /non-positive/],
      ["zero sections", damage([8, 4, 0]), /non-positive/],
      ["sections not divisible by T·W", damage([180, 2, 4]), /do not divide/],
      ["negative extended header", damage([92, 4, -1]), /negative/],
      ["extended header past the end", damage([92, 4, 2 ** 31 - 1]), /describes/],
      ["unknown image sequence", damage([182, 2, 7]), /sequence/],
      ["header cut short", good.slice(0, 600), /truncated/],
      ["pixels cut short", good.slice(0, good.length - 1), /truncated/],
    ];
    for (const [what, bytes, reason] of cases) {
      const err = expectReaderError(await openError("bad.dv", bytes), "bad.dv", ["FILE_UNREADABLE"]);
      assert.match(err.message, reason, what);
    }
  });

  it("refuses unsupported modes with UNSUPPORTED_FORMAT naming the mode", async () => {
    const bytes = writeDv({ nx: 2, ny: 2, sections: 1, mode: 6 });
    new DataView(bytes.buffer).setInt32(12, 4, true);
    const err = expectReaderError(await openError("complex.dv", bytes), "complex.dv", ["UNSUPPORTED_FORMAT"]);
    assert.match(err.message, /mode 4/);
  });
});
