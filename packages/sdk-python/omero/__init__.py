"""Fovea's OMERO-style layer: enough of ``omero.scripts``, ``omero.rtypes``, ``omero.model`` and
``omero.gateway.BlitzGateway`` for everyday OMERO scripts to run unmodified as Fovea jobs.

It is our own code, written from OMERO's public API documentation, on top of ``fovea_sdk``: the
same declaration JSON, validator, job states, isolation and outputs as any Fovea script. What it
does not support raises NotImplementedError naming the call.

``omero.ServerError`` (and ``omero.ClientError``) is the error of a failed API request
(``fovea_sdk.FoveaApiError``, with ``.code`` such as NOT_FOUND), so ``except omero.ServerError``
catches what it catches in OMERO.
"""
import importlib
import importlib.util

from fovea_sdk.client import FoveaApiError as ServerError

from . import model, rtypes

ClientError = ServerError

__all__ = ["model", "rtypes", "ServerError", "ClientError"]


def __getattr__(name):
    # `from omero import gateway` asks hasattr(omero, "gateway") before importing it: import it then.
    if name.startswith("_"):
        raise AttributeError(name)
    if importlib.util.find_spec(__name__ + "." + name) is not None:
        return importlib.import_module(__name__ + "." + name)
    raise NotImplementedError("omero.%s is not supported by Fovea's OMERO layer" % name)
