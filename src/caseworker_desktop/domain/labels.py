"""German labels for every enum value, in one place (the UI and the printouts use these)."""

from enum import StrEnum

from . import enums as e

LABELS_DE: dict[type[StrEnum], dict[StrEnum, str]] = {
    e.Role: {
        e.Role.CASEWORKER: "Integrationsmanager:in",
        e.Role.TEAM_LEAD: "Teamleitung",
        e.Role.COORDINATOR: "Koordination Traumaangebote",
        e.Role.ADMIN: "Administration",
    },
    e.OrganisationKind: {
        e.OrganisationKind.DISTRICT_OFFICE: "Landratsamt",
        e.OrganisationKind.WELFARE_ASSOCIATION: "Freier Träger",
    },
    e.LifeArea: {
        e.LifeArea.HOUSING: "Wohnen",
        e.LifeArea.LANGUAGE: "Sprache",
        e.LifeArea.WORK: "Arbeit und Ausbildung",
        e.LifeArea.HEALTH: "Gesundheit",
        e.LifeArea.EDUCATION: "Bildung und Schule",
        e.LifeArea.CHILDCARE: "Kinderbetreuung",
        e.LifeArea.FINANCES: "Finanzen",
        e.LifeArea.RESIDENCE_LAW: "Aufenthaltsrecht",
        e.LifeArea.SOCIAL_PARTICIPATION: "Soziale Teilhabe",
        e.LifeArea.INDEPENDENCE: "Selbstständigkeit",
    },
    e.ResidenceStatus: {
        e.ResidenceStatus.ASYLUM_PENDING: "Aufenthaltsgestattung (Asylverfahren)",
        e.ResidenceStatus.RECOGNISED_REFUGEE: "Anerkannter Flüchtling",
        e.ResidenceStatus.SUBSIDIARY_PROTECTION: "Subsidiärer Schutz",
        e.ResidenceStatus.DEPORTATION_BAN: "Abschiebungsverbot",
        e.ResidenceStatus.TEMPORARY_PROTECTION: "Vorübergehender Schutz (§ 24 AufenthG)",
        e.ResidenceStatus.TOLERATED: "Duldung",
        e.ResidenceStatus.SETTLEMENT_PERMIT: "Niederlassungserlaubnis",
        e.ResidenceStatus.OTHER: "Sonstiger Status",
    },
    e.HousingType: {
        e.HousingType.FOLLOW_UP_HOUSING: "Anschlussunterbringung",
        e.HousingType.OWN_FLAT: "Eigene Wohnung",
        e.HousingType.OTHER: "Sonstige Unterkunft",
    },
    e.ConsentKind: {
        e.ConsentKind.DATA_PROCESSING: "Einwilligung in die Datenverarbeitung",
        e.ConsentKind.CONFIDENTIALITY_RELEASE: "Schweigepflichtentbindung",
    },
    e.ConsentRecipient: {
        e.ConsentRecipient.TRAUMA_CONSULTATION: "Traumasprechstunde / Facharzt",
        e.ConsentRecipient.LANGUAGE_COURSE_PROVIDER: "Sprachkursträger",
        e.ConsentRecipient.JOBCENTER: "Jobcenter",
        e.ConsentRecipient.IMMIGRATION_OFFICE: "Ausländerbehörde",
        e.ConsentRecipient.OTHER: "Andere Stelle",
    },
    e.ConsentState: {
        e.ConsentState.VALID: "gültig",
        e.ConsentState.NOT_YET_VALID: "noch nicht gültig",
        e.ConsentState.EXPIRED: "abgelaufen",
        e.ConsentState.WITHDRAWN: "widerrufen",
    },
    e.CaseStatus: {
        e.CaseStatus.OPEN: "Offen",
        e.CaseStatus.DORMANT: "Ruhend",
        e.CaseStatus.CLOSED: "Abgeschlossen",
    },
    e.ClosingReason: {
        e.ClosingReason.INDEPENDENT: "Selbstständig, keine Unterstützung mehr nötig",
        e.ClosingReason.MOVED_AWAY: "Weggezogen",
        e.ClosingReason.NO_CONTACT: "Kein Kontakt mehr",
        e.ClosingReason.CLIENT_DECLINED: "Unterstützung abgelehnt",
        e.ClosingReason.HANDED_OVER: "An andere Stelle übergeben",
        e.ClosingReason.OTHER: "Sonstiger Grund",
        e.ClosingReason.DUPLICATE: "Doppelt angelegt (zusammengeführt)",
    },
    e.HelpPlanStatus: {
        e.HelpPlanStatus.DRAFT: "Entwurf",
        e.HelpPlanStatus.AGREED: "Vereinbart",
        e.HelpPlanStatus.APPROVED: "Freigegeben",
    },
    e.EntryStatus: {
        e.EntryStatus.OPEN: "Offen",
        e.EntryStatus.IN_PROGRESS: "In Bearbeitung",
        e.EntryStatus.ACHIEVED: "Erreicht",
        e.EntryStatus.NOT_ACHIEVED: "Nicht erreicht",
        e.EntryStatus.DROPPED: "Verworfen",
    },
    e.CourseType: {
        e.CourseType.DISTRICT_COURSE: "Sprachkurs des Kreises (VwV Deutsch)",
        e.CourseType.INTEGRATION_COURSE: "Integrationskurs",
        e.CourseType.JOB_LANGUAGE_COURSE: "Berufssprachkurs",
        e.CourseType.LITERACY_COURSE: "Alphabetisierungskurs",
        e.CourseType.WOMENS_COURSE: "Frauenkurs",
    },
    e.LanguageLevel: {level: level.value for level in e.LanguageLevel},
    e.CourseReferralStatus: {
        e.CourseReferralStatus.PROPOSED: "Vorgeschlagen",
        e.CourseReferralStatus.REGISTERED: "Angemeldet",
        e.CourseReferralStatus.WAITING_LIST: "Warteliste",
        e.CourseReferralStatus.STARTED: "Begonnen",
        e.CourseReferralStatus.COMPLETED: "Abgeschlossen",
        e.CourseReferralStatus.DROPPED: "Abgebrochen",
    },
    e.TraumaReferralStatus: {
        e.TraumaReferralStatus.REQUESTED: "Angefragt",
        e.TraumaReferralStatus.SLOT_ASSIGNED: "Termin vergeben",
        e.TraumaReferralStatus.ASSESSED: "Abklärung erfolgt",
        e.TraumaReferralStatus.CLOSED: "Abgeschlossen",
        e.TraumaReferralStatus.CANCELLED: "Abgesagt",
    },
    e.FollowUpOffer: {
        e.FollowUpOffer.NONE: "Nicht vorgesehen",
        e.FollowUpOffer.RECOMMENDED: "Empfohlen",
        e.FollowUpOffer.WAITING_LIST: "Warteliste",
        e.FollowUpOffer.PLACED: "Platz erhalten",
        e.FollowUpOffer.DECLINED: "Abgelehnt",
    },
    e.EmploymentStatus: {
        e.EmploymentStatus.NOT_EMPLOYED: "Ohne Beschäftigung",
        e.EmploymentStatus.EMPLOYED: "Sozialversicherungspflichtig beschäftigt",
        e.EmploymentStatus.MINI_JOB: "Minijob",
        e.EmploymentStatus.SELF_EMPLOYED: "Selbstständig",
        e.EmploymentStatus.VOCATIONAL_TRAINING: "Ausbildung",
        e.EmploymentStatus.SCHOOL_OR_STUDIES: "Schule oder Studium",
    },
    e.TraumaOfferKind: {
        e.TraumaOfferKind.CONSULTATION: "Traumasprechstunde",
        e.TraumaOfferKind.GROUP_OFFERING: "Begleitetes Gruppenangebot",
        e.TraumaOfferKind.RESIDENTIAL_GROUP: "Wohngruppe",
    },
    e.PlacementStatus: {
        e.PlacementStatus.WAITING: "Warteliste",
        e.PlacementStatus.ASSIGNED: "Platz vergeben",
        e.PlacementStatus.ATTENDED: "Wahrgenommen",
        e.PlacementStatus.CANCELLED: "Abgesagt",
    },
    e.ContactKind: {
        e.ContactKind.HOME_VISIT: "Hausbesuch",
        e.ContactKind.OFFICE_HOUR: "Sprechstunde",
        e.ContactKind.PHONE: "Telefonat",
        e.ContactKind.ACCOMPANIMENT: "Begleitung",
    },
    e.ConflictKind: {
        e.ConflictKind.TEXT: "Gleichzeitig geänderter Text",
        e.ConflictKind.HANDOVER: "Übergabe",
    },
    e.AuditAction: {
        e.AuditAction.CREATE: "Angelegt",
        e.AuditAction.UPDATE: "Geändert",
        e.AuditAction.DELETE: "Gelöscht",
        e.AuditAction.VIEW: "Angesehen",
        e.AuditAction.PRINT: "Gedruckt",
        e.AuditAction.EXPORT: "Exportiert",
        e.AuditAction.UNLOCK: "Entsperrt",
        e.AuditAction.PASSPHRASE_CHANGE: "Passphrase geändert",
        e.AuditAction.BACKUP: "Sicherung erstellt",
        e.AuditAction.RECOVERY: "Wiederherstellung",
        e.AuditAction.MERGE: "Zusammengeführt",
    },
}


