"""Process hygiene while case data may be in memory: no core dumps (a crash would write the
data key and whatever the window showed into a file next to the program) and, on Linux, a
process that others of the same user cannot attach to or read (PR_SET_DUMPABLE 0).
Called first thing by every command that unlocks a case file or serves the office."""

from __future__ import annotations

import ctypes
import logging
import sys

log = logging.getLogger(__name__)
PR_SET_DUMPABLE = 4


def harden_process() -> list[str]:
    """What was switched on (for the log): "no-core-dumps", "not-dumpable"."""
    done = []
    try:
        import resource

        _soft, hard = resource.getrlimit(resource.RLIMIT_CORE)
        resource.setrlimit(resource.RLIMIT_CORE, (0, hard))
        done.append("no-core-dumps")
    except (ImportError, ValueError, OSError):  # not on this platform
        pass
    if sys.platform.startswith("linux"):
        try:
            libc = ctypes.CDLL(None, use_errno=True)
            if libc.prctl(PR_SET_DUMPABLE, 0, 0, 0, 0) == 0:
                done.append("not-dumpable")
        except (OSError, AttributeError):
            pass
    return done
