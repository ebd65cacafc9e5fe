"""The base of Fovea's OMERO model objects: an id (as OMERO, a ``rlong``), a loaded flag and
boxed fields with generated ``getX``/``setX`` accessors."""
from ..rtypes import RType, rlong


def _accessor_name(prefix, field):
    return prefix + field[0].upper() + field[1:]


def with_fields(*fields):
    """Class decorator: ``getName()``/``setName(v)`` … for each field, values kept as rtypes (or None)."""

    def decorate(cls):
        cls.FIELDS = tuple(getattr(cls, "FIELDS", ())) + tuple(fields)
        for field in fields:
            setattr(cls, _accessor_name("get", field), lambda self, f=field: self._fields.get(f))
            setattr(cls, _accessor_name("set", field), lambda self, value, f=field: self._fields.__setitem__(f, value))
        return cls

    return decorate


class IObject(object):
    """A model object: ``ImageI(12, False)`` is an unloaded reference to image 12, as OMERO's.

    ``OMERO_CLASS`` names the type ("Image", "Dataset", …); ``FOVEA_TYPE`` is the Fovea object type
    an output reference to it uses.
    """

    OMERO_CLASS = "IObject"
    FOVEA_TYPE = None

    def __init__(self, id=None, loaded=True):
        if isinstance(id, str) and id.strip().isdigit():
            id = int(id)
        self._id = rlong(id) if id is not None else None
        self._loaded = bool(loaded)
        self._fields = {}

    def getId(self):
        """The id as a ``rlong`` (``obj.getId().getValue()``), or None for a new object."""
        return self._id

    def setId(self, id):
        self._id = rlong(id) if id is not None else None

    @property
    def id(self):
        return self._id

    def isLoaded(self):
        return self._loaded

    def unload(self):
        self._loaded = False

    def proxy(self):
        """An unloaded reference to the same object."""
        return type(self)(self._id, False)

    def ref_id(self):
        """The plain id, for Fovea references (None for a new object)."""
        return self._id.val if isinstance(self._id, RType) else self._id

    def __eq__(self, other):
        return type(self) is type(other) and self._id is not None and self._id == other._id

    def __ne__(self, other):
        return not self.__eq__(other)

    def __hash__(self):
        return hash((type(self).__name__, self.ref_id()))

    def __repr__(self):
        return "%s(%r, %s)" % (type(self).__name__, self.ref_id(), self._loaded)
