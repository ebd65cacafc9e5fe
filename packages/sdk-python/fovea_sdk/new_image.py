"""New images from planes, over ``/image-uploads``: create → PUT every plane → commit.

The server makes the image only at commit, once every plane is there; on any failure the upload
is aborted (``DELETE``), so a script that fails half-way leaves no image and no spooled planes.
Planes are sent as raw little-endian values of the image's pixel type (see arrays.py).
"""
from .arrays import check_pixel_type, numpy_or_none, pixel_type_of, plane_bytes
from .client import FoveaApiError

_META = (
    ("description", "description"), ("group_id", "groupId"),
    ("physical_size_x", "physicalSizeX"), ("physical_size_y", "physicalSizeY"), ("physical_size_z", "physicalSizeZ"),
    ("physical_size_unit", "physicalSizeUnit"), ("physical_size_y_unit", "physicalSizeYUnit"),
    ("time_increment", "timeIncrement"),
)


def _channels(channels, size_c):
    if channels is None:
        channels = ["Ch%d" % (c + 1) for c in range(size_c)]
    if len(channels) != size_c:
        raise ValueError("%d channel names given for %d channels" % (len(channels), size_c))
    out = []
    for ch in channels:
        ch = {"name": ch} if isinstance(ch, str) else dict(ch)
        unknown = set(ch) - {"name", "color"}
        if unknown or not ch.get("name"):
            raise ValueError("a channel is a name or {'name', 'color': 'RRGGBB'}, not %r" % (ch,))
        if ch.get("color") is None:
            ch.pop("color", None)
        else:
            ch["color"] = str(ch["color"]).lstrip("#").upper()
        out.append(ch)
    return out


def upload_request(name, size_x, size_y, pixel_type, sizes, channels, meta):
    """The body of ``POST /image-uploads`` from the SDK's keywords (snake_case → the API's camelCase)."""
    meta = dict(meta)
    size_z, size_c, size_t = (int(s) for s in sizes)
    body = {"name": name, "sizeX": int(size_x), "sizeY": int(size_y), "sizeZ": size_z, "sizeC": size_c, "sizeT": size_t,
            "pixelType": check_pixel_type(pixel_type), "channels": _channels(channels, size_c)}
    dataset = meta.pop("dataset", None)
    if dataset is not None:
        body["datasetId"] = int(dataset["id"] if isinstance(dataset, dict) else dataset)
    for py, js in _META:
        v = meta.pop(py, None)
        if v is not None:
            body[js] = v
    if any(k in body for k in ("physicalSizeX", "physicalSizeY", "physicalSizeZ")):
        body.setdefault("physicalSizeUnit", "µm")
    if meta:
        raise TypeError("unknown image field%s %s" % ("s" if len(meta) > 1 else "", ", ".join(sorted(meta))))
    return body


class ImageUpload(object):
    """An image being written: ``put_plane(z, c, t, plane)`` for each plane, then ``commit()``
    (or leave a ``with`` block); ``abort()`` drops it. ``image`` is the new image's JSON once committed."""

    def __init__(self, api, name, size_x, size_y, pixel_type, sizes, channels, meta):
        self._api = api
        self.request = upload_request(name, size_x, size_y, pixel_type, sizes, channels, meta)
        self.pixel_type = self.request["pixelType"]
        self.upload_id = api.post("/image-uploads", self.request)["uploadId"]
        self.image = None

    def put_plane(self, z, c, t, plane):
        """Writes plane (z, c, t) (0-based): a 2-D numpy array, a list of rows, or Y·X values row-major."""
        self.put_bytes(z, c, t, plane_bytes(plane, self.pixel_type, self.request["sizeX"], self.request["sizeY"]))

    def put_bytes(self, z, c, t, data):
        """Writes plane (z, c, t) already encoded: exactly Y·X little-endian values of the pixel type."""
        self._api.request("PUT", "/image-uploads/%s/planes/%d/%d/%d" % (self.upload_id, int(z), int(c), int(t)),
                          data=bytes(data), content_type="application/octet-stream")

    def commit(self):
        """Creates the image (every plane must have been written) and returns its JSON."""
        self.image = self._api.post("/image-uploads/%s/commit" % self.upload_id)
        return self.image

    def abort(self):
        """Drops the upload and its planes. Never raises: it runs while another error propagates."""
        try:
            self._api.request("DELETE", "/image-uploads/%s" % self.upload_id)
        except FoveaApiError:
            pass

    def __enter__(self):
        return self

    def __exit__(self, exc_type, exc, tb):
        if exc_type is None:
            self.commit()
        else:
            self.abort()
        return False


