"""Validation of what people type. Returns field errors; never raises on odd input."""

from __future__ import annotations

import logging
import re
import unicodedata
from dataclasses import replace
from datetime import date

import phonenumbers
from email_validator import EmailNotValidError, validate_email

from desktop.domain.enums import Language
from desktop.domain.errors import FieldError, ValidationError
from desktop.domain.formats import format_phone
from desktop.domain.glyphs import describe, undrawable_characters
from desktop.domain.messages import EmailProblems
from desktop.domain.nam import is_well_formed, normalise_nam
from desktop.domain.phones import MAX_PHONES, Phone, PhoneKind
from desktop.domain.records import ClientDraft
from desktop.domain.texts import Text

log = logging.getLogger(__name__)

MAX_NAME = 100
#: "First Last", as a client signing for themselves is recorded (acknowledgments.signer_name).
MAX_FULL_NAME = 200
MAX_STREET = 200
MAX_CITY = 100
MAX_EMAIL = 254
#: Before the @ (RFC 5321).
MAX_EMAIL_LOCAL_PART = 64
MAX_NOTE = 2000
OLDEST_BIRTH_YEAR = 1900
DEFAULT_REGION = "CA"

# ASCII: \d would otherwise accept any script's digits (Arabic-Indic, Devanagari...).
_POSTAL_CODE = re.compile(r"^([ABCEGHJ-NPRSTVXY]\d[ABCEGHJ-NPRSTV-Z]) ?(\d[ABCEGHJ-NPRSTV-Z]\d)$", re.ASCII)
_PROVINCES = {"QC", "ON", "NB", "NS", "PE", "NL", "MB", "SK", "AB", "BC", "YT", "NT", "NU"}
#: An extension after the number: "ext. 42", "x123", "poste 12", "p. 12", "#12", up to 10 digits.
_EXTENSION = re.compile(
    r"(?:\s*[,;])?\s*(?:ext(?:ension)?\.?|x|poste|p\.?|#)\s*(?P<digits>\d{1,10})\s*$",
    re.ASCII | re.IGNORECASE,
)
# Format characters people never mean to type in a name (direction marks are kept: they can be legitimate).
_ALLOWED_FORMAT = {"\u200e", "\u200f", "\u200d", "\u200c"}


def has_forbidden_characters(text: str) -> bool:
    for ch in text:
        category = unicodedata.category(ch)
        if category in ("Cc", "Cs", "Co", "Cn") and ch not in "\t":
            return True
        if category == "Cf" and ch not in _ALLOWED_FORMAT:
            return True
    return False


def check_text(
    errors: list[FieldError], field: str, value: str, *, max_length: int, required: bool = False
) -> str:
    value = unicodedata.normalize("NFC", value).strip()
    if required and not value:
        errors.append(FieldError(field, "required"))
    elif len(value) > max_length:
        errors.append(FieldError(field, "too_long", {"max": max_length}))
    elif has_forbidden_characters(value):
        errors.append(FieldError(field, "invalid_characters"))
    elif undrawable := undrawable_characters(value):
        # Printed as an empty box otherwise: the person is told which character to change.
        characters = ", ".join(describe(ch) for ch in undrawable)
        errors.append(FieldError(field, "undrawable_characters", {"characters": characters}))
    return value


def normalise_phone(value: str) -> str:
    """E.164 form of a valid phone number ('' stays ''), or raises ValueError."""
    value = value.strip()
    if not value:
        return ""
    try:
        parsed = phonenumbers.parse(value, DEFAULT_REGION)
    except phonenumbers.NumberParseException as exc:
        raise ValueError(str(exc)) from exc
    if not phonenumbers.is_valid_number(parsed):
        raise ValueError("not a valid number")
    return phonenumbers.format_number(parsed, phonenumbers.PhoneNumberFormat.E164)


def display_phone(e164: str, extension: str = "") -> str:
    """The form contact exports write, ``(418) 555-0123 ext. 12``; screens use
    :func:`desktop.domain.formats.format_phone` with the reader's language."""
    return format_phone(e164, Language.EN, extension)


