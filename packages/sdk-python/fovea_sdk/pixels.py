"""``ctx.pixels``: raw planes and regions, and the pixel operations that run on the server next to
the pixels (SCRIPTS.md §2): shape statistics and path samples.

Values are raw (never rendered). Indices are 0-based. With numpy, planes are 2-D arrays and path
samples a (T, W, N) float64 array; without it, ``array.array`` and nested lists.
"""
import array

from .arrays import decode, numpy_or_none

SHAPES_PER_REQUEST = 10000  # the API's limit (LIMITS.SHAPES_PER_ROI_MAX)


def _indices(v):
    """One index or several (numpy integers too) as a list of ints."""
    return [int(i) for i in v] if hasattr(v, "__iter__") else [int(v)]


def _planes(v):
    if v is None or (isinstance(v, str) and v == "all"):
        return v
    return _indices(v)


def _shape_item(shape):
    """A stored shape goes by its id (an int, or its JSON); an inline shape (``kind`` and geometry, no id) as is."""
    if isinstance(shape, int) or (hasattr(shape, "__index__") and not isinstance(shape, dict)):
        return int(shape)
    if isinstance(shape, dict) and shape.get("id") is not None:
        return int(shape["id"])
    if isinstance(shape, dict) and "kind" in shape:
        return dict(shape)
    raise TypeError("a shape to measure is a shape id, a stored shape's JSON or an inline shape {'kind': ...}, not %r" % (shape,))


class PathSamples(object):
    """Samples along a path: ``data[i][k][s]`` is time point ``t[i]``, row k across the path (of
    ``width``), sample s along it (of ``length`` = ⌊L⌋ + 1; ``path_length`` is L in pixels)."""

    def __init__(self, data, width, length, path_length, t):
        self.data = data
        self.width = width
        self.length = length
        self.path_length = path_length
        self.t = t

    def at(self, i, k, s):
        """The sample of time point ``t[i]``, row k, position s."""
        return self.data[i][k][s]

    def __array__(self, dtype=None, copy=None):
        np = numpy_or_none()
        return np.asarray(self.data, dtype=dtype)

    def __repr__(self):
        return "PathSamples(t=%r, width=%d, length=%d, path_length=%r)" % (self.t, self.width, self.length, self.path_length)


class PixelHelpers(object):
    def __init__(self, api):
        self._api = api

    def plane(self, image_id, z=0, c=0, t=0, region=None, level=None):
        """One plane, or a region ``(x, y, width, height)`` of it, as a numpy array of shape
        (height, width) when numpy imports, else an ``array.array`` of height × width values
        (row-major). ``level`` reads a pyramid level (0 is full resolution)."""
        query = {"z": int(z), "c": int(c), "t": int(t), "level": level}
        if region is not None:
            x, y, width, height = (int(v) for v in region)
            query.update({"x": x, "y": y, "width": width, "height": height})
        res = self._api.request("GET", "/images/%d/pixels" % int(image_id), query=query)
        height, width = [int(v) for v in (res.headers.get("x-fovea-shape") or "0,0").split(",")]
        return decode(res.body, res.headers.get("x-fovea-dtype"), (height, width))

    def tile(self, image_id, x, y, width, height, z=0, c=0, t=0):
        """A region of a plane: ``plane(image_id, z, c, t, region=(x, y, width, height))``."""
        return self.plane(image_id, z, c, t, region=(x, y, width, height))

    def shape_stats(self, image_id, shapes, channels=None, z=None, t=None, shape_channel_only=None):
        """Count, min, max, sum, mean and population std of each shape's pixels (raw values), one
        dict per shape × plane × channel: ``{index, shapeId, z, t, c, count, min, max, sum, mean, std}``.

        ``shapes``: shape ids, stored shapes' JSON (``roi["shapes"]``) or inline shapes
        (``{"kind": "Rectangle", "x": …}``); ``index`` is a shape's position in this list.
        ``channels``: 0-based, default all. ``z``/``t``: an index, a list, or ``"all"`` (default);
        a shape with its own z/t is measured there only. ``shape_channel_only``: a shape whose c is
        set is measured on that channel only.

        >>> rows = ctx.pixels.shape_stats(image["id"], roi["shapes"], channels=[0, 1], z="all")
        """
        items = [_shape_item(s) for s in shapes]
        query = {}
        if channels is not None:
            query["channels"] = [int(c) for c in channels]
        for key, v in (("z", _planes(z)), ("t", _planes(t))):
            if v is not None:
                query[key] = v
        if shape_channel_only is not None:
            query["shapeChannelOnly"] = bool(shape_channel_only)
        rows = []
        for start in range(0, len(items), SHAPES_PER_REQUEST):
            body = dict(query, shapes=items[start:start + SHAPES_PER_REQUEST])
            for row in self._api.post("/images/%d/shape-stats" % int(image_id), body)["items"]:
                row["index"] += start
                rows.append(row)
        return rows

    def path_samples(self, image_id, points, width=1, channel=0, t=0, z=None):
        """Bilinear samples of one channel along a path at unit arc-length steps, ``width`` rows
        across it (SCRIPTS.md §3, Kymograph): a :class:`PathSamples` whose ``data`` is a float64
        numpy array of shape (T, W, N), or nested lists without numpy. ``t``: a time point or a
        list of them (one band each); ``z`` defaults to 0. Samples outside the image are 0.

        >>> band = ctx.pixels.path_samples(image["id"], [(10, 10), (80, 40)], width=3, channel=1, t=[0, 1])
        >>> band.data.mean(axis=1)   # one profile per time point, averaged across the band
        """
        ts = _indices(t)
        body = {"points": [[float(x), float(y)] for x, y in points], "width": int(width), "c": int(channel),
                "t": ts, "format": "binary"}
        if z is not None:
            body["z"] = int(z)
        res = self._api.request("POST", "/images/%d/path-samples" % int(image_id), json_body=body)
        n_t, w, n = [int(v) for v in (res.headers.get("x-fovea-shape") or "0,0,0").split(",")]
        path_length = float(res.headers.get("x-fovea-path-length") or "nan")
        data = decode(res.body, "float64", (n_t, w, n))
        if isinstance(data, array.array):
            data = [[list(data[(i * w + k) * n:(i * w + k + 1) * n]) for k in range(w)] for i in range(n_t)]
        return PathSamples(data, w, n, path_length, ts)
