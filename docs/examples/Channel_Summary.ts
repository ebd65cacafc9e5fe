/**
 * The worked example of docs/writing-scripts.md (the test suite runs it: test/docs/).
 * For every chosen image, the intensity statistics of each channel's middle Z plane (at the first
 * time point), written to one CSV attached to the images.
 */
import { defineScript, p } from "@fovea/sdk";

export default defineScript({
  name: "Channel Summary",
  folder: "analysis_scripts",
  description: "Per-channel min, max and mean of the middle Z plane of each image, as a CSV attached to the images.",
  authors: ["Fovea Team"],
  version: "1.0.0",
  timeoutSeconds: 300,
  params: {
    Data_Type: p.string({ values: ["Dataset", "Image"] as const, default: "Image", grouping: "1" }),
    IDs: p.list(p.long(), { grouping: "2", description: "Dataset or Image IDs." }),
    Include_Median: p.bool({ default: false, grouping: "3", description: "Also report the median." }),
    Median_Label: p.string({ default: "median", grouping: "3.1", description: "Column title of the median (shown only when Include_Median is ticked)." }),
    File_Name: p.string({ default: "channel_summary.csv", grouping: "4" }),
  },
  async run(ctx, inputs) {
    const images = inputs.Data_Type === "Dataset" ? await ctx.images.ofDatasets(inputs.IDs) : await ctx.images.byIds(inputs.IDs);
    if (images.length === 0) return { Message: "No images found" };
    const header = ["image_id", "image_name", "channel", "z", "min", "max", "mean", ...(inputs.Include_Median ? [inputs.Median_Label] : [])];
    const rows: string[] = [header.join(",")];
    for (const [i, image] of images.entries()) {
      const z = Math.floor(image.sizeZ / 2);
      for (let c = 0; c < image.sizeC; c++) {
        ctx.signal.throwIfAborted(); // stop promptly when the job is cancelled
        const plane = await ctx.client.pixels.readPlane(image.id, { z, c, t: 0 });
        const values = typedView(plane.dtype, plane.bytes);
        let min = Infinity;
        let max = -Infinity;
        let sum = 0;
        for (const v of values) {
          if (v < min) min = v;
          if (v > max) max = v;
          sum += v;
        }
        const cells = [image.id, csv(image.name), csv(image.channels[c]?.name ?? `Ch${c + 1}`), z + 1, min, max, sum / values.length];
        if (inputs.Include_Median) cells.push(median(values));
        rows.push(cells.join(","));
      }
      ctx.progress((i + 1) / images.length, `image ${i + 1} of ${images.length}`);
    }
    const name = inputs.File_Name.endsWith(".csv") ? inputs.File_Name : `${inputs.File_Name}.csv`;
    const file = await ctx.attachFile(name, `${rows.join("\n")}\n`, { to: images.map((img) => ctx.ref("Image", img.id)), mimeType: "text/csv" });
    ctx.log(`wrote ${rows.length - 1} rows to ${name}`);
    return { Message: `Summarised ${images.length} images`, File_Annotation: file };
  },
});

function typedView(dtype: string, bytes: ArrayBuffer): ArrayLike<number> & Iterable<number> {
  switch (dtype) {
    case "uint8": return new Uint8Array(bytes);
    case "int8": return new Int8Array(bytes);
    case "uint16": return new Uint16Array(bytes);
    case "int16": return new Int16Array(bytes);
    case "uint32": return new Uint32Array(bytes);
    case "int32": return new Int32Array(bytes);
    case "float32": return new Float32Array(bytes);
    default: return new Float64Array(bytes);
  }
}

function median(values: ArrayLike<number>): number {
  const sorted = Float64Array.from(values).sort();
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** RFC 4180 quoting for text cells. */
function csv(text: string): string {
  return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}
