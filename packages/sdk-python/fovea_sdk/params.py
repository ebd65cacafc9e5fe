"""Parameter builders: ``p.string(...)``, ``p.list(p.long())``, ``p.object(["Image"])`` ...

Each builder returns a :class:`Param` whose ``spec`` is exactly the declaration fragment the
TypeScript SDK emits (same field names, same order), so every language produces one JSON.

A parameter's name is given either as the first positional argument (``p.string("Data_Type")``),
as ``name=``, or by the key of the ``params`` dict passed to ``define_script``.
"""

_OPTION_KEYS = ("description", "optional", "default", "values", "min", "max", "grouping")


class Param(object):
    """One parameter: its name (may be None until define_script names it) and its declaration."""

    __slots__ = ("name", "spec")

    def __init__(self, name, spec):
        self.name = name
        self.spec = spec

    def declaration(self, name=None):
        """The declaration JSON of this parameter (a new dict: name first, then the spec)."""
        decl = {"name": name if name is not None else self.name}
        decl.update(self.spec)
        return decl

    def __repr__(self):
        return "Param(%r, %r)" % (self.name, self.spec)


def _plain(v):
    if isinstance(v, (list, tuple)):
        return [_plain(x) for x in v]
    if isinstance(v, dict):
        return dict((k, _plain(x)) for k, x in v.items())
    return v


def _build(type_, name, opts, extra=None):
    unknown = [k for k in opts if k not in _OPTION_KEYS]
    if unknown:
        raise TypeError("unknown parameter option%s %s (expected %s)" % (
            "s" if len(unknown) > 1 else "", ", ".join(sorted(unknown)), ", ".join(_OPTION_KEYS)))
    spec = {"type": type_}
    if extra:
        spec.update(extra)
    # Only options that were given reach the declaration (its schema allows no nulls).
    for key in _OPTION_KEYS:
        v = opts.get(key)
        if v is not None:
            spec[key] = _plain(v)
    if name is not None and not isinstance(name, str):
        raise TypeError("a parameter name must be a string, not %r" % (name,))
    return Param(name, spec)


def _name_and(args, kw_name):
    """Splits positional args into (name, rest) for builders whose first argument may be the name."""
    if args and isinstance(args[0], str):
        if kw_name is not None:
            raise TypeError("the name is given twice")
        return args[0], args[1:]
    return kw_name, args


class _Builders(object):
    """The parameter builders (``from fovea_sdk import p``)."""

    @staticmethod
    def string(name=None, **opts):
        return _build("string", name, opts)

    @staticmethod
    def long(name=None, **opts):
        """An integer id-like value (OMERO's rlong)."""
        return _build("long", name, opts)

    @staticmethod
    def int(name=None, **opts):
        return _build("int", name, opts)

    @staticmethod
    def float(name=None, **opts):
        return _build("float", name, opts)

    @staticmethod
    def bool(name=None, **opts):
        return _build("bool", name, opts)

    @staticmethod
    def color(name=None, **opts):
        """A colour, received as ``#RRGGBB``."""
        return _build("color", name, opts)

    @staticmethod
    def map(name=None, **opts):
        """Text keys to text values (a dict of str)."""
        return _build("map", name, opts)

    @staticmethod
    def file(name=None, **opts):
        """An input file, received as a FileAnnotation reference ``{"type": "FileAnnotation", "id": n}``."""
        return _build("file", name, opts)

    @staticmethod
    def object(*args, **opts):
        """A reference to one object: ``p.object(["Image"])`` or ``p.object("Target", ["Image", "Dataset"])``."""
        name, rest = _name_and(args, opts.pop("name", None))
        types = rest[0] if rest else opts.pop("types", None)
        if isinstance(types, str):
            types = [types]
        if not types or len(rest) > 1:
            raise TypeError("p.object needs a list of object types, e.g. p.object(['Image'])")
        return _build("object", name, opts, {"objectTypes": list(types)})

    @staticmethod
    def list(*args, **opts):
        """A list of one element type: ``p.list(p.long())`` or ``p.list("IDs", p.long(), grouping="2")``.

        The element's values/min/max (or the list's own) apply to every element; its description,
        optional and default are ignored.
        """
        name, rest = _name_and(args, opts.pop("name", None))
        element = rest[0] if rest else opts.pop("element", None)
        if not isinstance(element, Param) or len(rest) > 1:
            raise TypeError("p.list needs an element parameter, e.g. p.list(p.long())")
        el = element.spec
        for key in ("values", "min", "max"):
            if opts.get(key) is None and el.get(key) is not None:
                opts[key] = el[key]
        extra = {"element": el["type"]}
        if "objectTypes" in el:
            extra["objectTypes"] = list(el["objectTypes"])
        return _build("list", name, opts, extra)


p = _Builders()
