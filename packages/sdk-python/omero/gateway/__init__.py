"""``omero.gateway.BlitzGateway(client_obj=client)`` for Fovea: the part everyday OMERO scripts use,
acting as the launching user through the job's token.

    conn = BlitzGateway(client_obj=client)
    for dataset in conn.getObjects("Dataset", script_params["IDs"]):
        for image in dataset.listChildren():
            plane = image.getPrimaryPixels().getPlane(0, 0, 0)      # numpy (sizeY, sizeX)
    ann = conn.createFileAnnfromLocalFile("out.csv", mimetype="text/csv")
    image.linkAnnotation(ann)
    client.setOutput("File_Annotation", robject(ann._obj))

Any other call raises NotImplementedError naming it.
"""
import mimetypes
import os

from .. import _client
from ._unsupported import Unsupported
from .accounts import EventContext, ExperimenterWrapper, current_group
from .annotations import (AnnotationWrapper, CommentAnnotationWrapper, FileAnnotationWrapper, MapAnnotationWrapper,
                          OriginalFileWrapper, TagAnnotationWrapper)
from .containers import DatasetWrapper, ProjectWrapper
from .create_image import create_image_from_numpy_seq
from .image import ChannelWrapper, ColorHolder, ImageWrapper
from .objects import BlitzObjectWrapper
from .pixels import PixelsWrapper
from .queries import get_objects
from .rois import RoiResult, RoiService, RoiWrapper


class ServiceOpts(dict):
    """``conn.SERVICE_OPTS``: kept for scripts that set the group; Fovea's job token already acts in
    the launching group, so the values change nothing."""

    def setOmeroGroup(self, group):
        self["omero.group"] = str(group)

    def getOmeroGroup(self):
        return self.get("omero.group")

    def setOmeroUser(self, user):
        self["omero.user"] = str(user)

    def getOmeroUser(self):
        return self.get("omero.user")


class BlitzGateway(Unsupported):
    """The connection of an OMERO script, made from its client: ``BlitzGateway(client_obj=client)``."""

    OMERO_NAME = "BlitzGateway"

    def __init__(self, username=None, passwd=None, client_obj=None, group=None, clone=False, try_super=False,
                 host=None, port=None, extra_config=None, secure=False, anonymous=True, useragent=None, userip=None):
        if username is not None or passwd is not None or host is not None:
            raise NotImplementedError("BlitzGateway(username, passwd, host=…) is not supported by Fovea's OMERO layer: "
                                      "a script acts as the user who launched it: BlitzGateway(client_obj=client)")
        client_obj = client_obj if client_obj is not None else _client.active_client()
        if client_obj is None or getattr(client_obj, "ctx", None) is None:
            raise RuntimeError("BlitzGateway(client_obj=client) needs the client of scripts.client(...) in run mode")
        self.c = client_obj
        self.SERVICE_OPTS = ServiceOpts()
        self._closed = False
        self._session = None

    # The connection ---------------------------------------------------------------------------

    @property
    def _ctx(self):
        if self._closed or self.c.isClosed():
            raise RuntimeError("the session is closed (conn.close() or client.closeSession() was called)")
        return self.c.ctx

    @property
    def _api(self):
        return self._ctx.api

    def connect(self, sUuid=None):
        return not self._closed

    def isConnected(self):
        return not self._closed and not self.c.isClosed()

    def keepAlive(self):
        return self.isConnected()

    def close(self, hard=True):
        """Ends this gateway; the script's client (and its outputs) is not affected."""
        self._closed = True

    # Who and where ----------------------------------------------------------------------------

    def _session_info(self):
        if self._session is None:
            self._session = self._api.get("/session")
        return self._session

    def getUser(self):
        return ExperimenterWrapper(self._session_info()["user"])

    def getEventContext(self):
        return EventContext(self._session_info())

    def getGroupFromContext(self):
        return current_group(self._session_info())

    def isAdmin(self):
        return bool(self._session_info()["user"].get("isAdmin"))

    # Objects ----------------------------------------------------------------------------------

    def getObjects(self, obj_type, ids=None, params=None, attributes=None, opts=None):
        """Wrappers of Project, Dataset, Image, Roi or FileAnnotation objects (see ``queries``)."""
        if params is not None:
            raise NotImplementedError("BlitzGateway.getObjects(params=…) is not supported by Fovea's OMERO layer: "
                                      "use opts={'limit': …, 'offset': …}")
        return get_objects(self, obj_type, ids=ids, attributes=attributes, opts=opts)

    def getObject(self, obj_type, oid=None, params=None, attributes=None, opts=None):
        """One wrapper, or None when it does not exist or is not visible."""
        ids = None if oid is None else [oid]
        return next(self.getObjects(obj_type, ids=ids, params=params, attributes=attributes, opts=opts), None)

    def getRoiService(self):
        return RoiService(self)

    # New data ---------------------------------------------------------------------------------

    def createFileAnnfromLocalFile(self, localPath, origFilePathAndName=None, mimetype=None, ns=None, desc=None):
        """Uploads a local file as a FileAnnotation linked to nothing yet (``obj.linkAnnotation(ann)``)."""
        name = os.path.basename(origFilePathAndName or localPath)
        with open(localPath, "rb") as f:
            content = f.read()
        mime = mimetype or mimetypes.guess_type(name)[0] or "application/octet-stream"
        data = self._api.upload_file(name, content, links=(), mime_type=mime, description=desc, namespace=ns)
        return FileAnnotationWrapper(self, data)

    def createImageFromNumpySeq(self, zctPlanes, imageName, sizeZ=1, sizeC=1, sizeT=1, description=None,
                                dataset=None, sourceImageId=None, channelList=None):
        """A new image from 2-D NumPy planes given for z, then c, then t (T innermost, as OMERO's);
        in ``dataset`` when given; channel names and pixel sizes copied from ``sourceImageId``
        (its channels ``channelList``). Returns its ImageWrapper."""
        return create_image_from_numpy_seq(self, zctPlanes, imageName, sizeZ, sizeC, sizeT, description=description,
                                           dataset=dataset, sourceImageId=sourceImageId, channelList=channelList)


__all__ = ["BlitzGateway", "BlitzObjectWrapper", "ProjectWrapper", "DatasetWrapper", "ImageWrapper", "ChannelWrapper",
           "ColorHolder", "PixelsWrapper", "AnnotationWrapper", "FileAnnotationWrapper", "OriginalFileWrapper",
           "TagAnnotationWrapper", "CommentAnnotationWrapper", "MapAnnotationWrapper",
           "RoiWrapper", "RoiService", "RoiResult", "ServiceOpts"]


def __getattr__(name):
    if name.startswith("_"):
        raise AttributeError(name)
    raise NotImplementedError("omero.gateway.%s is not supported by Fovea's OMERO layer" % name)
