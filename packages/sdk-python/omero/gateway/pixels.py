"""``image.getPrimaryPixels()``: raw planes and tiles as NumPy arrays of the image's pixel type,
shape (sizeY, sizeX) — or, without NumPy, the ``array.array`` of fovea_sdk (row-major values)."""
from .. import model
from ._unsupported import Unsupported

# OMERO's names of pixel types (PixelsType.value) for Fovea's.
OMERO_PIXEL_TYPES = {"uint8": "uint8", "int8": "int8", "uint16": "uint16", "int16": "int16", "uint32": "uint32",
                     "int32": "int32", "float32": "float", "float64": "double"}


class PixelsType(Unsupported):
    """``pixels.getPixelsType().getValue()`` → "uint16", "float", "double" …"""

    def __init__(self, value):
        self.value = value

    def getValue(self):
        return self.value


class PixelsWrapper(Unsupported):
    """The pixels of one image (Fovea has one pixels set per image; its id is the image's)."""

    def __init__(self, image):
        self._image = image

    def getId(self):
        return self._image.getId()

    def getImage(self):
        return self._image

    def getSizeX(self):
        return self._image.getSizeX()

    def getSizeY(self):
        return self._image.getSizeY()

    def getSizeZ(self):
        return self._image.getSizeZ()

    def getSizeC(self):
        return self._image.getSizeC()

    def getSizeT(self):
        return self._image.getSizeT()

    def getPixelsType(self):
        return PixelsType(OMERO_PIXEL_TYPES[self._image._data["pixelType"]])

    def getPhysicalSizeX(self):
        return self._length("physicalSizeX")

    def getPhysicalSizeY(self):
        return self._length("physicalSizeY")

    def getPhysicalSizeZ(self):
        return self._length("physicalSizeZ")

    def _length(self, key):
        value = self._image._data.get(key)
        return None if value is None else model.LengthI(value, "MICROMETER")

    def getPlane(self, theZ=0, theC=0, theT=0):
        """One whole plane (0-based indices): a 2-D array (sizeY, sizeX) of the stored values."""
        return self._read(theZ, theC, theT, None)

    def getTile(self, theZ=0, theC=0, theT=0, tile=None):
        """A region ``tile=(x, y, width, height)`` of a plane (the whole plane when None)."""
        return self._read(theZ, theC, theT, None if tile is None else tuple(int(v) for v in tile))

    def getPlanes(self, zctList):
        """The planes of ``[(z, c, t), …]``, one at a time."""
        for z, c, t in zctList:
            yield self.getPlane(z, c, t)

    def getTiles(self, zctTileList):
        """The tiles of ``[(z, c, t, (x, y, w, h)), …]``, one at a time."""
        for z, c, t, tile in zctTileList:
            yield self.getTile(z, c, t, tile)

    def _read(self, z, c, t, region):
        return self._image._conn._ctx.pixels.plane(self.getId(), z=int(z), c=int(c), t=int(t), region=region)
