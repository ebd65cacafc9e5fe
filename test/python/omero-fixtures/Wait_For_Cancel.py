"""Works at its top level until cancelled; its finally block still runs (the runner's SIGTERM
raises Cancelled in the script, then the process group is killed)."""
import sys
import time

import omero.scripts as scripts
from omero.rtypes import rstring

client = scripts.client("Wait_For_Cancel.py", "Waits.")
try:
    print("started")
    sys.stdout.flush()
    while True:
        time.sleep(0.05)
finally:
    print("cleaned up")
    client.closeSession()
