"""Enumerations of the domain. Values are stable identifiers (stored and synced)."""

from enum import StrEnum


class Role(StrEnum):
    CASEWORKER = "caseworker"
    TEAM_LEAD = "team_lead"
    COORDINATOR = "coordinator"  # plans the district's trauma consultation and groups
    ADMIN = "admin"


class OrganisationKind(StrEnum):
    DISTRICT_OFFICE = "district_office"
    WELFARE_ASSOCIATION = "welfare_association"


class LifeArea(StrEnum):
    HOUSING = "housing"
    LANGUAGE = "language"
    WORK = "work"
    HEALTH = "health"
    EDUCATION = "education"
    CHILDCARE = "childcare"
    FINANCES = "finances"
    RESIDENCE_LAW = "residence_law"
    SOCIAL_PARTICIPATION = "social_participation"
    INDEPENDENCE = "independence"


class ResidenceStatus(StrEnum):
    ASYLUM_PENDING = "asylum_pending"  # Aufenthaltsgestattung
    RECOGNISED_REFUGEE = "recognised_refugee"  # Flüchtlingseigenschaft
    SUBSIDIARY_PROTECTION = "subsidiary_protection"
    DEPORTATION_BAN = "deportation_ban"  # Abschiebungsverbot
    TEMPORARY_PROTECTION = "temporary_protection"  # § 24 AufenthG (Ukraine)
    TOLERATED = "tolerated"  # Duldung
    SETTLEMENT_PERMIT = "settlement_permit"
    OTHER = "other"


class HousingType(StrEnum):
    FOLLOW_UP_HOUSING = "follow_up_housing"  # Anschlussunterbringung
    OWN_FLAT = "own_flat"
    OTHER = "other"


class ConsentKind(StrEnum):
    DATA_PROCESSING = "data_processing"
    CONFIDENTIALITY_RELEASE = "confidentiality_release"  # Schweigepflichtentbindung


class ConsentRecipient(StrEnum):
    """To whom a release (Schweigepflichtentbindung) allows information to go."""

    TRAUMA_CONSULTATION = "trauma_consultation"  # Traumasprechstunde / Facharzt
    LANGUAGE_COURSE_PROVIDER = "language_course_provider"  # Sprachkursträger
    JOBCENTER = "jobcenter"
    IMMIGRATION_OFFICE = "immigration_office"  # Ausländerbehörde
    OTHER = "other"


class ConsentState(StrEnum):
    VALID = "valid"
    NOT_YET_VALID = "not_yet_valid"
    EXPIRED = "expired"
    WITHDRAWN = "withdrawn"


class CaseStatus(StrEnum):
    OPEN = "open"
    DORMANT = "dormant"
    CLOSED = "closed"


class MarkerKind(StrEnum):
    """A person's rights over their data, marked on it (GDPR Art. 18, § 84 SGB X)."""

    RESTRICTED = "restricted"  # processing restricted: read-only, shown with a notice
    DISPUTED = "disputed"  # the person disputes it: shown and printed as "bestritten"


class ClosingReason(StrEnum):
    INDEPENDENT = "independent"  # no longer needs support
    MOVED_AWAY = "moved_away"
    NO_CONTACT = "no_contact"
    CLIENT_DECLINED = "client_declined"
    HANDED_OVER = "handed_over"
    OTHER = "other"
    DUPLICATE = "duplicate"  # a second record of one person, merged into the kept case


class HelpPlanStatus(StrEnum):
    DRAFT = "draft"
    AGREED = "agreed"
    APPROVED = "approved"


class EntryStatus(StrEnum):
    OPEN = "open"
    IN_PROGRESS = "in_progress"
    ACHIEVED = "achieved"
    NOT_ACHIEVED = "not_achieved"
    DROPPED = "dropped"


class CourseType(StrEnum):
    DISTRICT_COURSE = "district_course"  # Kurs des Kreises nach VwV Deutsch
    INTEGRATION_COURSE = "integration_course"
    JOB_LANGUAGE_COURSE = "job_language_course"  # Berufssprachkurs
    LITERACY_COURSE = "literacy_course"
    WOMENS_COURSE = "womens_course"


