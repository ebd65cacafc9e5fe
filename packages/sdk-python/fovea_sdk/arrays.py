"""Pixel values between the wire and Python.

The API sends and takes raw little-endian values in row-major order. Here they become numpy arrays
when numpy imports, or ``array.array`` otherwise, and values written into an image are rounded to
its pixel type exactly as the TypeScript SDK's ``toPixelType`` does (nearest, halves away from
zero, clamped to the type's range, NaN → 0; float32 rounds to the nearest float32), so that the
same script gives the same pixels in either language.
"""
import array
import math
import sys

PIXEL_TYPES = ("uint8", "int8", "uint16", "int16", "uint32", "int32", "float32", "float64")

INTEGER_RANGE = {
    "uint8": (0, 255), "int8": (-128, 127), "uint16": (0, 65535), "int16": (-32768, 32767),
    "uint32": (0, 4294967295), "int32": (-2147483648, 2147483647),
}

_SIZES = {"uint8": 1, "int8": 1, "uint16": 2, "int16": 2, "uint32": 4, "int32": 4, "float32": 4, "float64": 8}


def _array_code(pixel_type):
    """The ``array`` type code of that size and signedness (C's int and long differ by platform)."""
    if pixel_type == "float32":
        return "f"
    if pixel_type == "float64":
        return "d"
    unsigned = pixel_type.startswith("u")
    for code in ("BHILQ" if unsigned else "bhilq"):
        if array.array(code).itemsize == _SIZES[pixel_type]:
            return code
    raise TypeError("no array type code for %s on this platform" % pixel_type)


ARRAY_CODES = dict((t, _array_code(t)) for t in PIXEL_TYPES)


def numpy_or_none():
    """numpy when it imports, else None.

    Asked at every call (Python caches the import), never once at import time, so that a script
    may make numpy unimportable (``sys.modules["numpy"] = None`` before its first pixel call) to
    run the standard-library path.
    """
    try:
        import numpy
    except ImportError:
        return None
    return numpy


def check_pixel_type(pixel_type):
    if pixel_type not in _SIZES:
        raise ValueError("unknown pixel type %r (expected one of %s)" % (pixel_type, ", ".join(PIXEL_TYPES)))
    return pixel_type


def to_pixel_type(value, pixel_type):
    """One value as the pixel type stores it: ``to_pixel_type(2.5, "uint8") == 3``, ``(-1, "uint8") == 0``."""
    value = float(value)
    bounds = INTEGER_RANGE.get(pixel_type)
    if bounds is None:
        return array.array("f", [value])[0] if pixel_type == "float32" else value
    if value != value:
        return 0
    if math.isinf(value):
        return bounds[1] if value > 0 else bounds[0]
    rounded = int(math.floor(abs(value) + 0.5)) * (1 if value >= 0 else -1)
    return min(bounds[1], max(bounds[0], rounded))


def decode(body, pixel_type, shape):
    """Raw little-endian bytes as a numpy array of ``shape`` (native byte order, writable), or
    without numpy an ``array.array`` of all the values, row-major."""
    check_pixel_type(pixel_type)
    np = numpy_or_none()
    if np is not None:
        # astype copies into native byte order, so the array is writable.
        return np.frombuffer(body, dtype=np.dtype(pixel_type).newbyteorder("<")).astype(pixel_type).reshape(shape)
    values = array.array(ARRAY_CODES[pixel_type])
    values.frombytes(body)
    if sys.byteorder != "little":
        values.byteswap()
    return values


def _numpy_plane_bytes(np, plane, pixel_type, width, height):
    a = np.asarray(plane)
    if a.ndim == 1 and a.size == width * height:
        a = a.reshape(height, width)
    if a.shape != (height, width):
        raise ValueError("a plane must be %d × %d (height × width) values, not of shape %s" % (height, width, a.shape))
    target = np.dtype(pixel_type)
    bounds = INTEGER_RANGE.get(pixel_type)
    if a.dtype != target and bounds is not None:
        if a.dtype.kind == "f":
            a = np.where(np.isnan(a), 0.0, np.sign(a) * np.floor(np.abs(a) + 0.5))
        # float64 holds every 32-bit integer exactly, so clipping there loses nothing.
        a = np.clip(a.astype(np.float64), bounds[0], bounds[1])
    return np.ascontiguousarray(a, dtype=target.newbyteorder("<")).tobytes()


def _flat_values(plane, width, height):
    if isinstance(plane, array.array) or (len(plane) == width * height and not _is_sequence(plane[0])):
        values = plane
    else:
        if len(plane) != height or any(len(row) != width for row in plane):
            raise ValueError("a plane must be %d × %d (height × width) values, not %d rows of %s" % (
                height, width, len(plane), "/".join(sorted(set(str(len(row)) for row in plane))) or "nothing"))
        values = [v for row in plane for v in row]
    if len(values) != width * height:
        raise ValueError("a plane must be %d × %d (height × width) values, not %d" % (height, width, len(values)))
    return values


def _is_sequence(v):
    return hasattr(v, "__len__") and hasattr(v, "__getitem__")


def plane_bytes(plane, pixel_type, width, height):
    """One plane as the raw little-endian bytes of ``pixel_type``: a 2-D numpy array, a list of rows,
    or ``width × height`` values row-major (a list or an ``array.array``). Values of another type
    are rounded with :func:`to_pixel_type`."""
    check_pixel_type(pixel_type)
    np = numpy_or_none()
    if np is not None and not isinstance(plane, array.array):
        return _numpy_plane_bytes(np, plane, pixel_type, width, height)
    values = _flat_values(plane, width, height)
    code = ARRAY_CODES[pixel_type]
    if not (isinstance(values, array.array) and values.typecode == code):
        values = array.array(code, [to_pixel_type(v, pixel_type) for v in values])
    if sys.byteorder != "little":
        values = array.array(code, values)
        values.byteswap()
    return values.tobytes()


def pixel_type_of(plane):
    """The pixel type a plane's values already have (a numpy dtype or an array type code), or None."""
    dtype = getattr(plane, "dtype", None)
    if dtype is not None and str(dtype) in _SIZES:
        return str(dtype)
    if isinstance(plane, array.array):
        for pixel_type, code in ARRAY_CODES.items():
            if code == plane.typecode:
                return pixel_type
    return None
