"""Annotation wrappers: ``FileAnnotationWrapper`` (what ``createFileAnnfromLocalFile`` returns:
``getId()``, ``_obj``, ``getFile()``, ``getFileInChunks()``), and tags, comments and maps."""
from .. import model, rtypes
from ._unsupported import Unsupported
from .objects import BlitzObjectWrapper


class AnnotationWrapper(BlitzObjectWrapper):
    OMERO_CLASS = "Annotation"
    MODEL = model.AnnotationI

    def _make_obj(self):
        obj = self.MODEL(self._data["id"], True)
        obj._fields["ns"] = rtypes.rstring(self._data.get("namespace"))
        obj._fields["description"] = rtypes.rstring(self._data.get("description") or "")
        return obj

    def getNs(self):
        return self._data.get("namespace")

    def getValue(self):
        return self._data.get("value")

    def getName(self):
        return None


class TagAnnotationWrapper(AnnotationWrapper):
    OMERO_CLASS = "TagAnnotation"
    MODEL = model.TagAnnotationI

    def getTextValue(self):
        return self._data.get("value")


class CommentAnnotationWrapper(TagAnnotationWrapper):
    OMERO_CLASS = "CommentAnnotation"
    MODEL = model.CommentAnnotationI


class MapAnnotationWrapper(AnnotationWrapper):
    OMERO_CLASS = "MapAnnotation"
    MODEL = model.MapAnnotationI

    def getValue(self):
        """The ordered ``[[key, value], …]`` pairs."""
        return [list(pair) for pair in self._data.get("values", [])]


class OriginalFileWrapper(Unsupported):
    """The file of a FileAnnotation: ``getName()``, ``getSize()``, ``getMimetype()``, ``getFileInChunks()``."""

    def __init__(self, ann):
        self._ann = ann
        self._file = ann._data.get("file") or {}

    def getId(self):
        return self._ann.getId()

    def getName(self):
        return self._file.get("name")

    def getPath(self):
        return ""

    def getSize(self):
        return self._file.get("size")

    def getMimetype(self):
        return self._file.get("mimeType")

    def getHash(self):
        return self._file.get("sha256")

    def getFileInChunks(self, buf=2621440):
        """The bytes, in chunks of at most ``buf``."""
        body = self._ann._conn._api.request("GET", "/annotations/%d/file" % self.getId()).body
        for start in range(0, len(body), max(1, int(buf))):
            yield body[start:start + int(buf)]


class FileAnnotationWrapper(AnnotationWrapper):
    OMERO_CLASS = "FileAnnotation"
    MODEL = model.FileAnnotationI

    def _make_obj(self):
        obj = AnnotationWrapper._make_obj(self)
        f = self._data.get("file") or {}
        original = model.OriginalFileI(self._data["id"], True)
        original._fields.update({"name": rtypes.rstring(f.get("name")), "mimetype": rtypes.rstring(f.get("mimeType")),
                                 "size": rtypes.rlong(f.get("size")), "hash": rtypes.rstring(f.get("sha256"))})
        obj._fields["file"] = original
        return obj

    def getFile(self):
        return OriginalFileWrapper(self)

    def getFileName(self):
        return (self._data.get("file") or {}).get("name")

    def getFileSize(self):
        return (self._data.get("file") or {}).get("size")

    def getFileInChunks(self, buf=2621440):
        return self.getFile().getFileInChunks(buf)


_WRAPPERS = {"FileAnnotation": FileAnnotationWrapper, "TagAnnotation": TagAnnotationWrapper,
             "CommentAnnotation": CommentAnnotationWrapper, "MapAnnotation": MapAnnotationWrapper}


def annotation_wrapper(conn, data):
    """The wrapper for an annotation's JSON, by its type."""
    return _WRAPPERS.get(data.get("type"), AnnotationWrapper)(conn, data)
