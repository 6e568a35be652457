"""Importing an existing caseload from the district's Excel list (.xlsx) or a CSV/TSV export
of it: every row a client with household and an open case of the current user.

Two steps. `plan` reads the file, recognises the columns by their German headers, reads
every cell and finds duplicates (in the file and on file here); it writes nothing. `run`
writes the plan's new clients through the same service calls as the window, all in one
transaction: a list with a row that cannot be read imports nothing, and a duplicate is
left out (importing the same list twice adds no one).

The file's rows are staged in an in-memory SQLite database (sqlite-utils), beside the
clients on file: duplicates are found by a join on the birth date (or its absence) and
then compared by name like the window's duplicates check. The list's plain text is never
written to disk; the case file sees only what is imported."""

from __future__ import annotations

import csv
import dataclasses
import io
import re
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from ..domain import duplicates
from ..domain import import_values as iv
from ..domain import model as m
from ..domain.duplicates import Person
from ..domain.enums import ClosingReason, HouseholdRelation
from ..domain.errors import CaseworkerError, ValidationError
from .clients import ClientService, NewClient
from .context import ServiceContext

MAX_ROWS = 20_000
HEADER_SEARCH_ROWS = 15  # title lines above the header row (a merged "Liste der ..." cell)


class ListUnreadable(CaseworkerError):
    """The file cannot be imported at all (unreadable, no recognisable header)."""


@dataclass
class ImportRow:
    line: int  # the row number as the spreadsheet program shows it
    cells: dict[str, object]  # field -> the cell as read
    new: NewClient | None = None
    moved_in_on: date | None = None
    opened_on: date | None = None
    household: str = ""
    problems: list[str] = field(default_factory=list)
    duplicate_of: str = ""  # who this row may already be ("Zeile 7" or a name on file)
    on_file: str = ""  # the client on file this row is (id), if it is someone on file

    @property
    def name(self) -> str:
        if self.new is None:
            return iv.text(self.cells.get("last_name") or self.cells.get("full_name"))
        return f"{self.new.last_name}, {self.new.first_name}"

    @property
    def state(self) -> str:
        if self.problems:
            return "Fehler"
        return "Dublette" if self.duplicate_of else "neu"


@dataclass
class ImportPlan:
    path: Path
    columns: dict[str, str]  # header as in the file -> field
    ignored: list[str]  # headers not recognised (their columns are not read)
    rows: list[ImportRow]

    @property
    def new_rows(self) -> list[ImportRow]:
        return [r for r in self.rows if r.state == "neu"]

    @property
    def rejected(self) -> list[ImportRow]:
        return [r for r in self.rows if r.problems]

    @property
    def duplicates(self) -> list[ImportRow]:
        return [r for r in self.rows if not r.problems and r.duplicate_of]

    def report(self) -> str:
        """German, one line per row that is not imported, then the counts."""
        lines = [f"Datei: {self.path.name}"]
        lines.append(
            "Spalten: "
            + ", ".join(f"{h} → {iv.FIELD_NAMES_DE[f]}" for h, f in self.columns.items())
        )
        if self.ignored:
            lines.append("Nicht gelesen (unbekannte Überschrift): " + ", ".join(self.ignored))
        for row in self.rows:
            for problem in row.problems:
                lines.append(f"Zeile {row.line}: {problem}")
        for row in self.duplicates:
            lines.append(f"Zeile {row.line}: {row.name} – schon erfasst ({row.duplicate_of})")
        lines.append(
            f"{len(self.new_rows)} neu, {len(self.duplicates)} Dubletten, "
            f"{len(self.rejected)} fehlerhaft, {len(self.rows)} Zeilen gelesen."
        )
        return "\n".join(lines)


@dataclass(frozen=True)
class ImportResult:
    clients: int
    households: int
    duplicates: int


