"""Entry script of the bundled `caseworker` command (build.spec)."""

import sys

from caseworker_desktop.cli import main

if __name__ == "__main__":
    sys.exit(main())
