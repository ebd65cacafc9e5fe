"""ROIs: ``conn.getRoiService().findByImage(imageId, None).rois`` (``RoiI`` model objects whose
shapes have OMERO's accessors) and ``conn.getObjects("Roi", opts={"image": id})`` (wrappers)."""
from .. import model, rtypes
from ..model.shapes import roi_from_json
from ._unsupported import Unsupported
from .objects import BlitzObjectWrapper


class RoiResult(object):
    """What ``findByImage`` returns: ``rois`` (a list of ``RoiI``)."""

    def __init__(self, rois):
        self.rois = rois


class RoiService(Unsupported):
    """The part of OMERO's ROI service that scripts use to read ROIs."""

    OMERO_NAME = "RoiService"

    def __init__(self, conn):
        self._conn = conn

    def findByImage(self, imageId, opts=None, ctx=None):
        """Every ROI of the image, in id order, with its shapes."""
        image_id = int(rtypes.unwrap(imageId))
        return RoiResult([roi_from_json(d) for d in self._conn._api.list_all("/images/%d/rois" % image_id)])

    def findByRoi(self, roiId, opts=None, ctx=None):
        return RoiResult([roi_from_json(self._conn._api.get("/rois/%d" % int(rtypes.unwrap(roiId))))])


class RoiWrapper(BlitzObjectWrapper):
    """An ROI; its shapes (``copyShapes()``) are the model's shape objects."""

    OMERO_CLASS = "Roi"
    MODEL = model.RoiI

    def _make_obj(self):
        return roi_from_json(self._data)

    def copyShapes(self):
        return self._obj.copyShapes()

    def iterateShapes(self):
        return self._obj.iterateShapes()

    def getImageId(self):
        return self._data["imageId"]