def _plane_size(plane):
    shape = getattr(plane, "shape", None)
    if shape is not None and len(shape) == 2:
        return int(shape[1]), int(shape[0])
    try:
        return len(plane[0]), len(plane)
    except TypeError:
        return None  # flat values: the caller must say size_x and size_y


def _planes_by_index(planes, sizes):
    """{(z, c, t): plane} and (size_z, size_c, size_t) from any of the accepted layouts."""
    np = numpy_or_none()
    if isinstance(planes, dict):
        keys = [tuple(int(i) for i in k) for k in planes]
        found = tuple(max(k[a] for k in keys) + 1 for a in range(3)) if keys else (0, 0, 0)
        sizes = tuple(s if s is not None else f for s, f in zip(sizes, found))
        by_index = dict((tuple(int(i) for i in k), v) for k, v in planes.items())
    elif np is not None and isinstance(planes, np.ndarray) and planes.ndim in (2, 5):
        a = planes.reshape((1, 1, 1) + planes.shape) if planes.ndim == 2 else planes
        st, sc, sz = a.shape[:3]
        sizes = (sz, sc, st)
        by_index = dict(((z, c, t), a[t, c, z]) for t in range(st) for c in range(sc) for z in range(sz))
    elif np is not None and isinstance(planes, np.ndarray):
        raise ValueError("a numpy array of planes must be (T, C, Z, Y, X) or one (Y, X) plane, not of shape %s" % (planes.shape,))
    else:
        nested = [[list(zs) for zs in cs] for cs in planes]
        st, sc, sz = len(nested), max([len(cs) for cs in nested] or [0]), max([len(zs) for cs in nested for zs in cs] or [0])
        sizes = (sz, sc, st)
        by_index = dict(((z, c, t), zs[z]) for t, cs in enumerate(nested) for c, zs in enumerate(cs) for z in range(len(zs)))
    missing = [(z, c, t) for t in range(sizes[2]) for c in range(sizes[1]) for z in range(sizes[0]) if (z, c, t) not in by_index]
    if not by_index or missing:
        raise ValueError("no planes given" if not by_index else "plane (z=%d, c=%d, t=%d) is missing" % missing[0])
    return by_index, sizes


def create_image(api, name, planes, pixel_type, sizes, channels, meta):
    """``ctx.images.create``: every plane is checked and converted before the upload starts."""
    meta = dict(meta)
    by_index, sizes = _planes_by_index(planes, sizes)
    first = by_index[min(by_index, key=lambda k: (k[2], k[1], k[0]))]
    size = _plane_size(first)
    size_x, size_y = meta.pop("size_x", None), meta.pop("size_y", None)
    if size_x is None or size_y is None:
        if size is None:
            raise ValueError("planes given as flat values need size_x= and size_y=")
        size_x, size_y = size
    pixel_type = pixel_type or pixel_type_of(first)
    if pixel_type is None:
        raise ValueError("give pixel_type= (one of uint8 … float64): the planes' own type is not a pixel type")
    encoded = dict((k, plane_bytes(v, pixel_type, size_x, size_y)) for k, v in by_index.items())
    upload = ImageUpload(api, name, size_x, size_y, pixel_type, sizes, channels, meta)
    try:
        for (z, c, t), data in sorted(encoded.items(), key=lambda kv: (kv[0][2], kv[0][1], kv[0][0])):
            upload.put_bytes(z, c, t, data)
        return upload.commit()
    except BaseException:
        upload.abort()
        raise
