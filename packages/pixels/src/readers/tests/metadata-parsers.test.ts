/**
 * The pure metadata parsers: units, the tolerant XML reader, OME-XML details, ImageJ descriptions
 * and NGFF attributes.
 */
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { imageJPixelSize, parseImageJDescription } from "../imagej-meta.ts";
import { parseNgffImage } from "../ngff-meta.ts";
import { omeColorToHex, parseOmeXml } from "../ome-xml.ts";
import { linearIndex, planeAt } from "../plane-index.ts";
import { toMicrons, toSeconds } from "../units.ts";
import { parseXml } from "../xml-lite.ts";

describe("units", () => {
  it("converts the spellings files use to micrometres and seconds", () => {
    for (const [unit, factor] of [["µm", 1], ["μm", 1], ["um", 1], ["micron", 1], ["\\u00B5m", 1], ["micrometer", 1], ["nm", 1e-3], ["Å", 1e-4], ["\u212b", 1e-4], ["angstrom", 1e-4], ["mm", 1e3], ["m", 1e6]] as const) {
      assert.ok(Math.abs(toMicrons(2, unit)! - 2 * factor) < 1e-12 * Math.max(1, factor), unit);
    }
    assert.equal(toMicrons(1, "pixel"), undefined);
    assert.equal(toMicrons(0, "µm"), undefined);
    assert.equal(toMicrons(-1, "µm"), undefined);
    assert.equal(toSeconds(250, "ms"), 0.25);
    assert.equal(toSeconds(2, "min"), 120);
    assert.equal(toSeconds(3, undefined), 3);
  });
});

describe("xml-lite", () => {
  it("reads elements, attributes, entities and text; skips comments, CDATA markup and PIs", () => {
    const root = parseXml(`<?xml version="1.0"?><!-- <fake/> --><ns:A x='1 &amp; 2' y="&#x3bc;m"><B>t&lt;1<![CDATA[<raw>]]></B><C/><!DOCTYPE q></ns:A>`)!;
    assert.equal(root.name, "A");
    assert.deepEqual(root.attributes, { x: "1 & 2", y: "μm" });
    assert.deepEqual(root.children.map((c) => c.name), ["B", "C"]);
    assert.equal(root.children[0]!.text, "t<1<raw>");
  });

  it("survives stray closing tags, unclosed elements and '>' inside attributes", () => {
    const root = parseXml(`<A><B a="x>y"></C><D></A>`)!;
    assert.equal(root.children[0]!.attributes.a, "x>y");
    assert.deepEqual(root.children[0]!.children.map((c) => c.name), ["D"]);
    assert.equal(parseXml("no markup"), undefined);
  });
});

describe("OME-XML", () => {
  it("converts signed RGBA colours to RRGGBB", () => {
    assert.equal(omeColorToHex("-1"), "FFFFFF");
    assert.equal(omeColorToHex("16711935"), "00FF00");
    assert.equal(omeColorToHex("-16776961"), "FF0000");
    assert.equal(omeColorToHex("65535"), "0000FF");
    assert.equal(omeColorToHex("red"), undefined);
  });

  it("ignores Channel elements outside Pixels and derives ΔT from Plane DeltaT", () => {
    const doc = parseOmeXml(`<OME><Image ID="Image:0"><Pixels SizeX="2" SizeY="2" SizeT="2" DimensionOrder="XYZCT" Type="uint8">
      <Channel Name="real"/><Plane TheT="0" DeltaT="1.5"/><Plane TheT="1" DeltaT="4000" DeltaTUnit="ms"/></Pixels></Image>
      <StructuredAnnotations><XMLAnnotation><Value><Channels><Channel Name="EGFP"/></Channels></Value></XMLAnnotation></StructuredAnnotations></OME>`);
    assert.deepEqual(doc.images[0]!.channels.map((c) => c.name), ["real"]);
    assert.equal(doc.images[0]!.timeIncrement, 2.5);
  });

  it("rejects documents without a usable image", () => {
    assert.throws(() => parseOmeXml("<OME></OME>"), /no Image/);
    assert.throws(() => parseOmeXml(`<OME><Image><Pixels SizeX="-3" SizeY="2"/></Image></OME>`), /SizeX/);
    assert.throws(() => parseOmeXml("<NotOME/>"), /root/);
  });
});

describe("plane index", () => {
  it("round-trips every DimensionOrder", () => {
    const s = { sizeZ: 3, sizeC: 2, sizeT: 4 };
    for (const order of ["ZCT", "ZTC", "CZT", "CTZ", "TZC", "TCZ"] as const) {
      for (let i = 0; i < 24; i++) {
        const { z, c, t } = planeAt(order, s, i);
        assert.equal(linearIndex(order, s, z, c, t), i);
      }
    }
  });
});

describe("ImageJ description", () => {
  it("parses hyperstack sizes, calibration and display range", () => {
    const m = parseImageJDescription("ImageJ=1.54f\nimages=6\nchannels=3\nslices=2\nunit=micron\nspacing=0.25\nfinterval=2\nmin=1.5\nmax=300\n");
    assert.deepEqual([m.images, m.channels, m.slices, m.frames, m.spacing, m.frameInterval, m.min, m.max], [6, 3, 2, 1, 0.25, 2, 1.5, 300]);
    assert.equal(imageJPixelSize([20, 1], "micron"), 0.05);
    assert.equal(imageJPixelSize([20, 1], undefined), undefined);
    assert.equal(parseImageJDescription("ImageJ=1.53g\nunit= \n").unit, undefined);
  });
});

describe("NGFF attributes", () => {
  it("reads 0.5 attributes under `ome` and old 5-D images without axes", () => {
    const v05 = parseNgffImage({ ome: { version: "0.5", multiscales: [{ axes: [{ name: "y", unit: "micrometer" }, { name: "x", unit: "micrometer" }], datasets: [{ path: "s0", coordinateTransformations: [{ type: "scale", scale: [0.5, 0.25] }] }] }] } });
    assert.deepEqual([v05.axes, v05.level0Path, v05.physicalSizeX, v05.physicalSizeY, v05.version], [["y", "x"], "s0", 0.25, 0.5, "0.5"]);
    const v02 = parseNgffImage({ multiscales: [{ version: "0.2", datasets: [{ path: "0" }] }] });
    assert.deepEqual([v02.axes, v02.physicalSizeX], [["t", "c", "z", "y", "x"], undefined]);
    assert.throws(() => parseNgffImage({ multiscales: [{ axes: ["x", "x"], datasets: [{ path: "0" }] }] }), /repeat/);
    assert.throws(() => parseNgffImage({ multiscales: [{ axes: ["z", "x"], datasets: [{ path: "0" }] }] }), /lack y/);
  });
});
