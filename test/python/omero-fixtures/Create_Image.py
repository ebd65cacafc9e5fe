#!/usr/bin/env python
# -*- coding: utf-8 -*-
"""
A new image from NumPy planes, in the OMERO style: each source image's Z order reversed and its
values shifted by Offset, written with createImageFromNumpySeq into the chosen dataset.
"""
import numpy as np

import omero
import omero.scripts as scripts
from omero.gateway import BlitzGateway
from omero.rtypes import rint, rlong, robject, rstring


def plane_gen(image, offset):
    """Planes in createImageFromNumpySeq's order: for z, for c, for t."""
    pixels = image.getPrimaryPixels()
    size_z = image.getSizeZ()
    for z in range(size_z):
        for c in range(image.getSizeC()):
            for t in range(image.getSizeT()):
                plane = pixels.getPlane(size_z - 1 - z, c, t)
                yield (plane + offset).astype(plane.dtype)


def run_script():
    client = scripts.client(
        "Create_Image.py",
        "Reverses each image's Z order into a new image.",
        scripts.String("Data_Type", optional=False, grouping="1", values=[rstring("Image")], default="Image"),
        scripts.List("IDs", optional=False, grouping="2").ofType(rlong(0)),
        scripts.Long("Dataset_ID", grouping="3", description="Where the new images go"),
        scripts.Int("Offset", grouping="4", default=1, min=0),
    )
    try:
        conn = BlitzGateway(client_obj=client)
        script_params = client.getInputs(unwrap=True)
        dataset = None
        if "Dataset_ID" in script_params:
            dataset = conn.getObject("Dataset", script_params["Dataset_ID"])
        new_images = []
        for image in conn.getObjects("Image", script_params["IDs"]):
            new_image = conn.createImageFromNumpySeq(
                plane_gen(image, script_params["Offset"]), "%s_reversed" % image.getName(),
                sizeZ=image.getSizeZ(), sizeC=image.getSizeC(), sizeT=image.getSizeT(),
                description="Z reversed from image %d" % image.getId(), dataset=dataset,
                sourceImageId=image.getId(), channelList=list(range(image.getSizeC())))
            print("Created image %d from image %d" % (new_image.getId(), image.getId()))
            new_images.append(new_image)
        if new_images:
            client.setOutput("Message", rstring("Created %d images" % len(new_images)))
            client.setOutput("Image", robject(new_images[0]._obj))
    finally:
        client.closeSession()


if __name__ == "__main__":
    run_script()
