"""Reference data of the district (Landkreis Ludwigsburg: 39 towns and municipalities) and
the organisations (Träger) that run integration management there."""

from __future__ import annotations

import uuid

from . import model as m
from .enums import OrganisationKind

DISTRICT_NAME = "Landratsamt Ludwigsburg"

MUNICIPALITIES: tuple[str, ...] = (
    "Affalterbach",
    "Asperg",
    "Benningen am Neckar",
    "Besigheim",
    "Bietigheim-Bissingen",
    "Bönnigheim",
    "Ditzingen",
    "Eberdingen",
    "Erdmannhausen",
    "Erligheim",
    "Freiberg am Neckar",
    "Freudental",
    "Gemmrigheim",
    "Gerlingen",
    "Großbottwar",
    "Hemmingen",
    "Hessigheim",
    "Ingersheim",
    "Kirchheim am Neckar",
    "Korntal-Münchingen",
    "Kornwestheim",
    "Löchgau",
    "Ludwigsburg",
    "Marbach am Neckar",
    "Markgröningen",
    "Möglingen",
    "Mundelsheim",
    "Murr",
    "Oberriexingen",
    "Oberstenfeld",
    "Pleidelsheim",
    "Remseck am Neckar",
    "Sachsenheim",
    "Schwieberdingen",
    "Sersheim",
    "Steinheim an der Murr",
    "Tamm",
    "Vaihingen an der Enz",
    "Walheim",
)

ORGANISATIONS: tuple[tuple[str, OrganisationKind], ...] = (
    (DISTRICT_NAME, OrganisationKind.DISTRICT_OFFICE),
    ("AWO Kreisverband Ludwigsburg", OrganisationKind.WELFARE_ASSOCIATION),
    ("Caritas Ludwigsburg-Waiblingen-Enz", OrganisationKind.WELFARE_ASSOCIATION),
    ("Kreisdiakonieverband Ludwigsburg", OrganisationKind.WELFARE_ASSOCIATION),
    ("DRK Kreisverband Ludwigsburg", OrganisationKind.WELFARE_ASSOCIATION),
)

# Stable ids: every laptop and the server agree on the reference rows without syncing them.
_NAMESPACE = uuid.UUID("6f1c1c52-3f0e-4d0a-9a55-2f6d8c1e0b17")


def stable_id(kind: str, name: str) -> str:
    return uuid.uuid5(_NAMESPACE, f"{kind}:{name}").hex


def municipalities() -> list[m.Municipality]:
    return [m.Municipality(id=stable_id("municipality", n), name=n) for n in MUNICIPALITIES]


def organisations() -> list[m.Organisation]:
    return [
        m.Organisation(id=stable_id("organisation", name), name=name, kind=kind)
        for name, kind in ORGANISATIONS
    ]
