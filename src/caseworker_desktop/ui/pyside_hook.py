"""PySide6 looks at every module imported after it (PYSIDE-2029): does its source mention
"PySide6", so that `from __feature__ import ...` could apply to it? It asks
`inspect.getsource`, which reads and tokenises the whole file through linecache. For
the thousand modules of the app's start (SQLAlchemy's are large) that cost about a tenth
of the time from start to caseload (1.0 -> 0.93 s). `lighten_feature_check` answers the same
question from the file's bytes; modules without a readable `.py` file go to PySide's own
check as before. Nothing of the app uses `__feature__`, but the answer stays PySide's."""

from __future__ import annotations

import sys
from collections.abc import Callable
from types import ModuleType

FEATURE_MODULE = "shibokensupport.feature"  # where PySide6 keeps the hook's check


def lighten_feature_check() -> bool:
    """Install the cheaper check once PySide6 is imported; False if this PySide6 has no
    such check, or in the bundle (no sources there to read): then nothing is changed."""
    if getattr(sys, "frozen", False):
        return False
    feature = sys.modules.get(FEATURE_MODULE)
    original = getattr(feature, "_mod_uses_pyside", None)
    if original is None or getattr(original, "lightened", False):
        return original is not None
    feature._mod_uses_pyside = _from_bytes(original)
    return True


def _from_bytes(original: Callable[[ModuleType], bool]) -> Callable[[ModuleType], bool]:
    def uses_pyside(module: ModuleType) -> bool:
        path = getattr(module, "__file__", None)
        if not isinstance(path, str) or not path.endswith(".py"):
            return original(module)
        try:
            with open(path, "rb") as source:
                return b"PySide6" in source.read()
        except OSError:
            return original(module)

    uses_pyside.lightened = True
    return uses_pyside
