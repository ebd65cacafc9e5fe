import assert from "node:assert/strict";
import { test } from "node:test";
import { demoCatalogue, kymographMovie, siRnaHelaImages } from "./index.ts";

test("the catalogue holds the siRNA-HeLa stacks and the kymograph movie", async () => {
  const { datasets } = demoCatalogue();
  assert.deepEqual(datasets.map((d) => d.name), ["siRNA-HeLa", "Kymograph"]);
  assert.deepEqual(datasets.map((d) => d.readers.length), [4, 1]);
  for (const d of datasets) assert.ok(d.description.length > 40);
  const names = datasets.flatMap((d) => d.readers.map((r) => r.metadata.name));
  assert.equal(new Set(names).size, names.length, "image names are unique");
  for (const reader of datasets.flatMap((d) => d.readers)) {
    const m = reader.metadata;
    const plane = await reader.readPlane(m.sizeZ - 1, m.sizeC - 1, m.sizeT - 1);
    assert.equal(plane.data.length, m.sizeX * m.sizeY);
    assert.ok(plane.data instanceof Uint16Array);
  }
});

test("the catalogue is the generators' output for its seed", async () => {
  const [hela, movie] = demoCatalogue({ seed: 9 }).datasets;
  const expected = (await siRnaHelaImages({ seed: 9 }).readers[2]!.readPlane(4, 3, 0)).data;
  assert.deepEqual((await hela!.readers[2]!.readPlane(4, 3, 0)).data, expected);
  assert.deepEqual((await movie!.readers[0]!.readPlane(0, 0, 10)).data, (await kymographMovie({ seed: 9 }).reader.readPlane(0, 0, 10)).data);
});
