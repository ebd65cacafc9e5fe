"""Projects and datasets: ``listChildren()`` (Project → datasets, Dataset → images) and ``countChildren()``."""
from .. import model
from .image import ImageWrapper
from .objects import BlitzObjectWrapper


class DatasetWrapper(BlitzObjectWrapper):
    OMERO_CLASS = "Dataset"
    MODEL = model.DatasetI

    def listChildren(self):
        """The dataset's images, in the server's order."""
        for data in self._conn._api.list_all("/datasets/%d/images" % self.getId()):
            yield ImageWrapper(self._conn, data)

    def countChildren(self):
        return self._conn._api.get("/datasets/%d/images" % self.getId(), limit=1, offset=0).get("total", 0)

    def listParents(self):
        """The projects the dataset is in."""
        return [ProjectWrapper(self._conn, d) for d in self._conn._api.get("/datasets/%d/projects" % self.getId())["items"]]

    def getParent(self):
        """The first project the dataset is in, or None."""
        return next(iter(self.listParents()), None)


class ProjectWrapper(BlitzObjectWrapper):
    OMERO_CLASS = "Project"
    MODEL = model.ProjectI

    def listChildren(self):
        """The project's datasets, in the server's order."""
        for data in self._conn._api.list_all("/projects/%d/datasets" % self.getId()):
            yield DatasetWrapper(self._conn, data)

    def countChildren(self):
        return self._conn._api.get("/projects/%d/datasets" % self.getId(), limit=1, offset=0).get("total", 0)
