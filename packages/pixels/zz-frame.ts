import Zstd from "numcodecs/zstd";
import { frameContentSize, zstdDecoder, decompressZstd } from "./src/store/zstd-decode.ts";
const c = new Zstd(1);
for (const n of [0, 1, 100, 255, 256, 300, 65535, 65536, 65791, 131072, 524288, 2 ** 21]) {
  const raw = new Uint8Array(n).map((_, i) => (i * 7919) % 251 ^ (i >> 5));
  const comp = await c.encode(raw);
  const d = (await zstdDecoder())!;
  const size = frameContentSize(comp);
  const out = size === undefined ? undefined : new Uint8Array(await decompressZstd(d, comp));
  console.log(n, comp.length, size, out && Buffer.from(out).equals(Buffer.from(raw)), frameContentSize(comp.subarray(0, comp.length - 1)), frameContentSize(new Uint8Array([...comp, 0])));
}
