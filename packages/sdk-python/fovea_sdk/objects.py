"""``ctx.objects``: projects, datasets and images as the API returns them (JSON dicts), their
children and their parents, as the launching user sees them.

Project → datasets → images is the hierarchy (SPEC §3); a dataset may sit in several projects and
an image in several datasets. Ids the user cannot see read as absent: :meth:`ObjectHelpers.by_ids`
skips them with a log line, as OMERO's scripts do, instead of failing the whole job.
"""
from .client import FoveaApiError

_PATHS = {"Project": "projects", "Dataset": "datasets", "Image": "images"}
_CHILDREN = {"Project": "datasets", "Dataset": "images"}
_PARENTS = {"Dataset": "projects", "Image": "datasets"}


def _path(type_):
    try:
        return _PATHS[type_]
    except KeyError:
        raise ValueError("the object type must be Project, Dataset or Image, not %r" % (type_,))


def is_missing(err):
    """Whether an API error means "no such object for this user" (absent, or not visible)."""
    return isinstance(err, FoveaApiError) and err.code in ("NOT_FOUND", "FORBIDDEN")


class ObjectHelpers(object):
    """Reads containers and images: ``ctx.objects.get("Dataset", 3)``, ``ctx.objects.children("Project", 1)``."""

    def __init__(self, api, log):
        self._api = api
        self._log = log

    def get(self, type_, id_):
        """One Project, Dataset or Image; raises FoveaApiError (code NOT_FOUND) when the user cannot see it."""
        return self._api.get("/%s/%d" % (_path(type_), int(id_)))

    def find(self, type_, id_):
        """Like :meth:`get`, but None when the object does not exist or is not visible."""
        try:
            return self.get(type_, id_)
        except FoveaApiError as err:
            if not is_missing(err):
                raise
            return None

    def by_ids(self, type_, ids):
        """These objects, once each, in the order given; unknown or invisible ids are skipped with a log line."""
        found = {}
        for id_ in ids:
            if int(id_) in found:
                continue
            obj = self.find(type_, id_)
            if obj is None:
                self._skipped(type_, id_)
            else:
                found[int(id_)] = obj
        return list(found.values())

    def children(self, type_, id_):
        """A project's datasets or a dataset's images (every page), in the server's order."""
        if type_ not in _CHILDREN:
            raise ValueError("only a Project or a Dataset has children, not %r" % (type_,))
        return self._api.list_all("/%s/%d/%s" % (_path(type_), int(id_), _CHILDREN[type_]))

    def children_or_skip(self, type_, id_):
        """:meth:`children`, or an empty list with a log line when the parent is unknown or invisible."""
        try:
            return self.children(type_, id_)
        except FoveaApiError as err:
            if not is_missing(err):
                raise
            self._skipped(type_, id_)
            return []

    def _skipped(self, type_, id_):
        self._log("%s %s not found, skipped" % (type_, id_))

    def parents(self, type_, id_):
        """The projects a dataset is in, or the datasets an image is in."""
        if type_ not in _PARENTS:
            raise ValueError("only a Dataset or an Image has parents, not %r" % (type_,))
        return self._api.get("/%s/%d/%s" % (_path(type_), int(id_), _PARENTS[type_]))["items"]

    def list(self, type_, group_id=None, owner_id=None, orphaned=None):
        """Every object of this type the user can see, optionally of one group or owner, or only the
        ones in no parent (``orphaned=True``)."""
        return self._api.list_all("/" + _path(type_), groupId=group_id, ownerId=owner_id, orphaned=orphaned)
