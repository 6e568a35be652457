"""Every model passes Qt's model tester; the caseload filter finds what a person types."""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCore import QPoint, Qt

from caseworker_desktop.domain.enums import CaseStatus, HelpPlanStatus
from caseworker_desktop.services.cases import CaseloadRow
from caseworker_desktop.ui.models.caseload import ROW_ROLE, CaseloadFilter, CaseloadModel, Problem
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
            caseworker_id=f"u{i % 3}",
            caseworker_name=["Anna Müller", "Ben Schulz", "Lena Lehmann"][i % 3],
            opened_on=TODAY - timedelta(days=200),
            plan_status=[HelpPlanStatus.DRAFT, HelpPlanStatus.AGREED, None][i % 3],
            stalled_referrals=1 if i % 13 == 0 else 0,
            open_comments=i % 17 == 0,
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
    proxy.set_caseworker("u1")
    proxy.set_problems(Problem.AWAITING_APPROVAL)
    qtmodeltester.check(proxy)
    model.set_no_contact_weeks(2)
    proxy.refilter()
    qtmodeltester.check(model)
    proxy.sort(CaseloadModel.REVIEW, Qt.SortOrder.DescendingOrder)  # the model sorts
    qtmodeltester.check(proxy)
    reviews = [proxy.index(r, 0).data(ROW_ROLE).next_review_on for r in range(proxy.rowCount())]
    assert reviews == sorted(reviews, reverse=True)


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
    source = rows(5000)
    assert all(source[int(n.split()[-1])].municipality == "Kornwestheim" for n in matched)
    proxy.set_text("ruhend")  # the German status label
    assert proxy.rowCount() == sum(1 for r in rows(5000) if r.status is CaseStatus.DORMANT)
    proxy.set_text("")
    assert proxy.rowCount() == 5000


def test_team_filters_caseworker_municipality_and_problems():
    data = rows(600)
    model = CaseloadModel(TODAY)
    model.set_rows(data)
    proxy = CaseloadFilter()
    proxy.setSourceModel(model)

    def shown():
        return [
            model.row_at(proxy.mapToSource(proxy.index(r, 0)).row())
            for r in range(proxy.rowCount())
        ]

    assert [c[1] for c in model.caseworkers()] == ["Anna Müller", "Ben Schulz", "Lena Lehmann"]
    assert model.caseworkers()[0] == ("u0", "Anna Müller", 200)
    proxy.set_caseworker("u1")
    assert len(shown()) == 200 and {r.caseworker_name for r in shown()} == {"Ben Schulz"}
    proxy.set_municipality("Asperg")
    assert shown() and all(r.municipality == "Asperg" and r.caseworker_id == "u1" for r in shown())
    proxy.set_caseworker(None)
    proxy.set_municipality(None)
    proxy.set_text("schulz")  # the caseworker's name is searched too
    assert len(shown()) == 200
    proxy.set_text("")

    expected = {
        Problem.REVIEW_OVERDUE: sum(r.review_overdue(TODAY) for r in data),
        Problem.NO_CONTACT: sum(r.without_contact(TODAY, 6) for r in data),
        Problem.STALLED: sum(bool(r.stalled_referrals) for r in data),
        Problem.AWAITING_APPROVAL: sum(r.awaiting_approval for r in data),
        Problem.OPEN_COMMENT: sum(bool(r.open_comments) for r in data),
    }
    assert all(expected.values())
    assert proxy.problem_counts() == expected
    for problem, n in expected.items():
        proxy.set_problems(problem)
        assert proxy.rowCount() == n, problem
    proxy.set_problems(Problem.AWAITING_APPROVAL | Problem.OPEN_COMMENT)  # both at once
    assert shown() and all(r.awaiting_approval and r.open_comments for r in shown())
    proxy.set_problems(Problem(0))

    # another number of weeks without contact: the flags follow
    proxy.set_problems(Problem.NO_CONTACT)
    model.set_no_contact_weeks(8)
    proxy.refilter()
    assert proxy.rowCount() == sum(r.without_contact(TODAY, 8) for r in data)
    assert proxy.rowCount() < expected[Problem.NO_CONTACT]
    never = next(
        r
        for r in range(proxy.rowCount())
        if proxy.index(r, 0).data(ROW_ROLE).last_contact_on is None
    )
    assert "⚠" in proxy.index(never, CaseloadModel.CONTACT).data()


def test_a_click_on_a_column_header_sorts_and_the_chosen_case_stays_chosen(qtbot):
    from caseworker_desktop.ui.views.caseload import CaseloadView

    view = CaseloadView(TODAY)
    qtbot.addWidget(view)
    view.resize(900, 600)
    view.show()
    view.set_rows(rows(300), TODAY)
    names = [view.proxy.index(r, 0).data() for r in range(view.proxy.rowCount())]
    assert names == sorted(names, key=str.casefold)  # by name at first
    assert view.select_case("c42")
    header = view.table.horizontalHeader()
    section = header.sectionViewportPosition(CaseloadModel.REVIEW) + 5
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton,
                     pos=header.viewport().rect().topLeft() + QPoint(section, 5))  # fmt: skip
    shown = [view.proxy.index(r, 0).data(ROW_ROLE) for r in range(view.proxy.rowCount())]
    reviews = [r.next_review_on for r in shown]
    assert reviews == sorted(reviews) or reviews == sorted(reviews, reverse=True)
    assert reviews != [r.next_review_on for r in sorted(shown, key=lambda r: r.client_name)]
    assert view.current_case_id() == "c42"
    view.filter.setText("haddad")  # typing keeps the order of the column
    shown = [view.proxy.index(r, 0).data(ROW_ROLE) for r in range(view.proxy.rowCount())]
    assert [r.next_review_on for r in shown] in (sorted(r.next_review_on for r in shown),
                                                   sorted((r.next_review_on for r in shown),
                                                          reverse=True))  # fmt: skip
