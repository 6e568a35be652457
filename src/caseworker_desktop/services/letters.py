"""Letters from the office's templates (kept on the laptop by sync: storage LETTER_TEMPLATES):
filled for one case, printed to PDF in German and, if chosen, with the fixed phrases in the
client's language, and recorded in the case as a contact of kind "Brief" (audited)."""

from __future__ import annotations

import json
import re
from datetime import date
from pathlib import Path

from ..domain import model as m
from ..domain import rules
from ..domain.district import DISTRICT_NAME
from ..domain.enums import AuditAction, ContactKind
from ..domain.errors import ValidationError
from ..domain.letters import LetterTemplate, fill
from ..storage.atomic import write_atomic
from ..storage.casefile import LETTER_TEMPLATES
from .context import ServiceContext
from .printing import find_case

_TIME = re.compile(r"^([01]?\d|2[0-3])[:.]([0-5]\d)$")


class LetterService:
    def __init__(self, ctx: ServiceContext):
        self.ctx = ctx

    def templates(self) -> list[LetterTemplate]:
        """The office's templates as of the last sync (none before the first)."""
        with self.ctx.read() as conn:
            raw = self.ctx.case_file.state(conn, LETTER_TEMPLATES)
        return [LetterTemplate(t["name"], t["title"], t["body"]) for t in json.loads(raw or "[]")]

    def write(
        self,
        case_id: str,
        template: str,
        path: Path,
        *,
        on: date | None = None,
        at: str = "",
        place: str = "",
        lang: str | None = None,
    ) -> m.ContactNote:
        """The letter as a PDF at `path`, and its record in the case."""
        from ..printing.letter import LetterPrint, render_letter  # reportlab: when used

        found = {t.name: t for t in self.templates()}
        if template not in found:
            raise ValidationError({"template": "Diese Vorlage gibt es nicht (mehr)."})
        chosen = found[template]
        problems = {}
        if at and not (match := _TIME.match(at.strip())):
            problems["at"] = "Uhrzeit als HH:MM, z. B. 10:30."
        given = {"datum": ("on", on), "uhrzeit": ("at", at.strip()), "ort": ("place", place)}
        for name in sorted(chosen.needs()):
            field, value = given[name]
            if not value or not str(value).strip():
                problems[field] = "Die Vorlage braucht diese Angabe."
        if problems:
            raise ValidationError(problems)
        at = f"{int(match[1]):02d}:{match[2]}" if at else ""
        with self.ctx.transaction() as tx:
            case = find_case(tx, case_id)
            rules.require_open_case(case, "ein Brief")
            client = tx.get(m.Client, case.client_id)
            address = ""
            if client.household_id:
                household = tx.get(m.Household, client.household_id)
                municipality = tx.get(m.Municipality, household.municipality_id).name
                address = ", ".join(p for p in (household.address, municipality) if p)
                if municipality and municipality in household.address:
                    address = household.address
            worker = tx.user
            organisation = (tx.get(m.Organisation, worker.organisation_id).name
                            if worker.organisation_id else "")  # fmt: skip
            values = {
                "vorname": client.first_name, "nachname": client.last_name,
                "name": client.full_name, "anschrift": address,
                "aktenzeichen": case.reference, "fachkraft": worker.display_name,
                "heute": tx.today.strftime("%d.%m.%Y"),
                "datum": on.strftime("%d.%m.%Y") if on else "", "uhrzeit": at, "ort": place,
            }  # fmt: skip
            pdf = render_letter(
                LetterPrint(
                    district=DISTRICT_NAME, organisation=organisation,
                    caseworker=worker.display_name, client_name=client.full_name,
                    address=address, case_reference=case.reference, written_on=tx.today,
                    title=fill(chosen.title, values), body=fill(chosen.body, values),
                    appointment=(values["datum"], at and f"{at} Uhr", place.strip()),
                ),
                lang,
            )  # fmt: skip
            write_atomic(Path(path), pdf)
            appointment = f" (Termin {values['datum']} {at} {place})".rstrip() if on else ""
            note = tx.add(
                m.ContactNote(
                    case_id=case.id, contact_on=tx.today, kind=ContactKind.LETTER,
                    text=f"Brief „{fill(chosen.title, values)}“ erstellt{appointment}."
                    .replace(" )", ")"),
                    author_id=worker.id,
                )
            )  # fmt: skip
            tx.audit(AuditAction.PRINT, entity="case_file", entity_id=case.id,
                     detail=f"letter={chosen.name} lang={lang or 'de'}")  # fmt: skip
            return note
