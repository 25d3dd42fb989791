"""A row of the file checked as a typed entry: the values it will be saved with, or each reason in both
languages; a letter the encoding lost flagged; a consent taken only with its date, method and channels."""

from __future__ import annotations

from datetime import date

import pytest

from desktop.domain.enums import Language
from desktop.domain.import_records import ColumnMapping, DateOrder, FileOptions, ImportField
from desktop.domain.nam import SexAtBirth
from desktop.imports.reading import RawRow
from desktop.imports.rows import MappingError, RowReader

F = ImportField
HEADERS = ["Nom", "Prénom", "DDN", "Langue", "Sexe", "Province", "Cell", "Consentement", "Méthode", "Canaux"]
MAPPING = ColumnMapping(
    {F.LAST_NAME: "Nom", F.FIRST_NAME: "Prénom", F.DATE_OF_BIRTH: "DDN", F.PREFERRED_LANGUAGE: "Langue",
     F.SEX_AT_BIRTH: "Sexe", F.PROVINCE: "Province", F.MOBILE_PHONE: "Cell", F.CONSENT_DATE: "Consentement",
     F.CONSENT_METHOD: "Méthode", F.CONSENT_CHANNELS: "Canaux"}
)  # fmt: skip
TODAY = date(2026, 11, 24)


def convert(*cells: str, order: DateOrder = DateOrder.DMY):  # type: ignore[no-untyped-def]
    reader = RowReader(HEADERS, FileOptions("utf-8", ",", order), MAPPING, TODAY)
    return reader.convert(RawRow(7, list(cells)))


def test_a_good_row_is_cleaned_as_a_typed_entry() -> None:
    row = convert("  Côté ", "Zoé", "26/05/1994", "Anglais", "F", "Québec", "418 555-0123", "", "", "")
    assert row.problems == [] and row.draft is not None
    assert (row.draft.last_name, row.draft.preferred_language, row.draft.sex_at_birth) == (
        "Côté",
        Language.EN,
        SexAtBirth.FEMALE,
    )
    assert row.draft.province == "QC" and row.values[F.MOBILE_PHONE] == "+14185550123"
    assert row.identity == "cote|zoe|1994-05-26" and row.consent is None


@pytest.mark.parametrize(
    ("cells", "french"),
    [
        (("Fran?ois", "Luc", "01/01/1980"), "Un « ? » remplace une lettre (Nom)"),
        (("Roy", "L\ufffdo", "01/01/1980"), "Un « ? » remplace une lettre (Prénom)"),
        (("Roy", "Luc", "1980/13/01"), "Date de naissance : « 1980/13/01 » n'est pas une date dans l'ordre choisi (JJ/MM/AAAA)."),
        (("Roy", "Luc", ""), "Date de naissance : Ce champ est obligatoire."),
        (("Roy", "Luc", "01/01/2030"), "Date de naissance : La date ne peut pas être dans le futur."),
        (("Roy", "Luc", "01/01/1980", "klingon"), "Langue : « klingon » n'est ni le français ni l'anglais."),
        (("Roy", "Luc", "01/01/1980", "", "X"), "Sexe à la naissance : « X » n'est ni F ni M."),
        (("Roy", "Luc", "01/01/1980", "", "", "Narnia"), "Province"),
        (("Roy", "Luc", "01/01/1980", "", "", "", "", "01/01/2020", "", ""), "la date, la méthode et les moyens"),
        (("Roy", "Luc", "01/01/1980", "", "", "", "", "01/01/2020", "papier", "pigeon"), "moyen de communication inconnu « pigeon »"),
        (("Roy", "Luc", "01/01/2015", "", "", "", "", "01/01/2020", "papier", "courriel"), "moins de 14 ans"),
        (("Roy", "Luc", "01/01/1980", "", "", "", "", "01/01/2027", "papier", "courriel"), "dans le futur"),
        (("Roy", "Luc", "01/01/1980", "", "", "", "", "", "", "", "de trop"), "La ligne a 11 colonnes, l'en-tête 10."),
    ],
)  # fmt: skip
def test_a_bad_row_says_why_in_both_languages(cells: tuple[str, ...], french: str) -> None:
    row = convert(*cells)
    assert row.draft is None
    assert any(french in p.fr for p in row.problems), [p.fr for p in row.problems]
    assert all(p.en and p.en != p.fr for p in row.problems)


def test_a_consent_needs_its_date_method_and_channels() -> None:
    row = convert(
        "Roy",
        "Luc",
        "01/01/1980",
        "",
        "",
        "",
        "",
        "2020-03-15",
        "Formulaire signé",
        "courriel; texto et poste",
    )
    assert row.problems == []
    assert row.consent is not None and row.consent.stated_on == date(2020, 3, 15)
    assert row.consent.channels == ("email", "sms", "post")


def test_a_mapping_without_the_required_fields_or_with_an_absent_column_is_refused() -> None:
    with pytest.raises(MappingError) as missing:
        RowReader(
            HEADERS, FileOptions("utf-8", ",", DateOrder.DMY), ColumnMapping({F.LAST_NAME: "Nom"}), TODAY
        )
    assert "Prénom, Date de naissance" in missing.value.message("fr")
    absent = ColumnMapping({F.LAST_NAME: "Nom", F.FIRST_NAME: "Prénom", F.DATE_OF_BIRTH: "Né le"})
    with pytest.raises(MappingError) as unknown:
        RowReader(HEADERS, FileOptions("utf-8", ",", DateOrder.DMY), absent, TODAY)
    assert unknown.value.message("en") == "The column “Né le” is not in the file."
