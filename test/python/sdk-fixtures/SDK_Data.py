"""Test fixture for test/python/sdk-data.e2e.test.ts: uses every data helper of fovea_sdk on the
objects the test made, and attaches what it read, as JSON, to the target image. The same file
runs with numpy 2 (pyenv's python3), numpy 1.x (Debian's /usr/bin/python3) and without numpy
(``No_Numpy``: numpy is made unimportable before the first pixel call, as the SDK README says).
"""
import json
import sys

from fovea_sdk import FoveaApiError, define_script, p, shape_points

UINT16_SIZE = (2, 3, 2, 9, 13)  # T, C, Z, Y, X
ROUNDED = [-2.5, -1.5, -0.5, 0.5, 1.5, 2.5, 40000, -40000, float("nan"), float("inf"), float("-inf"), 0.49999,
           12.5, -12.5, 32767.4, 32767.6, -32768.6, 7, 8.2, -9.7, 100.5, -100.5, 0, 3]  # 4 rows of 6 for int16


def uint16_value(x, y, z, c, t):
    return (x * 257 + y * 31 + z * 1000 + c * 7000 + t * 20000) % 65536


def float_value(x, y):
    return (x - 3.3) * (y + 0.7) / 3


def run(ctx, inputs):
    if inputs["No_Numpy"]:
        sys.modules["numpy"] = None
    try:
        import numpy as np
    except ImportError:
        np = None
    target = inputs["Target"]["id"]
    out = {"python": list(sys.version_info[:2]), "numpy": np.__version__ if np is not None else None}
    out.update(objects(ctx, inputs["IDs"], target))
    out["rois"] = ctx.rois.of_image(target)
    out["path_shape_ids"] = [s["id"] for s in ctx.rois.shapes_of_image(target, kinds=("Line", "Polyline"))]
    out.update(pixels(ctx, target, out["rois"]))
    out.update(new_images(ctx, np, inputs["Output"]["id"]))
    ref = ctx.attach_file("sdk-data.json", json.dumps(out), to=[ctx.ref("Image", target)], mime_type="application/json")
    return {"Message": "read %d ROIs" % len(out["rois"]), "File_Annotation": ref, "Image": ctx.ref("Image", out["created"]["uint16"])}


def objects(ctx, project_ids, target):
    tree = {}
    for project in ctx.objects.by_ids("Project", list(project_ids) + [987654]):
        datasets = ctx.objects.children("Project", project["id"])
        tree[project["id"]] = dict((d["id"], [i["id"] for i in ctx.objects.children("Dataset", d["id"])]) for d in datasets)
    first_dataset = ctx.images.datasets_of(target)[0]["id"]
    return {
        "tree": tree,
        "of_projects": [i["id"] for i in ctx.images.of_projects(list(project_ids) + [987655])],
        "of_datasets": [i["id"] for i in ctx.images.of("Dataset", [first_dataset, 987654])],
        "parents_of_image": [d["id"] for d in ctx.objects.parents("Image", target)],
        "parents_of_dataset": [pr["id"] for pr in ctx.objects.parents("Dataset", first_dataset)],
        "find_missing": ctx.objects.find("Image", 987654),
        "image": ctx.objects.get("Image", target),
        "datasets_listed": sorted(d["id"] for d in ctx.objects.list("Dataset")),
    }


def flat(values):
    return values.ravel().tolist() if hasattr(values, "ravel") else list(values)


def pixels(ctx, target, rois):
    region = ctx.pixels.plane(target, z=1, c=2, t=0, region=(5, 7, 20, 11))
    tile = ctx.pixels.tile(target, 0, 0, 8, 4, z=0, c=0)
    shapes = [s for roi in rois for s in roi["shapes"]]
    inline = {"kind": "Polygon", "points": [[3, 3], [30.5, 6], [12, 25.5]]}
    polyline = next(s for s in shapes if s["kind"] == "Polyline")
    band = ctx.pixels.path_samples(target, shape_points(polyline), width=3, channel=1, t=[0], z=1)
    data = band.data.tolist() if hasattr(band.data, "tolist") else band.data
    return {
        "plane_type": type(region).__name__,
        "region": {"dtype": str(getattr(region, "dtype", region.typecode if hasattr(region, "typecode") else "?")),
                   "shape": list(getattr(region, "shape", [len(region)])), "values": flat(region)},
        "tile": flat(tile),
        "stats_all": ctx.pixels.shape_stats(target, shapes + [inline], channels=[0, 2], z="all"),
        "stats_own": ctx.pixels.shape_stats(target, [s["id"] for s in shapes], z=1, t=[0], shape_channel_only=True),
        "samples": {"type": type(band.data).__name__, "width": band.width, "length": band.length,
                    "path_length": band.path_length, "t": band.t, "data": data, "at": band.at(0, 2, 3)},
    }


