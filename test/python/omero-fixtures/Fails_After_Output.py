"""Sets an output, then fails; closeSession() in the finally block must not turn the failure into success."""
import omero.scripts as scripts
from omero.rtypes import rstring

client = scripts.client("Fails_After_Output.py", "Fails.", scripts.String("Reason", optional=False))
try:
    client.setOutput("Message", rstring("half done"))
    raise ValueError("measurement failed: %s" % client.getInput("Reason", unwrap=True))
finally:
    client.closeSession()
