"""Starts a script file: executes it as ``__main__``, then speaks the runner protocol for the first
script it defined. The runner starts ``python3 -I -X utf8 -c <bootstrap> <sdk dir> <script.py>``;
by hand: ``FOVEA_MODE=describe python3 -m fovea_sdk script.py 3>&1``."""
import os
import sys

from . import protocol
from .script import defined_scripts
from .wire import send


def main(argv=None):
    argv = list(sys.argv[1:] if argv is None else argv)
    if not argv:
        sys.stderr.write("usage: python3 -m fovea_sdk SCRIPT.py\n")
        sys.exit(2)
    path = os.path.abspath(argv[0])
    mode = os.environ.get("FOVEA_MODE", "")
    sys.argv = [path] + argv[1:]
    try:
        with open(path, "rb") as f:
            source = f.read()
        code = compile(source, path, "exec", dont_inherit=True)
        module_globals = {"__name__": "__main__", "__file__": path, "__builtins__": __builtins__}
        exec(code, module_globals)
    except BaseException as err:
        if not mode:
            raise
        protocol.fail(err, path)
    scripts = defined_scripts()
    if not mode:
        return
    if not scripts:
        send({"type": "error", "message": "the script defined no script: call define_script(...) from fovea_sdk, or omero.scripts.client(...)"})
        protocol._exit(1)
    protocol.main(scripts[0], mode, path)
