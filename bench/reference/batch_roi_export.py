#!/usr/bin/env python3
"""
NumPy reference for bench/scripts.bench.ts: the computation of export_scripts/Batch_ROI_Export
(SCRIPTS.md §3) on the same pixels and shapes, written the way a NumPy user would write it.

    python3 batch_roi_export.py SPEC.json OUT.csv

SPEC.json (written by the bench) names, per image, a .npy file holding its raw planes as
(Z, T, C, Y, X) and the image's ROIs as GET /images/:id/rois returns them. One CSV row per image ×
ROI × shape × (z, t) × channel, with the same columns as the script. Pixel membership follows
SCRIPTS.md §2: area shapes by pixel-centre tests with NumPy masks over the shape's bounding box
(polygons by the even–odd crossing rule), lines and polylines by the §2 Bresenham, points by the
pixel that contains them; statistics are those of the raw values (population std).

Prints one JSON line: {"rows": N, "seconds": S}, where S covers loading the spec and the .npy
files, the computation and writing the CSV (not the interpreter's start or NumPy's import).
"""
import json
import math
import sys
import time

import numpy as np

GEOMETRY = ["X", "Y", "Width", "Height", "RadiusX", "RadiusY", "X1", "Y1", "X2", "Y2"]


def bresenham(x0, y0, x1, y1, visit):
    """SCRIPTS.md §2: the all-octant error form, from (x0, y0) to (x1, y1), both included."""
    dx = abs(x1 - x0)
    dy = -abs(y1 - y0)
    sx = 1 if x0 < x1 else -1
    sy = 1 if y0 < y1 else -1
    err = dx + dy
    x, y = x0, y0
    while True:
        visit(x, y)
        if x == x1 and y == y1:
            return
        e2 = 2 * err
        if e2 >= dy:
            err += dy
            x += sx
        if e2 <= dx:
            err += dx
            y += sy


def path_pixels(points, size_x, size_y):
    """Bresenham pixels of the segments joining `points` (one point: its pixel), each once, clipped."""
    seen = set()

    def visit(i, j):
        if 0 <= i < size_x and 0 <= j < size_y:
            seen.add(j * size_x + i)

    cells = [(math.floor(x), math.floor(y)) for x, y in points]
    if len(cells) == 1:
        visit(*cells[0])
    for (x0, y0), (x1, y1) in zip(cells, cells[1:]):
        bresenham(x0, y0, x1, y1, visit)
    keys = np.fromiter(seen, dtype=np.int64, count=len(seen))
    return keys // size_x, keys % size_x


def box(x0, x1, y0, y1, size_x, size_y):
    """Integer pixel ranges [i0, i1) × [j0, j1) covering [x0, x1] × [y0, y1] with a margin, clipped."""
    i0 = max(0, math.floor(x0) - 1)
    i1 = min(size_x, math.ceil(x1) + 1)
    j0 = max(0, math.floor(y0) - 1)
    j1 = min(size_y, math.ceil(y1) + 1)
    return i0, max(i0, i1), j0, max(j0, j1)