def new_images(ctx, np, dataset_id):
    st, sc, sz, sy, sx = UINT16_SIZE
    nested = [[[[[uint16_value(x, y, z, c, t) for x in range(sx)] for y in range(sy)] for z in range(sz)]
                for c in range(sc)] for t in range(st)]
    floats = [float_value(x, y) for y in range(5) for x in range(7)]
    rows = [ROUNDED[r * 6:(r + 1) * 6] for r in range(4)]
    channels = [{"name": "DAPI", "color": "#0000ff"}, "GFP", {"name": "mCherry", "color": "FF0000"}]
    if np is not None:
        big = ctx.images.create("py-uint16", np.array(nested, dtype="uint16"), channels=channels, dataset=dataset_id,
                                physical_size_x=0.25, physical_size_y=0.25, physical_size_z=0.5, description="from numpy")
        f32 = ctx.images.create("py-float32", np.array(floats, dtype="float32").reshape(5, 7))
        i16 = ctx.images.create("py-int16", {(0, 0, 0): np.array(rows, dtype="float64")}, pixel_type="int16")
    else:
        import array
        big = ctx.images.create("py-uint16", nested, pixel_type="uint16", channels=channels, dataset=dataset_id,
                                physical_size_x=0.25, physical_size_y=0.25, physical_size_z=0.5, description="from lists")
        f32 = ctx.images.create("py-float32", [[[array.array("f", floats)]]], size_x=7, size_y=5)
        i16 = ctx.images.create("py-int16", {(0, 0, 0): rows}, pixel_type="int16")
    with ctx.images.upload("py-streamed", 4, 3, "uint8", size_t=2, channels=[{"name": "A", "color": "#00ff00"}]) as up:
        for t in range(2):
            up.put_plane(0, 0, t, [[t * 100 + x + 4 * y for x in range(4)] for y in range(3)])
    return {"created": {"uint16": big["id"], "float32": f32["id"], "int16": i16["id"], "streamed": up.image["id"]},
            "failures": failures(ctx)}


def failures(ctx):
    out = {}
    try:
        with ctx.images.upload("py-aborted", 2, 2, "uint8") as aborted:
            aborted.put_plane(0, 0, 0, [1, 2, 3, 4])
            raise RuntimeError("on purpose")
    except RuntimeError:
        try:
            ctx.api.post("/image-uploads/%s/commit" % aborted.upload_id)
            out["commit_after_abort"] = "committed"
        except FoveaApiError as err:
            out["commit_after_abort"] = err.code
    for key, planes in (("wrong_size", {(0, 0, 0): [[1, 2], [3, 4]], (0, 0, 1): [[1, 2]]}),
                        ("missing_plane", {(0, 0, 0): [[1, 2], [3, 4]], (0, 0, 2): [[1, 2], [3, 4]]})):
        try:
            ctx.images.create("py-" + key, planes, pixel_type="uint8")
            out[key] = "created"
        except ValueError as err:
            out[key] = str(err)
    return out


define_script(
    name="SDK Data", folder="test_scripts", version="1.0",
    params=[
        p.string("Data_Type", values=["Project"], default="Project", grouping="1"),
        p.list("IDs", p.long(), grouping="2"),
        p.object("Target", ["Image"], grouping="3"),
        p.object("Output", ["Dataset"], grouping="4"),
        p.bool("No_Numpy", default=False, grouping="5"),
    ],
    run=run,
)