class LanguageLevel(StrEnum):
    A1 = "A1"
    A2 = "A2"
    B1 = "B1"
    B2 = "B2"
    C1 = "C1"


class CourseReferralStatus(StrEnum):
    PROPOSED = "proposed"
    REGISTERED = "registered"
    WAITING_LIST = "waiting_list"
    STARTED = "started"
    COMPLETED = "completed"
    DROPPED = "dropped"


class TraumaReferralStatus(StrEnum):
    REQUESTED = "requested"
    SLOT_ASSIGNED = "slot_assigned"
    ASSESSED = "assessed"
    CLOSED = "closed"
    CANCELLED = "cancelled"


class FollowUpOffer(StrEnum):
    """Place in one of the further trauma offers (group offering, residential group)."""

    NONE = "none"
    RECOMMENDED = "recommended"
    WAITING_LIST = "waiting_list"
    PLACED = "placed"
    DECLINED = "declined"


class EmploymentStatus(StrEnum):
    """Labour-market situation of a client (what the district reports)."""

    NOT_EMPLOYED = "not_employed"
    EMPLOYED = "employed"  # sozialversicherungspflichtig
    MINI_JOB = "mini_job"
    SELF_EMPLOYED = "self_employed"
    VOCATIONAL_TRAINING = "vocational_training"  # Ausbildung
    SCHOOL_OR_STUDIES = "school_or_studies"


class HouseholdRelation(StrEnum):
    """How a client is related to their household's reference person (Bezugsperson)."""

    REFERENCE_PERSON = "reference_person"  # Bezugsperson: the others are named after her
    SPOUSE = "spouse"  # Ehepartner:in (or partner)
    CHILD = "child"
    PARENT = "parent"
    SIBLING = "sibling"
    OTHER = "other"  # sonstige
    UNKNOWN = "unknown"  # not recorded yet (everyone on file before it was asked)


class TraumaOfferKind(StrEnum):
    """The district's trauma offers: the monthly consultation hour (one-off assessment by
    a specialist), the supervised group offering and the residential group."""

    CONSULTATION = "consultation"
    GROUP_OFFERING = "group_offering"
    RESIDENTIAL_GROUP = "residential_group"


class PlacementStatus(StrEnum):
    """A request for a slot (consultation) or a place (group, residential group)."""

    WAITING = "waiting"  # on the waiting list
    ASSIGNED = "assigned"  # slot/place given by the coordinator
    ATTENDED = "attended"  # took place / moved in
    CANCELLED = "cancelled"


class ContactKind(StrEnum):
    HOME_VISIT = "home_visit"
    OFFICE_HOUR = "office_hour"
    PHONE = "phone"
    ACCOMPANIMENT = "accompaniment"
    LETTER = "letter"  # a letter written from one of the office's templates


class DocumentKind(StrEnum):
    RESIDENCE_PERMIT = "residence_permit"
    IDENTITY = "identity"
    CERTIFICATE = "certificate"
    COURSE_CERTIFICATE = "course_certificate"
    SIGNED_HELP_PLAN = "signed_help_plan"
    NOTICE = "notice"  # a letter or decision of an authority (Bescheid)
    MEDICAL = "medical"  # health data (Art. 9): restricted like trauma referrals
    TRAUMA = "trauma"  # from the trauma consultation: restricted
    OTHER = "other"


class ConflictKind(StrEnum):
    TEXT = "text"  # two concurrent edits of one text
    HANDOVER = "handover"  # written offline by the former caseworker of a reassigned case


class AuditAction(StrEnum):
    CREATE = "create"
    UPDATE = "update"
    DELETE = "delete"
    VIEW = "view"
    PRINT = "print"
    EXPORT = "export"
    UNLOCK = "unlock"
    PASSPHRASE_CHANGE = "passphrase_change"
    BACKUP = "backup"
    RECOVERY = "recovery"
    MERGE = "merge"
    RESTORE = "restore"
