"""``ctx.rois``: the ROIs of an image with their shapes (JSON dicts as the API returns them), new
ROIs, and the point lists of line shapes.

A shape is ``{"id", "roiId", "kind", "z", "t", "c", …}`` plus the geometry of its kind (SCRIPTS.md §2,
pixel coordinates): Line ``x1, y1, x2, y2``; Polyline and Polygon ``points`` ([[x, y], …]);
Rectangle ``x, y, width, height``; Ellipse ``x, y, radiusX, radiusY``; Point ``x, y``; Label
``x, y, text``. ``z``/``t``/``c`` are 0-based, or None when the shape applies to every plane of
that axis; Line and Polyline shapes carry their ``length`` and area shapes their ``area`` (in
``unit``: µm when the image is calibrated).
"""


def shape_points(shape):
    """The path of a Line or Polyline (or a Polygon's outline) as a list of (x, y) tuples; None for other kinds."""
    kind = shape.get("kind")
    if kind == "Line":
        return [(float(shape["x1"]), float(shape["y1"])), (float(shape["x2"]), float(shape["y2"]))]
    if kind in ("Polyline", "Polygon"):
        return [(float(x), float(y)) for x, y in shape.get("points") or []]
    return None


class RoiHelpers(object):
    def __init__(self, api):
        self._api = api

    def of_image(self, image_id):
        """Every ROI of the image (all pages), in the server's order (by id), each with its ``shapes``."""
        return self._api.list_all("/images/%d/rois" % int(image_id))

    def shapes_of_image(self, image_id, kinds=None):
        """Every shape of the image's ROIs, in ROI then shape order; ``kinds`` keeps only those kinds
        (e.g. ``("Line", "Polyline")``)."""
        return [s for roi in self.of_image(image_id) for s in roi["shapes"] if kinds is None or s["kind"] in kinds]

    def add(self, image_id, shapes, name=None, description=None):
        """A new ROI on the image with these shapes (``{"kind": "Rectangle", "x": …}``); returns its JSON.
        The server checks every shape and names each offending field (SHAPE_INVALID)."""
        body = {"shapes": [dict(s) for s in shapes]}
        if name is not None:
            body["name"] = name
        if description is not None:
            body["description"] = description
        return self._api.post("/images/%d/rois" % int(image_id), body)
