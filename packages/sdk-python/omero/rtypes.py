"""OMERO's remote types (``omero.rtypes``): small boxes around a value, as OMERO scripts pass
parameters, defaults, choices and outputs.

    >>> from omero.rtypes import rstring, rlong, rlist, unwrap, wrap
    >>> rstring("Dataset").getValue()
    'Dataset'
    >>> unwrap(rlist([rlong(1), rlong(2)]))
    [1, 2]
    >>> wrap({"a": 1}).val["a"].val
    1

Every box has ``.val`` and ``getValue()`` and compares equal to a box of the same class and value.
``unwrap(robject(x))`` is the model object ``x`` itself.
"""

_INT32 = (-(2 ** 31), 2 ** 31 - 1)


class RType(object):
    """The base of every box: ``val`` (the Python value) and ``getValue()``."""

    __slots__ = ("_val",)

    def __init__(self, val):
        self._val = val

    @property
    def val(self):
        return self._val

    def getValue(self):
        return self._val

    def setValue(self, val):
        self._val = val

    def __eq__(self, other):
        return type(self) is type(other) and self._val == other._val

    def __ne__(self, other):
        return not self.__eq__(other)

    def __hash__(self):
        try:
            return hash((type(self).__name__, self._val))
        except TypeError:
            return id(self)

    def __repr__(self):
        return "%s(%r)" % (type(self).__name__, self._val)


class RStringI(RType):
    __slots__ = ()


class RLongI(RType):
    __slots__ = ()


class RIntI(RType):
    __slots__ = ()


class RDoubleI(RType):
    __slots__ = ()


class RFloatI(RType):
    __slots__ = ()


class RBoolI(RType):
    __slots__ = ()


class RListI(RType):
    """A list of boxes; ``add``/``addAll`` as in OMERO."""

    __slots__ = ()

    def add(self, item):
        self._val.append(item)

    def addAll(self, items):
        self._val.extend(items)

    def size(self):
        return len(self._val)

    def get(self, index):
        return self._val[index]

    def __iter__(self):
        return iter(self._val)

    def __len__(self):
        return len(self._val)


class RMapI(RType):
    """A dict of text keys to boxes; ``get``/``put`` as in OMERO."""

    __slots__ = ()

    def get(self, key):
        return self._val.get(key)

    def put(self, key, value):
        self._val[key] = value


class RObjectI(RType):
    """A reference to a model object (``omero.model.ImageI(12, False)``, a FileAnnotation …)."""

    __slots__ = ()


def rstring(val):
    """``rstring("text")``: a text box; None stays None, other values become their text."""
    if val is None or isinstance(val, RStringI):
        return val
    return RStringI(val if isinstance(val, str) else str(val))


def rlong(val):
    """``rlong(12)``: a whole-number box (ids)."""
    if val is None or isinstance(val, RLongI):
        return val
    return RLongI(int(_plain(val)))


def rint(val):
    if val is None or isinstance(val, RIntI):
        return val
    return RIntI(int(_plain(val)))


def rdouble(val):
    if val is None or isinstance(val, RDoubleI):
        return val
    return RDoubleI(float(_plain(val)))


def rfloat(val):
    if val is None or isinstance(val, RFloatI):
        return val
    return RFloatI(float(_plain(val)))


def rbool(val):
    if val is None or isinstance(val, RBoolI):
        return val
    return RBoolI(bool(_plain(val)))


def rlist(*items):
    """``rlist([rlong(1), rlong(2)])`` or ``rlist(rlong(1), rlong(2))``; plain values are wrapped."""
    if len(items) == 1 and isinstance(items[0], (list, tuple, RListI)):
        items = list(items[0])
    return RListI([wrap(item) for item in items])


rset = rlist
rarray = rlist


def rmap(val=None, **kwargs):
    """``rmap({"a": rstring("1")})`` or ``rmap(a="1")``; plain values are wrapped."""
    items = dict(val.val if isinstance(val, RMapI) else (val or {}))
    items.update(kwargs)
    return RMapI(dict((str(k), wrap(v)) for k, v in items.items()))


def robject(obj):
    """``robject(image._obj)``: a reference to a model object, as scripts set ``Image`` outputs."""
    if obj is None or isinstance(obj, RObjectI):
        return obj
    return RObjectI(obj)


def _plain(val):
    return val.val if isinstance(val, RType) else val


def unwrap(val, cache=None):
    """The plain Python value of a box, lists and dicts opened recursively; other values as they are.
    (``cache`` is accepted for OMERO's signature; there are no cycles to guard against here.)"""
    if isinstance(val, (RListI, list, tuple)):
        return [unwrap(v) for v in (val.val if isinstance(val, RListI) else val)]
    if isinstance(val, (RMapI, dict)):
        items = val.val if isinstance(val, RMapI) else val
        return dict((k, unwrap(v)) for k, v in items.items())
    if isinstance(val, RType):
        return val.val
    return val


def wrap(val):
    """The box for a plain value: str → rstring, bool → rbool, int → rint (rlong beyond 32 bits),
    float → rdouble, list/tuple → rlist, dict → rmap, a model object → robject; boxes stay as they are."""
    if val is None or isinstance(val, RType):
        return val
    if isinstance(val, bool):
        return RBoolI(val)
    if isinstance(val, int):
        return RIntI(val) if _INT32[0] <= val <= _INT32[1] else RLongI(val)
    if isinstance(val, float):
        return RDoubleI(val)
    if isinstance(val, str):
        return RStringI(val)
    if isinstance(val, (list, tuple, set)):
        return RListI([wrap(v) for v in val])
    if isinstance(val, dict):
        return RMapI(dict((str(k), wrap(v)) for k, v in val.items()))
    if hasattr(type(val), "OMERO_CLASS"):
        return RObjectI(val)
    item = getattr(val, "item", None)  # numpy scalars
    if callable(item) and getattr(val, "shape", None) == ():
        return wrap(item())
    raise ValueError("cannot wrap %r (%s) as an OMERO rtype" % (val, type(val).__name__))


__all__ = ["RType", "RStringI", "RLongI", "RIntI", "RDoubleI", "RFloatI", "RBoolI", "RListI", "RMapI", "RObjectI",
           "rstring", "rlong", "rint", "rdouble", "rfloat", "rbool", "rlist", "rset", "rarray", "rmap", "robject",
           "unwrap", "wrap"]


def __getattr__(name):
    if name.startswith("_"):
        raise AttributeError(name)
    raise NotImplementedError("omero.rtypes.%s is not supported by Fovea's OMERO layer" % name)