def area_mask(s, size_x, size_y):
    """(j0, i0, mask) for an area shape: mask[j, i] is pixel (i0 + i, j0 + j) of the image."""
    kind = s["kind"]
    if kind == "Rectangle":
        x, y, w, h = s["x"], s["y"], s["width"], s["height"]
        i0, i1, j0, j1 = box(x, x + w, y, y + h, size_x, size_y)
        cx = np.arange(i0, i1) + 0.5
        cy = np.arange(j0, j1) + 0.5
        mask = ((y <= cy) & (cy < y + h))[:, None] & ((x <= cx) & (cx < x + w))[None, :]
    elif kind == "Ellipse":
        x, y, rx, ry = s["x"], s["y"], s["radiusX"], s["radiusY"]
        i0, i1, j0, j1 = box(x - rx, x + rx, y - ry, y + ry, size_x, size_y)
        cx = np.arange(i0, i1) + 0.5
        cy = np.arange(j0, j1) + 0.5
        mask = (((cx - x) / rx) ** 2)[None, :] + (((cy - y) / ry) ** 2)[:, None] <= 1
    else:  # Polygon, even–odd rule on pixel centres
        pts = s["points"]
        xs = [p[0] for p in pts]
        ys = [p[1] for p in pts]
        i0, i1, j0, j1 = box(min(xs), max(xs), min(ys), max(ys), size_x, size_y)
        cx = (np.arange(i0, i1) + 0.5)[None, :]
        cy = (np.arange(j0, j1) + 0.5)[:, None]
        mask = np.zeros((j1 - j0, i1 - i0), dtype=bool)
        n = len(pts)
        for k in range(n):
            ax, ay = pts[k]
            bx, by = pts[(k + 1) % n]
            if ay == by:
                continue
            crosses = (ay > cy) != (by > cy)
            xc = ((bx - ax) * (cy - ay)) / (by - ay) + ax
            mask ^= crosses & (cx < xc)
    return j0, i0, mask


def shape_values(pixels, s, zs, ts, cs, size_x, size_y):
    """Raw values of the shape's pixels in planes zs × ts × cs: an array (len zs, len ts, len cs, n)."""
    kind = s["kind"]
    if kind in ("Rectangle", "Ellipse", "Polygon"):
        j0, i0, mask = area_mask(s, size_x, size_y)
        h, w = mask.shape
        block = pixels[:, :, :, j0:j0 + h, i0:i0 + w][np.ix_(zs, ts, cs)]
        return block[..., mask]
    if kind == "Line":
        jj, ii = path_pixels([(s["x1"], s["y1"]), (s["x2"], s["y2"])], size_x, size_y)
    elif kind == "Polyline":
        jj, ii = path_pixels(s["points"], size_x, size_y)
    elif kind == "Point":
        jj, ii = path_pixels([(s["x"], s["y"])], size_x, size_y)
    else:  # Label: no pixels
        jj = ii = np.zeros(0, dtype=np.int64)
    return pixels[:, :, :, jj, ii][np.ix_(zs, ts, cs)]


def area_of(s, px, py):
    kind = s["kind"]
    if kind == "Rectangle":
        return s["width"] * s["height"] * (px * py)
    if kind == "Ellipse":
        return math.pi * s["radiusX"] * s["radiusY"] * (px * py)
    if kind == "Polygon":
        pts = s["points"]
        twice = 0.0
        for k, a in enumerate(pts):
            b = pts[(k + 1) % len(pts)]
            twice += a[0] * b[1] - b[0] * a[1]
        return abs(twice) / 2 * (px * py)
    return None


def length_of(s, px, py):
    def seg(a, b):
        return math.sqrt(((b[0] - a[0]) * px) ** 2 + ((b[1] - a[1]) * py) ** 2)

    if s["kind"] == "Line":
        return seg((s["x1"], s["y1"]), (s["x2"], s["y2"]))
    if s["kind"] == "Polyline":
        pts = s["points"]
        return sum(seg(a, b) for a, b in zip(pts, pts[1:]))
    return None


def geometry_of(s):
    kind = s["kind"]
    g = {}
    if kind in ("Rectangle", "Ellipse", "Point", "Label"):
        g.update(X=s["x"], Y=s["y"])
    if kind == "Rectangle":
        g.update(Width=s["width"], Height=s["height"])
    if kind == "Ellipse":
        g.update(RadiusX=s["radiusX"], RadiusY=s["radiusY"])
    if kind == "Line":
        g.update(X1=s["x1"], Y1=s["y1"], X2=s["x2"], Y2=s["y2"])
    return [g.get(k) for k in GEOMETRY]


def quoted(text):
    return '"' + text.replace('"', '""') + '"'


