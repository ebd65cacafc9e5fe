#!/usr/bin/env python
# -*- coding: utf-8 -*-
"""
Per-plane intensity statistics with NumPy, in the OMERO style: for every image, the min, max and
mean of each chosen channel's planes, printed one line per plane.
"""
import numpy

import omero.scripts as scripts
from omero.gateway import BlitzGateway
from omero.rtypes import rint, rlong, rstring


def get_images(conn, data_type, ids):
    if data_type == "Dataset":
        images = []
        for dataset in conn.getObjects("Dataset", ids):
            images.extend(dataset.listChildren())
        return images
    return list(conn.getObjects("Image", ids))


def plane_stats(image, channels, max_planes):
    pixels = image.getPrimaryPixels()
    labels = image.getChannelLabels()
    print("image=%d name=%s size=%dx%dx%dx%dx%d pixel_size=%s,%s,%s channels=%s" % (
        image.getId(), image.getName(), image.getSizeX(), image.getSizeY(), image.getSizeZ(),
        image.getSizeC(), image.getSizeT(), image.getPixelSizeX(), image.getPixelSizeY(),
        image.getPixelSizeZ(), "|".join(labels)))
    count = 0
    for the_t in range(image.getSizeT()):
        for the_z in range(image.getSizeZ()):
            for ch in channels:
                the_c = ch - 1
                if the_c >= image.getSizeC() or count >= max_planes:
                    continue
                plane = pixels.getPlane(the_z, the_c, the_t)
                assert plane.shape == (image.getSizeY(), image.getSizeX()), plane.shape
                print("STATS\t%d\t%d\t%d\t%d\t%s\t%s\t%s\t%r" % (
                    image.getId(), the_z, the_c, the_t, plane.dtype.name, numpy.min(plane), numpy.max(plane),
                    float(numpy.mean(plane))))
                count += 1
    return count


if __name__ == "__main__":
    client = scripts.client(
        "Plane_Statistics.py",
        "Minimum, maximum and mean of every plane of the chosen channels.",
        scripts.String("Data_Type", optional=False, grouping="1", description="Choose source of images",
                       values=[rstring("Dataset"), rstring("Image")], default="Image"),
        scripts.List("IDs", optional=False, grouping="2", description="Dataset or Image IDs.").ofType(rlong(0)),
        scripts.List("Channels", grouping="3", default=[1, 2], description="Channels to measure (1-based).",
                     min=1).ofType(rint(0)),
        scripts.Int("Max_Planes", grouping="4", default=1000, min=1, max=100000,
                    description="Stop after this many planes"),
        scripts.Bool("Verbose", grouping="5", default=False, description="Print the channel table"),
        scripts.Double("Scale", grouping="5.1", default=1.0, min=0.0, max=10.0),
        version="1.2", authors=["A. Analyst"], institutions=["A Facility"],
    )
    try:
        script_params = client.getInputs(unwrap=True)
        conn = BlitzGateway(client_obj=client)
        images = get_images(conn, script_params["Data_Type"], script_params["IDs"])
        planes = 0
        for image in images:
            planes += plane_stats(image, script_params["Channels"], script_params["Max_Planes"])
        client.setOutput("Message", rstring("Measured %d planes of %d images" % (planes, len(images))))
        client.setOutput("Planes", rlong(planes))
    finally:
        client.closeSession()
