"""The one seam between the OMERO layer and fovea_sdk's runner protocol.

An OMERO script does its work at its top level (``client = scripts.client(...)``, then the work),
while fovea_sdk's launcher executes the file and then speaks the protocol for the first script it
defined. So ``scripts.client(...)``:

- in describe mode, sends the declaration and ends the process at once, before the script can
  touch data (its ``finally: client.closeSession()`` does not run: there is nothing to close);
- in run mode, registers a fovea_sdk script whose ``run`` returns the outputs the OMERO client
  collected, and makes the job's context now, so the top level can work; when the file has
  finished, the launcher sends those outputs. An exception that escapes the file fails the job
  with its traceback, even after ``closeSession()``: the launcher reports it instead.
"""
import os
import signal

from fovea_sdk import Cancelled, Context, define_script
from fovea_sdk import protocol


def mode():
    """``describe``, ``run``, or "" when the file was not started by Fovea's runner."""
    return os.environ.get("FOVEA_MODE", "")


def _env(name):
    value = os.environ.get(name)
    if not value:
        raise RuntimeError("%s is not set: scripts.client() in run mode needs it from Fovea's runner" % name)
    return value


def register(title, params, meta, outputs):
    """Defines the fovea_sdk script; its ``run`` hands the collected outputs to the launcher."""
    return define_script(name=title, params=params, run=lambda ctx, inputs: outputs(), **meta)


def describe_and_exit(script):
    """Sends the declaration on the protocol channel and ends the process (exit code 0)."""
    protocol.main(script, "describe")


def open_job(declaration):
    """The job's context and validated inputs (defaults filled in), with cancellation wired:
    the runner's SIGTERM raises ``Cancelled`` in the script, as in fovea_sdk's own run mode."""
    ctx = Context(int(_env("FOVEA_JOB_ID")), _env("FOVEA_SERVER_URL"), _env("FOVEA_TOKEN"))

    def on_term(signum, frame):
        if not ctx.cancelled:
            ctx.cancelled = True
            raise Cancelled("the job was cancelled")

    signal.signal(signal.SIGTERM, on_term)
    # The script runs its work now, long before the launcher's run mode starts the same watch.
    protocol._watch_parent()
    inputs = protocol.read_inputs(declaration, _env("FOVEA_INPUTS_FILE"))
    return ctx, inputs


def check_outputs(outputs):
    """The outputs as the protocol sends them (raises TypeError naming any invalid one)."""
    return protocol.check_outputs(outputs)
