"""An OMERO script that reaches for a service Fovea does not offer."""
import omero.scripts as scripts
from omero.gateway import BlitzGateway
from omero.rtypes import rlong, rstring

client = scripts.client("Unsupported_Call.py", "Uses the query service.",
                        scripts.List("IDs", optional=False).ofType(rlong(0)))
try:
    conn = BlitzGateway(client_obj=client)
    query_service = conn.getQueryService()
    client.setOutput("Message", rstring("unreachable"))
finally:
    client.closeSession()
