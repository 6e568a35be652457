"""The help plan printout through the print service, read back from the PDF."""

from __future__ import annotations

import io
from datetime import date

import pytest

from caseworker_desktop.domain import model as m
from caseworker_desktop.domain.enums import AuditAction, LifeArea
from caseworker_desktop.domain.errors import (
    CaseworkerError,
    NotFoundError,
    PermissionDeniedError,
)
from caseworker_desktop.printing import UnsupportedLanguageError, labels_i18n, text
from caseworker_desktop.storage import audit
from caseworker_desktop.storage.orm import table_of
from tests.helpers import RELEASE, new_client
from tests.printing.conftest import GOALS, make_plan_case
from tests.printing.pdf_tools import (
    drawn_glyph,
    drawn_runs,
    drawn_text,
    missing_glyphs,
    plain_text,
    reader,
)


def print_pdf(services, case_id, **kw) -> bytes:
    out = io.BytesIO()
    services.printing.print_help_plan(case_id, out, **kw)
    return out.getvalue()


def shown(value: str) -> list[str]:
    """The pieces a label is drawn in (Arabic script: shaped, in display order, and split
    where the font changes, e.g. at a slash)."""
    line = text.display_lines(value, 9)[0]
    return [piece.strip() for piece, _ in text.runs(line) if piece.strip()]


def assert_drawn(value: str, drawn: str) -> None:
    for piece in shown(value):
        assert piece in drawn, (value, piece)


def audit_events(services, action: AuditAction) -> list[m.AuditEvent]:
    with services.ctx.read() as conn:
        return [e for e in audit.audit_events(conn) if e.action is action]


def add_trauma_referral(services, case_id, recommendation="Teilnahme am Gruppenangebot"):
    ref = services.referrals.request_trauma_consultation(case_id, release=RELEASE)
    services.referrals.assign_consultation(ref.id, date(2026, 12, 9), "Dr. med. Hauser")
    return services.referrals.record_assessment(
        ref.id, outcome="Anpassungsstörung", recommendation=recommendation
    )


def test_german_printout_shows_every_goal_date_and_name(services, plan_case):
    pdf = print_pdf(services, plan_case.case.id)
    assert pdf.startswith(b"%PDF")
    content = plain_text(pdf)
    for area, goal, measures, responsible, due in GOALS:
        assert goal in content and measures in content and responsible in content
        assert labels_i18n.german(area) in content
        if due:
            assert due.strftime("%d.%m.%Y") in content
    for expected in (
        "Landratsamt Ludwigsburg",
        "Individueller Hilfeplan",
        plan_case.case.reference,
        "Olena Kovalenko",
        "02.03.1985",
        "Bahnhofstraße 12, Affalterbach",
        services.user.display_name,
        "01.11.2026 – 30.04.2027",
        "01.02.2027",  # next review
        "24.11.2026",  # printed on (the fake clock's day)
        "Entwurf",
        "In Bearbeitung",
        "Unterschrift Klient:in",
        "Unterschrift Integrationsmanager:in",
        "Ort, Datum",
        "Seite 1 von 1",
    ):
        assert expected in content, expected
    # life areas in canonical order, the two housing goals together under one heading
    assert content.index("Eigene Wohnung") < content.index("Wohngeld") < content.index("Sprach")
    assert content.count("Wohnen") == 1
    assert "Цілі" not in content and "Goals" not in content  # German only
    assert missing_glyphs(pdf) == {}


def test_ukrainian_labels_with_a_cyrillic_client_name(services):
    case = make_plan_case(services, "Олена", "Коваленко").case
    pdf = print_pdf(services, case.id, lang="uk")
    content = plain_text(pdf)
    for expected in (
        "Олена Коваленко",
        "Індивідуальний план допомоги",
        "Цілі та заходи",
        "Житло",
        "Мова",
        "У роботі",
        "Підпис клієнта/клієнтки",
        "Місце, дата",
        "Сторінка 1 з ",
        "Ziele und Maßnahmen",  # German stays
    ):
        assert expected in content, expected
    used = {font for font, run in drawn_runs(pdf) if "Олена" in run}
    assert used == {"NotoSans-Bold", "NotoSans-Regular"}
    assert missing_glyphs(pdf) == {}


def test_arabic_labels_and_an_arabic_client_name_are_shaped(services):
    case = make_plan_case(services, "محمد", "عبدالله", languages="ar").case
    pdf = print_pdf(services, case.id, lang="ar")
    runs = drawn_runs(pdf)
    arabic = "\n".join(run for font, run in runs if font.startswith("NotoSansArabic"))
    # the name right to left: عبدالله ... محمد, each letter in its joining form (a letter
    # that stands alone is drawn as itself)
    name = "\ufeea\ufee0\ufedf\u0627\ufeaa\ufe92\ufecb \ufeaa\ufee4\ufea4\ufee3"
    assert name in arabic
    for label in ("خطة المساعدة الفردية", "الأهداف والإجراءات", "السكن", "التوقيعات"):
        assert_drawn(label, arabic)
    assert all(not any("\u0600" <= c <= "\u06ff" for c in run) for font, run in runs
               if not font.startswith("NotoSansArabic"))  # fmt: skip
    assert "Ziele und Maßnahmen" in drawn_text(pdf)
    assert missing_glyphs(pdf) == {}


