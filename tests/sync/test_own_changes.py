"""A laptop's pulls leave out the changes it pushed once it holds them all (after one pull
to the office's head with them in it): half of what a caseworker's sync received. A case
file restored from a backup may lack what it pushed after that backup: its next pull
brings them back."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from caseworker_desktop import demo
from caseworker_desktop.clock import FakeClock
from caseworker_desktop.services import Services
from caseworker_desktop.storage.casefile import OWN_CHANGES_HELD, CaseFile
from caseworker_desktop.sync.transport import Transport
from tests.conftest import PASSPHRASE
from tests.helpers import sync_once
from tests.inprocess import Laptop


class Pulls(list):
    """Each pull of this test: (whether it asked to be spared its own changes, the values
    the office sent)."""

    @property
    def asked(self) -> list[bool]:
        return [skip for skip, _values in self]


@pytest.fixture
def pulls(monkeypatch) -> Pulls:
    pulls = Pulls()
    real = Transport.pull

    def pull(self, cursor, limit, snapshot=None, skip_own=False):
        page = real(self, cursor, limit, snapshot, skip_own)
        values = len(page.changes) + sum(len(r[3]) // 2 for r in page.rows or ())
        pulls.append((skip_own, values))
        return page

    monkeypatch.setattr(Transport, "pull", pull)
    return pulls


def _held(case_file: CaseFile) -> str | None:
    with case_file.engine.connect() as conn:
        return case_file.state(conn, OWN_CHANGES_HELD)


def test_once_a_laptop_holds_its_changes_its_pulls_leave_them_out(
    tmp_path, inprocess_office, pulls
):
    clock = FakeClock(datetime.now(UTC))
    anna = Laptop(tmp_path, inprocess_office, "anna", clock)
    second = Laptop(tmp_path / "zweitgeraet", inprocess_office, "anna", clock)
    try:
        demo.generate(anna.services, 3, seed=5)
        first = anna.sync()
        # not yet known to hold them: they come back once
        assert pulls == [(False, first.pushed)] and first.pushed > 0
        assert _held(anna.file) == "1"
        client_id = anna.services.cases.caseload()[0].client_id
        anna.services.clients.update(client_id, phone="0711 42")
        assert anna.sync().pushed == 1
        assert pulls[-1] == (True, 0)  # its own phone stays at the office
        second.sync()  # anna's other laptop: everything, then a change of its own
        second.services.clients.update(client_id, phone="0711 43")
        second.sync()
        anna.sync()
        assert pulls[-1] == (True, 1)  # another device's change comes
        assert anna.services.clients.get(client_id).phone == "0711 43"
    finally:
        anna.close()
        second.close()


def test_a_restored_backup_gets_back_what_it_pushed_after_the_backup(
    tmp_path, inprocess_office, pulls
):
    clock = FakeClock(datetime.now(UTC))
    anna = Laptop(tmp_path, inprocess_office, "anna", clock)
    demo.generate(anna.services, 3, seed=5)
    anna.sync()
    anna.sync()
    assert _held(anna.file) == "1" and pulls.asked[-1] is True
    backup = anna.file.backup("vor-dem-termin")
    client_id = anna.services.cases.caseload()[0].client_id
    anna.services.clients.update(client_id, phone="0711 42")  # after the backup
    assert anna.sync().pushed == 1
    anna.close()

    restored = CaseFile.restore(backup, tmp_path / "anna", PASSPHRASE, replace=True, clock=clock)
    try:
        services = Services(restored, clock)
        assert services.clients.get(client_id).phone != "0711 42"
        sync_once(restored)
        assert pulls[-1] == (False, 1)  # its own change after the backup's cursor
        assert services.clients.get(client_id).phone == "0711 42"
        assert _held(restored) == "1"
        sync_once(restored)
        assert pulls.asked[-1] is True
    finally:
        restored.lock()
