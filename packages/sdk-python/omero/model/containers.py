"""Containers, images and annotations as OMERO model objects: enough to name them in
``robject(...)`` outputs, as link targets and as the ``_obj`` of the gateway's wrappers."""
from .base import IObject, with_fields


@with_fields("name", "description")
class ProjectI(IObject):
    OMERO_CLASS = "Project"
    FOVEA_TYPE = "Project"


@with_fields("name", "description")
class DatasetI(IObject):
    OMERO_CLASS = "Dataset"
    FOVEA_TYPE = "Dataset"


@with_fields("name", "description", "acquisitionDate")
class ImageI(IObject):
    OMERO_CLASS = "Image"
    FOVEA_TYPE = "Image"


@with_fields("name", "path", "mimetype", "size", "hash")
class OriginalFileI(IObject):
    """The file of a FileAnnotation (it shares the annotation's id in Fovea, which has no separate file rows)."""

    OMERO_CLASS = "OriginalFile"
    FOVEA_TYPE = "FileAnnotation"


@with_fields("ns", "description")
class AnnotationI(IObject):
    OMERO_CLASS = "Annotation"


@with_fields("file")
class FileAnnotationI(AnnotationI):
    OMERO_CLASS = "FileAnnotation"
    FOVEA_TYPE = "FileAnnotation"


@with_fields("textValue")
class TagAnnotationI(AnnotationI):
    OMERO_CLASS = "TagAnnotation"
    FOVEA_TYPE = "TagAnnotation"


@with_fields("textValue")
class CommentAnnotationI(AnnotationI):
    OMERO_CLASS = "CommentAnnotation"
    FOVEA_TYPE = "CommentAnnotation"


@with_fields("mapValue")
class MapAnnotationI(AnnotationI):
    OMERO_CLASS = "MapAnnotation"
    FOVEA_TYPE = "MapAnnotation"
