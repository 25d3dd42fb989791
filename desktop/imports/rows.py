"""A row of the file turned into a client draft checked exactly as a typed entry
(:func:`desktop.domain.validation.validate_client`), or the reasons it cannot be, in both languages."""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date

from desktop.domain.age import consents_for_themselves
from desktop.domain.enums import Channel, Language
from desktop.domain.errors import FieldError, FrontDeskError, ValidationError
from desktop.domain.import_messages import FIELD_LABELS, ImportWords, RowProblems, said_in_both
from desktop.domain.import_records import (
    CONSENT_FIELDS,
    REQUIRED_FIELDS,
    ColumnMapping,
    DateOrder,
    FileOptions,
    ImportedConsent,
    ImportField,
)
from desktop.domain.messages import field_name, message
from desktop.domain.nam import SexAtBirth, format_card_expiry, parse_card_expiry
from desktop.domain.normalize import fold
from desktop.domain.phones import Phone, PhoneKind
from desktop.domain.records import ClientDraft
from desktop.domain.texts import Text
from desktop.domain.validation import validate_client
from desktop.imports.dates import parse_in_order
from desktop.imports.reading import RawRow

F = ImportField
#: Fields whose "?" between letters is a letter the encoding lost (not an email's or a phone's).
_LETTER_FIELDS = (F.LAST_NAME, F.FIRST_NAME, F.STREET, F.CITY, F.CONSENT_METHOD)
_LOST_LETTER = re.compile(r"\ufffd|[^\W\d_]\?|\?[^\W\d_]")
_LANGUAGES = {
    "fr": Language.FR, "f": Language.FR, "francais": Language.FR, "french": Language.FR, "fra": Language.FR,
    "en": Language.EN, "e": Language.EN, "a": Language.EN, "anglais": Language.EN, "english": Language.EN,
    "eng": Language.EN, "ang": Language.EN,
}  # fmt: skip
_SEXES = {
    "f": SexAtBirth.FEMALE, "femme": SexAtBirth.FEMALE, "feminin": SexAtBirth.FEMALE,
    "female": SexAtBirth.FEMALE, "w": SexAtBirth.FEMALE,
    "m": SexAtBirth.MALE, "h": SexAtBirth.MALE, "homme": SexAtBirth.MALE, "masculin": SexAtBirth.MALE,
    "male": SexAtBirth.MALE,
}  # fmt: skip
_PROVINCES = {
    "quebec": "QC", "ontario": "ON", "nouveau brunswick": "NB", "new brunswick": "NB",
    "nouvelle ecosse": "NS", "nova scotia": "NS", "manitoba": "MB", "alberta": "AB",
    "colombie britannique": "BC", "british columbia": "BC", "saskatchewan": "SK",
    "ile du prince edouard": "PE", "prince edward island": "PE", "terre neuve et labrador": "NL",
    "newfoundland and labrador": "NL", "yukon": "YT", "nunavut": "NU",
    "territoires du nord ouest": "NT", "northwest territories": "NT",
}  # fmt: skip
_CHANNELS = {
    "courriel": Channel.EMAIL, "email": Channel.EMAIL, "e mail": Channel.EMAIL, "mail": Channel.EMAIL,
    "texto": Channel.SMS, "sms": Channel.SMS, "text": Channel.SMS, "cellulaire": Channel.SMS,
    "telephone": Channel.PHONE, "tel": Channel.PHONE, "phone": Channel.PHONE, "appel": Channel.PHONE,
    "poste": Channel.POST, "post": Channel.POST, "courrier": Channel.POST, "lettre": Channel.POST,
}  # fmt: skip
_ORDER_WORDS = {DateOrder.YMD: ImportWords.order_ymd, DateOrder.DMY: ImportWords.order_dmy,
                DateOrder.MDY: ImportWords.order_mdy}  # fmt: skip


class MappingError(FrontDeskError):
    """A mapping that leaves a required field out (``import_missing_fields``) or names a column the
    file does not have (``import_unknown_column``)."""

    code = "import_missing_fields"


def _plain(text: str) -> str:
    return " ".join(re.sub(r"[^a-z0-9]+", " ", fold(text)).split())


def field_problem(error: FieldError) -> Text:
    """A typed entry's refusal, as the client form says it, in both languages."""

    def said(language: Language) -> str:
        return message(
            "field_problem",
            language,
            field=field_name(error.field, language),
            problem=error.message(language),
        )

    return said_in_both(said(Language.FR), said(Language.EN))


