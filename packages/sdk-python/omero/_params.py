"""OMERO's parameter factories (``scripts.String``, ``scripts.Long``, ``scripts.List(...).ofType(...)``
…), translated into Fovea declarations through fovea_sdk's ``p`` builders, so an OMERO-style
script declares exactly what the equivalent ``define_script`` would.

As in OMERO, parameters are optional unless ``optional=False``; ``values``, ``default``, ``min`` and
``max`` may be plain values or rtypes (``values=[rstring("Dataset")]``, ``default=rlong(1)``);
``namespaces`` is accepted and ignored; ``out=True`` declares an output, which Fovea does not
declare, so it is left out of the declaration.
"""
from fovea_sdk import p

from . import rtypes
from .model.base import IObject

_KNOWN = ("optional", "out", "description", "default", "values", "min", "max", "grouping", "namespaces", "types")
_POSITIONAL = ("optional", "out", "description", "default")
_DEFAULT_OBJECT_TYPES = ("Project", "Dataset", "Image")


class Type(object):
    """One OMERO-style parameter: ``String("Data_Type", optional=False, values=[rstring("Image")], grouping="1")``.

    ``FOVEA`` names the Fovea parameter type; ``RTYPE`` boxes one value when the script asks for
    rtypes (``client.getInputs(unwrap=False)``).
    """

    FOVEA = None
    RTYPE = staticmethod(rtypes.wrap)

    def __init__(self, name, *args, **kwargs):
        if not isinstance(name, str):
            raise TypeError("a parameter name must be a string, not %r" % (name,))
        if len(args) > len(_POSITIONAL):
            raise TypeError("%s(%r, …) takes at most %d positional options (%s)" % (
                type(self).__name__, name, len(_POSITIONAL), ", ".join(_POSITIONAL)))
        for key, value in zip(_POSITIONAL, args):
            if key in kwargs:
                raise TypeError("%s(%r): %s is given twice" % (type(self).__name__, name, key))
            kwargs[key] = value
        unknown = sorted(k for k in kwargs if k not in _KNOWN)
        if unknown:
            raise TypeError("%s(%r): unknown option%s %s (expected %s)" % (
                type(self).__name__, name, "s" if len(unknown) > 1 else "", ", ".join(unknown), ", ".join(_KNOWN[:-1])))
        self.name = name
        self.optional = bool(kwargs.get("optional", True))
        self.out = bool(kwargs.get("out", False))
        self.description = kwargs.get("description")
        self.default = kwargs.get("default")
        self.values = kwargs.get("values")
        self.min = kwargs.get("min")
        self.max = kwargs.get("max")
        self.grouping = kwargs.get("grouping")
        self.namespaces = kwargs.get("namespaces")
        self.types = kwargs.get("types")

    def _options(self):
        opts = {
            "description": rtypes.unwrap(self.description),
            "optional": True if self.optional else None,
            "default": _plain(self.default),
            "values": _plain_list(self.values),
            "min": rtypes.unwrap(self.min),
            "max": rtypes.unwrap(self.max),
            "grouping": None if self.grouping is None else str(rtypes.unwrap(self.grouping)),
        }
        return dict((k, v) for k, v in opts.items() if v is not None)

    def to_fovea(self):
        """The fovea_sdk parameter (its ``declaration()`` is the JSON the runner checks)."""
        return getattr(p, self.FOVEA)(self.name, **self._options())

    def box(self, value):
        """One validated input value as the rtype OMERO would pass."""
        return None if value is None else self.RTYPE(value)

    def __repr__(self):
        return "%s(%r)" % (type(self).__name__, self.name)


def _plain(value):
    value = rtypes.unwrap(value)
    if isinstance(value, IObject):
        return {"type": value.FOVEA_TYPE, "id": value.ref_id()}
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    return value


def _plain_list(values):
    if values is None:
        return None
    values = rtypes.unwrap(values)
    return [_plain(v) for v in (values if isinstance(values, (list, tuple)) else [values])]


class String(Type):
    FOVEA = "string"
    RTYPE = staticmethod(rtypes.rstring)


class Long(Type):
    FOVEA = "long"
    RTYPE = staticmethod(rtypes.rlong)


class Int(Type):
    FOVEA = "int"
    RTYPE = staticmethod(rtypes.rint)


class Float(Type):
    FOVEA = "float"
    RTYPE = staticmethod(rtypes.rfloat)