def test_pashto_letters_join_although_unicode_has_no_forms_for_them(services):
    # ګ, ښ and ۍ have no presentation forms: their joining forms are reached through the
    # Private Use code points the bundled font gives them (tools/make_print_fonts.py)
    case = make_plan_case(services, "ګلالۍ", "پښتونیار", languages="ps").case
    pdf = print_pdf(services, case.id, lang="ps")
    glyphs = {
        drawn_glyph("NotoSansArabic-Regular", char)
        for font, run in drawn_runs(pdf)
        if font == "NotoSansArabic-Regular"
        for char in run
    }
    assert {"uni06AB.init", "uni069A.medi", "uni06CD.fina"} <= glyphs
    assert not {"uni06AB", "uni069A", "uni06CD"} & glyphs  # never the standalone form
    assert_drawn("د مرستې انفرادي پلان", drawn_text(pdf))
    assert missing_glyphs(pdf) == {}


def test_tigrinya_prints_in_the_ethiopic_font(services, plan_case):
    pdf = print_pdf(services, plan_case.case.id, lang="ti")
    ethiopic = {run for font, run in drawn_runs(pdf) if font.startswith("NotoSansEthiopic")}
    assert "ውልቃዊ መደብ ደገፍ" in ethiopic and "ፌርማ ተገልጋሊ" in ethiopic
    assert all(not any("\u1200" <= c <= "\u139f" for c in run) for font, run
               in drawn_runs(pdf) if not font.startswith("NotoSansEthiopic"))  # fmt: skip
    assert missing_glyphs(pdf) == {}


@pytest.mark.parametrize("lang", sorted(labels_i18n.LANGUAGE_NAMES))
def test_every_language_prints(services, plan_case, lang):
    pdf = print_pdf(services, plan_case.case.id, lang=lang)
    drawn = drawn_text(pdf)
    for key in ("title", "goals", "signature_client", LifeArea.WORK):
        assert_drawn(labels_i18n.translated(key, lang), drawn)
    assert missing_glyphs(pdf) == {}


def test_missing_glyphs_are_detected(services):
    case = make_plan_case(services, "李", "Wei").case  # no CJK in the bundled fonts
    missing = missing_glyphs(print_pdf(services, case.id))
    assert missing == {"NotoSans-Bold": "\x00", "NotoSans-Regular": "\x00"}


def test_print_is_audited_in_the_same_transaction(services, plan_case):
    print_pdf(services, plan_case.case.id, lang="uk")
    (event,) = audit_events(services, AuditAction.PRINT)
    assert (event.entity, event.entity_id) == ("help_plan", plan_case.plan.id)
    assert event.detail.startswith("help_plan lang=uk trauma=no to=")
    assert event.user_id == services.user.id
    print_pdf(services, plan_case.case.id)
    assert audit_events(services, AuditAction.PRINT)[-1].detail.startswith(
        "help_plan lang=de trauma=no to="
    )


def test_failed_print_leaves_no_audit_event_and_no_file(services, plan_case, tmp_path):
    (tmp_path / "out").mkdir()
    out = tmp_path / "out" / "plan.pdf"
    with pytest.raises(UnsupportedLanguageError):
        services.printing.print_help_plan(plan_case.case.id, out, lang="xx")
    broken = io.BytesIO()
    broken.write = None  # rendering fails while writing
    with pytest.raises(TypeError):
        services.printing.print_help_plan(plan_case.case.id, broken)
    assert audit_events(services, AuditAction.PRINT) == []
    assert list(out.parent.iterdir()) == []


def test_print_to_a_file_path(services, plan_case, tmp_path):
    (tmp_path / "out").mkdir()
    out = tmp_path / "out" / "hilfeplan.pdf"
    services.printing.print_help_plan(plan_case.case.reference, out)
    assert "Eigene Wohnung finden" in plain_text(out)
    assert out.stat().st_mode & 0o777 == 0o600
    assert [p.name for p in out.parent.iterdir()] == ["hilfeplan.pdf"]  # no temp file left


def test_trauma_information_only_when_included(services, plan_case):
    case_id = plan_case.case.id
    ref = add_trauma_referral(services, case_id, "Anbindung an die Institutsambulanz")
    services.plans.carry_recommendation(ref.id, plan_case.plan.id)
    views_before = len(audit_events(services, AuditAction.VIEW))

    content = plain_text(print_pdf(services, case_id))
    for secret in ("Trauma", "Institutsambulanz", "09.12.2026", "Abklärung erfolgt"):
        assert secret not in content, secret
    assert "Eigene Wohnung finden" in content
    assert len(audit_events(services, AuditAction.VIEW)) == views_before
    assert services.printing.help_plan_print(case_id).trauma_referrals is None

    content = plain_text(print_pdf(services, case_id, include_trauma=True, lang="en"))
    for shown_now in (
        "Traumasprechstunde",
        "Vertraulich",
        "Anbindung an die Institutsambulanz",
        "Empfehlung der Traumasprechstunde umsetzen",  # the goal carried into the plan
        "09.12.2026",
        "Abklärung erfolgt",
        "Trauma consultation",
    ):
        assert shown_now in content, shown_now
    views = audit_events(services, AuditAction.VIEW)[views_before:]
    assert [(v.entity_id, v.detail) for v in views] == [(ref.id, "print")]
    assert audit_events(services, AuditAction.PRINT)[-1].detail.startswith(
        "help_plan lang=en trauma=yes to="
    )


