/**
 * Page → (z, c, t) mapping of OME-TIFF (DimensionOrder, TiffData, inconsistent channel counts,
 * signedness, several images, units) and ImageJ hyperstacks, on synthetic files whose page i is
 * filled with the value i, so each plane shows which page it came from.
 */
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { expectReaderError } from "./test-data.ts";
import { allPlanes, openError, withOpenedBytes } from "./open-bytes.ts";
import { writeTiff, type TagSpec } from "./tiny-tiff.ts";

const W = 4;
const H = 2;

/** `count` uint16 pages, page i filled with i (page 0 carries the description). */
function stack(count: number, description: string, extraTags: TagSpec[] = []): Uint8Array {
  return writeTiff(Array.from({ length: count }, (_, i) => ({
    width: W, height: H, data: new Uint16Array(W * H).fill(i), bits: 16 as const,
    ...(i === 0 ? { description, extraTags } : {}),
  })));
}

function ome(pixelsAttrs: string, inner: string, extraImages = ""): string {
  return `<?xml version="1.0" encoding="UTF-8"?><!-- a comment --><OME xmlns="http://www.openmicroscopy.org/Schemas/OME/2016-06" UUID="urn:uuid:1">`
    + `<Image ID="Image:0" Name="first"><Pixels ID="Pixels:0" SizeX="${W}" SizeY="${H}" Type="uint16" ${pixelsAttrs}>${inner}</Pixels></Image>${extraImages}</OME>`;
}

/** Which page each plane came from, as "z,c,t" → page. */
async function pageOf(name: string, bytes: Uint8Array): Promise<Map<string, number>> {
  return withOpenedBytes(name, bytes, async (file) => {
    const planes = await allPlanes(file.images[0]!);
    return new Map([...planes].map(([k, v]) => [k, v[0]!]));
  });
}

describe("OME-TIFF plane mapping", () => {
  it("follows DimensionOrder when there is no TiffData (XYTZC: T fastest, then Z, then C)", async () => {
    const [Z, C, T] = [2, 2, 3];
    const xml = ome(`DimensionOrder="XYTZC" SizeZ="${Z}" SizeC="${C}" SizeT="${T}"`, `<Channel ID="Channel:0:0"/><Channel ID="Channel:0:1"/>`);
    const pages = await pageOf("order.ome.tif", stack(Z * C * T, xml));
    for (let t = 0; t < T; t++) for (let c = 0; c < C; c++) for (let z = 0; z < Z; z++) {
      assert.equal(pages.get(`${z},${c},${t}`), t + T * (z + Z * c), `z=${z} c=${c} t=${t}`);
    }
  });

  it("follows TiffData IFD and First* attributes over DimensionOrder", async () => {
    // Planes stored in reverse: (z,t) = (0,0) in IFD 3, (1,0) in IFD 2, (0,1) in IFD 1, (1,1) in IFD 0.
    const tds = [[0, 0, 3], [1, 0, 2], [0, 1, 1], [1, 1, 0]]
      .map(([z, t, ifd]) => `<TiffData IFD="${ifd}" FirstZ="${z}" FirstT="${t}" PlaneCount="1"><UUID FileName="x.ome.tif">urn:uuid:1</UUID></TiffData>`).join("");
    const pages = await pageOf("tiffdata.ome.tif", stack(4, ome(`DimensionOrder="XYZCT" SizeZ="2" SizeC="1" SizeT="2"`, `<Channel ID="Channel:0:0"/>${tds}`)));
    assert.deepEqual([...pages], [["0,0,0", 3], ["1,0,0", 2], ["0,0,1", 1], ["1,0,1", 0]]);
  });

  it("keeps the channels the IFDs hold when the XML declares more (aicsimageio case)", async () => {
    const channels = ["A", "B", "C"].map((n, i) => `<Channel ID="Channel:0:${i}" Name="${n}"/>`).join("");
    await withOpenedBytes("more-channels.ome.tif", stack(2, ome(`DimensionOrder="XYCZT" SizeZ="1" SizeC="3" SizeT="1"`, channels)), async (file) => {
      const m = file.images[0]!.metadata;
      assert.equal(m.sizeC, 2);
      assert.deepEqual(m.channels.map((c) => c.name), ["A", "B"]);
      assert.equal((await file.images[0]!.readPlane(0, 1, 0)).data[0], 1);
    });
  });

  it("fails when planes are missing and no whole channel count fits", async () => {
    const err = await openError("missing.ome.tif", stack(3, ome(`DimensionOrder="XYZCT" SizeZ="2" SizeC="1" SizeT="2"`, `<Channel ID="Channel:0:0"/>`)));
    expectReaderError(err, "missing.ome.tif", ["FILE_UNREADABLE"]);
  });

  it("reinterprets unsigned samples as int16 when the OME-XML says so", async () => {
    const xml = ome(`DimensionOrder="XYZCT" SizeZ="1" SizeC="1" SizeT="1"`, `<Channel ID="Channel:0:0"/>`).replace(`Type="uint16"`, `Type="int16"`);
    const bytes = writeTiff([{ width: W, height: H, data: Uint16Array.from([0, 1, 65535, 32768, 32767, 2, 3, 4]), bits: 16, description: xml }]);
    await withOpenedBytes("signed.ome.tif", bytes, async (file) => {
      assert.equal(file.images[0]!.metadata.pixelType, "int16");
      assert.deepEqual(Array.from((await file.images[0]!.readPlane(0, 0, 0)).data), [0, 1, -1, -32768, 32767, 2, 3, 4]);
    });
  });

  it("reads each Image of a multi-image OME-TIFF, the second after the first's planes", async () => {
    const second = `<Image ID="Image:1" Name="second"><Pixels ID="Pixels:1" DimensionOrder="XYZCT" SizeX="${W}" SizeY="${H}" SizeZ="1" SizeC="1" SizeT="2" Type="uint16"><Channel ID="Channel:1:0"/></Pixels></Image>`;
    const xml = ome(`DimensionOrder="XYZCT" SizeZ="3" SizeC="1" SizeT="1"`, `<Channel ID="Channel:0:0"/>`, second);
    await withOpenedBytes("two.ome.tif", stack(5, xml), async (file) => {
      assert.deepEqual(file.images.map((i) => [i.metadata.name, i.metadata.sizeZ, i.metadata.sizeT]), [["two.ome.tif [first]", 3, 1], ["two.ome.tif [second]", 1, 2]]);
      assert.equal((await file.images[1]!.readPlane(0, 0, 1)).data[0], 4);
    });
  });

  it("converts units, colours and wavelengths", async () => {
    const attrs = `DimensionOrder="XYZCT" SizeZ="1" SizeC="2" SizeT="1" PhysicalSizeX="650" PhysicalSizeXUnit="nm" PhysicalSizeY="0.0007" PhysicalSizeYUnit="mm" `
      + `PhysicalSizeZ="2000" PhysicalSizeZUnit="Å" TimeIncrement="500" TimeIncrementUnit="ms"`;
    const channels = `<Channel ID="Channel:0:0" Name="GFP" Color="16711935" EmissionWavelength="0.51" EmissionWavelengthUnit="µm"/>`
      + `<Channel ID="Channel:0:1" Color="-16776961" EmissionWavelength="610"/>`;
    await withOpenedBytes("units.ome.tif", stack(2, ome(attrs, channels)), async (file) => {
      const m = file.images[0]!.metadata;
      assert.ok(Math.abs(m.physicalSizeX! - 0.65) < 1e-12);
      assert.ok(Math.abs(m.physicalSizeY! - 0.7) < 1e-12);
      assert.ok(Math.abs(m.physicalSizeZ! - 0.2) < 1e-12);
      assert.equal(m.timeIncrement, 0.5);
      assert.deepEqual(m.channels, [
        { name: "GFP", color: "00FF00", emissionWavelength: 510 },
        { name: "610nm", color: "FF0000", emissionWavelength: 610 },
      ]);
    });
  });

  it("refuses a multi-file OME-TIFF and a BinaryOnly companion", async () => {
    const other = ome(`DimensionOrder="XYZCT" SizeZ="2" SizeC="1" SizeT="1"`,
      `<Channel ID="Channel:0:0"/><TiffData IFD="0" PlaneCount="1"/><TiffData FirstZ="1" IFD="0" PlaneCount="1"><UUID FileName="other.ome.tif">urn:uuid:2</UUID></TiffData>`);
    expectReaderError(await openError("multi.ome.tif", stack(1, other)), "multi.ome.tif", ["UNSUPPORTED_FORMAT"]);
    const binaryOnly = ome(`DimensionOrder="XYZCT"`, "").replace("</OME>", `<BinaryOnly MetadataFile="x.companion.ome" UUID="urn:uuid:3"/></OME>`);
    expectReaderError(await openError("companion.ome.tif", stack(1, binaryOnly)), "companion.ome.tif", ["UNSUPPORTED_FORMAT"]);
  });
});