def _in_both(text: Text, **values: object) -> Text:
    both = {k: v for k, v in values.items() if not isinstance(v, Text)}
    texts = {k: v for k, v in values.items() if isinstance(v, Text)}
    return said_in_both(
        text.fr.format(**both, **{k: t.fr for k, t in texts.items()}),
        text.en.format(**both, **{k: t.en for k, t in texts.items()}),
    )


def identity_key(last_name: str, first_name: str, born: date) -> str:
    """Same person as the client form's duplicate warning: folded names and the date of birth."""
    return f"{fold(last_name)}|{fold(first_name)}|{born.isoformat()}"


@dataclass
class ConvertedRow:
    number: int
    cells: list[str]
    #: The cleaned draft, None when the row has problems.
    draft: ClientDraft | None
    values: dict[ImportField, str]
    problems: list[Text] = field(default_factory=list)
    flagged: tuple[ImportField, ...] = ()
    consent: ImportedConsent | None = None
    identity: str = ""
    nam: str = ""


def check_mapping(headers: Sequence[str], mapping: ColumnMapping) -> dict[ImportField, int]:
    """Each mapped field's column index; refuses a mapping without the required fields or naming a
    column the file lacks."""
    missing = [f for f in REQUIRED_FIELDS if f not in mapping.columns]
    if missing:
        raise MappingError(fields=_in_both_list(missing))
    index: dict[ImportField, int] = {}
    stripped = [h.strip() for h in headers]
    for wanted, header in mapping.columns.items():
        if header.strip() not in stripped:
            raise MappingError("import_unknown_column", header=header)
        index[wanted] = stripped.index(header.strip())
    return index


def _in_both_list(fields: Sequence[ImportField]) -> Text:
    return said_in_both(
        ", ".join(FIELD_LABELS[f].fr for f in fields), ", ".join(FIELD_LABELS[f].en for f in fields)
    )


