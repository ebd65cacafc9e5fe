#!/usr/bin/env python
# -*- coding: utf-8 -*-
"""
Image metadata as a CSV, attached to every chosen image, in the OMERO style. It forgets to call
client.closeSession(), as scripts do: the outputs are sent anyway when the file ends.
"""
import csv
import os

import omero.scripts as scripts
from omero.gateway import BlitzGateway
from omero.rtypes import rlong, robject, rstring, unwrap

NS = "openmicroscopy.org/omero/fovea/metadata"

client = scripts.client(
    "Attach_CSV.py",
    "Writes each image's sizes, calibration and channels to a CSV attached to the images.",
    scripts.String("Data_Type", optional=False, grouping="1", values=[rstring("Image")], default="Image"),
    scripts.List("IDs", optional=False, grouping="2").ofType(rlong(0)),
    scripts.String("File_Name", grouping="3", default="image_metadata"),
    version="1.0",
)

conn = BlitzGateway(client_obj=client)
params = client.getInputs(unwrap=True)
file_name = params["File_Name"]
if not file_name.endswith(".csv"):
    file_name += ".csv"

images = [image for image in conn.getObjects("Image", params["IDs"]) if image.canAnnotate()]
with open(file_name, "w", newline="") as f:
    writer = csv.writer(f)
    writer.writerow(["image_id", "name", "size_x", "size_y", "size_z", "size_c", "size_t", "pixels_type",
                     "pixel_size_x", "channels", "datasets"])
    for image in images:
        writer.writerow([image.getId(), image.getName(), image.getSizeX(), image.getSizeY(), image.getSizeZ(),
                         image.getSizeC(), image.getSizeT(), image.getPixelsType(), image.getPixelSizeX(),
                         ";".join(image.getChannelLabels()), ";".join(d.getName() for d in image.listParents())])

file_ann = conn.createFileAnnfromLocalFile(file_name, mimetype="text/csv", ns=NS, desc="Image metadata")
for image in images:
    image.linkAnnotation(file_ann)
os.remove(file_name)

client.setOutput("Message", rstring("Attached %s (%d bytes) to %d images" % (
    file_ann.getFile().getName(), file_ann.getFile().getSize(), len(images))))
client.setOutput("File_Annotation", robject(file_ann._obj))
assert unwrap(client.getOutput("Message")).startswith("Attached")