def normalise_email(value: str) -> str:
    value = value.strip()
    if not value:
        return ""
    return validate_email(value, check_deliverability=False).normalized


def split_extension(value: str) -> tuple[str, str]:
    """The number and its extension's digits as typed after it: "418 555-0123, poste 12" gives
    ("418 555-0123", "12"); also "ext. 42", "x123", "#12", "p. 12". No extension gives (value, "")."""
    match = _EXTENSION.search(value)
    if match is None:
        return value, ""
    return value[: match.start()], match["digits"]


def check_extension(errors: list[FieldError], field: str, value: str) -> str:
    """An extension given apart from its number: up to 10 digits ('' for none)."""
    extension = value.strip()
    if not re.fullmatch(r"\d{0,10}", extension, re.ASCII):
        errors.append(FieldError(field, "invalid_phone"))
    return extension


def check_phone_and_extension(errors: list[FieldError], field: str, value: str) -> tuple[str, str]:
    """The E.164 number and the extension's digits ('' when none) of what a person typed in a phone field.
    An extension this reader cannot place is refused, never dropped."""
    if len(value) > 40 or has_forbidden_characters(value):
        errors.append(FieldError(field, "invalid_phone"))
        return value, ""
    number, extension = split_extension(value)
    try:
        if number.strip() and phonenumbers.parse(number, DEFAULT_REGION).extension:
            # The library read an extension in a form kept apart above (too long, an unknown word).
            raise ValueError("extension not understood")
        phone = normalise_phone(number)
    except (ValueError, phonenumbers.NumberParseException):
        errors.append(FieldError(field, "invalid_phone"))
        return value, ""
    if extension and not phone:
        errors.append(FieldError(field, "invalid_phone"))
        return value, ""
    return phone, extension


def _email_shape_problem(value: str) -> Text | None:
    """The mistakes people make most, named before the validator is asked (its reasons are English)."""
    if not value:
        return EmailProblems.empty
    if len(value) > MAX_EMAIL:
        return EmailProblems.too_long
    if has_forbidden_characters(value) or any(ch.isspace() for ch in value):
        return EmailProblems.invalid_characters
    if "@" not in value:
        return EmailProblems.no_at
    if value.count("@") > 1:
        return EmailProblems.several_at
    local, domain = value.split("@")
    if not local:
        return EmailProblems.nothing_before_at
    if not domain:
        return EmailProblems.no_domain
    if ".." in value or any(part.startswith(".") or part.endswith(".") for part in (local, domain)):
        return EmailProblems.dots
    if len(local) > MAX_EMAIL_LOCAL_PART:
        return EmailProblems.too_long
    return None


#: The validator's English reasons, by a phrase each holds, in the order they are tried.
_VALIDATOR_REASONS: tuple[tuple[str, Text], ...] = (
    ("too long", EmailProblems.too_long),
    ("should have a period", EmailProblems.invalid_domain),
    ("hyphen", EmailProblems.invalid_domain),
    ("period", EmailProblems.dots),
    ("character", EmailProblems.invalid_characters),
    ("not valid ascii", EmailProblems.invalid_characters),
    ("something before the @", EmailProblems.nothing_before_at),
    ("something after the @", EmailProblems.no_domain),
    # The one @ is there (checked first): a quote hid it from the validator.
    ("must have an @", EmailProblems.invalid_characters),
    ("after the @", EmailProblems.invalid_domain),
    ("bracket", EmailProblems.invalid_characters),
)


def email_problem(value: str) -> Text | None:
    """Why ``value`` is not an email address, in both languages, or None when it is one. The validator's own
    (English) reason goes to the log only, without the characters it quotes."""
    value = value.strip()
    problem = _email_shape_problem(value)
    if problem is not None:
        return problem
    try:
        validate_email(value, check_deliverability=False)
    except EmailNotValidError as exc:
        reason = str(exc)
        log.info("email address refused: %s", reason.split(":")[0])
        lowered = reason.lower()
        return next((text for phrase, text in _VALIDATOR_REASONS if phrase in lowered), EmailProblems.format)
    return None


