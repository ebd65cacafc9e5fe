"""``scripts.client(...)``: the OMERO script's handle on its job — declaration, inputs, outputs.

    client = scripts.client("Hello_World.py", "Lists a dataset's images.",
        scripts.String("Data_Type", optional=False, grouping="1", values=[rstring("Dataset")], default="Dataset"),
        scripts.List("IDs", optional=False, grouping="2").ofType(rlong(0)),
        authors=["OME Team"], version="1.0")
    try:
        params = client.getInputs(unwrap=True)      # {"Data_Type": "Dataset", "IDs": [1]}
        ...
        client.setOutput("Message", rstring("Done"))
    finally:
        client.closeSession()
"""
import os
import re

from . import _runtime, rtypes
from ._outputs import to_output
from ._params import Type

# OMERO keywords with no Fovea meaning; anything else unknown is a typo worth reporting.
_IGNORED = ("namespaces", "stdoutFormat", "stderrFormat", "authorsInstitutions")
_FOVEA_META = ("folder", "timeout_seconds", "memory_mb", "rerunnable")

_active = []


def active_client():
    """The client this process made (BlitzGateway() without arguments uses it), or None."""
    return _active[-1] if _active else None


def title_of(name):
    """OMERO names scripts by file ("Plot_Profile.py"); menus show "Plot Profile"."""
    base = os.path.basename(str(name))
    base = re.sub(r"\.py$", "", base)
    return base.replace("_", " ").strip() or str(name)


class Client(object):
    """What ``scripts.client(...)`` returns; see the module docstring."""

    def __init__(self, *args, **kwargs):
        name, description, params = _split_args(args, kwargs)
        meta = _metadata(kwargs)
        if description is not None:
            meta["description"] = str(rtypes.unwrap(description))
        self._params = [param for param in params if not param.out]
        self._outputs = {}
        self._closed = False
        self.ctx = None
        self._inputs = {}
        script = _runtime.register(title_of(name), [param.to_fovea() for param in self._params], meta, self._final_outputs)
        self.declaration = script.declaration
        current = _runtime.mode()
        if current == "describe":
            _runtime.describe_and_exit(script)
        if current != "run":
            raise RuntimeError("scripts.client() runs under Fovea's runner (FOVEA_MODE=describe or run): try "
                               "`fovea script run %s …`" % (name,))
        self.ctx, self._inputs = _runtime.open_job(self.declaration)
        _active.append(self)

    # Inputs -------------------------------------------------------------------------------------

    def getInputKeys(self):
        """The names of the inputs that have a value (absent optional ones are left out, as in OMERO)."""
        return sorted(k for k, v in self._inputs.items() if v is not None)

    def getInputs(self, unwrap=False):
        """Every input that has a value: rtypes, or plain Python values with ``unwrap=True``
        (IDs as ints, object references as model objects such as ``ImageI(12, False)``)."""
        out = {}
        for param in self._params:
            value = self.getInput(param.name, unwrap)
            if value is not None:
                out[param.name] = value
        return out

    def getInput(self, key, unwrap=False):
        """One input (None when it has no value)."""
        param = next((q for q in self._params if q.name == key), None)
        if param is None:
            return None
        boxed = param.box(self._inputs.get(key))
        return rtypes.unwrap(boxed) if unwrap else boxed

    # Outputs ------------------------------------------------------------------------------------

    def setOutput(self, key, value):
        """Records an output: ``rstring`` → a Message text, numbers and bools as they are,
        ``robject(image._obj)`` → an object reference ``{"type": "Image", "id": …}``."""
        self._check_open("setOutput")
        self._outputs[str(key)] = (value, to_output(key, value))

    def getOutput(self, key, unwrap=False):
        """An output as it was set (None when it was not)."""
        value = self._outputs.get(key, (None, None))[0]
        return rtypes.unwrap(value) if unwrap else value

    def getOutputKeys(self):
        return sorted(self._outputs)

    def _final_outputs(self):
        return dict((key, converted) for key, (_, converted) in self._outputs.items())

    # Session ------------------------------------------------------------------------------------

    def closeSession(self):
        """Ends the session: the gateway can no longer be used. The outputs are sent when the script
        file finishes (also when it forgets to call this)."""
        self._closed = True

    def enableKeepAlive(self, seconds):
        """Nothing to keep alive: the job token lives as long as the job."""

    def isClosed(self):
        return self._closed

    def _check_open(self, call):
        if self._closed:
            raise RuntimeError("client.%s after client.closeSession(): the session is closed" % call)

    def __getattr__(self, name):
        if name.startswith("_"):
            raise AttributeError(name)
        raise NotImplementedError("client.%s is not supported by Fovea's OMERO layer" % name)


def _metadata(kwargs):
    """The declaration's metadata from OMERO's keywords (and Fovea's); unknown ones are refused."""
    meta = dict((k, kwargs.pop(k)) for k in list(kwargs) if k in _FOVEA_META and kwargs[k] is not None)
    for key in ("authors", "institutions"):
        value = rtypes.unwrap(kwargs.pop(key, None))
        if value is not None:
            meta[key] = [value] if isinstance(value, str) else list(value)
    for key in ("contact", "version"):
        value = rtypes.unwrap(kwargs.pop(key, None))
        if value is not None:
            meta[key] = str(value)
    unknown = sorted(k for k in kwargs if k not in _IGNORED and k not in _FOVEA_META)
    if unknown:
        raise TypeError("scripts.client(): unknown keyword%s %s" % ("s" if len(unknown) > 1 else "", ", ".join(unknown)))
    return meta


def _split_args(args, kwargs):
    """(name, description, params) from OMERO's ``client(name, description, *params, **kw)``."""
    args = list(args)
    name = kwargs.pop("name", None)
    if name is None:
        if not args or not isinstance(rtypes.unwrap(args[0]), str):
            raise TypeError("scripts.client() needs the script's name first, e.g. scripts.client(\"My_Script.py\", …)")
        name = rtypes.unwrap(args.pop(0))
    description = kwargs.pop("description", None)
    if description is None and args and not isinstance(args[0], Type):
        description = args.pop(0)
    bad = [a for a in args if not isinstance(a, Type)]
    if bad:
        raise TypeError("scripts.client(): expected parameters such as scripts.String(...), not %r" % (bad[0],))
    return name, description, args
