"""analysis_scripts/Plot_Profile: intensity profiles along the Line and Polyline shapes of images.

For every Line or Polyline shape of each image and every chosen channel, the path is sampled on
the server (``ctx.pixels.path_samples``: unit arc-length steps s = 0, 1, …, ⌊L⌋ from the first
point, ``Line_Width`` rows across the path at offsets k − (W−1)/2 along its normal, each value the
bilinear interpolation of the raw pixels, 0 outside the image — SCRIPTS.md §3, Kymograph), on the
shape's own Z and T (0 when it has none), and the W rows are reduced to one value per sample by
their sum or their mean (unrounded).

One CSV per image, ``Plot_Profile_<imageId>.csv``, attached to that image, one row per shape ×
channel: ``Image_ID,ROI_ID,Shape_ID,Z,T,C,0,1,2,…`` where Z, T and C are 1-based (as OMERO's CSV
exports count planes) and column s holds the value at arc length s. Shapes have paths of different
lengths, so a shorter row ends with empty fields and every row has as many fields as the header.
Outputs: ``File_Annotation`` (one image), or one ``Plot_Profile_<imageId>`` file per image
(several), and ``Message``.
"""
from fovea_sdk import define_script, p, shape_points

HEADER = ["Image_ID", "ROI_ID", "Shape_ID", "Z", "T", "C"]
PATH_KINDS = ("Line", "Polyline")


def run(ctx, inputs):
    width = inputs["Line_Width"]
    use_sum = inputs["Sum_or_Average"] == "Sum"
    images = ctx.images.by_ids(inputs["IDs"])
    files = []
    profiles = 0
    for i, image in enumerate(images):
        ctx.progress(float(i) / max(1, len(images)), "image %d of %d" % (i + 1, len(images)))
        ctx.log("---- Processing image %d (%s)" % (image["id"], image["name"]))
        rows = profile_rows(ctx, image, channels_of(ctx, image, inputs["Channels"]), width, use_sum)
        if not rows:
            ctx.log("image %d: no Line or Polyline shape to profile" % image["id"])
            continue
        name = "Plot_Profile_%d.csv" % image["id"]
        description = "Intensity profiles of image %d along its Line and Polyline shapes: Line_Width %d, %s of the %d rows across." % (
            image["id"], width, "sum" if use_sum else "average", width)
        ref = ctx.attach_file(name, to_csv(rows), to=[ctx.ref("Image", image["id"])], mime_type="text/csv", description=description)
        ctx.log("image %d: %d profiles written to %s" % (image["id"], len(rows), name))
        files.append((image["id"], name, ref))
        profiles += len(rows)
    ctx.progress(1, "done")
    if not files:
        return {"Message": "No Line or Polyline shapes found on the chosen images."}
    if len(files) == 1:
        return {"Message": "Wrote %d profiles to %s." % (profiles, files[0][1]), "File_Annotation": files[0][2]}
    outputs = dict(("Plot_Profile_%d" % image_id, ref) for image_id, _, ref in files)
    outputs["Message"] = "Wrote %d profiles to %d files." % (profiles, len(files))
    return outputs


def channels_of(ctx, image, chosen):
    """The 0-based channels to profile: the 1-based ``Channels`` in range (once each), or all."""
    if not chosen:
        return list(range(image["sizeC"]))
    channels = []
    for c in chosen:
        if not 1 <= c <= image["sizeC"]:
            ctx.log("image %d: channel %d skipped (the image has %d)" % (image["id"], c, image["sizeC"]))
        elif c - 1 not in channels:
            channels.append(c - 1)
    return channels


def profile_rows(ctx, image, channels, width, use_sum):
    """One CSV row (as a list) per Line/Polyline shape × channel, in ROI, shape and channel order."""
    rows = []
    for roi in ctx.rois.of_image(image["id"]):
        for shape in roi["shapes"]:
            if shape["kind"] not in PATH_KINDS:
                continue
            points = usable_path(ctx, image, shape)
            if points is None:
                continue
            z = shape["z"] if shape["z"] is not None else 0
            t = shape["t"] if shape["t"] is not None else 0
            for c in channels:
                band = ctx.pixels.path_samples(image["id"], points, width=width, channel=c, t=[t], z=z)
                rows.append([image["id"], roi["id"], shape["id"], z + 1, t + 1, c + 1] + reduce_band(band.data[0], use_sum))
    return rows


def usable_path(ctx, image, shape):
    """The shape's points, or None (with a log line) when it has no length or lies outside the image's planes."""
    points = shape_points(shape)
    length = sum(((x1 - x0) ** 2 + (y1 - y0) ** 2) ** 0.5 for (x0, y0), (x1, y1) in zip(points, points[1:]))
    where = "ROI %d, shape %d" % (shape["roiId"], shape["id"])
    if not length > 0:
        ctx.log("%s: the path has zero length, skipped" % where)
        return None
    for axis, size in (("z", image["sizeZ"]), ("t", image["sizeT"])):
        if shape[axis] is not None and not 0 <= shape[axis] < size:
            ctx.log("%s: %s = %d is outside the image (size %d), skipped" % (where, axis.upper(), shape[axis] + 1, size))
            return None
    return points


def reduce_band(band, use_sum):
    """The W rows across the path (band[k][s]) to one value per sample s: their sum or their mean."""
    w = len(band)
    totals = [sum(band[k][s] for k in range(w)) for s in range(len(band[0]))]
    return totals if use_sum else [v / w for v in totals]


def to_csv(rows):
    """RFC 4180 text (numbers only, so no quoting), ``\\n`` line ends, shorter rows padded with empty fields."""
    samples = max(len(r) for r in rows) - len(HEADER)
    lines = [",".join(HEADER + [str(s) for s in range(samples)])]
    for row in rows:
        fields = [str(v) for v in row[:len(HEADER)]] + [repr(float(v)) for v in row[len(HEADER):]]
        lines.append(",".join(fields + [""] * (len(HEADER) + samples - len(row))))
    return "\n".join(lines) + "\n"


define_script(
    name="Plot Profile",
    folder="analysis_scripts",
    description=("Intensity profiles along the Line and Polyline shapes of the chosen images, per channel, "
                 "Line_Width samples across the line reduced by their sum or average; one CSV per image "
                 "(Plot_Profile_<imageId>.csv), attached to the image."),
    authors=["Fovea Team"],
    institutions=["Fovea"],
    version="1.0.0",
    timeout_seconds=3600,
    params=[
        p.string("Data_Type", values=["Image"], default="Image", grouping="1", description="The type of the objects in IDs."),
        p.list("IDs", p.long(), grouping="2", description="Image IDs (with Line or Polyline ROIs)."),
        p.int("Line_Width", default=1, min=1, grouping="3",
              description="Samples taken across the line at each point, reduced to one value by Sum_or_Average."),
        p.string("Sum_or_Average", values=["Sum", "Average"], default="Average", grouping="4",
                 description="How the Line_Width samples across the line become one value."),
        p.list("Channels", p.int(min=1), optional=True, grouping="5",
               description="1-based channels to profile (default: all); channels the image lacks are skipped."),
    ],
    run=run,
)