def span(ms: int) -> str:
    """A German span of time, rounded to its largest unit: "3 Minuten", "2 Tage"."""
    minutes = round(ms / 60_000)
    for size, one, many in ((525_600, "Jahr", "Jahre"), (1440, "Tag", "Tage"),
                            (60, "Stunde", "Stunden"), (1, "Minute", "Minuten")):  # fmt: skip
        if minutes >= size:
            n = round(minutes / size)
            return f"{n} {one if n == 1 else many}"
    return "weniger als eine Minute"


def label(value: StrEnum) -> str:
    """The German label of an enum value."""
    return LABELS_DE[type(value)][value]


def choices(enum_type: type[StrEnum]) -> list[tuple[StrEnum, str]]:
    """(value, German label) pairs in declaration order, for combo boxes."""
    return [(member, LABELS_DE[enum_type][member]) for member in enum_type]


# German names of record fields (history view, validation summaries).
FIELD_LABELS_DE: dict[str, str] = {
    "first_name": "Vorname",
    "last_name": "Nachname",
    "birth_date": "Geburtsdatum",
    "gender": "Geschlecht",
    "nationality": "Staatsangehörigkeit",
    "languages": "Sprachen",
    "residence_status": "Aufenthaltsstatus",
    "arrival_date": "Einreise",
    "phone": "Telefon",
    "notes": "Vermerk",
    "household_id": "Haushalt",
    "municipality_id": "Kommune",
    "address": "Anschrift",
    "housing_type": "Wohnform",
    "moved_in_on": "Einzug",
    "own_flat_since": "Eigene Wohnung seit",
    "client_id": "Klient:in",
    "kind": "Art",
    "given_on": "Erteilt am",
    "withdrawn_on": "Widerrufen am",
    "scope": "Zweck",
    "recipient": "Empfänger",
    "valid_until": "Gültig bis",
    "reason": "Anlass",
    "start_minutes": "Beginn",
    "slot_minutes": "Dauer je Termin",
    "caseworker_id": "Zuständig",
    "reference": "Aktenzeichen",
    "status": "Status",
    "opened_on": "Fallbeginn",
    "closed_on": "Abschluss",
    "closing_reason": "Abschlussgrund",
    "closing_note": "Abschlussvermerk",
    "merged_into_id": "Zusammengeführt in",
    "erasure_requested_on": "Löschung beantragt am",
    "erasure_confirmed_by": "Löschung bestätigt von",
    "case_id": "Fall",
    "period_start": "Beginn",
    "period_end": "Ende",
    "next_review_on": "Fortschreibung",
    "agreed_on": "Vereinbart am",
    "signed": "Unterschrieben",
    "approved_by": "Freigegeben von",
    "approved_on": "Freigegeben am",
    "help_plan_id": "Hilfeplan",
    "life_area": "Lebensbereich",
    "position": "Reihenfolge",
    "goal": "Ziel",
    "measures": "Maßnahmen",
    "responsible": "Verantwortlich",
    "due_on": "Fällig am",
    "outcome_note": "Ergebnis",
    "source_trauma_referral_id": "Aus Traumasprechstunde",
    "course_type": "Kursart",
    "target_level": "Zielniveau",
    "provider": "Träger",
    "start_on": "Kursbeginn",
    "childcare_needed": "Kinderbetreuung",
    "level_achieved": "Erreichtes Niveau",
    "note": "Notiz",
    "own_consultation": "Eigene Fallberatung",
    "requested_on": "Angefragt am",
    "consultation_date": "Termin",
    "specialist": "Fachärztin/Facharzt",
    "consent_given": "Schweigepflichtentbindung",
    "assessment_outcome": "Ergebnis der Abklärung",
    "recommendation": "Empfehlung",
    "next_steps": "Nächste Schritte",
    "group_offering": "Gruppenangebot",
    "residential_group": "Wohngruppe",
    "contact_on": "Datum",
    "duration_minutes": "Dauer",
    "life_areas": "Lebensbereiche",
    "text": "Text",
    "author_id": "Verfasst von",
    "created_at": "Erstellt",
    "resolved": "Erledigt",
    "deleted": "Gelöscht",
    "name": "Name",
    "official_key": "Gemeindeschlüssel",
    "organisation_id": "Träger",
    "team_id": "Team",
    "username": "Benutzername",
    "display_name": "Anzeigename",
    "role": "Rolle",
    "employment": "Beschäftigung",
    "employment_since": "Beschäftigt seit",
    "completed_on": "Kursende",
    "title": "Bezeichnung",
    "starts_on": "Datum/Beginn",
    "location": "Ort",
    "capacity": "Plätze",
    "taken": "Vergeben",
    "trauma_referral_id": "Traumasprechstunde",
    "urgent": "Dringend",
    "interpreter": "Dolmetschen",
    "offer_id": "Termin/Angebot",
    "slot": "Platz",
    "assigned_on": "Vergeben am",
    "handed_over_by": "Übergeben von",
}


# German names of the kinds of record (history view, sync messages).
TABLE_LABELS_DE: dict[str, str] = {
    "client": "Klient:in",
    "household": "Haushalt",
    "consent_record": "Einwilligung",
    "case_file": "Fall",
    "help_plan": "Hilfeplan",
    "help_plan_entry": "Hilfeplan-Ziel",
    "course_referral": "Sprachkurs",
    "trauma_referral": "Traumasprechstunde",
    "contact_note": "Beratungskontakt",
    "review_comment": "Kommentar der Teamleitung",
    "trauma_offer": "Traumaangebot",
    "trauma_placement": "Anfrage Traumaangebot",
    "conflict": "Konflikt",
}
