"""What a script process does under the runner (FOVEA_MODE): describe → send the declaration and
exit; run → read the inputs, call run(ctx, inputs), send the outputs. A failure sends an ``error``
message, prints the traceback on stderr and exits non-zero. Exits with os._exit, so that a
forgotten non-daemon thread cannot keep a finished job alive until its timeout."""
import json
import math
import os
import signal
import sys
import threading
import time
import traceback

from .context import Cancelled, Context
from .wire import send

OBJECT_TYPES = ("Project", "Dataset", "Image", "Roi", "Shape", "FileAnnotation", "TagAnnotation", "CommentAnnotation",
                "MapAnnotation", "Script", "Job", "User", "Group")


def _exit(code):
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.flush()
        except Exception:
            pass
    os._exit(code)


def _script_frames(tb, script_path):
    """The traceback from the script's first frame on (the launcher's frames are noise to the author)."""
    t = tb
    while t is not None:
        if script_path and os.path.abspath(t.tb_frame.f_code.co_filename) == script_path:
            return t
        t = t.tb_next
    return tb


def fail(err, script_path=None):
    try:
        tb = _script_frames(err.__traceback__, script_path)
        sys.stderr.write("".join(traceback.format_exception(type(err), err, tb)))
        text = str(err)
        message = "%s: %s" % (type(err).__name__, text) if text else type(err).__name__
        send({"type": "error", "message": message})
    finally:
        _exit(1)


def _required(name):
    v = os.environ.get(name)
    if not v:
        raise RuntimeError("%s is not set: run mode needs it from the runner" % name)
    return v


def read_inputs(declaration, path):
    """The inputs file, with defaults filled in (the server validated it already)."""
    with open(path, "r", encoding="utf-8") as f:
        raw = json.load(f)
    if not isinstance(raw, dict):
        raise ValueError("the inputs file must hold a JSON object")
    inputs = {}
    missing = []
    for param in declaration["params"]:
        name = param["name"]
        if raw.get(name) is not None:
            inputs[name] = raw[name]
        elif param.get("default") is not None:
            inputs[name] = json.loads(json.dumps(param["default"]))
        else:
            if not param.get("optional"):
                missing.append(name)
            inputs[name] = None
    if missing:
        raise ValueError("invalid inputs: missing required %s" % ", ".join(missing))
    return inputs


def _is_ref(v):
    return (isinstance(v, dict) and set(v) == {"type", "id"} and v["type"] in OBJECT_TYPES
            and isinstance(v["id"], int) and not isinstance(v["id"], bool) and v["id"] > 0)


def _is_url(v):
    return (isinstance(v, dict) and v.get("kind") == "url" and isinstance(v.get("href"), str)
            and set(v) <= {"kind", "href", "title"} and isinstance(v.get("title", ""), str))


def check_outputs(value):
    if value is None:
        return {}
    if not isinstance(value, dict):
        raise TypeError("run() must return a dict of outputs, not %s" % type(value).__name__)
    out = {}
    bad = []
    for name, v in value.items():
        if v is None:
            continue
        if hasattr(v, "item") and callable(v.item) and getattr(v, "shape", None) == ():
            v = v.item()  # numpy scalars
        ok = (isinstance(v, (str, bool)) or (isinstance(v, (int, float)) and math.isfinite(v))
              or _is_ref(v) or _is_url(v))
        if ok:
            out[str(name)] = dict(v) if isinstance(v, dict) else v
        else:
            bad.append(str(name))
    if bad:
        raise TypeError("invalid output%s %s: an output must be a string, a finite number, a boolean, an object "
                        "reference {\"type\", \"id\"} or {\"kind\": \"url\", \"href\", \"title\"}"
                        % ("s" if len(bad) > 1 else "", ", ".join(bad)))
    return out


def _watch_parent():
    """The runner starts scripts in their own process group, so they outlive a runner that crashes:
    stop when the parent is gone (no one to report to, and the token is revoked)."""
    parent = os.getppid()

    def loop():
        while True:
            time.sleep(1)
            if os.getppid() != parent:
                os._exit(1)

    threading.Thread(target=loop, name="fovea-parent-watch", daemon=True).start()


def run_mode(script, script_path=None):
    ctx = Context(int(_required("FOVEA_JOB_ID")), _required("FOVEA_SERVER_URL"), _required("FOVEA_TOKEN"))

    def on_term(signum, frame):
        # The runner follows SIGTERM with SIGKILL shortly after: unwind now so that finally blocks run.
        if not ctx.cancelled:
            ctx.cancelled = True
            raise Cancelled("the job was cancelled")

    signal.signal(signal.SIGTERM, on_term)
    _watch_parent()
    inputs = read_inputs(script.declaration, _required("FOVEA_INPUTS_FILE"))
    outputs = check_outputs(script.run(ctx, inputs))
    send({"type": "outputs", "outputs": outputs})
    _exit(0)


def main(script, mode, script_path=None):
    try:
        if mode == "describe":
            send({"type": "declaration", "declaration": script.declaration})
            _exit(0)
        if mode == "run":
            run_mode(script, script_path)
        raise RuntimeError("unknown FOVEA_MODE %s: expected describe or run" % json.dumps(mode))
    except SystemExit as err:
        code = err.code if isinstance(err.code, int) else (0 if err.code is None else 1)
        if code != 0:
            fail(RuntimeError("the script called sys.exit(%r)" % (err.code,)), script_path)
        fail(RuntimeError("the script called sys.exit() before returning its outputs"), script_path)
    except BaseException as err:
        fail(err, script_path)
