"""The closed vocabularies of the clinic's records, stored by their string values."""

from __future__ import annotations

from enum import StrEnum


class Language(StrEnum):
    FR = "fr"
    EN = "en"


class Role(StrEnum):
    RECEPTIONIST = "receptionist"
    MANAGER = "manager"
    PRIVACY_OFFICER = "privacy_officer"


class Purpose(StrEnum):
    """Uses of personal information a client may consent to (policy §2.3 and §5)."""

    APPOINTMENT_REMINDERS = "appointment_reminders"
    NEWSLETTERS = "newsletters"
    SURVEYS_CONTESTS_EVENTS = "surveys_contests_events"
    FEEDBACK = "feedback"
    PARENT_COMPANY_PROMOTIONS = "parent_company_promotions"


#: "All promotional" opt-outs keep appointment reminders; "everything" withdraws them too.
PROMOTIONAL_PURPOSES: frozenset[Purpose] = frozenset(set(Purpose) - {Purpose.APPOINTMENT_REMINDERS})


class Channel(StrEnum):
    EMAIL = "email"
    SMS = "sms"
    PHONE = "phone"
    POST = "post"


class ConsentAction(StrEnum):
    GRANTED = "granted"
    WITHDRAWN = "withdrawn"
    #: Asked, the client said no: an answer of its own. A question left unanswered adds no event.
    DECLINED = "declined"


class ConsentMethod(StrEnum):
    VERBAL_PHONE = "verbal_phone"
    VERBAL_IN_PERSON = "verbal_in_person"
    SIGNED_AT_DESK = "signed_at_desk"
    EMAIL = "email"
    POST = "post"
    VERBAL_TELEMEDICINE = "verbal_telemedicine"
    #: Brought in from the clinic's former list, which stated a date and a method; the manager confirmed it
    #: was the clinic's own evidence (kept in ``imported_consent_evidence``: the file's SHA-256 and row).
    IMPORTED = "imported"


class Interaction(StrEnum):
    """How the person gave their answers, as the receptionist witnessed it: the service derives the
    consent method from it (and from a stored signature), never from the caller's word."""

    PHONE = "phone"
    DESK = "desk"
    #: During a telemedicine appointment (the appointment's mode says so).
    TELEMEDICINE = "telemedicine"
    LETTER = "letter"
    EMAIL = "email"


class OptOutVia(StrEnum):
    PHONE = "phone"
    IN_CLINIC = "in_clinic"
    EMAIL = "email"
    POST = "post"

    @property
    def takes_effect_at_once(self) -> bool:
        return self in (OptOutVia.PHONE, OptOutVia.IN_CLINIC)

    @property
    def consent_method(self) -> ConsentMethod:
        return {
            OptOutVia.PHONE: ConsentMethod.VERBAL_PHONE,
            OptOutVia.IN_CLINIC: ConsentMethod.VERBAL_IN_PERSON,
            OptOutVia.EMAIL: ConsentMethod.EMAIL,
            OptOutVia.POST: ConsentMethod.POST,
        }[self]


class OptOutEventKind(StrEnum):
    MATCHED = "matched"
    PROCESSED = "processed"
    CONFIRMATION_SENT = "confirmation_sent"


class AppointmentKind(StrEnum):
    CONSULTATION = "consultation"
    TREATMENT = "treatment"
    PROCEDURE = "procedure"


class AppointmentMode(StrEnum):
    IN_CLINIC = "in_clinic"
    TELEMEDICINE = "telemedicine"


class BookedVia(StrEnum):
    PHONE = "phone"
    AT_DESK = "at_desk"


class SignerCapacity(StrEnum):
    CLIENT = "client"
    PARENT = "parent"
    TUTOR = "tutor"
    MANDATARY = "mandatary"
