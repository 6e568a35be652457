"""German labels: every value of every domain enum must have one (UI and printouts)."""

import inspect
from enum import StrEnum

import pytest

from caseworker_desktop.domain import enums
from caseworker_desktop.domain.labels import LABELS_DE, choices, label


def _domain_enums() -> list[type[StrEnum]]:
    """All StrEnum classes defined in domain/enums.py, found by inspection."""
    return [
        obj
        for _, obj in inspect.getmembers(enums, inspect.isclass)
        if issubclass(obj, StrEnum) and obj is not StrEnum and obj.__module__ == enums.__name__
    ]


DOMAIN_ENUMS = _domain_enums()
# Enums whose labels are, on purpose, the stored values themselves.
LABEL_IS_VALUE = {enums.LanguageLevel}


def test_enum_discovery_finds_the_domain_enums() -> None:
    # Guards the discovery itself: if it found nothing, the tests below would pass vacuously.
    assert len(DOMAIN_ENUMS) >= 17
    assert enums.CaseStatus in DOMAIN_ENUMS
    assert enums.AuditAction in DOMAIN_ENUMS


@pytest.mark.parametrize("enum_type", DOMAIN_ENUMS, ids=lambda t: t.__name__)
def test_every_member_has_a_non_empty_label(enum_type: type[StrEnum]) -> None:
    assert enum_type in LABELS_DE, f"{enum_type.__name__} has no German labels"
    labels = LABELS_DE[enum_type]
    missing = [member for member in enum_type if member not in labels]
    assert not missing, f"{enum_type.__name__}: no label for {missing}"
    for member in enum_type:
        text = label(member)
        assert isinstance(text, str)
        assert text.strip(), f"{enum_type.__name__}.{member.name} has an empty label"
        assert text == text.strip(), f"{enum_type.__name__}.{member.name}: stray whitespace"


@pytest.mark.parametrize("enum_type", DOMAIN_ENUMS, ids=lambda t: t.__name__)
def test_labels_have_no_foreign_keys_and_are_unique(enum_type: type[StrEnum]) -> None:
    labels = LABELS_DE[enum_type]
    # Keys must be members of that very enum (not a look-alike string or another enum).
    assert all(type(key) is enum_type for key in labels)
    assert len(labels) == len(enum_type)
    # Two values with the same label could not be told apart in a combo box.
    assert len(set(labels.values())) == len(labels)


@pytest.mark.parametrize(
    "enum_type", [t for t in DOMAIN_ENUMS if t not in LABEL_IS_VALUE], ids=lambda t: t.__name__
)
def test_labels_are_translated_not_raw_identifiers(enum_type: type[StrEnum]) -> None:
    for member in enum_type:
        assert label(member) != member.value, f"{enum_type.__name__}.{member.name} untranslated"


def test_labels_cover_only_domain_enums() -> None:
    assert set(LABELS_DE) == set(DOMAIN_ENUMS)


@pytest.mark.parametrize("enum_type", DOMAIN_ENUMS, ids=lambda t: t.__name__)
def test_choices_are_in_declaration_order(enum_type: type[StrEnum]) -> None:
    pairs = choices(enum_type)
    assert [value for value, _ in pairs] == list(enum_type)
    assert [text for _, text in pairs] == [LABELS_DE[enum_type][m] for m in enum_type]


def test_choices_concrete_example() -> None:
    assert choices(enums.CaseStatus) == [
        (enums.CaseStatus.OPEN, "Offen"),
        (enums.CaseStatus.DORMANT, "Ruhend"),
        (enums.CaseStatus.CLOSED, "Abgeschlossen"),
    ]
    assert [v for v, _ in choices(enums.LanguageLevel)] == ["A1", "A2", "B1", "B2", "C1"]


def test_label_distinguishes_enums_sharing_a_value() -> None:
    # "open" is a value of both CaseStatus and EntryStatus, "dropped" of EntryStatus and
    # CourseReferralStatus: the label must follow the enum type, not the string value.
    assert label(enums.EntryStatus.DROPPED) == "Verworfen"
    assert label(enums.CourseReferralStatus.DROPPED) == "Abgebrochen"
    assert label(enums.CaseStatus.CLOSED) != label(enums.TraumaReferralStatus.CANCELLED)
