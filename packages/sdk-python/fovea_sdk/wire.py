"""The child's side of the runner protocol: one JSON object per line on file descriptor 3."""
import errno
import json
import os
import time

PROTOCOL_FD = 3


def send(message):
    """Writes one message synchronously, so that none is lost at exit and order is kept."""
    data = (json.dumps(message, ensure_ascii=False, allow_nan=False, separators=(",", ":")) + "\n").encode("utf-8")
    view = memoryview(data)
    while view:
        try:
            n = os.write(PROTOCOL_FD, view)
        except OSError as err:
            if err.errno == errno.EAGAIN:
                time.sleep(0.001)
                continue
            if err.errno == errno.EBADF:
                raise RuntimeError("FOVEA_MODE is set but file descriptor 3 is not open: the runner passes its protocol "
                                   "pipe there (by hand: `FOVEA_MODE=describe python3 -m fovea_sdk script.py 3>&1`)")
            raise
        view = view[n:]
