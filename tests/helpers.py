"""Small builders shared by tests."""

from __future__ import annotations

from datetime import date

from caseworker_desktop.services import NewClient, Services


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
