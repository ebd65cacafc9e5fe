"""``omero.model``: the model objects OMERO scripts name — ``ImageI(12, False)``, ``DatasetI``,
``ProjectI``, ``FileAnnotationI``, ``RoiI`` and the shapes (``LineI``, ``RectangleI`` …),
``LengthI``. Any other ``omero.model`` class raises NotImplementedError naming it.
"""
from .base import IObject
from .containers import (AnnotationI, CommentAnnotationI, DatasetI, FileAnnotationI, ImageI, MapAnnotationI,
                         OriginalFileI, ProjectI, TagAnnotationI)
from .length import LengthI
from .shapes import EllipseI, LabelI, LineI, PointI, PolygonI, PolylineI, RectangleI, RoiI, ShapeI

__all__ = ["IObject", "ProjectI", "DatasetI", "ImageI", "OriginalFileI", "AnnotationI", "FileAnnotationI",
           "TagAnnotationI", "CommentAnnotationI", "MapAnnotationI", "LengthI", "RoiI", "ShapeI", "LineI",
           "PolylineI", "PolygonI", "RectangleI", "EllipseI", "PointI", "LabelI"]


def __getattr__(name):
    # PEP 562: `omero.model.DatasetImageLinkI` and friends exist in OMERO; saying so beats an AttributeError.
    if name.startswith("_"):
        raise AttributeError(name)
    raise NotImplementedError("omero.model.%s is not supported by Fovea's OMERO layer" % name)
