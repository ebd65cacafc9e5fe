"""``define_script``: declares a script (its metadata and parameters) and its ``run`` function.

When the runner starts the file (``FOVEA_MODE`` is set), the launcher (``python -m fovea_sdk``)
speaks the runner protocol for the first script defined, once the whole file has been executed,
so that ``run`` may use functions defined below the ``define_script`` call.
"""
from .params import Param

_META = (
    ("name", "name"), ("description", "description"), ("folder", "folder"), ("authors", "authors"),
    ("institutions", "institutions"), ("contact", "contact"), ("version", "version"),
    ("timeout_seconds", "timeoutSeconds"), ("memory_mb", "memoryMb"), ("rerunnable", "rerunnable"),
)

_defined = []


class Script(object):
    """A defined script: ``declaration`` (the JSON the runner validates) and ``run(ctx, inputs)``."""

    def __init__(self, declaration, run):
        self.declaration = declaration
        self.run = run

    def __call__(self, ctx, inputs):
        return self.run(ctx, inputs)


def _params(params):
    if params is None:
        return []
    if isinstance(params, dict):
        items = list(params.items())
    else:
        items = [(None, p) for p in params]
    out = []
    for key, param in items:
        if not isinstance(param, Param):
            raise TypeError("params must hold p.* parameters, not %r" % (param,))
        name = key if key is not None else param.name
        if name is None:
            raise TypeError("a parameter in params has no name: give it as p.%s(\"Name\", ...) or use a dict" % param.spec["type"])
        out.append(param.declaration(name))
    return out


def make_declaration(name, params=None, **meta):
    """The declaration JSON: metadata in the TypeScript SDK's order, then params."""
    given = dict(meta, name=name)
    unknown = [k for k in given if k not in dict(_META)]
    if unknown:
        raise TypeError("unknown script field%s %s" % ("s" if len(unknown) > 1 else "", ", ".join(sorted(unknown))))
    decl = {}
    for py, js in _META:
        v = given.get(py)
        if v is not None:
            decl[js] = list(v) if isinstance(v, (list, tuple)) else v
    decl["params"] = _params(params)
    return decl


def define_script(name, params=None, run=None, **meta):
    """Declares a script. Either pass ``run=fn`` or use the result as a decorator:

    >>> script = define_script(name="Hello World", folder="util_scripts",
    ...     params=[p.string("Data_Type", values=["Dataset"], default="Dataset", grouping="1"),
    ...             p.list("IDs", p.long(), grouping="2")],
    ...     run=main)

    >>> @define_script(name="Hello World", params=[...])
    ... def main(ctx, inputs): ...
    """
    decl = make_declaration(name, params, **meta)
    if run is not None:
        script = Script(decl, run)
        _defined.append(script)
        return script

    def decorate(fn):
        script = Script(decl, fn)
        _defined.append(script)
        return script

    return decorate


def defined_scripts():
    """The scripts defined so far in this process, in order (the launcher runs the first)."""
    return list(_defined)
