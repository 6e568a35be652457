"""Entry script of the bundled `caseworker-desktop` (build.spec); the package is imported
absolutely because PyInstaller runs this file as __main__."""

import sys

from caseworker_desktop.__main__ import main

if __name__ == "__main__":
    sys.exit(main())
