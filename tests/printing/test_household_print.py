"""The household on the printed help plan: each person with relation and age."""

from __future__ import annotations

import io
import shutil
import subprocess
from datetime import date

from caseworker_desktop.domain.enums import HouseholdRelation, MarkerKind
from tests.helpers import new_client
from tests.printing.conftest import make_plan_case
from tests.printing.pdf_tools import plain_text

R = HouseholdRelation


def _print(services, case_id, **kw) -> bytes:
    out = io.BytesIO()
    services.printing.print_help_plan(case_id, out, **kw)
    return out.getvalue()


def test_household_members_are_printed_with_relation_and_age(services, tmp_path):
    plan_case = make_plan_case(services)  # Olena, born 02.03.1985; today is 24.11.2026
    household = plan_case.client.household_id
    new_client(services, "Ivan", birth_date=date(2012, 11, 25), household_id=household,
               relationship=R.CHILD)  # fmt: skip
    new_client(services, "Taras", birth_date=date(1983, 11, 24), household_id=household,
               relationship=R.SPOUSE)  # fmt: skip
    new_client(services, "Halyna", birth_date=None, household_id=household,
               relationship=R.PARENT)  # fmt: skip
    pdf = _print(services, plan_case.case.id)
    content = plain_text(pdf)
    assert (
        "Haushalt Olena Kovalenko Bezugsperson "
        "Taras Kovalenko Ehepartner:in 43 J. "
        "Ivan Kovalenko Kind 13 J. "
        "Halyna Kovalenko Elternteil Alter unbekannt"
    ) in content
    assert content.index("Haushalt") < content.index("Ziele und Maßnahmen")
    # with a second language: the heading and the relations in both
    bilingual = plain_text(_print(services, plan_case.case.id, lang="uk"))
    assert "Haushalt Домогосподарство Olena Kovalenko Bezugsperson Контактна особа" in bilingual
    assert "Taras Kovalenko Ehepartner:in Чоловік/дружина 43 J." in bilingual
    if shutil.which("pdftoppm"):  # for a look at the layout: tmp_path/household-1.png
        (tmp_path / "household.pdf").write_bytes(pdf)
        subprocess.run(
            ["pdftoppm", "-png", "-r", "80", "-f", "1", "-l", "1",
             tmp_path / "household.pdf", tmp_path / "household"],
            check=True,
        )  # fmt: skip


def test_a_client_alone_prints_no_household_and_a_restricted_member_is_left_out(services):
    plan_case = make_plan_case(services)
    assert "Haushalt" not in plain_text(_print(services, plan_case.case.id))
    taras, _ = new_client(services, "Taras", household_id=plan_case.client.household_id,
                          relationship=R.SPOUSE)  # fmt: skip
    services.clients.mark(taras.id, MarkerKind.RESTRICTED, "Widerspruch eingelegt")
    content = plain_text(_print(services, plan_case.case.id))
    assert "Taras" not in content
    assert "Haushalt" not in content
