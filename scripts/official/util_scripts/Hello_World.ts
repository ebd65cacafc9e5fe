/**
 * util_scripts/Hello_World (SCRIPTS.md §3): lists the images of the chosen datasets. The smallest
 * useful official script, and the first one a new user runs.
 */
import { defineScript, p } from "@fovea/sdk";

export default defineScript({
  name: "Hello World",
  folder: "util_scripts",
  description: "Lists the images of the chosen datasets.",
  authors: ["Fovea Team"],
  institutions: ["Fovea"],
  version: "1.0.0",
  timeoutSeconds: 300,
  params: {
    Data_Type: p.string({ values: ["Dataset"] as const, default: "Dataset", grouping: "1", description: "The type of the objects in IDs." }),
    IDs: p.list(p.long(), { grouping: "2", description: "Dataset IDs." }),
  },
  async run(ctx, inputs) {
    // Unknown or invisible dataset ids are skipped by the helper, with a log line each.
    const images = await ctx.images.ofDatasets(inputs.IDs);
    images.forEach((image, i) => {
      ctx.log(`---- Processing image ${image.id}`);
      ctx.progress((i + 1) / images.length, `image ${i + 1} of ${images.length}`);
    });
    if (images.length === 0) return { Message: "No images found" };
    return { Message: `Returned ${images.length} images`, Image: ctx.ref("Image", images[0]!.id) };
  },
});