class ImportService:
    def __init__(self, ctx: ServiceContext):
        self.ctx = ctx

    def plan(self, path: Path, municipality: str = "") -> ImportPlan:
        """Read and check the whole list (`municipality`: for rows without one)."""
        path = Path(path)
        header, records = read_table(path)
        columns = {h: f for h in header if h and (f := iv.field_for(h))}
        ignored = [h for h in header if h and h not in columns]
        fields = set(columns.values())
        if not fields & {"last_name", "full_name"}:  # "Name" alone may hold "Name, Vorname"
            raise ListUnreadable(
                "Keine Spalte für den Namen gefunden (Überschrift „Name“ und „Vorname“ oder "
                "„Name, Vorname“)."
            )
        today = self.ctx.clock.today()
        municipalities = {x.name.casefold(): x.id for x in ClientService(self.ctx).municipalities()}
        rows = []
        for line, record in records:
            cells = {columns[h]: v for h, v in record.items() if h in columns}
            row = ImportRow(line=line, cells=cells)
            _read_row(row, today, municipalities, municipality)
            rows.append(row)
        _one_reference_person(rows)
        plan = ImportPlan(path, columns, ignored, rows)
        self._find_duplicates(plan)
        return plan

    def run(self, plan: ImportPlan) -> ImportResult:
        """Write the plan's new clients in one transaction; nothing if a row has errors."""
        if plan.rejected:
            raise ValidationError(
                {"import": f"{len(plan.rejected)} Zeilen sind fehlerhaft; nichts importiert."}
            )
        clients = ClientService(self.ctx)
        households: dict[str, str] = {}
        named = {
            r.household
            for r in plan.new_rows  # a household with its reference
            if r.household and r.new.relationship is HouseholdRelation.REFERENCE_PERSON
        }
        made = 0
        with self.ctx.bulk() as tx:
            for row in plan.duplicates:  # a household already on file: new members join it
                if row.household and row.on_file and row.household not in households:
                    households[row.household] = tx.get(m.Client, row.on_file).household_id
            for row in plan.new_rows:
                new = row.new
                joined = households.get(row.household) if row.household else None
                if joined:
                    new = dataclasses.replace(new, household_id=joined)
                elif new.relationship is None and row.household in named:
                    # whoever comes first is not the reference person the list names
                    new = dataclasses.replace(new, relationship=HouseholdRelation.UNKNOWN)
                client, _case = clients.register(new, opened_on=row.opened_on)
                if row.household and not joined:
                    households[row.household] = client.household_id
                if not joined:
                    made += 1
                    if row.moved_in_on:
                        clients.update_household(client.household_id, moved_in_on=row.moved_in_on)
        return ImportResult(len(plan.new_rows), made, len(plan.duplicates))

    def _find_duplicates(self, plan: ImportPlan) -> None:
        """Each readable row against the rows above it and the clients on file: candidates
        by birth date in SQL (the same day, or unknown on either side), then by name."""
        import sqlite_utils  # here: not on the way to the first screen

        db = sqlite_utils.Database(memory=True)
        staged = [
            {"line": r.line, "first": r.new.first_name, "last": r.new.last_name,
             "born": r.new.birth_date.isoformat() if r.new.birth_date else None}
            for r in plan.rows if r.new is not None
        ]  # fmt: skip
        if not staged:
            return
        db["staged"].insert_all(staged, pk="line")
        db["staged"].create_index(["born"])
        with self.ctx.transaction() as tx:
            live = {c.client_id for c in tx.find(m.Case)
                    if c.closing_reason is not ClosingReason.DUPLICATE}  # fmt: skip
            on_file = [c for c in tx.find(m.Client) if c.id in live]
        db["on_file"].insert_all(
            [{"id": c.id, "first": c.first_name, "last": c.last_name,
              "born": c.birth_date.isoformat() if c.birth_date else None} for c in on_file],
            pk="id",
        )  # fmt: skip
        if on_file:
            db["on_file"].create_index(["born"])
        by_line = {r.line: r for r in plan.rows}
        names = {c.id: c for c in on_file}

        def shown(key) -> str:  # a row further up, or someone on file
            if key not in names:
                return f"Zeile {key}"
            c = names[key]
            return f"{c.last_name}, {c.first_name}" + (
                f", geb. {c.birth_date:%d.%m.%Y}" if c.birth_date else ""
            )

        same_day = "(a.born = b.born OR a.born IS NULL OR b.born IS NULL)"
        found = "SELECT a.line, a.first, a.last, a.born, b.{key}, b.first, b.last, b.born FROM"
        queries = [f"{found.format(key='line')} staged a JOIN staged b"
                   f" ON b.line < a.line AND {same_day} ORDER BY a.line, b.line"]  # fmt: skip
        if on_file:
            queries.append(f"{found.format(key='id')} staged a JOIN on_file b ON {same_day}"
                           " ORDER BY a.line")  # fmt: skip
        for sql in queries:
            for line, first, last, born, key, o_first, o_last, o_born in db.execute(sql):
                row = by_line[line]
                if not row.duplicate_of and _alike(first, last, born, o_first, o_last, o_born):
                    row.duplicate_of = shown(key)
                    row.on_file = key if key in names else ""


