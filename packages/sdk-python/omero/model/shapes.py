"""ROIs and shapes with OMERO's accessors: ``shape.getTheZ()`` (a ``rint`` or None),
``line.getX1().getValue()``, ``polygon.getPoints().getValue()`` ("x,y x,y …"), and so on.

``shape_from_json`` builds them from the Fovea API's shape JSON (0-based z/t/c, as OMERO's).
"""
from ..rtypes import rdouble, rint, rstring
from .base import IObject, with_fields
from .length import LengthI


@with_fields("theZ", "theT", "theC", "textValue", "strokeColor", "fillColor", "strokeWidth", "roi")
class ShapeI(IObject):
    """What every shape has; subclasses add their geometry."""

    OMERO_CLASS = "Shape"
    FOVEA_TYPE = "Shape"


@with_fields("x1", "y1", "x2", "y2", "markerStart", "markerEnd")
class LineI(ShapeI):
    OMERO_CLASS = "Line"


@with_fields("points", "markerStart", "markerEnd")
class PolylineI(ShapeI):
    OMERO_CLASS = "Polyline"


@with_fields("points")
class PolygonI(ShapeI):
    OMERO_CLASS = "Polygon"


@with_fields("x", "y", "width", "height")
class RectangleI(ShapeI):
    OMERO_CLASS = "Rectangle"


@with_fields("x", "y", "radiusX", "radiusY")
class EllipseI(ShapeI):
    OMERO_CLASS = "Ellipse"


@with_fields("x", "y")
class PointI(ShapeI):
    OMERO_CLASS = "Point"


@with_fields("x", "y")
class LabelI(ShapeI):
    OMERO_CLASS = "Label"


@with_fields("name", "description", "image")
class RoiI(IObject):
    """An ROI and its shapes (``copyShapes()``, ``iterateShapes()``, ``sizeOfShapes()``)."""

    OMERO_CLASS = "Roi"
    FOVEA_TYPE = "Roi"

    def __init__(self, id=None, loaded=True):
        IObject.__init__(self, id, loaded)
        self._shapes = []

    def copyShapes(self):
        return list(self._shapes)

    def iterateShapes(self):
        return iter(list(self._shapes))

    def sizeOfShapes(self):
        return len(self._shapes)

    def getShape(self, index):
        return self._shapes[index]

    def addShape(self, shape):
        shape.setRoi(self)
        self._shapes.append(shape)


_CLASSES = {"Line": LineI, "Polyline": PolylineI, "Polygon": PolygonI, "Rectangle": RectangleI,
            "Ellipse": EllipseI, "Point": PointI, "Label": LabelI}
_GEOMETRY = {"Line": ("x1", "y1", "x2", "y2"), "Rectangle": ("x", "y", "width", "height"),
             "Ellipse": ("x", "y", "radiusX", "radiusY"), "Point": ("x", "y"), "Label": ("x", "y")}


def _number(v):
    """A coordinate as OMERO's points strings write it: whole numbers without a trailing .0."""
    f = float(v)
    return str(int(f)) if f.is_integer() and abs(f) < 1e15 else repr(f)


def points_text(points):
    """``[[x, y], …]`` as OMERO's ``"x,y x,y …"``."""
    return " ".join("%s,%s" % (_number(x), _number(y)) for x, y in points)


def color_int(text):
    """``#RRGGBB[AA]`` as OMERO's signed 32-bit RGBA integer (alpha 255 when absent)."""
    if not text:
        return None
    hexes = text.lstrip("#")
    value = int(hexes if len(hexes) == 8 else hexes + "FF", 16)
    return value - 2 ** 32 if value >= 2 ** 31 else value


def shape_from_json(data, roi=None):
    """An OMERO shape object from a Fovea shape's JSON (``kind``, geometry, z/t/c, text, colours)."""
    cls = _CLASSES.get(data["kind"])
    if cls is None:
        raise NotImplementedError("shapes of kind %s are not supported by Fovea's OMERO layer" % data["kind"])
    shape = cls(data["id"], True)
    for axis, field in (("z", "theZ"), ("t", "theT"), ("c", "theC")):
        if data.get(axis) is not None:
            shape._fields[field] = rint(data[axis])
    if data.get("text") is not None:
        shape._fields["textValue"] = rstring(data["text"])
    for key in ("strokeColor", "fillColor"):
        if data.get(key):
            shape._fields[key] = rint(color_int(data[key]))
    if data.get("strokeWidth") is not None:
        shape._fields["strokeWidth"] = LengthI(data["strokeWidth"], "PIXEL")
    for field in _GEOMETRY.get(data["kind"], ()):
        shape._fields[field] = rdouble(data[field])
    if "points" in data:
        shape._fields["points"] = rstring(points_text(data["points"]))
    if roi is not None:
        shape._fields["roi"] = roi
    return shape


def roi_from_json(data):
    """An ``RoiI`` with its shapes, from a Fovea ROI's JSON."""
    from .containers import ImageI

    roi = RoiI(data["id"], True)
    roi._fields["name"] = rstring(data.get("name") or "")
    roi._fields["description"] = rstring(data.get("description") or "")
    roi._fields["image"] = ImageI(data["imageId"], False)
    for shape in data.get("shapes", []):
        roi._shapes.append(shape_from_json(shape, roi))
    return roi
