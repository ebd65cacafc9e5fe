"""The ``ctx`` that ``run(ctx, inputs)`` receives: progress and log lines, the API as the launching
user (``ctx.api``, with the job's token), and the data helpers over it: ``objects``, ``images``,
``pixels``, ``rois``, files."""
import sys

from .client import Api
from .images import ImageHelpers
from .objects import ObjectHelpers
from .pixels import PixelHelpers
from .rois import RoiHelpers
from .wire import send


class Cancelled(BaseException):
    """Raised in the script when the job is cancelled (SIGTERM from the runner).

    A BaseException, like KeyboardInterrupt, so that ``except Exception`` does not swallow it.
    """


class Context(object):
    def __init__(self, job_id, server_url, token, write=None):
        self.job_id = job_id
        self.cancelled = False
        self._write = write or (lambda text: (sys.stdout.write(text), sys.stdout.flush()))
        self.api = Api(server_url, token)
        self.objects = ObjectHelpers(self.api, self.log)
        self.images = ImageHelpers(self.api, self.objects)
        self.pixels = PixelHelpers(self.api)
        self.rois = RoiHelpers(self.api)

    def progress(self, fraction, message=""):
        """Reports progress: ``fraction`` in [0, 1] (clamped), with an optional message."""
        try:
            f = float(fraction)
        except (TypeError, ValueError):
            f = 0.0
        if f != f or f in (float("inf"), float("-inf")):
            f = 0.0
        send({"type": "progress", "fraction": min(1.0, max(0.0, f)), "message": str(message)})

    def log(self, *args):
        """Writes one line to the job's stdout log (arguments joined like print)."""
        self._write(" ".join(str(a) for a in args) + "\n")

    @staticmethod
    def ref(type_, id_):
        """An object reference, as outputs and helpers use them: ``ctx.ref("Image", 12)``."""
        return {"type": type_, "id": int(id_)}

    @staticmethod
    def url(href, title=None):
        """A link-button output."""
        out = {"kind": "url", "href": href}
        if title is not None:
            out["title"] = title
        return out

    def check_cancelled(self):
        """Raises Cancelled when the job was cancelled (for loops that catch BaseException)."""
        if self.cancelled:
            raise Cancelled("the job was cancelled")

    def attach_file(self, name, content, to=(), mime_type=None, description=None, namespace=None):
        """Uploads ``content`` (str or bytes) as a FileAnnotation linked to ``to`` (refs); returns its ref."""
        dto = self.api.upload_file(name, content, links=to, mime_type=mime_type, description=description, namespace=namespace)
        return {"type": "FileAnnotation", "id": dto["id"]}

    def read_file(self, file):
        """The bytes of a FileAnnotation (a ``p.file()`` input, or its id)."""
        id_ = file["id"] if isinstance(file, dict) else int(file)
        return self.api.request("GET", "/annotations/%d/file" % id_).body
