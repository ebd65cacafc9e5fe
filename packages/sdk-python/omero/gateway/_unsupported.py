"""The fallback every gateway class shares: a call Fovea's OMERO layer does not implement raises
NotImplementedError naming it (``BlitzGateway.getQueryService is not supported …``), at the line
of the script that made it, instead of an AttributeError that looks like a typo."""


class Unsupported(object):
    """Mixin: ``OMERO_NAME`` is the name errors use ("BlitzGateway", "ImageWrapper" …)."""

    OMERO_NAME = None

    def __getattr__(self, name):
        # Private and special names keep Python's protocol (copy, pickle, numpy probe them).
        if name.startswith("_"):
            raise AttributeError(name)
        raise NotImplementedError("%s.%s is not supported by Fovea's OMERO layer" % (
            self.OMERO_NAME or type(self).__name__, name))
