"""A header row in French or English matched to the client file's fields, by the words clinics'
spreadsheets and old systems use (accents, case and punctuation ignored)."""

from __future__ import annotations

import re
from collections.abc import Sequence

from desktop.domain.import_records import ColumnMapping, ImportField
from desktop.domain.normalize import fold

F = ImportField
#: Each field's usual headers, folded (lower case, no accents, words separated by one space).
_HEADERS: dict[ImportField, tuple[str, ...]] = {
    F.LAST_NAME: ("nom", "nom de famille", "nom famille", "last name", "lastname", "surname", "family name",
                  "name last", "nom du client", "patient last name"),
    F.FIRST_NAME: ("prenom", "prenom du client", "first name", "firstname", "given name", "name first",
                   "patient first name"),
    F.DATE_OF_BIRTH: ("date de naissance", "naissance", "ddn", "date naissance", "ne le", "nee le", "dob",
                      "date of birth", "birth date", "birthdate", "birthday", "d o b"),
    F.HEALTH_NUMBER: ("nam", "ramq", "no ramq", "numero ramq", "no nam", "numero nam",
                      "numero d assurance maladie", "no d assurance maladie", "assurance maladie",
                      "carte soleil", "carte d assurance maladie", "health card", "health card number",
                      "health number", "health insurance number", "hin", "medicare", "medicare number"),
    F.HEALTH_CARD_EXPIRY: ("expiration", "expiration carte", "expiration de la carte", "date d expiration",
                           "expiration nam", "expiry", "card expiry", "expiry date", "expiration date"),
    F.SEX_AT_BIRTH: ("sexe", "sexe a la naissance", "sex", "sex at birth", "gender", "genre"),
    F.PHONE: ("telephone", "tel", "no de telephone", "numero de telephone", "telephone maison",
              "tel maison", "tel domicile", "telephone domicile", "phone", "phone number", "telephone number",
              "home phone", "home"),
    F.MOBILE_PHONE: ("cellulaire", "cell", "tel cellulaire", "telephone cellulaire", "mobile", "cell phone",
                     "mobile phone", "cellphone", "texto", "sms"),
    F.WORK_PHONE: ("telephone travail", "tel travail", "telephone au travail", "bureau", "work phone", "work",
                   "business phone", "office phone"),
    F.EMAIL: ("courriel", "adresse courriel", "courrier electronique", "adresse electronique", "email",
              "e mail", "mail", "email address", "e mail address"),
    F.STREET: ("adresse", "adresse civique", "rue", "no et rue", "address", "street", "street address",
               "address line 1", "adresse 1"),
    F.CITY: ("ville", "municipalite", "city", "town"),
    F.PROVINCE: ("province", "prov", "state", "province state"),
    F.POSTAL_CODE: ("code postal", "cp", "postal code", "postal", "postcode", "zip", "zip code"),
    F.PREFERRED_LANGUAGE: ("langue", "langue preferee", "langue de correspondance", "language",
                           "preferred language", "lang"),
    F.CONSENT_DATE: ("date du consentement", "date de consentement", "consentement", "consentement date",
                     "consent date", "date of consent", "consent", "opt in date", "optin date"),
    F.CONSENT_METHOD: ("methode de consentement", "methode du consentement", "mode de consentement",
                       "consentement methode", "consent method", "method of consent", "opt in method"),
    F.CONSENT_CHANNELS: ("moyens consentis", "canaux", "canaux consentis", "consentement canaux",
                         "moyens de communication", "consent channels", "channels", "opt in channels"),
}  # fmt: skip
_NUMBER_WORDS = re.compile(r"^(?:no|n|num|numero|number|nbr)(?: (?:de|du|d))? ")
_LOOKUP: dict[str, ImportField] = {header: f for f, headers in _HEADERS.items() for header in headers}


def folded_header(header: str) -> str:
    """ "Date de naissance (JJ/MM/AAAA)" gives "date de naissance": accents, case, punctuation and a
    bracketed note dropped."""
    text = re.sub(r"\(.*?\)|\[.*?\]", " ", fold(header))
    return " ".join(re.sub(r"[^a-z0-9]+", " ", text).split())


def guess_field(header: str) -> ImportField | None:
    folded = folded_header(header)
    if folded in _LOOKUP:
        return _LOOKUP[folded]
    # "N° de RAMQ", "Numéro du dossier": the word for "number" is not what names the field.
    bare = _NUMBER_WORDS.sub("", folded)
    if bare in _LOOKUP:
        return _LOOKUP[bare]
    # "No. de téléphone (maison)", "Courriel principal": the longest known header the text starts with.
    starts = [known for known in _LOOKUP if folded.startswith(known + " ")]
    return _LOOKUP[max(starts, key=len)] if starts else None


def guess_mapping(headers: Sequence[str]) -> tuple[ColumnMapping, tuple[str, ...]]:
    """Each field the headers name (the first column naming it), and the headers naming none."""
    columns: dict[ImportField, str] = {}
    unknown: list[str] = []
    for header in headers:
        field = guess_field(header)
        if field is None or field in columns:
            if header.strip():
                unknown.append(header)
            continue
        columns[field] = header
    return ColumnMapping(columns), tuple(unknown)
