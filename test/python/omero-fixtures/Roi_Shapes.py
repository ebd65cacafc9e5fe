#!/usr/bin/env python
# -*- coding: utf-8 -*-
"""
Lists every shape of the images' ROIs with OMERO's accessors, through the ROI service and through
getObjects("Roi", opts={"image": id}).
"""
import omero
import omero.scripts as scripts
from omero.gateway import BlitzGateway
from omero.rtypes import rlong, rstring, unwrap


def value(v):
    return "" if v is None else unwrap(v)


def describe(shape):
    common = [shape.getId().getValue(), type(shape).__name__, value(shape.getTheZ()), value(shape.getTheT()),
              value(shape.getTheC()), value(shape.getTextValue())]
    if isinstance(shape, omero.model.LineI):
        geometry = [shape.getX1().getValue(), shape.getY1().getValue(), shape.getX2().getValue(), shape.getY2().getValue()]
    elif isinstance(shape, omero.model.RectangleI):
        geometry = [shape.getX().getValue(), shape.getY().getValue(), shape.getWidth().getValue(), shape.getHeight().getValue()]
    elif isinstance(shape, omero.model.EllipseI):
        geometry = [shape.getX().getValue(), shape.getY().getValue(), shape.getRadiusX().getValue(), shape.getRadiusY().getValue()]
    elif isinstance(shape, (omero.model.PointI, omero.model.LabelI)):
        geometry = [shape.getX().getValue(), shape.getY().getValue()]
    elif isinstance(shape, (omero.model.PolygonI, omero.model.PolylineI)):
        geometry = [shape.getPoints().getValue()]
    else:
        geometry = []
    return "\t".join(str(x) for x in common + geometry)


client = scripts.client(
    "Roi_Shapes.py", "Lists ROI shapes.",
    scripts.String("Data_Type", optional=False, values=[rstring("Image")], default="Image"),
    scripts.List("IDs", optional=False).ofType(rlong(0)),
)
try:
    conn = BlitzGateway(client_obj=client)
    roi_service = conn.getRoiService()
    count = 0
    for image_id in client.getInput("IDs", unwrap=True):
        result = roi_service.findByImage(image_id, None)
        for roi in result.rois:
            for shape in roi.copyShapes():
                print("SHAPE\t%d\t%d\t%s" % (image_id, roi.getId().getValue(), describe(shape)))
                count += 1
        for roi in conn.getObjects("Roi", opts={"image": image_id}):
            print("ROI\t%d\t%d\t%s\t%d" % (image_id, roi.getId(), roi.getName(), len(roi.copyShapes())))
    client.setOutput("Message", rstring("Listed %d shapes" % count))
finally:
    client.closeSession()