describe("ImageJ hyperstacks", () => {
  it("orders pages C, Z, T with C fastest and reads the calibration", async () => {
    const description = "ImageJ=1.53c\nimages=12\nchannels=2\nslices=3\nframes=2\nhyperstack=true\nunit=\\u00B5m\nspacing=0.5\nfinterval=250\ntunit=ms\n";
    const resolution = [{ tag: 282, type: 5, values: [4, 1] }, { tag: 283, type: 5, values: [5, 1] }];
    await withOpenedBytes("hyper.tif", stack(12, description, resolution), async (file) => {
      const m = file.images[0]!.metadata;
      assert.deepEqual([m.sizeZ, m.sizeC, m.sizeT, m.format], [3, 2, 2, "TIFF"]);
      assert.deepEqual([m.physicalSizeX, m.physicalSizeY, m.physicalSizeZ, m.timeIncrement], [0.25, 0.2, 0.5, 0.25]);
      const pages = new Map([...await allPlanes(file.images[0]!)].map(([k, v]) => [k, v[0]]));
      for (let t = 0; t < 2; t++) for (let z = 0; z < 3; z++) for (let c = 0; c < 2; c++) {
        assert.equal(pages.get(`${z},${c},${t}`), c + 2 * (z + 3 * t));
      }
    });
  });

  it("opens an unlabelled ImageJ stack (images=N only) as slices, as ImageJ does", async () => {
    await withOpenedBytes("stack.tif", stack(4, "ImageJ=1.53c\nimages=4\n"), async (file) => {
      assert.deepEqual([file.images[0]!.metadata.sizeZ, file.images[0]!.metadata.sizeT], [4, 1]);
    });
  });

  it("fails when the description promises more images than the file has", async () => {
    const err = await openError("short.tif", stack(4, "ImageJ=1.53c\nimages=12\nchannels=2\nslices=6\n"));
    expectReaderError(err, "short.tif", ["FILE_UNREADABLE"]);
  });
});
