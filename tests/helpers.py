"""Small builders shared by tests."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date
from unittest.mock import patch

from caseworker_desktop.services import NewClient, Release, Services
from caseworker_desktop.services.context import Tx

# A release for the trauma consultation, signed early in the year of the tests' clocks
RELEASE = Release(given_on=date(2026, 1, 2))


def new_client(services: Services, first="Olena", last="Kovalenko", **kw):
    municipality = services.clients.municipalities()[0]
    return services.clients.register(
        NewClient(
            first_name=first,
            last_name=last,
            municipality_id=municipality.id,
            birth_date=kw.pop("birth_date", date(1985, 3, 2)),
            nationality=kw.pop("nationality", "UKR"),
            languages=kw.pop("languages", "uk,ru"),
            data_processing_consent_on=kw.pop("consent_on", date(2026, 11, 1)),
            **kw,
        )
    )


def files_under(*roots):
    for root in roots:
        for path in root.rglob("*"):
            if path.is_file():
                yield path


@contextmanager
def forged_writes() -> Iterator[None]:
    """A tampered laptop: the services skip the role rules they share with the office, so
    that a test can send what an honest laptop never would (and see the office refuse it)."""
    with patch.object(Tx, "check_write", lambda _tx, _old, _new: None):
        yield


def sync_once(case_file, **kwargs):
    """One sync of `case_file` with a client of its own, its connection closed after."""
    from caseworker_desktop.sync.client import SyncClient

    with SyncClient(case_file, **kwargs) as client:
        return client.sync()
