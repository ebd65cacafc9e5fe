"""``ImageWrapper``: an image's sizes, calibration (µm), channels, pixels and ROI count."""
from .. import model
from ._unsupported import Unsupported
from .objects import BlitzObjectWrapper
from .pixels import OMERO_PIXEL_TYPES, PixelsWrapper


class ColorHolder(Unsupported):
    """A channel colour: ``getRGB()``, ``getHtml()`` ("FF0000"), ``getRed/Green/Blue/Alpha()``."""

    def __init__(self, hex_rgb):
        text = (hex_rgb or "FFFFFF").lstrip("#")[:6].upper()
        self._rgb = tuple(int(text[i:i + 2], 16) for i in (0, 2, 4))

    def getRed(self):
        return self._rgb[0]

    def getGreen(self):
        return self._rgb[1]

    def getBlue(self):
        return self._rgb[2]

    def getAlpha(self):
        return 255

    def getRGB(self):
        return self._rgb

    def getHtml(self):
        return "%02X%02X%02X" % self._rgb


class ChannelWrapper(Unsupported):
    """One channel: ``getLabel()`` (its name, else its emission wavelength, else its index), colour, window."""

    def __init__(self, image, data):
        self._image = image
        self._data = data

    def getId(self):
        return self._data["index"]

    def getName(self):
        return self._data.get("name") or None

    def getLabel(self):
        if self._data.get("name"):
            return self._data["name"]
        wave = self._data.get("emissionWavelength")
        if wave is not None:
            return ("%d" % wave) if float(wave).is_integer() else str(wave)
        return str(self._data["index"])

    def getEmissionWave(self):
        return self._data.get("emissionWavelength")

    def getColor(self):
        return ColorHolder(self._data.get("color"))

    def getWindowStart(self):
        return self._data.get("windowStart")

    def getWindowEnd(self):
        return self._data.get("windowEnd")

    def getWindowMin(self):
        return self._data.get("min")

    def getWindowMax(self):
        return self._data.get("max")


class ImageWrapper(BlitzObjectWrapper):
    OMERO_CLASS = "Image"
    MODEL = model.ImageI

    def getSizeX(self):
        return self._data["sizeX"]

    def getSizeY(self):
        return self._data["sizeY"]

    def getSizeZ(self):
        return self._data["sizeZ"]

    def getSizeC(self):
        return self._data["sizeC"]

    def getSizeT(self):
        return self._data["sizeT"]

    def getPixelsType(self):
        """OMERO's name of the pixel type: "uint16", "float", "double" …"""
        return OMERO_PIXEL_TYPES[self._data["pixelType"]]

    def _pixel_size(self, key, units):
        value = self._data.get(key)
        if value is None:
            return None
        if units is None or units is False:
            return float(value)
        if units is True or str(units).upper() in ("MICROMETER", "MICROM", "µM"):
            return model.LengthI(value, "MICROMETER")
        raise NotImplementedError("ImageWrapper.%s(units=%r) is not supported by Fovea's OMERO layer: sizes are "
                                  "in µm (units=None gives the number, units=True a LengthI)" % (
                                      "getPixelSize" + key[-1], units))

    def getPixelSizeX(self, units=None):
        """µm per pixel along X, or None when the image has no calibration."""
        return self._pixel_size("physicalSizeX", units)

    def getPixelSizeY(self, units=None):
        return self._pixel_size("physicalSizeY", units)

    def getPixelSizeZ(self, units=None):
        return self._pixel_size("physicalSizeZ", units)

    def getChannels(self, noRE=False):
        return [ChannelWrapper(self, data) for data in self._data.get("channels", [])]

    def getChannelLabels(self):
        return [channel.getLabel() for channel in self.getChannels()]

    def getPrimaryPixels(self):
        return PixelsWrapper(self)

    def listParents(self):
        """The datasets the image is in (an image may sit in several, or in none)."""
        from .containers import DatasetWrapper

        return [DatasetWrapper(self._conn, d) for d in self._conn._api.get("/images/%d/datasets" % self.getId())["items"]]

    def getParent(self):
        """The first dataset the image is in, or None."""
        return next(iter(self.listParents()), None)

    def getROICount(self, shapeType=None, filterByCurrentUser=None):
        """The number of ROIs on the image (``shapeType`` counts only ROIs holding that kind of shape)."""
        rois = self._conn._api.list_all("/images/%d/rois" % self.getId())
        if shapeType is None:
            return len(rois)
        kinds = [shapeType] if isinstance(shapeType, str) else list(shapeType)
        return sum(1 for roi in rois if any(s["kind"] in kinds for s in roi.get("shapes", [])))
