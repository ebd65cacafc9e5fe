"""The declaration of Plane_Statistics.py written with fovea_sdk: both must describe the same."""
from fovea_sdk import define_script, p

define_script(
    name="Plane Statistics",
    description="Minimum, maximum and mean of every plane of the chosen channels.",
    authors=["A. Analyst"], institutions=["A Facility"], version="1.2",
    params=[
        p.string("Data_Type", description="Choose source of images", values=["Dataset", "Image"], default="Image",
                 grouping="1"),
        p.list("IDs", p.long(), description="Dataset or Image IDs.", grouping="2"),
        p.list("Channels", p.int(), description="Channels to measure (1-based).", optional=True, default=[1, 2],
               min=1, grouping="3"),
        p.int("Max_Planes", description="Stop after this many planes", optional=True, default=1000, min=1,
              max=100000, grouping="4"),
        p.bool("Verbose", description="Print the channel table", optional=True, default=False, grouping="5"),
        p.float("Scale", optional=True, default=1.0, min=0.0, max=10.0, grouping="5.1"),
    ],
    run=lambda ctx, inputs: None,
)