class Double(Type):
    FOVEA = "float"
    RTYPE = staticmethod(rtypes.rdouble)


class Bool(Type):
    FOVEA = "bool"
    RTYPE = staticmethod(rtypes.rbool)


class Color(Type):
    """A colour, received as ``#RRGGBB`` (an rstring when boxed)."""

    FOVEA = "color"
    RTYPE = staticmethod(rtypes.rstring)


class Object(Type):
    """An object reference; its types come from ``types=["Image"]`` (a Fovea addition), else from the
    default's class, else Project, Dataset or Image. Scripts receive model objects (``ImageI``)."""

    FOVEA = "object"

    def object_types(self):
        if self.types:
            return [self.types] if isinstance(self.types, str) else list(self.types)
        default = rtypes.unwrap(self.default)
        if isinstance(default, IObject) and default.FOVEA_TYPE:
            return [default.FOVEA_TYPE]
        return list(_DEFAULT_OBJECT_TYPES)

    def to_fovea(self):
        return p.object(self.name, self.object_types(), **self._options())

    def box(self, value):
        return None if value is None else rtypes.robject(model_object(value))


class Map(Type):
    """Text keys to text values (a dict; an rmap of rstrings when boxed)."""

    FOVEA = "map"

    def box(self, value):
        return None if value is None else rtypes.rmap(dict((k, rtypes.rstring(v)) for k, v in value.items()))


class List(Type):
    """A list of one element type: ``List("IDs", optional=False).ofType(rlong(0))``."""

    FOVEA = "list"

    def __init__(self, name, *args, **kwargs):
        Type.__init__(self, name, *args, **kwargs)
        self.element = None

    def ofType(self, prototype):
        """The element type: an rtype (``rlong(0)``, ``rint(0)``, ``rstring("")``), an rtype factory or
        class, a parameter (``Long("x")``), a model class or object (``ImageI``), or int/float/str/bool."""
        self.element = element_param(prototype, self.name)
        return self

    def _element(self):
        if self.element is not None:
            return self.element
        default = _plain(self.default) or []
        first = default[0] if default else ""
        return element_param(first, self.name)

    def to_fovea(self):
        element = self._element()
        return p.list(self.name, element.to_fovea(), **self._options())

    def box(self, value):
        if value is None:
            return None
        element = self._element()
        return rtypes.RListI([element.box(v) for v in value])


Set = List

_BY_RTYPE = ((rtypes.RBoolI, Bool), (rtypes.RLongI, Long), (rtypes.RIntI, Int), (rtypes.RFloatI, Float),
             (rtypes.RDoubleI, Double), (rtypes.RStringI, String))
_BY_FACTORY = {rtypes.rbool: Bool, rtypes.rlong: Long, rtypes.rint: Int, rtypes.rfloat: Float,
               rtypes.rdouble: Double, rtypes.rstring: String}
_BY_PYTHON = ((bool, Bool), (int, Long), (float, Double), (str, String))


def element_param(prototype, list_name):
    """The element parameter of a list from whatever OMERO scripts pass to ``ofType``."""
    if isinstance(prototype, Type):
        return prototype
    if isinstance(prototype, rtypes.RObjectI):
        prototype = prototype.val
    if isinstance(prototype, IObject) or (isinstance(prototype, type) and issubclass(prototype, IObject)):
        return Object("element", types=[prototype.FOVEA_TYPE])
    if prototype in _BY_FACTORY:
        return _BY_FACTORY[prototype]("element")
    for cls, param in _BY_RTYPE:
        if isinstance(prototype, cls) or prototype is cls:
            return param("element")
    for cls, param in _BY_PYTHON:
        if isinstance(prototype, cls) or prototype is cls:
            return param("element")
    raise TypeError("List(%r).ofType(%r): expected an rtype such as rlong(0), a parameter, or a model class" % (
        list_name, prototype))


def model_object(ref):
    """The model object for a Fovea reference ``{"type": "Image", "id": 12}`` (unloaded, as OMERO passes)."""
    from . import model

    cls = getattr(model, ref["type"] + "I", None) if ref["type"] in _MODEL_TYPES else None
    if cls is None:
        return ref
    return cls(ref["id"], False)


_MODEL_TYPES = ("Project", "Dataset", "Image", "Roi", "FileAnnotation", "TagAnnotation", "CommentAnnotation",
                "MapAnnotation")
