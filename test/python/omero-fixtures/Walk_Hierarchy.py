#!/usr/bin/env python
# -*- coding: utf-8 -*-
"""
Walks a project in the OMERO style — projects, datasets, images, parents, lookups by parent and by
name — and reports who it runs as.
"""
import omero.scripts as scripts
from omero.gateway import BlitzGateway
from omero.rtypes import rlong, rstring

client = scripts.client(
    "Walk_Hierarchy.py", "Walks projects.",
    scripts.String("Data_Type", optional=False, grouping="1", values=[rstring("Project")], default="Project"),
    scripts.List("IDs", optional=False, grouping="2").ofType(rlong(0)),
    scripts.Long("Missing_Image", grouping="3", default=999999),
)
try:
    conn = BlitzGateway(client_obj=client)
    conn.SERVICE_OPTS.setOmeroGroup(-1)
    params = client.getInputs(unwrap=True)
    for project in conn.getObjects("Project", params["IDs"]):
        print("PROJECT\t%d\t%s\t%d\t%s" % (project.getId(), project.getName(), project.countChildren(), project.canAnnotate()))
        for dataset in project.listChildren():
            parents = [p.getId() for p in dataset.listParents()]
            print("DATASET\t%d\t%s\t%d\t%s" % (dataset.getId(), dataset.getName(), dataset.countChildren(), parents))
            for image in dataset.listChildren():
                print("IMAGE\t%d\t%s\t%d\t%s\t%s" % (image.getId(), image.getName(), image.getParent().getId(),
                                                  image.getPixelsType(), image.getChannels()[0].getColor().getHtml()))
        by_parent = [d.getId() for d in conn.getObjects("Dataset", opts={"project": project.getId()})]
        images = [i.getId() for i in conn.getObjects("Image", opts={"project": project.getId(), "order_by": "obj.id"})]
        print("BY_PARENT\t%s\t%s" % (by_parent, images))
        first = conn.getObject("Image", images[0])
        named = conn.getObject("Image", attributes={"name": first.getName()})
        limited = [i.getId() for i in conn.getObjects("Image", opts={"dataset": by_parent[0], "limit": 1, "offset": 1})]
        print("LOOKUP\t%d\t%s\t%s" % (named.getId(), conn.getObject("Image", params["Missing_Image"]), limited))
    context = conn.getEventContext()
    print("WHO\t%s\t%s\t%s\t%s" % (conn.getUser().getName(), context.userName, context.groupName,
                                 conn.getGroupFromContext().getName()))
    client.setOutput("Message", rstring("walked"))
finally:
    client.closeSession()
