"""Printouts (reportlab PDF). No Qt here: the window previews and prints the PDF."""

from __future__ import annotations

from pathlib import Path
from typing import BinaryIO

from .data import HelpPlanPrint, PrintEntry, PrintHouseholdMember, PrintTraumaReferral
from .labels_i18n import LANGUAGE_NAMES, UnsupportedLanguageError, check_language


def render_help_plan(
    data: HelpPlanPrint,
    out: Path | str | BinaryIO,
    *,
    lang: str | None = None,
    include_trauma: bool = False,
) -> None:
    """The help plan as an A4 PDF; see help_plan.render_help_plan. reportlab is imported
    on the first printout, not when the application starts."""
    from .help_plan import render_help_plan as render

    render(data, out, lang=lang, include_trauma=include_trauma)


__all__ = [
    "LANGUAGE_NAMES",
    "HelpPlanPrint",
    "PrintEntry",
    "PrintHouseholdMember",
    "PrintTraumaReferral",
    "UnsupportedLanguageError",
    "check_language",
    "render_help_plan",
]