class RowReader:
    """Turns the file's rows into drafts with the chosen options and mapping, as of ``today``."""

    def __init__(
        self, headers: Sequence[str], options: FileOptions, mapping: ColumnMapping, today: date
    ) -> None:
        self.headers = list(headers)
        self.options = options
        self.index = check_mapping(headers, mapping)
        self.today = today

    def cells(self, row: RawRow) -> dict[ImportField, str]:
        return {f: (row.cells[i].strip() if i < len(row.cells) else "") for f, i in self.index.items()}

    def convert(self, row: RawRow) -> ConvertedRow:
        given = self.cells(row)
        problems: list[Text] = []
        flagged = tuple(f for f in _LETTER_FIELDS if f in given and _LOST_LETTER.search(given[f]))
        if flagged:
            problems.append(_in_both(RowProblems.lost_letters, fields=_in_both_list(flagged)))
        if len(row.cells) > len(self.headers) and any(c.strip() for c in row.cells[len(self.headers) :]):
            problems.append(
                _in_both(RowProblems.too_many_columns, count=len(row.cells), expected=len(self.headers))
            )
        born = self._date(given, F.DATE_OF_BIRTH, problems)
        draft = ClientDraft(
            last_name=given.get(F.LAST_NAME, ""),
            first_name=given.get(F.FIRST_NAME, ""),
            date_of_birth=born,
            preferred_language=self._language(given.get(F.PREFERRED_LANGUAGE, ""), problems),
            street=given.get(F.STREET, ""),
            city=given.get(F.CITY, ""),
            province=_PROVINCES.get(_plain(given.get(F.PROVINCE, "")), given.get(F.PROVINCE, "")),
            postal_code=given.get(F.POSTAL_CODE, ""),
            email=given.get(F.EMAIL, ""),
            phones=tuple(
                Phone(given[f], kind)
                for f, kind in (
                    (F.PHONE, PhoneKind.UNSPECIFIED),
                    (F.MOBILE_PHONE, PhoneKind.MOBILE),
                    (F.WORK_PHONE, PhoneKind.WORK),
                )
                if given.get(f)
            ),  # fmt: skip
            health_number=given.get(F.HEALTH_NUMBER, ""),
            sex_at_birth=self._sex(given.get(F.SEX_AT_BIRTH, ""), problems),
            health_card_expiry=self._expiry(given.get(F.HEALTH_CARD_EXPIRY, ""), problems),
        )
        clean: ClientDraft | None = None
        try:
            clean = validate_client(draft, today=self.today)
        except ValidationError as exc:
            unreadable_birth = F.DATE_OF_BIRTH in given and given[F.DATE_OF_BIRTH] and born is None
            problems += [
                field_problem(e)
                for e in exc.errors
                if not (unreadable_birth and e.field == "date_of_birth" and e.code == "required")
            ]
        consent = self._consent(given, born, problems)
        result = ConvertedRow(row.number, row.cells, None, given, problems, flagged, consent)
        if clean is not None and not problems:
            assert clean.date_of_birth is not None  # validate_client requires it
            result.draft = clean
            result.values = shown_values(clean, consent)
            result.identity = identity_key(clean.last_name, clean.first_name, clean.date_of_birth)
            result.nam = clean.health_number
        return result

    def _date(
        self, given: Mapping[ImportField, str], which: ImportField, problems: list[Text]
    ) -> date | None:
        text = given.get(which, "")
        if not text:
            return None
        try:
            return parse_in_order(text, self.options.date_order)
        except ValueError:
            problems.append(
                _in_both(
                    RowProblems.unreadable_date,
                    field=FIELD_LABELS[which],
                    value=text[:40],
                    order=_ORDER_WORDS[self.options.date_order],
                )
            )
            return None

    def _language(self, text: str, problems: list[Text]) -> Language:
        if not text:
            return Language.FR
        chosen = _LANGUAGES.get(_plain(text))
        if chosen is None:
            problems.append(_in_both(RowProblems.unknown_language, value=text[:40]))
            return Language.FR
        return chosen

    def _sex(self, text: str, problems: list[Text]) -> SexAtBirth | None:
        if not text:
            return None
        sex = _SEXES.get(_plain(text))
        if sex is None:
            problems.append(_in_both(RowProblems.unknown_sex, value=text[:40]))
        return sex

    def _expiry(self, text: str, problems: list[Text]) -> date | None:
        try:
            return parse_card_expiry(text)
        except ValueError:
            problems.append(_in_both(RowProblems.unreadable_expiry, value=text[:40]))
            return None

    def _consent(
        self, given: Mapping[ImportField, str], born: date | None, problems: list[Text]
    ) -> ImportedConsent | None:
        stated = [given.get(f, "") for f in CONSENT_FIELDS]
        if not any(stated):
            return None
        if not all(stated):
            problems.append(RowProblems.consent_incomplete)
            return None
        on = self._date(given, F.CONSENT_DATE, problems)
        channels: list[str] = []
        for word in re.split(r"[,;/+|]| et | and ", fold(given[F.CONSENT_CHANNELS])):
            if not word.strip():
                continue
            channel = _CHANNELS.get(_plain(word))
            if channel is None:
                problems.append(_in_both(RowProblems.unknown_channel, value=word.strip()[:40]))
            elif channel.value not in channels:
                channels.append(channel.value)
        if on is None:
            return None
        if on > self.today:
            problems.append(RowProblems.consent_in_future)
            return None
        if born is not None and not consents_for_themselves(born, on):
            problems.append(RowProblems.consent_minor)
            return None
        return ImportedConsent(on, given[F.CONSENT_METHOD][:200], tuple(channels))


def shown_values(clean: ClientDraft, consent: ImportedConsent | None) -> dict[ImportField, str]:
    """The values as they will be saved, as the preview and the staged rows show them."""
    values = {
        F.LAST_NAME: clean.last_name,
        F.FIRST_NAME: clean.first_name,
        F.DATE_OF_BIRTH: clean.date_of_birth.isoformat() if clean.date_of_birth else "",
        F.HEALTH_NUMBER: clean.health_number,
        F.HEALTH_CARD_EXPIRY: format_card_expiry(clean.health_card_expiry),
        F.SEX_AT_BIRTH: clean.sex_at_birth.value if clean.sex_at_birth else "",
        F.EMAIL: clean.email,
        F.STREET: clean.street,
        F.CITY: clean.city,
        F.PROVINCE: clean.province,
        F.POSTAL_CODE: clean.postal_code,
        F.PREFERRED_LANGUAGE: clean.preferred_language.value,
    }
    kinds = {PhoneKind.MOBILE: F.MOBILE_PHONE, PhoneKind.WORK: F.WORK_PHONE}
    for phone in clean.phones:
        shown = phone.number + (f" ext. {phone.extension}" if phone.extension else "")
        values[kinds.get(phone.kind, F.PHONE)] = shown
    if consent is not None:
        values[F.CONSENT_DATE] = consent.stated_on.isoformat()
        values[F.CONSENT_METHOD] = consent.stated_method
        values[F.CONSENT_CHANNELS] = ", ".join(consent.channels)
    return {k: v for k, v in values.items() if v}
