#!/usr/bin/env python3
"""
NumPy reference for bench/scripts.bench.ts: the computation of analysis_scripts/Kymograph
(SCRIPTS.md §3) on the same pixels and paths, vectorised with NumPy.

    python3 kymograph.py SPEC.json OUT_DIR

SPEC.json (written by the bench) names a .npy file holding the time-lapse's raw planes as
(C, T, Y, X) (Z = 0), its pixel type, Line_Width and one path per ROI (a polyline used on every
time point). For each ROI the path is sampled at unit arc-length steps s = 0 … ⌊L⌋, W values
across it at offsets k − (W−1)/2 along the segment's normal (−uy, ux); each value is the bilinear
interpolation of the raw pixels (pixel (i, j) at its centre, clamped neighbours at the border, 0
outside the image), rounded half away from zero to the pixel type. Time point t gives rows
t·W … t·W+W−1. Each kymograph is saved as OUT_DIR/roi_<id>.npy, shape (C, T·W, ⌊L⌋+1).

Prints one JSON line: {"kymographs": N, "pixels": P, "seconds": S}, where S covers loading the
spec and the .npy file, the sampling and saving the kymographs (not the interpreter's start).
"""
import json
import math
import os
import sys
import time

import numpy as np

INTEGER_RANGE = {
    "uint8": (0, 255), "int8": (-128, 127), "uint16": (0, 65535), "int16": (-32768, 32767),
    "uint32": (0, 4294967295), "int32": (-2147483648, 2147483647),
}


def sample_positions(points, width):
    """x and y of every sample, each (W, N): row k, sample s (arc length s from the first point)."""
    p = np.asarray(points, dtype=np.float64)
    d = np.diff(p, axis=0)
    lengths = np.hypot(d[:, 0], d[:, 1])
    keep = lengths > 0  # zero-length segments are skipped
    a, d, lengths = p[:-1][keep], d[keep], lengths[keep]
    starts = np.concatenate(([0.0], np.cumsum(lengths)[:-1]))
    total = float(lengths.sum())
    n = math.floor(total) + 1
    s = np.arange(n, dtype=np.float64)
    # Sample s lies on the last segment that starts at or before s (at a joint: the one starting there).
    seg = np.maximum(np.searchsorted(starts, s, side="right") - 1, 0)
    ux = d[seg, 0] / lengths[seg]
    uy = d[seg, 1] / lengths[seg]
    along = s - starts[seg]
    px = a[seg, 0] + ux * along
    py = a[seg, 1] + uy * along
    off = (np.arange(width, dtype=np.float64) - (width - 1) / 2)[:, None]
    return px[None, :] - uy[None, :] * off, py[None, :] + ux[None, :] * off


def bilinear(frames, xs, ys):
    """Bilinear values of frames (..., Y, X) at (xs, ys): pixel centres at +0.5, 0 outside, clamped border."""
    size_y, size_x = frames.shape[-2:]
    inside = (xs >= 0) & (xs < size_x) & (ys >= 0) & (ys < size_y)
    u = xs - 0.5
    v = ys - 0.5
    i0 = np.floor(u)
    j0 = np.floor(v)
    fx = u - i0
    fy = v - j0
    i0 = i0.astype(np.int64)
    j0 = j0.astype(np.int64)
    ia = np.clip(i0, 0, size_x - 1)
    ib = np.clip(i0 + 1, 0, size_x - 1)
    ja = np.clip(j0, 0, size_y - 1)
    jb = np.clip(j0 + 1, 0, size_y - 1)
    # uint16 × float64 is float64: the products and sums are those of the float64 formula.
    value = (
        (1 - fx) * (1 - fy) * frames[..., ja, ia] + fx * (1 - fy) * frames[..., ja, ib]
        + (1 - fx) * fy * frames[..., jb, ia] + fx * fy * frames[..., jb, ib]
    )
    return np.where(inside, value, 0.0)


def to_pixel_type(values, dtype):
    r = INTEGER_RANGE.get(dtype)
    if r is None:
        return values.astype(dtype)
    rounded = np.sign(values) * np.floor(np.abs(values) + 0.5)
    return np.clip(np.nan_to_num(rounded), r[0], r[1]).astype(dtype)


def main():
    t0 = time.perf_counter()
    spec_path, out_dir = sys.argv[1], sys.argv[2]
    with open(spec_path) as f:
        spec = json.load(f)
    frames = np.load(spec["npy"])  # (C, T, Y, X)
    size_c, size_t = frames.shape[:2]
    width = spec["width"]
    pixels = 0
    for roi in spec["rois"]:
        xs, ys = sample_positions(roi["points"], width)  # (W, N)
        values = bilinear(frames, xs, ys)  # (C, T, W, N)
        kymograph = to_pixel_type(values, spec["dtype"]).reshape(size_c, size_t * width, xs.shape[1])
        np.save(os.path.join(out_dir, f"roi_{roi['id']}.npy"), kymograph)
        pixels += kymograph.size
    print(json.dumps({"kymographs": len(spec["rois"]), "pixels": pixels, "seconds": time.perf_counter() - t0}))


if __name__ == "__main__":
    main()
