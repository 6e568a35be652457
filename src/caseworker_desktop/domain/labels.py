"""German labels for every enum value, in one place (the UI and the printouts use these)."""

from enum import StrEnum

from . import enums as e

LABELS_DE: dict[type[StrEnum], dict[StrEnum, str]] = {
    e.Role: {
        e.Role.CASEWORKER: "Integrationsmanager:in",
        e.Role.TEAM_LEAD: "Teamleitung",
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
    e.ContactKind: {
        e.ContactKind.HOME_VISIT: "Hausbesuch",
        e.ContactKind.OFFICE_HOUR: "Sprechstunde",
        e.ContactKind.PHONE: "Telefonat",
        e.ContactKind.ACCOMPANIMENT: "Begleitung",
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
    },
}


def label(value: StrEnum) -> str:
    """The German label of an enum value."""
    return LABELS_DE[type(value)][value]


def choices(enum_type: type[StrEnum]) -> list[tuple[StrEnum, str]]:
    """(value, German label) pairs in declaration order, for combo boxes."""
    return [(member, LABELS_DE[enum_type][member]) for member in enum_type]
