"""Reading a client list: its encoding, separator and date order told from the file, its headers
matched to fields in French and English, the mapping file read and written back."""

from __future__ import annotations

from pathlib import Path

import pytest

from desktop.domain.errors import FrontDeskError
from desktop.domain.import_records import ColumnMapping, DateOrder, FileOptions, ImportField
from desktop.imports.dates import detect_date_order, parse_in_order
from desktop.imports.headers import folded_header, guess_field, guess_mapping
from desktop.imports.mapping import MappingFileError, load_mapping, mapping_text
from desktop.imports.reading import ImportFileError, detect_encoding, detect_separator, read_rows

F = ImportField
TEXT = 'Nom;Prénom;Naissance\r\nCôté;Zoé;26/05/1994\r\n;;\r\n"Lé;a";"Émi\nle";01/02/2000\r\n'


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        ("\ufeff" + TEXT, "utf-8-sig"),
        (TEXT, "utf-8"),
        (TEXT.encode("cp1252"), "cp1252"),
        ("Nom,Prénom\r\nRoy,Luc\r\n", "utf-8"),
    ],
)
def test_the_encoding_is_told_from_the_bytes(tmp_path: Path, data: str | bytes, expected: str) -> None:
    path = tmp_path / "list.csv"
    path.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)
    assert detect_encoding(path) == expected
    header, rows = read_rows(path, expected, detect_separator(path, expected))
    rows.close()
    assert header[1] == "Prénom"


def test_rows_keep_their_numbers_past_blank_rows_and_quoted_separators(tmp_path: Path) -> None:
    path = tmp_path / "list.csv"
    path.write_text(TEXT, encoding="utf-8")
    assert detect_separator(path, "utf-8") == ";"
    header, rows = read_rows(path, "utf-8", ";")
    assert header == ["Nom", "Prénom", "Naissance"]
    assert [(r.number, r.cells) for r in rows] == [
        (2, ["Côté", "Zoé", "26/05/1994"]),
        (4, ["Lé;a", "Émi\nle", "01/02/2000"]),
    ]


@pytest.mark.parametrize(("separator", "line"), [(",", "a,b,c"), (";", "a;b,c;d"), ("\t", "a\tb;c\td")])
def test_the_separator_is_the_one_that_splits_every_row_alike(
    tmp_path: Path, separator: str, line: str
) -> None:
    path = tmp_path / "list.csv"
    path.write_text("\n".join([line] * 5) + "\n", encoding="utf-8")
    assert detect_separator(path, "utf-8") == separator


@pytest.mark.parametrize(
    ("content", "code"), [("", "import_empty"), ("\n\n", "import_empty"), ("nom\nRoy\n", "import_not_csv")]
)
def test_a_file_that_is_no_list_is_named(tmp_path: Path, content: str, code: str) -> None:
    path = tmp_path / "vide.csv"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(ImportFileError) as raised:
        detect_separator(path, "utf-8")
    assert raised.value.code == code and "vide.csv" in raised.value.message("fr")


def test_a_missing_file_is_named(tmp_path: Path) -> None:
    with pytest.raises(FrontDeskError) as raised:
        detect_encoding(tmp_path / "absent.csv")
    assert "absent.csv" in raised.value.message("en")


@pytest.mark.parametrize(
    ("header", "field"),
    [
        ("Nom de famille", F.LAST_NAME), ("NOM", F.LAST_NAME), ("Last Name", F.LAST_NAME), ("surname", F.LAST_NAME),
        ("Prénom", F.FIRST_NAME), ("First name", F.FIRST_NAME),
        ("Date de naissance (JJ/MM/AAAA)", F.DATE_OF_BIRTH), ("DDN", F.DATE_OF_BIRTH), ("D.O.B.", F.DATE_OF_BIRTH),
        ("No RAMQ", F.HEALTH_NUMBER), ("N° d'assurance maladie", F.HEALTH_NUMBER), ("Health card #", F.HEALTH_NUMBER),
        ("Téléphone (maison)", F.PHONE), ("Cellulaire", F.MOBILE_PHONE), ("E-mail", F.EMAIL), ("Courriel", F.EMAIL),
        ("Code postal", F.POSTAL_CODE), ("Ville", F.CITY), ("Adresse", F.STREET), ("Sexe", F.SEX_AT_BIRTH),
        ("Langue", F.PREFERRED_LANGUAGE), ("Consent date", F.CONSENT_DATE), ("Remarques", None),
    ],
)  # fmt: skip
def test_headers_are_matched_in_french_and_english(header: str, field: ImportField | None) -> None:
    assert guess_field(header) == field


def test_a_mapping_takes_the_first_column_naming_a_field_and_lists_the_others() -> None:
    mapping, unknown = guess_mapping(["Nom", "Prénom", "Nom", "Remarques", ""])
    assert mapping.columns == {F.LAST_NAME: "Nom", F.FIRST_NAME: "Prénom"}
    assert unknown == ("Nom", "Remarques")
    assert folded_header("  Date de NAISSANCE [obligatoire] ") == "date de naissance"


@pytest.mark.parametrize(
    ("values", "order"),
    [
        (["1994-05-26", "2001-12-01 00:00:00"], DateOrder.YMD),
        (["26/05/1994", "01/02/2000"], DateOrder.DMY),
        (["05/26/1994", "01/02/2000"], DateOrder.MDY),
        (["01/02/2000", "03/04/2001"], DateOrder.DMY),  # nothing tells: Quebec's order
        ([], DateOrder.DMY),
    ],
)
def test_the_date_order_is_told_from_the_values(values: list[str], order: DateOrder) -> None:
    assert detect_date_order(values) == order


def test_dates_are_read_in_the_order_chosen() -> None:
    assert parse_in_order("05/06/1994", DateOrder.MDY).isoformat() == "1994-05-06"
    assert parse_in_order("05/06/1994", DateOrder.DMY).isoformat() == "1994-06-05"
    assert parse_in_order("1994-05-06 0:00", DateOrder.MDY).isoformat() == "1994-05-06"
    with pytest.raises(ValueError):
        parse_in_order("13/26/1994", DateOrder.DMY)


def test_the_mapping_file_reads_back_what_was_written(tmp_path: Path) -> None:
    options = FileOptions("cp1252", "\t", DateOrder.MDY)
    mapping = ColumnMapping({F.LAST_NAME: 'Nom "officiel"', F.FIRST_NAME: "Prénom", F.DATE_OF_BIRTH: "DDN"})
    path = tmp_path / "map.toml"
    path.write_text(mapping_text(options, mapping), encoding="utf-8")
    read = load_mapping(path)
    assert read.mapping == mapping
    assert read.options(FileOptions("utf-8", ",", DateOrder.DMY)) == options


@pytest.mark.parametrize(
    ("text", "named"),
    [
        ('[columns]\nnickname = "Surnom"\n', "nickname"),
        ('[file]\nseparator = "|"\n[columns]\nlast_name = "Nom"\n', "separator"),
        ("[columns\n", "map.toml"),
        ("[file]\n", "[columns]"),
    ],
)
def test_a_bad_mapping_file_says_what_is_wrong(tmp_path: Path, text: str, named: str) -> None:
    path = tmp_path / "map.toml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(MappingFileError) as raised:
        load_mapping(path)
    assert named in raised.value.message("fr") and "map.toml" in raised.value.message("fr")
