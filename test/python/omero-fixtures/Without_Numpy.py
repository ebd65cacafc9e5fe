"""The OMERO layer where NumPy cannot be imported: planes come back as array.array (row-major),
and createImageFromNumpySeq says it needs NumPy."""
import sys

sys.modules["numpy"] = None  # makes `import numpy` raise ImportError, as on an interpreter without it

import omero.scripts as scripts  # noqa: E402
from omero.gateway import BlitzGateway  # noqa: E402
from omero.rtypes import rlong, rstring  # noqa: E402

client = scripts.client("Without_Numpy.py", "Reads a plane without NumPy.",
                        scripts.String("Data_Type", optional=False, values=[rstring("Image")], default="Image"),
                        scripts.List("IDs", optional=False).ofType(rlong(0)))
try:
    conn = BlitzGateway(client_obj=client)
    image = conn.getObject("Image", client.getInput("IDs", unwrap=True)[0])
    plane = image.getPrimaryPixels().getPlane(1, 2, 0)
    tile = image.getPrimaryPixels().getTile(1, 2, 0, tile=(3, 2, 4, 5))
    print("PLANE\t%s\t%s\t%d\t%d\t%d\t%d" % (type(plane).__name__, plane.typecode, len(plane), min(plane), max(plane), sum(plane)))
    print("TILE\t%s" % ",".join(str(v) for v in tile))
    try:
        conn.createImageFromNumpySeq(iter([plane]), "copy")
    except NotImplementedError as err:
        print("CREATE\t%s" % err)
    client.setOutput("Message", rstring("read %d values" % len(plane)))
finally:
    client.closeSession()
