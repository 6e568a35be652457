"""Every model passes Qt's model tester; the caseload filter finds what a person types."""

from __future__ import annotations

from datetime import date, timedelta

from caseworker_desktop.domain.enums import CaseStatus
from caseworker_desktop.services.cases import CaseloadRow
from caseworker_desktop.ui.models.caseload import CaseloadFilter, CaseloadModel
from caseworker_desktop.ui.models.records import Column, RecordTableModel

TODAY = date(2026, 11, 24)


def rows(n: int) -> list[CaseloadRow]:
    towns = ["Ludwigsburg", "Kornwestheim", "Asperg", "Bietigheim-Bissingen"]
    names = ["Kovalenko, Olena", "Haddad, Amina", "Ahmadi, Wahid", "Yılmaz, Ayşe", "Okafor, Chioma"]
    return [
        CaseloadRow(
            case_id=f"c{i}",
            client_id=f"k{i}",
            reference=f"IM-2026-{i:05d}",
            client_name=f"{names[i % 5]} {i}",
            municipality=towns[i % 4],
            status=CaseStatus.OPEN if i % 7 else CaseStatus.DORMANT,
            next_review_on=TODAY + timedelta(days=(i % 90) - 30),
            open_referrals=i % 3,
            last_contact_on=None if i % 11 == 0 else TODAY - timedelta(days=i % 60),
        )
        for i in range(n)
    ]


def test_caseload_model_and_proxy_pass_the_model_tester(qtmodeltester):
    model = CaseloadModel(TODAY)
    model.set_rows(rows(50))
    qtmodeltester.check(model)
    proxy = CaseloadFilter()
    proxy.setSourceModel(model)
    proxy.set_text("ludwigsburg")
    qtmodeltester.check(proxy)


def test_record_model_passes_the_model_tester(qtmodeltester):
    model = RecordTableModel([Column("A", str), Column("B", lambda r: str(r * 2))])
    model.set_records(list(range(20)))
    qtmodeltester.check(model)


def test_overdue_review_is_highlighted():
    model = CaseloadModel(TODAY)
    model.set_rows(rows(40))
    overdue = [r for r in range(40) if model.row_at(r).next_review_on < TODAY]
    assert overdue
    from PySide6.QtCore import Qt

    index = model.index(overdue[0], CaseloadModel.REVIEW)
    assert "⚠" in index.data()
    assert model.data(index, Qt.ItemDataRole.ForegroundRole) is not None
    fine = next(r for r in range(40) if model.row_at(r).next_review_on >= TODAY)
    assert (
        model.data(model.index(fine, CaseloadModel.REVIEW), Qt.ItemDataRole.ForegroundRole) is None
    )


def test_filter_matches_every_word_over_name_municipality_and_status():
    model = CaseloadModel(TODAY)
    model.set_rows(rows(5000))
    proxy = CaseloadFilter()
    proxy.setSourceModel(model)
    proxy.set_text("haddad kornwest")
    matched = {proxy.index(r, 0).data() for r in range(proxy.rowCount())}
    assert matched and all(name.startswith("Haddad") for name in matched)
    assert all(model.row_at(int(n.split()[-1])).municipality == "Kornwestheim" for n in matched)
    proxy.set_text("ruhend")  # the German status label
    assert proxy.rowCount() == sum(1 for r in rows(5000) if r.status is CaseStatus.DORMANT)
    proxy.set_text("")
    assert proxy.rowCount() == 5000