def _one_reference_person(rows: list[ImportRow]) -> None:
    """A household has one reference person (ClientService refuses a second one)."""
    first: dict[str, int] = {}
    for row in rows:
        if row.new is None or row.new.relationship is not HouseholdRelation.REFERENCE_PERSON:
            continue
        key = row.household or f"Zeile {row.line}"
        if key in first:
            row.problems.append(
                f"Zweite Bezugsperson im Haushalt „{row.household}“ (die erste in Zeile "
                f"{first[key]})."
            )
            row.new = None
        else:
            first[key] = row.line


def _alike(first, last, born, o_first, o_last, o_born) -> bool:
    return duplicates.same_person(
        Person("a", first, last, date.fromisoformat(born) if born else None),
        Person("b", o_first, o_last, date.fromisoformat(o_born) if o_born else None),
    )


def _read_row(row: ImportRow, today: date, municipalities: dict[str, str], default: str) -> None:
    cells, problems = row.cells, row.problems

    def read(fn, name, *args, **kwargs):
        try:
            return fn(cells.get(name), *args, **kwargs)
        except iv.ImportProblem as exc:
            problems.append(str(exc))
            return None

    first, last = iv.text(cells.get("first_name")), iv.text(cells.get("last_name"))
    if cells.get("full_name") and not (first and last):
        first, last = iv.split_full_name(cells["full_name"])
    elif last and not first and "first_name" not in cells and "," in last:
        first, last = iv.split_full_name(last)
    if not last:
        problems.append("Nachname fehlt.")
    if not first:
        problems.append("Vorname fehlt.")
    born = read(iv.parse_date, "birth_date", "Geburtsdatum", today)
    place = iv.text(cells.get("municipality")) or default
    municipality_id = municipalities.get(place.casefold()) if place else None
    if not place:
        problems.append("Kommune fehlt (Spalte „Kommune“ oder beim Import angeben).")
    elif municipality_id is None:
        known = ", ".join(sorted(n.title() for n in municipalities)[:8])
        problems.append(f"Kommune „{place}“ unbekannt (bekannt sind z. B. {known}).")
    values = {
        "nationality": read(iv.parse_nationality, "nationality"),
        "languages": read(iv.parse_languages, "languages"),
        "residence_status": read(iv.parse_residence_status, "residence_status"),
        "gender": read(iv.parse_gender, "gender"),
        "relationship": read(iv.parse_relationship, "relationship"),
        "arrival_date": read(iv.parse_date, "arrival_date", "Einreise", today),
        "data_processing_consent_on": read(iv.parse_date, "consent_on", "Einwilligung", today),
    }
    row.moved_in_on = read(iv.parse_date, "moved_in_on", "Einzug", today, past=False)
    row.opened_on = read(iv.parse_date, "opened_on", "Fallbeginn", today)
    row.household = iv.text(cells.get("household"))
    if problems:
        return
    row.new = NewClient(
        first_name=first,
        last_name=last,
        municipality_id=municipality_id,
        address=iv.text(cells.get("address")),
        birth_date=born,
        phone=iv.text(cells.get("phone")),
        **{k: v for k, v in values.items() if v is not None},
    )


# --- reading the file -----------------------------------------------------------------------


