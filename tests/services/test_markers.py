"""Restriction and disputed data (Art. 18 DSGVO, § 84 SGB X): restricted data is read-only
on the laptop and at the office (a forged push is refused), the marker itself stays
changeable; disputed data stays writable and is printed as "bestritten"; both sync."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest

from caseworker_desktop.clock import FakeClock
from caseworker_desktop.domain.enums import ContactKind, MarkerKind
from caseworker_desktop.domain.errors import PermissionDeniedError, ValidationError
from caseworker_desktop.services.context import Tx
from tests.helpers import new_client
from tests.inprocess import Laptop
from tests.printing.pdf_tools import plain_text


def test_restricting_a_person_makes_everything_of_theirs_read_only(services):
    client, case = new_client(services, "Olena", "Kovalenko")
    marker = services.clients.mark(client.id, MarkerKind.RESTRICTED, "Antrag vom 20.11.2026")
    for write in (
        lambda: services.clients.update(client.id, phone="0176 2"),
        lambda: services.cases.add_note(case.id, kind=ContactKind.PHONE, text="Anruf"),
        lambda: services.cases.close(case.id, reason="other"),
    ):
        with pytest.raises(PermissionDeniedError, match=r"eingeschränkt \(Art\. 18 DSGVO\)"):
            write()
    services.clients.lift_marker(marker.id)  # the marker stays changeable
    services.clients.update(client.id, phone="0176 2")
    assert services.clients.get(client.id).phone == "0176 2"


def test_a_restricted_field_is_read_only_the_rest_not(services):
    client, _case = new_client(services, "Olena", "Kovalenko")
    services.clients.mark(client.id, MarkerKind.RESTRICTED, "Antrag", field="client.birth_date")
    with pytest.raises(PermissionDeniedError, match="„Geburtsdatum“ ist eingeschränkt"):
        services.clients.update(client.id, birth_date=date(1986, 1, 1))
    services.clients.update(client.id, phone="0176 3")  # another field: fine


def test_markers_are_checked(services):
    client, _case = new_client(services, "Olena", "Kovalenko")
    with pytest.raises(ValidationError):
        services.clients.mark(client.id, MarkerKind.DISPUTED, "  ")
    with pytest.raises(ValidationError):
        services.clients.mark(client.id, MarkerKind.DISPUTED, "Grund", field="client.id")
    services.clients.mark(client.id, MarkerKind.DISPUTED, "Grund", field="client.birth_date")
    with pytest.raises(ValidationError, match="besteht schon"):
        services.clients.mark(client.id, MarkerKind.DISPUTED, "Grund", field="client.birth_date")


def test_disputed_data_is_printed_as_disputed(services, tmp_path):
    client, case = new_client(services, "Olena", "Kovalenko")
    services.plans.create(case.id, date(2026, 1, 5), date(2026, 12, 31), date(2026, 6, 1))
    services.clients.mark(client.id, MarkerKind.DISPUTED, "Schreibweise", field="client.last_name")
    services.clients.update(client.id, phone="0176 4")  # disputed data stays writable
    out = tmp_path / "plan.pdf"
    services.printing.print_help_plan(case.id, out)
    text = plain_text(out)
    assert "Olena Kovalenko (bestritten)" in text
    assert "02.03.1985 (bestritten)" not in text  # only what is disputed


def test_the_office_refuses_what_a_laptop_should_not_have_sent(
    tmp_path, inprocess_office, monkeypatch
):
    clock = FakeClock(datetime.now(UTC))
    anna, lena = (Laptop(tmp_path, inprocess_office, n, clock) for n in ("anna", "lena"))
    try:
        client, _case = new_client(anna.services, "Olena", "Kovalenko")
        anna.services.clients.mark(client.id, MarkerKind.RESTRICTED, "Antrag vom 20.11.2026")
        anna.sync()
        with monkeypatch.context() as tampered:  # a laptop that skips the rule
            tampered.setattr(Tx, "_check_restriction", lambda *_args: None)
            anna.services.clients.update(client.id, phone="0176 9")
        assert anna.sync().rejected == 1
        (refusal,) = anna.services.inbox.refused_changes()
        assert "eingeschränkt (Art. 18 DSGVO)" in refusal.reason
        lena.sync()
        assert lena.services.clients.get(client.id).phone == ""
        markers = lena.services.clients.markers(client.id)
        assert [(mk.kind, mk.field) for mk in markers] == [(MarkerKind.RESTRICTED, "")]
    finally:
        anna.close()
        lena.close()
