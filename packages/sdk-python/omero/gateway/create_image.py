"""``conn.createImageFromNumpySeq``: a new image from a sequence of 2-D NumPy planes, written plane
by plane through fovea_sdk's ``ctx.images.upload`` (the image appears only once every plane is
written; on any error the upload is dropped and the error propagates).

The planes come in OMERO's documented order: Z outermost, then C, then T innermost — for z, for
c, for t — each of shape (sizeY, sizeX). The first plane sets the size and pixel type; later
planes are converted to that type.
"""
from .. import rtypes

_PIXEL_TYPES = ("uint8", "int8", "uint16", "int16", "uint32", "int32", "float32", "float64")


def _numpy():
    try:
        import numpy
    except ImportError:
        raise NotImplementedError("BlitzGateway.createImageFromNumpySeq needs NumPy, which this Python cannot import")
    return numpy


def _id_of(obj):
    """An id from a wrapper (``getId()`` → int), a model object (``getId()`` → rlong) or a number."""
    get = getattr(type(obj), "getId", None)
    return int(rtypes.unwrap(get(obj) if get else obj))


def _channels(size_c, source, channel_list):
    """Names and colours of the source's channels ``channel_list`` (OMERO copies them), else "0", "1" …
    (the labels OMERO shows for channels without a name)."""
    if source is None:
        return [str(c) for c in range(size_c)]
    indices = list(channel_list) if channel_list is not None else list(range(size_c))
    channels = source._data["channels"]
    out = []
    for c in range(size_c):
        src = channels[indices[c]] if c < len(indices) and 0 <= indices[c] < len(channels) else None
        out.append({"name": src["name"] or str(c), "color": src["color"]} if src else str(c))
    return out


def _upload_fields(conn, description, dataset, source_id):
    fields = {}
    if description:
        fields["description"] = str(description)
    if dataset is not None:
        fields["dataset"] = _id_of(dataset)
    if source_id is not None:
        source = conn.getObject("Image", source_id)
        if source is None:
            raise ValueError("createImageFromNumpySeq: source image %s not found" % (source_id,))
        for axis in ("x", "y", "z"):
            value = source._data.get("physicalSize" + axis.upper())
            if value is not None:
                fields["physical_size_" + axis] = value
        return fields, source
    return fields, None


def _start(conn, plane, name, sizes, description, dataset, source_id, channel_list):
    np = _numpy()
    pixel_type = np.dtype(plane.dtype).name
    if pixel_type not in _PIXEL_TYPES:
        raise TypeError("createImageFromNumpySeq: planes of type %s cannot be stored (use one of %s)" % (
            pixel_type, ", ".join(_PIXEL_TYPES)))
    if plane.ndim != 2:
        raise ValueError("createImageFromNumpySeq: each plane must be 2-D (sizeY, sizeX), not of shape %r" % (plane.shape,))
    fields, source = _upload_fields(conn, description, dataset, source_id)
    return conn._ctx.images.upload(str(name), int(plane.shape[1]), int(plane.shape[0]), pixel_type,
                                   size_z=sizes[0], size_c=sizes[1], size_t=sizes[2],
                                   channels=_channels(sizes[1], source, channel_list), **fields)


def create_image_from_numpy_seq(conn, zctPlanes, imageName, sizeZ=1, sizeC=1, sizeT=1, description=None,
                                dataset=None, sourceImageId=None, channelList=None):
    """See BlitzGateway.createImageFromNumpySeq; returns the new image's ImageWrapper."""
    from .image import ImageWrapper

    np = _numpy()
    sizes = (int(sizeZ), int(sizeC), int(sizeT))
    planes = iter(zctPlanes)
    upload = None
    try:
        for z in range(sizes[0]):
            for c in range(sizes[1]):
                for t in range(sizes[2]):
                    try:
                        plane = np.asarray(next(planes))
                    except StopIteration:
                        raise ValueError("createImageFromNumpySeq: zctPlanes gave fewer than sizeZ × sizeC × sizeT = %d "
                                         "planes" % (sizes[0] * sizes[1] * sizes[2]))
                    if upload is None:
                        upload = _start(conn, plane, imageName, sizes, description, dataset, sourceImageId, channelList)
                    upload.put_plane(z, c, t, plane)
        image = upload.commit()
    except BaseException:
        if upload is not None:
            upload.abort()
        raise
    return ImageWrapper(conn, image)
