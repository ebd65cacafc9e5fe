"""``omero.model.LengthI``: a length with its unit (pixel sizes, stroke widths)."""

_SYMBOLS = {"MICROMETER": "µm", "PIXEL": "px", "NANOMETER": "nm", "MILLIMETER": "mm"}


class LengthI(object):
    """``LengthI(0.065, "MICROMETER")``: ``getValue()``, ``getUnit()`` (the unit's name), ``getSymbol()``."""

    def __init__(self, value=None, unit="MICROMETER"):
        self._value = None if value is None else float(value)
        self._unit = str(unit)

    def getValue(self):
        return self._value

    def setValue(self, value):
        self._value = None if value is None else float(value)

    def getUnit(self):
        return self._unit

    def getSymbol(self):
        return _SYMBOLS.get(self._unit, self._unit)

    def __eq__(self, other):
        return isinstance(other, LengthI) and (self._value, self._unit) == (other._value, other._unit)

    def __hash__(self):
        return hash((self._value, self._unit))

    def __repr__(self):
        return "LengthI(%r, %r)" % (self._value, self._unit)
