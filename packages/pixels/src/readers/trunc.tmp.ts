import { createFileOpener } from "./file-opener.ts";
import { readFile, writeFile, mkdtemp } from "node:fs/promises";
import { isFoveaError } from "@fovea/model";
const files = ["mrc/toxo.dv","omero-common/tinyTest.d3d.dv","deltavision-scripts/gpsf_3D_1514_a3_001_WF.dv_otf","scikit-tracker/CZT_peaks.ome.tif","scikit-tracker/TC_BF_cells.ome.tif","scikit-tracker/TZ_nucleus.ome.tif","aicsimageio/s_1_t_1_c_1_z_1.ome.tiff","neubias-training/xyzc_16bit__spots.tif","neubias-training/xyc_16bit__hela-cells.tif","neubias-training/xy_rgb__cells.tif","neubias-training/xy_float__h2b_bg_corr.tif","neubias-training/xyt_calibrated_16bit__golgi_bfa_sum_projection.tif","neubias-training/xy_16bit__motors_on_microtubules.tif","neubias-training/xyc_8bit__tub_h2b_cecog_battery.tif","bioimage-analysis-notebooks/cancer_cell_migration_crop.tif","bioimage-analysis-notebooks/IXMtest_A02_s9.tif","pims/stuck.tif","stardist/img2d.tif","derived/toxo.ome.tif","derived/bulk_water_t100_crop192.ome.tif", "neubias-training/xyz__multiple_images.czi"];
const dir = await mkdtemp("/tmp/trunc-");
const opener = createFileOpener();
for (const rel of files) {
  const full = await readFile("/work/shared/data/" + rel);
  const size = full.length;
  const cuts = [...new Set([1, 7, 8, 100, 512, 1023, 1024, 1100, Math.floor(size / 3), Math.floor(size / 2), size - 100, size - 1])].filter((c) => c > 0 && c < size);
  const out: string[] = [];
  for (const cut of cuts) {
    const name = rel.split("/").pop()!;
    const p = `${dir}/${name}`;
    await writeFile(p, full.subarray(0, cut));
    const t0 = Date.now();
    let res = "";
    try {
      const f = await opener.open(p);
      res = "opened";
      try {
        for (const img of f.images) {
          const m = img.metadata;
          for (let t = 0; t < m.sizeT; t++) for (let c = 0; c < m.sizeC; c++) for (let z = 0; z < m.sizeZ; z++) await img.readPlane(z, c, t);
        }
        res += "+allread";
      } finally { await f.close(); }
    } catch (e: any) {
      res += isFoveaError(e) ? (e.message.includes(name) ? `:${e.code}` : `:NONAME ${e.message}`) : `:RAW ${e?.name} ${e?.message}`;
      if (cut === size - 1 || !isFoveaError(e)) res += ` [${e.message}]`;
    }
    out.push(`${cut}${res}(${Date.now() - t0}ms)`);
  }
  console.log(rel, "\n   ", out.join("\n    "));
}
