"""``BlitzObjectWrapper``: what every wrapped object (project, dataset, image, ROI, annotation) has —
``getId()`` (an int), ``getName()``, ``getDescription()``, permissions, ``_obj`` (the model object,
for ``robject(obj._obj)``), and annotation links."""
from .. import rtypes
from ._unsupported import Unsupported

# Fovea API collection of each annotatable object type.
ANNOTATABLE_PATHS = {"Project": "projects", "Dataset": "datasets", "Image": "images", "Roi": "rois"}


class BlitzObjectWrapper(Unsupported):
    """An object read through the Fovea API (``_data`` is its JSON) for the gateway ``_conn``."""

    OMERO_CLASS = None
    MODEL = None

    def __init__(self, conn, data):
        self._conn = conn
        self._data = data
        self._obj = self._make_obj()

    def _make_obj(self):
        obj = self.MODEL(self._data["id"], True)
        for field in ("name", "description"):
            if field in self._data and field in obj.FIELDS:
                obj._fields[field] = rtypes.rstring(self._data[field])
        return obj

    def getId(self):
        return int(self._data["id"])

    @property
    def id(self):
        return self.getId()

    def getName(self):
        return self._data.get("name")

    def getDescription(self):
        return self._data.get("description") or ""

    def getOwnerId(self):
        return self._data.get("ownerId")

    def getGroupId(self):
        return self._data.get("groupId")

    def _permission(self, key):
        return bool((self._data.get("permissions") or {}).get(key, False))

    def canAnnotate(self):
        """May the launching user annotate this object (link files, tags …)?"""
        return self._permission("canAnnotate")

    def canEdit(self):
        return self._permission("canEdit")

    def canDelete(self):
        return self._permission("canDelete")

    def canLink(self):
        return self._permission("canLink")

    def _annotations_path(self):
        path = ANNOTATABLE_PATHS.get(self.OMERO_CLASS)
        if path is None:
            raise NotImplementedError("%s.linkAnnotation is not supported by Fovea's OMERO layer" % self.OMERO_NAME)
        return "/%s/%d/annotations" % (path, self.getId())

    def linkAnnotation(self, ann, sameOwner=False):
        """Links an annotation (a wrapper from ``createFileAnnfromLocalFile``, or its ``_obj``); returns it."""
        ann_id = ann.getId() if isinstance(ann, BlitzObjectWrapper) else ann.ref_id()
        self._conn._api.post(self._annotations_path(), {"annotationId": int(ann_id)})
        return ann

    def listAnnotations(self, ns=None):
        """The annotations linked to this object (only those of namespace ``ns`` when given)."""
        from .annotations import annotation_wrapper

        for data in self._conn._api.list_all(self._annotations_path()):
            if ns is None or data.get("namespace") == ns:
                yield annotation_wrapper(self._conn, data)

    def getAnnotation(self, ns=None):
        """The first linked annotation (of namespace ``ns``), or None."""
        return next(iter(self.listAnnotations(ns)), None)

    def __eq__(self, other):
        return type(self) is type(other) and self.getId() == other.getId()

    def __ne__(self, other):
        return not self.__eq__(other)

    def __hash__(self):
        return hash((type(self).__name__, self.getId()))

    def __repr__(self):
        return "<%s id=%d>" % (type(self).__name__, self.getId())
