"""A client-list import as the services hand it out: the file's options, the column mapping, the
rows as they will be saved and their problems, the staged import and the result. Plain records, no
database: the import wizard and the command line read them."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date, datetime
from enum import StrEnum

from desktop.domain.texts import Text

#: The encodings a file may be read in: UTF-8 with its byte-order mark, UTF-8, Windows-1252.
ENCODINGS = ("utf-8-sig", "utf-8", "cp1252")
#: The separators a file's columns may have.
SEPARATORS = (",", ";", "\t")


class DateOrder(StrEnum):
    """How the file writes its dates (the year always has four digits)."""

    YMD = "ymd"  # 1994-05-26
    DMY = "dmy"  # 26/05/1994
    MDY = "mdy"  # 05/26/1994


class ImportField(StrEnum):
    """What a column of the file can hold."""

    LAST_NAME = "last_name"
    FIRST_NAME = "first_name"
    DATE_OF_BIRTH = "date_of_birth"
    HEALTH_NUMBER = "health_number"
    HEALTH_CARD_EXPIRY = "health_card_expiry"
    SEX_AT_BIRTH = "sex_at_birth"
    PHONE = "phone"
    MOBILE_PHONE = "mobile_phone"
    WORK_PHONE = "work_phone"
    EMAIL = "email"
    STREET = "street"
    CITY = "city"
    PROVINCE = "province"
    POSTAL_CODE = "postal_code"
    PREFERRED_LANGUAGE = "preferred_language"
    #: The day the client consented to appointment reminders, as the old system recorded it.
    CONSENT_DATE = "consent_date"
    #: How that consent was given, as the file states it (kept as evidence, in words).
    CONSENT_METHOD = "consent_method"
    #: The channels consented to ("courriel, texto", "email; sms; phone; post").
    CONSENT_CHANNELS = "consent_channels"


#: The fields' stored names.
FIELD_NAMES = frozenset(f.value for f in ImportField)
#: The fields a file must map.
REQUIRED_FIELDS = (ImportField.LAST_NAME, ImportField.FIRST_NAME, ImportField.DATE_OF_BIRTH)
#: The fields that make a consent column; a consent is imported only with the date and the method.
CONSENT_FIELDS = (ImportField.CONSENT_DATE, ImportField.CONSENT_METHOD, ImportField.CONSENT_CHANNELS)


class RowStatus(StrEnum):
    OK = "ok"
    ERROR = "error"
    #: The same name and date of birth, or the same NAM, as a file on record or an earlier row.
    POSSIBLE_DUPLICATE = "possible_duplicate"
    #: Already brought in by an earlier import (same identity created by an import): skipped.
    ALREADY_IMPORTED = "already_imported"


class ImportStatus(StrEnum):
    STAGED = "staged"
    COMMITTED = "committed"
    CANCELLED = "cancelled"


@dataclass(frozen=True)
class FileOptions:
    """How the file is read: its encoding (``utf-8``, ``utf-8-sig`` or ``cp1252``), its separator
    (``,``, ``;`` or a tab) and its dates' order."""

    encoding: str
    separator: str
    date_order: DateOrder


@dataclass(frozen=True)
class ColumnMapping:
    """Which column header holds each field (fields not listed are not imported)."""

    columns: Mapping[ImportField, str] = field(default_factory=dict)

    def header_for(self, wanted: ImportField) -> str | None:
        return self.columns.get(wanted)


@dataclass(frozen=True)
class ImportAnalysis:
    file_name: str
    sha256: str
    #: What was detected (the wizard shows it; the person may change each).
    detected: FileOptions
    headers: tuple[str, ...]
    #: Data rows (the header row not counted).
    row_count: int
    guessed: ColumnMapping
    #: The mapping used last time for a file with the same headers, if any.
    remembered: ColumnMapping | None
    #: A header that names no field this reader knows, left unmapped.
    unknown_headers: tuple[str, ...] = ()


@dataclass(frozen=True)
class ImportRow:
    """One row of the file as it will be saved (values cleaned, as a typed entry's), or why not."""

    #: The line in the file (the header is line 1), as a spreadsheet numbers it.
    row_number: int
    status: RowStatus
    #: Field values as they will be saved (the NAM in full: the manager checks the file).
    values: Mapping[ImportField, str]
    problems: tuple[Text, ...] = ()
    #: Fields holding a "?" or a replacement character where a letter was (the encoding lost it).
    flagged: tuple[ImportField, ...] = ()
    #: Possible duplicate: the file numbers on record it may be, or ``row N`` of the same file.
    matches: tuple[str, ...] = ()
    #: The manager's word on a possible duplicate: True same person (skipped), False different
    #: (created), None not decided yet.
    same_person: bool | None = None


@dataclass(frozen=True)
class StagedImport:
    import_id: int
    file_name: str
    sha256: str
    status: ImportStatus
    rows: int
    ok: int
    errors: int
    possible_duplicates: int
    already_imported: int
    #: Rows carrying a consent (date and method) that the manager may confirm as the clinic's evidence.
    with_consent: int
    #: Stopped by the person before the end: nothing was staged (the import is cancelled).
    cancelled: bool = False
    staged_at: datetime | None = None


@dataclass(frozen=True)
class ImportResult:
    import_id: int
    created: int
    #: Possible duplicates the manager said were the same person.
    skipped_same_person: int
    #: Possible duplicates without a decision: not created.
    undecided: int
    errors: int
    already_imported: int
    consents_recorded: int
    first_file_number: str = ""
    last_file_number: str = ""


@dataclass(frozen=True)
class ImportedConsent:
    """A consent the file states: kept on the consent event as the import's evidence."""

    stated_on: date
    stated_method: str
    channels: tuple[str, ...]