def test_trauma_section_without_referrals(services, plan_case):
    content = plain_text(print_pdf(services, plan_case.case.id, include_trauma=True))
    assert "Keine Vermittlung in die Traumasprechstunde." in content


def test_trauma_of_another_caseworker_is_not_printed(services, plan_case, tmp_path):
    ref = add_trauma_referral(services, plan_case.case.id)
    with services.ctx.transaction() as tx:
        t = table_of(m.TraumaReferral)
        tx.conn.execute(t.update().where(t.c.id == ref.id).values(caseworker_id="someone-else"))
    out = tmp_path / "plan.pdf"
    with pytest.raises(PermissionDeniedError):
        services.printing.print_help_plan(plan_case.case.id, out, include_trauma=True)
    assert not out.exists()
    assert audit_events(services, AuditAction.PRINT) == []
    print_pdf(services, plan_case.case.id)  # without trauma information it prints


def test_case_by_reference_and_plan_choice(services, plan_case):
    by_ref = services.printing.help_plan_print(plan_case.case.reference)
    assert by_ref == services.printing.help_plan_print(plan_case.case.id)
    assert by_ref.plan_id == plan_case.plan.id
    assert [e.goal for e in by_ref.entries] == [g[1] for g in GOALS]
    newer = services.plans.create(
        plan_case.case.id, date(2027, 5, 1), date(2027, 10, 31), date(2027, 8, 1)
    )
    assert services.printing.help_plan_print(plan_case.case.id).plan_id == newer.id
    older = services.printing.help_plan_print(plan_case.case.id, plan_id=plan_case.plan.id)
    assert len(older.entries) == len(GOALS)
    other = make_plan_case(services, "Andrii", "Shevchenko")
    with pytest.raises(CaseworkerError, match="gehört nicht zum Fall"):
        services.printing.help_plan_print(plan_case.case.id, plan_id=other.plan.id)


def test_unknown_case_and_case_without_plan(services):
    with pytest.raises(NotFoundError, match="IM-2026-09999"):
        services.printing.help_plan_print("IM-2026-09999")
    _, case = new_client(services, "Ahmad", "Rahimi")
    with pytest.raises(CaseworkerError, match="noch keinen Hilfeplan"):
        services.printing.help_plan_print(case.id)


def test_empty_plan_and_a_forty_entry_plan(services):
    empty = make_plan_case(services, goals=())
    content = plain_text(print_pdf(services, empty.case.id))
    assert "Noch keine Ziele eingetragen." in content

    areas = list(LifeArea)
    goals = [
        (areas[i % len(areas)], f"Ziel Nummer {i + 1:02d}", f"Maßnahme {i + 1:02d}", "Klientin",
         date(2027, 1, 1 + i % 28))
        for i in range(40)
    ]  # fmt: skip
    big = make_plan_case(services, "Olena", "Bondarenko", goals=goals)
    pdf = print_pdf(services, big.case.id, lang="ar")
    content = plain_text(pdf)
    for i in range(40):
        assert f"Ziel Nummer {i + 1:02d}" in content and f"Maßnahme {i + 1:02d}" in content
    pages = content.count("Seite ")
    assert pages >= 3 and f"Seite {pages} von {pages}" in content
    assert "Nr." in content.split(f"Seite 1 von {pages}")[1]  # column heads repeat
    assert missing_glyphs(pdf) == {}


@pytest.mark.parametrize("goal_count", [5, 7, 19])  # counts whose signatures spill over
def test_signatures_never_stand_alone_on_the_last_page(services, goal_count):
    goals = [
        (LifeArea.LANGUAGE if i % 3 else LifeArea.WORK, f"Ziel Nummer {i + 1:02d}",
         "Maßnahme " * 12, "Klientin", date(2027, 1, 1))
        for i in range(goal_count)
    ]  # fmt: skip
    case = make_plan_case(services, "Olena", f"Hrytsenko{goal_count}", goals=goals)
    pages = reader(print_pdf(services, case.case.id)).pages
    assert len(pages) >= 2
    last = pages[-1].extract_text()
    assert "Unterschrift Klient:in" in last
    assert "Ziel Nummer" in last  # the last goal came along,
    assert "Nr." in last and "Arbeit und Ausbildung" in last  # under heads and life area
    everything = "\n".join(page.extract_text() for page in pages)
    for i in range(goal_count):  # each goal printed once
        assert everything.count(f"Ziel Nummer {i + 1:02d}") == 1