def cell(v):
    if v is None:
        return ""
    if isinstance(v, float) and v.is_integer() and abs(v) < 1e15:
        return str(int(v))
    return str(v)


def main():
    t0 = time.perf_counter()
    spec_path, out_path = sys.argv[1], sys.argv[2]
    with open(spec_path) as f:
        spec = json.load(f)
    all_planes = spec["allPlanes"]
    with_points = spec["withPoints"]
    images = spec["images"]
    physical = all(i["physicalSizeX"] is not None and i["physicalSizeY"] is not None for i in images)
    unit = "µm" if physical else "pixels"
    header = ["image_id", "image_name", "roi_id", "shape_id", "type", "text", "z", "t", "channel",
              f"area ({unit})", f"length ({unit})", "points", "min", "max", "sum", "mean", "std_dev",
              *GEOMETRY, *(["Points"] if with_points else [])]
    lines = [",".join(header)]
    for image in images:
        pixels = np.load(image["npy"])  # (Z, T, C, Y, X)
        size_z, size_t, size_c, size_y, size_x = pixels.shape
        channels = []
        for ch in spec["channels"]:  # 1-based, first mention wins, out-of-range skipped
            if 1 <= ch <= size_c and ch - 1 not in channels:
                channels.append(ch - 1)
        px, py = (image["physicalSizeX"], image["physicalSizeY"]) if physical else (1, 1)
        name = quoted(image["name"])
        channel_names = [quoted(n) for n in image["channels"]]
        for roi in sorted(image["rois"], key=lambda r: r["id"]):
            for s in sorted(roi["shapes"], key=lambda s: s["id"]):
                def axis(own, size):
                    return [own] if own is not None else list(range(size)) if all_planes else [None]

                zs = axis(s.get("z"), size_z)
                ts = axis(s.get("t"), size_t)
                cs = [s["c"]] if spec["shapeChannelOnly"] and s.get("c") is not None else channels
                measured = zs[0] is not None and ts[0] is not None and len(cs) > 0
                if measured:
                    values = shape_values(pixels, s, zs, ts, cs, size_x, size_y).astype(np.float64)
                    n = values.shape[-1]
                    total = values.sum(axis=-1)
                    if n > 0:
                        low = values.min(axis=-1)
                        high = values.max(axis=-1)
                        mean = total / n
                        std = np.sqrt(((values - mean[..., None]) ** 2).sum(axis=-1) / n)
                area = area_of(s, px, py)
                length = length_of(s, px, py)
                fixed_tail = ",".join(cell(v) for v in geometry_of(s))
                if with_points:
                    pts = " ".join(f"{cell(float(x))},{cell(float(y))}" for x, y in s["points"]) if s["kind"] in ("Polyline", "Polygon") else ""
                    fixed_tail += "," + quoted(pts) if pts else ","
                head = f"{image['id']},{name},{roi['id']},{s['id']},{s['kind'].lower()},{quoted(s.get('text') or '')}"
                measures = f"{cell(area)},{cell(length)}"
                for a, z in enumerate(zs):
                    for b, t in enumerate(ts):
                        for k, c in enumerate(cs):
                            if not measured:
                                stats = ",,,,,"
                            elif n == 0:
                                stats = "0,,,0,,"
                            else:
                                stats = ",".join(cell(float(v)) for v in (n, low[a, b, k], high[a, b, k], total[a, b, k], mean[a, b, k], std[a, b, k]))
                            zc = "" if z is None else z + 1
                            tc = "" if t is None else t + 1
                            lines.append(f"{head},{zc},{tc},{channel_names[c]},{measures},{stats},{fixed_tail}")
    with open(out_path, "w", encoding="utf-8") as f:
        f.write("\n".join(lines) + "\n")
    print(json.dumps({"rows": len(lines) - 1, "seconds": time.perf_counter() - t0}))


if __name__ == "__main__":
    main()
