"""Fovea's Python SDK: declare a script and its parameters, then work through the Fovea API.

    from fovea_sdk import define_script, p

    def run(ctx, inputs):
        images = ctx.images.of_datasets(inputs["IDs"])
        for image in images:
            ctx.log("---- Processing image", image["id"])
        return {"Message": "Returned %d images" % len(images)}

    define_script(name="Hello World", folder="util_scripts",
                  params=[p.string("Data_Type", values=["Dataset"], default="Dataset", grouping="1"),
                          p.list("IDs", p.long(), grouping="2")],
                  run=run)

Standard library only; pixel values are numpy arrays when numpy imports (``array.array`` and
lists otherwise). The data helpers: ``ctx.objects`` (projects, datasets, images, children,
parents), ``ctx.images`` (Data_Type + IDs, new images), ``ctx.pixels`` (planes and regions, shape
statistics, path samples), ``ctx.rois``, ``ctx.attach_file`` / ``ctx.read_file``.
"""
from .arrays import to_pixel_type
from .client import FoveaApiError
from .context import Cancelled, Context
from .new_image import ImageUpload
from .params import Param, p
from .pixels import PathSamples
from .rois import shape_points
from .script import Script, define_script, make_declaration

__all__ = ["define_script", "make_declaration", "p", "Param", "Script", "Context", "Cancelled", "FoveaApiError",
           "ImageUpload", "PathSamples", "shape_points", "to_pixel_type"]
__version__ = "0.1.0"