def check_email(errors: list[FieldError], field: str, value: str) -> str:
    """The normalised address ('' stays ''); a refusal names its reason in both languages."""
    if not value.strip():
        return ""
    problem = email_problem(value)
    if problem is not None:
        errors.append(FieldError(field, "invalid_email", {"reason": problem}))
        return value
    return normalise_email(value)


def check_past_date(
    errors: list[FieldError], field: str, value: date | None, *, today: date, required: bool = True
) -> None:
    if value is None:
        if required:
            errors.append(FieldError(field, "required"))
    elif value > today:
        errors.append(FieldError(field, "date_in_future"))
    elif value.year < OLDEST_BIRTH_YEAR:
        errors.append(FieldError(field, "date_too_old", {"min": OLDEST_BIRTH_YEAR}))


def validate_client(draft: ClientDraft, *, today: date) -> ClientDraft:
    """A cleaned copy of the draft (trimmed, NFC, E.164 phone and its extension apart, normalised email) or
    ValidationError."""
    errors: list[FieldError] = []
    last = check_text(errors, "last_name", draft.last_name, max_length=MAX_NAME, required=True)
    first = check_text(errors, "first_name", draft.first_name, max_length=MAX_NAME, required=True)
    if not errors and len(first) + 1 + len(last) > MAX_FULL_NAME:
        errors.append(FieldError("last_name", "too_long", {"max": MAX_FULL_NAME - 1 - len(first)}))
    check_past_date(errors, "date_of_birth", draft.date_of_birth, today=today)
    street = check_text(errors, "street", draft.street, max_length=MAX_STREET)
    city = check_text(errors, "city", draft.city, max_length=MAX_CITY)
    province = draft.province.strip().upper() or "QC"
    if province not in _PROVINCES:
        errors.append(FieldError("province", "invalid_choice", {"value": draft.province[:20]}))
    postal = draft.postal_code.strip().upper()
    if postal:
        match = _POSTAL_CODE.match(postal)
        if match:
            postal = f"{match.group(1)} {match.group(2)}"
        else:
            errors.append(FieldError("postal_code", "invalid_postal_code"))
    email = check_email(errors, "email", draft.email)
    phones = check_phones(errors, draft.phone_list())
    health_number = check_health_number(errors, draft.health_number)
    if errors:
        raise ValidationError(errors)
    first_phone = phones[0] if phones else Phone("")
    return replace(
        draft,
        last_name=last,
        first_name=first,
        street=street,
        city=city,
        province=province,
        postal_code=postal,
        email=email,
        phone=first_phone.number,
        phone_extension=first_phone.extension,
        phones=phones,
        health_number=health_number,
    )


def phone_field(index: int) -> str:
    """The field naming the ``index``-th number (from 0): ``phone`` for the first, then ``phone_2``…"""
    return "phone" if index == 0 else f"phone_{index + 1}"


def check_phones(errors: list[FieldError], phones: tuple[Phone, ...]) -> tuple[Phone, ...]:
    """Each number given (blank rows dropped) as E.164 with its extension's digits apart, its kind kept."""
    given = [p for p in phones if p.number.strip()]
    if len(given) > MAX_PHONES:
        errors.append(FieldError("phones", "too_many_phones", {"max": MAX_PHONES}))
        return ()
    clean: list[Phone] = []
    for index, phone in enumerate(given):
        field = phone_field(index)
        number, extension = check_phone_and_extension(errors, field, phone.number)
        if not extension and number:
            extension = check_extension(errors, field, phone.extension)
        clean.append(Phone(number, PhoneKind(phone.kind), extension))
    return tuple(clean)


def check_health_number(errors: list[FieldError], value: str) -> str:
    """The NAM upper-case without spaces ('' for none); refused when not four letters and eight digits
    with a possible month and day. Its agreement with the file is only warned about (domain.nam)."""
    nam = normalise_nam(value)
    if nam and not is_well_formed(nam):
        errors.append(FieldError("health_number", "invalid_health_number"))
    return nam
