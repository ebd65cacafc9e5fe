#!/usr/bin/env python
# -*- coding: utf-8 -*-
"""
Hello World, written the way OMERO scripts are: lists the images of the chosen datasets.
"""
import omero
import omero.scripts as scripts
from omero.gateway import BlitzGateway
from omero.rtypes import rlong, rstring, robject


def process_datasets(conn, script_params):
    """Every image of every chosen dataset (unknown ids are skipped by getObjects)."""
    images = []
    for dataset in conn.getObjects(script_params["Data_Type"], script_params["IDs"]):
        for image in dataset.listChildren():
            print("---- Processing image %s" % image.getId())
            images.append(image)
    return images


def run_script():
    data_types = [rstring("Dataset")]
    client = scripts.client(
        "Hello_World.py",
        """Lists the images of the chosen datasets.""",
        scripts.String(
            "Data_Type", optional=False, grouping="1",
            description="The data you want to work with.", values=data_types,
            default="Dataset"),
        scripts.List(
            "IDs", optional=False, grouping="2",
            description="List of Dataset IDs").ofType(rlong(0)),
        authors=["OME Team"],
        institutions=["University of Dundee"],
        contact="ome-users@lists.openmicroscopy.org.uk",
        version="5.0",
    )

    try:
        conn = BlitzGateway(client_obj=client)
        script_params = client.getInputs(unwrap=True)
        images = process_datasets(conn, script_params)
        if images:
            client.setOutput("Message", rstring("Returned %d images" % len(images)))
            client.setOutput("Image", robject(images[0]._obj))
        else:
            client.setOutput("Message", rstring("No images found"))
    finally:
        client.closeSession()


if __name__ == "__main__":
    run_script()
