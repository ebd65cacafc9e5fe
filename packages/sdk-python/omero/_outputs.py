"""OMERO outputs as Fovea job outputs (SPEC §5): ``rstring`` → text, numbers and bools as they are,
``robject(model object)`` → ``{"type", "id"}`` (``File_Annotation``, ``Image`` …)."""
import math

from . import rtypes
from .model.base import IObject


def _reference(key, obj):
    if not isinstance(obj, IObject) and isinstance(getattr(obj, "_obj", None), IObject):
        obj = obj._obj  # robject(wrapper) instead of robject(wrapper._obj): mean the same object
    if not isinstance(obj, IObject) or not obj.FOVEA_TYPE:
        raise TypeError("client.setOutput(%r, robject(%r)): Fovea outputs reference projects, datasets, images, "
                        "ROIs, shapes and annotations" % (key, obj))
    if obj.ref_id() is None:
        raise TypeError("client.setOutput(%r, robject(%r)): the object has no id (was it saved?)" % (key, obj))
    return {"type": obj.FOVEA_TYPE, "id": int(obj.ref_id())}


def to_output(key, value):
    """The Fovea output value for ``client.setOutput(key, value)``; TypeError names what cannot be one."""
    if isinstance(value, rtypes.RObjectI):
        return _reference(key, value.val)
    if isinstance(value, IObject):
        return _reference(key, value)
    if isinstance(value, dict) and value.get("kind") == "url":
        return dict(value)  # Fovea's link-button output
    plain = rtypes.unwrap(value)
    if callable(getattr(plain, "item", None)) and getattr(plain, "shape", None) == ():
        plain = plain.item()  # numpy scalars
    if isinstance(plain, (str, bool)):
        return plain
    if isinstance(plain, (int, float)) and math.isfinite(plain):
        return plain
    raise TypeError("client.setOutput(%r, %r): a Fovea output is an rstring, a finite number, an rbool or an "
                    "robject(...) reference" % (key, value))
