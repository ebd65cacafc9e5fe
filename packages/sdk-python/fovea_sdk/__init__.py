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

Standard library only; ``ctx.pixels.plane`` returns numpy arrays when numpy imports.
"""
from .client import FoveaApiError
from .context import Cancelled, Context
from .params import Param, p
from .script import Script, define_script, make_declaration

__all__ = ["define_script", "make_declaration", "p", "Param", "Script", "Context", "Cancelled", "FoveaApiError"]
__version__ = "0.1.0"
