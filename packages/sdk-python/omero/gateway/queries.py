"""``getObject``/``getObjects`` for Project, Dataset, Image, Roi and FileAnnotation: by ids, by
parent (``opts={"dataset": id}``, ``{"project": id}``, ``{"image": id}`` for ROIs), or all the user
can see; ``attributes={"name": …}`` filters; ``opts`` ``owner``, ``limit``, ``offset`` and
``order_by`` ("name" or "id") apply as in OMERO. Ids that do not exist or are not visible are
skipped, so ``getObject`` returns None for them."""
from .. import rtypes
from fovea_sdk.client import FoveaApiError
from .annotations import FileAnnotationWrapper, annotation_wrapper
from .containers import DatasetWrapper, ProjectWrapper
from .image import ImageWrapper
from .rois import RoiWrapper

# type (lower case) → (wrapper factory, API collection, {opts key: parent collection})
_TYPES = {
    "project": (ProjectWrapper, "projects", {}),
    "dataset": (DatasetWrapper, "datasets", {"project": "projects"}),
    "image": (ImageWrapper, "images", {"dataset": "datasets", "project": "projects"}),
    "roi": (RoiWrapper, "rois", {"image": "images"}),
    "fileannotation": (FileAnnotationWrapper, "annotations", {}),
    "annotation": (annotation_wrapper, "annotations", {}),
}
_PAGING = ("owner", "limit", "offset", "order_by", "orphaned")


def _kind(obj_type):
    key = str(obj_type).lower()
    if key not in _TYPES:
        raise NotImplementedError("BlitzGateway.getObjects(%r) is not supported by Fovea's OMERO layer (supported: "
                                  "Project, Dataset, Image, Roi, FileAnnotation)" % (obj_type,))
    return key


def _by_ids(api, collection, ids):
    seen = []
    for raw in ids:
        id_ = int(rtypes.unwrap(raw))
        if id_ in seen:
            continue
        seen.append(id_)
        try:
            yield api.get("/%s/%d" % (collection, id_))
        except FoveaApiError as err:
            if err.code not in ("NOT_FOUND", "FORBIDDEN"):
                raise


def _children(api, key, parent, parent_id):
    if key == "image" and parent == "project":
        items = []
        for dataset in api.list_all("/projects/%d/datasets" % parent_id):
            items.extend(api.list_all("/datasets/%d/images" % dataset["id"]))
        return items
    path = {"dataset": "datasets", "image": "images", "roi": "rois"}[key]
    return api.list_all("/%s/%d/%s" % (_TYPES[key][2][parent], parent_id, path))


def _select(api, key, ids, opts):
    wrapper, collection, parents = _TYPES[key]
    parent_keys = [k for k in opts if k in parents]
    unknown = [k for k in opts if k not in parents and k not in _PAGING]
    if unknown:
        raise NotImplementedError("BlitzGateway.getObjects(%r, opts={%r: …}) is not supported by Fovea's OMERO layer"
                                  % (key, unknown[0]))
    if parent_keys:
        items = _children(api, key, parent_keys[0], int(rtypes.unwrap(opts[parent_keys[0]])))
        if ids is not None:
            wanted = set(int(rtypes.unwrap(i)) for i in ids)
            items = [d for d in items if d["id"] in wanted]
    elif ids is not None:
        items = list(_by_ids(api, collection, ids))
    elif key in ("roi", "fileannotation", "annotation"):
        raise NotImplementedError("BlitzGateway.getObjects(%r) needs ids%s with Fovea's OMERO layer" % (
            key, " or opts={'image': id}" if key == "roi" else ""))
    else:
        items = api.list_all("/" + collection, orphaned=True if opts.get("orphaned") else None)
    return wrapper, items


def get_objects(conn, obj_type, ids=None, attributes=None, opts=None):
    """A generator of wrappers (see the module docstring)."""
    key = _kind(obj_type)
    opts = dict(opts or {})
    wrapper, items = _select(conn._api, key, None if ids is None else list(ids), opts)
    if key == "fileannotation":
        items = [d for d in items if d.get("type") == "FileAnnotation"]
    for name, value in (attributes or {}).items():
        items = [d for d in items if d.get(name) == rtypes.unwrap(value)]
    if opts.get("owner") is not None:
        items = [d for d in items if d.get("ownerId") == int(rtypes.unwrap(opts["owner"]))]
    order = str(opts.get("order_by") or "")
    if "name" in order:
        items = sorted(items, key=lambda d: (str(d.get("name") or "").lower(), d["id"]))
    elif order:
        items = sorted(items, key=lambda d: d["id"])
    offset = int(opts.get("offset") or 0)
    limit = opts.get("limit")
    items = items[offset:offset + int(limit)] if limit is not None else items[offset:]
    return (wrapper(conn, d) for d in items)