def read_table(path: Path) -> tuple[list[str], list[tuple[int, dict[str, object]]]]:
    """(headers, [(line, header -> cell)]) of the first sheet or the CSV/TSV file: title
    lines above the header row skipped, empty lines left out."""
    if not path.is_file():
        raise ListUnreadable(f"Datei nicht gefunden: {path}")
    suffix = path.suffix.casefold()
    try:
        if suffix in (".xlsx", ".xlsm"):
            grid = _xlsx_rows(path)
        elif suffix in (".csv", ".tsv", ".txt"):
            grid = _delimited_rows(path.read_bytes())
        else:
            raise ListUnreadable(
                f"Dateityp „{path.suffix}“ wird nicht gelesen (Excel .xlsx oder CSV/TSV)."
            )
    except ListUnreadable:
        raise
    except Exception as exc:  # any parser's failure: a clear message, not a traceback
        raise ListUnreadable(
            f"Die Datei ist nicht lesbar ({type(exc).__name__}): {path.name}. "
            "Bitte als Excel-Arbeitsmappe (.xlsx) oder CSV speichern."
        ) from None
    best, at = _header_row([cells for _line, cells in grid])
    if best < 2:
        raise ListUnreadable(
            "Keine Überschriftenzeile erkannt (z. B. Name, Vorname, Geburtsdatum, Kommune)."
        )
    header = [iv.text(cell) for cell in grid[at][1]]
    records = []
    for line, cells in grid[at + 1 :]:
        if not any(iv.text(c) for c in cells):
            continue
        records.append(
            (line, {h: cells[i] if i < len(cells) else None for i, h in enumerate(header) if h})
        )
    if len(records) > MAX_ROWS:
        raise ListUnreadable(f"Mehr als {MAX_ROWS:,} Zeilen: bitte die Liste aufteilen.")
    return header, records


def _header_row(rows: list[list[object]]) -> tuple[int, int]:
    """(how many known headers, index) of the header row among the first rows: the one
    with the most, the first of equals (title lines above it are skipped)."""
    scored = [(iv.header_score(cells), -i) for i, cells in enumerate(rows[:HEADER_SEARCH_ROWS])]
    best, at = max(scored, default=(0, 0))
    return best, -at


def _xlsx_rows(path: Path) -> list[tuple[int, list[object]]]:
    from openpyxl import load_workbook

    book = load_workbook(path, read_only=True, data_only=True)
    try:
        sheet = book.worksheets[0]
        return [
            (row[0].row if row and hasattr(row[0], "row") else i + 1, [c.value for c in row])
            for i, row in enumerate(sheet.iter_rows())
        ]
    finally:
        book.close()


def _delimited_rows(data: bytes) -> list[tuple[int, list[object]]]:
    """CSV or TSV as German spreadsheet programs write them (";" and Windows-1252, or
    UTF-8 with or without BOM), read by sqlite-utils from the header line on."""
    try:
        lines = data.decode("utf-8-sig").splitlines()
    except UnicodeDecodeError:
        lines = data.decode("cp1252").splitlines()
    _best, at = _header_row([re.split(r"[;,\t]", line) for line in lines])
    body = "\n".join(lines[at:]).encode("utf-8")
    # The header line decides the delimiter (the sniffer can take the commas of
    # "Arabisch, Kurdisch" in a TSV for it).
    delimiter = max(";\t,", key=lines[at].count) if lines else ";"
    dialect = type("ListDialect", (csv.excel,), {"delimiter": delimiter})
    from sqlite_utils.utils import Format, rows_from_file

    rows, _format = rows_from_file(
        io.BytesIO(body), Format.CSV, dialect, encoding="utf-8", ignore_extras=True
    )
    grid: list[tuple[int, list[object]]] = []
    header: list[str] | None = None
    for number, record in enumerate(rows, start=at + 2):
        if header is None:
            header = list(record)
            grid.append((at + 1, header))
        grid.append((number, [record.get(h) for h in header]))
    if header is None:  # only the header line
        grid.append((at + 1, next(csv.reader([lines[at]], delimiter=delimiter), [])))
    return grid
