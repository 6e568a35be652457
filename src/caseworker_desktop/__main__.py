"""`caseworker-desktop`: the GUI entry point (the window arrives with the GUI issue)."""

import sys


def main() -> int:
    print(
        "Die Programmoberfläche ist noch nicht enthalten. "
        "Bitte vorerst den Befehl `caseworker` verwenden (siehe README).",
        file=sys.stderr,
    )
    return 2


if __name__ == "__main__":
    sys.exit(main())
