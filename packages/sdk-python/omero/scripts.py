"""``omero.scripts`` for Fovea: declare an OMERO-style script and reach its job.

    import omero.scripts as scripts
    from omero.rtypes import rlong, rstring

    client = scripts.client(
        "Hello_World.py", "Lists the images of datasets.",
        scripts.String("Data_Type", optional=False, grouping="1", values=[rstring("Dataset")], default="Dataset"),
        scripts.List("IDs", optional=False, grouping="2").ofType(rlong(0)),
        authors=["OME Team"], institutions=["University of Dundee"], contact="ome-users@lists.openmicroscopy.org.uk",
        version="1.0")

In describe mode ``scripts.client(...)`` sends the declaration (what ``define_script`` would) and
ends the process; in run mode it returns the client (see ``omero._client``). Fovea additions:
``folder=``, ``timeout_seconds=``, ``memory_mb=``, ``rerunnable=`` and, for ``Object``, ``types=``.
"""
from ._client import Client, active_client
from ._params import Bool, Color, Double, Float, Int, List, Long, Map, Object, Set, String, Type
from .rtypes import rbool, rdouble, rfloat, rint, rlist, rlong, rmap, robject, rstring, unwrap, wrap


def client(*args, **kwargs):
    """``scripts.client(name, description, *params, authors=…, institutions=…, contact=…, version=…)``."""
    return Client(*args, **kwargs)


__all__ = ["client", "Client", "active_client", "Type", "String", "Long", "Int", "Float", "Double", "Bool",
           "Color", "Object", "List", "Set", "Map", "rbool", "rdouble", "rfloat", "rint", "rlist", "rlong", "rmap",
           "robject", "rstring", "unwrap", "wrap"]


def __getattr__(name):
    if name.startswith("_"):
        raise AttributeError(name)
    raise NotImplementedError("omero.scripts.%s is not supported by Fovea's OMERO layer" % name)
