#!/usr/bin/python3
"""Independent reference values for real-files.test.ts (run once; the output is pasted into the table).

Reads every file of ../shared/data/SOURCES.md with tifffile 2023.2 (Debian python3-tifffile), Pillow
(the LZW file: tifffile needs imagecodecs for LZW), python3-zarr 2.13 (OME-Zarr) or numpy on the raw
DeltaVision block (header parsed here, by hand), and prints, for plane (0,0,0) and one "probe" plane
(z = 1 if Z > 1, c = C-1, t = T-1), the sha256 of the plane's little-endian bytes and min/max/sum.
Usage: /usr/bin/python3 make-reference.py DATA_DIR
"""
import hashlib, json, os, struct, sys
import numpy as np
import tifffile

DATA = sys.argv[1] if len(sys.argv) > 1 else os.path.join(os.path.dirname(__file__), "../../../../../../shared/data")


def tiff_zct(path):
    """Returns (get(z, c, t) -> 2-D array, (Z, C, T)) using tifffile's own axis labels."""
    with tifffile.TiffFile(path) as tf:
        s = tf.series[0]
        arr, axes = s.asarray(), s.axes
    # Our decisions: samples (S) are channels; unlabelled page axes (Q, I) are time.
    axes = axes.replace("S", "C").replace("Q", "T").replace("I", "T")
    for a in "ZCT":
        if a not in axes:
            arr, axes = arr[np.newaxis], a + axes
    arr = np.transpose(arr, [axes.index(a) for a in "ZCTYX"])
    return (lambda z, c, t: arr[z, c, t]), arr.shape[:3]


def pil_single(path):
    from PIL import Image
    a = np.array(Image.open(path))
    return (lambda z, c, t: a), (1, 1, 1)


def dv_zct(path):
    with open(path, "rb") as f:
        h = f.read(1024)
        e = "<" if struct.unpack("<H", h[96:98])[0] == 0xC0A0 else ">"
        nx, ny, ns, mode = struct.unpack(e + "4i", h[:16])
        nxt = struct.unpack(e + "i", h[92:96])[0]
        nt, seq = struct.unpack(e + "hh", h[180:184])
        nw = struct.unpack(e + "h", h[196:198])[0]
        nt, nw = max(nt, 1), max(nw, 1)
        nz = ns // (nt * nw)
        dt = {0: "u1", 1: "i2", 2: "f4", 6: "u2"}[mode]
        f.seek(1024 + nxt)
        data = np.frombuffer(f.read(), dtype=e + dt).reshape(ns, ny, nx)

    def idx(z, c, t):
        return {0: z + nz * (t + nt * c), 1: c + nw * (z + nz * t), 2: z + nz * (c + nw * t)}[seq]
    return (lambda z, c, t: data[idx(z, c, t)]), (nz, nw, nt)


def zarr_zct(path):
    import zarr
    a = zarr.open(os.path.join(path, "0"), mode="r")  # axes t, c, z, y, x
    return (lambda z, c, t: a[t, c, z]), (a.shape[2], a.shape[1], a.shape[0])


def stats(plane):
    le = np.ascontiguousarray(plane).astype(plane.dtype.newbyteorder("<"))
    return {"sha256": hashlib.sha256(le.tobytes()).hexdigest()[:16], "min": plane.min().item(),
            "max": plane.max().item(), "sum": float(plane.astype(np.float64).sum())}


FILES = {
    "mrc/toxo.dv": dv_zct, "omero-common/tinyTest.d3d.dv": dv_zct,
    "deltavision-scripts/gpsf_3D_1514_a3_001_WF.dv_otf": dv_zct,
    "aicsimageio/s_1_t_1_c_1_z_1.ome.tiff": pil_single,
    "derived/toxo.ome.zarr": zarr_zct,
}
for rel in sorted(os.listdir(DATA)):
    d = os.path.join(DATA, rel)
    if os.path.isdir(d):
        for n in sorted(os.listdir(d)):
            if n.endswith((".tif", ".tiff")) and f"{rel}/{n}" not in FILES:
                FILES[f"{rel}/{n}"] = tiff_zct

out = {}
for rel, fn in sorted(FILES.items()):
    get, (Z, C, T) = fn(os.path.join(DATA, rel))
    probe = (1 if Z > 1 else 0, C - 1, T - 1)
    out[rel] = {"zct": [Z, C, T], "first": stats(np.asarray(get(0, 0, 0))),
                "probe": {"at": list(probe), **stats(np.asarray(get(*probe)))}}
print(json.dumps(out, indent=1))
