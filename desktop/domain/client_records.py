"""The client file as typed (draft), as stored (record) and as a search lists it (summary).

The health insurance number is kept out of the records' ``repr`` (a record logged by mistake does not
write it) and a summary holds it masked only."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime

from desktop.domain.age import age_on
from desktop.domain.enums import Language
from desktop.domain.nam import SexAtBirth
from desktop.domain.phones import Phone, PhoneKind


@dataclass(frozen=True)
class ClientDraft:
    """What a person typed for a client file; validated by the service."""

    last_name: str
    first_name: str
    date_of_birth: date | None
    preferred_language: Language = Language.FR
    street: str = ""
    city: str = ""
    province: str = "QC"
    postal_code: str = ""
    email: str = ""
    #: As typed, an extension included ("418 555-0123, poste 12"); validation keeps them apart. The first
    #: number when it differs from the first of ``phones`` (a caller changing only ``phone``), the one
    #: number (of kind not specified) when ``phones`` is empty; once validated, the first of ``phones``.
    phone: str = ""
    #: Digits; one typed in ``phone`` takes its place.
    phone_extension: str = ""
    #: The numbers in the file's order (the first is the one to call, the first mobile the one texted).
    phones: tuple[Phone, ...] = ()
    #: As typed ("trem 8005 1512"); validated: upper-case without spaces, '' for none.
    health_number: str = field(default="", repr=False)
    sex_at_birth: SexAtBirth | None = None
    #: The first day of the card's expiry month.
    health_card_expiry: date | None = None

    def phone_list(self) -> tuple[Phone, ...]:
        """The numbers given: ``phones``, its first replaced by ``phone`` when a caller changed only that,
        or the single ``phone`` of a caller that gives only that."""
        if not self.phone.strip():
            return self.phones
        if not self.phones:
            return (Phone(self.phone, PhoneKind.UNSPECIFIED, self.phone_extension),)
        first = self.phones[0]
        if (self.phone, self.phone_extension) == (first.number, first.extension):
            return self.phones
        return (Phone(self.phone, first.kind, self.phone_extension), *self.phones[1:])


@dataclass(frozen=True)
class ClientRecord:
    id: int
    file_number: str
    last_name: str
    first_name: str
    date_of_birth: date
    preferred_language: Language
    street: str
    city: str
    province: str
    postal_code: str
    email: str
    phone: str
    clinic_id: int
    version: int
    created_at: datetime
    created_by: str
    updated_at: datetime
    updated_by: str
    #: Digits ('' when none), beside the E.164 ``phone``.
    phone_extension: str = ""
    phones: tuple[Phone, ...] = ()
    #: In full: the file is shown to staff. Upper-case without spaces, '' when none.
    health_number: str = field(default="", repr=False)
    sex_at_birth: SexAtBirth | None = None
    health_card_expiry: date | None = None
    #: When the identity was replaced by a placeholder (retention); none for a file as entered.
    anonymised_at: datetime | None = None

    @property
    def full_name(self) -> str:
        return f"{self.first_name} {self.last_name}"

    def age_on(self, day: date) -> int:
        return age_on(self.date_of_birth, day)

    def as_draft(self) -> ClientDraft:
        return ClientDraft(
            last_name=self.last_name,
            first_name=self.first_name,
            date_of_birth=self.date_of_birth,
            preferred_language=self.preferred_language,
            street=self.street,
            city=self.city,
            province=self.province,
            postal_code=self.postal_code,
            email=self.email,
            phone=self.phone,
            phone_extension=self.phone_extension,
            phones=self.phones,
            health_number=self.health_number,
            sex_at_birth=self.sex_at_birth,
            health_card_expiry=self.health_card_expiry,
        )


@dataclass(frozen=True)
class ClientSummary:
    """One line of search results."""

    id: int
    file_number: str
    last_name: str
    first_name: str
    date_of_birth: date
    phone: str
    preferred_language: Language
    #: Masked ("TREM •••• ••12"), '' when the file has none.
    masked_health_number: str = ""
