"""Search-key normalisation: accent- and case-folding, name tokens, prefix ranges."""

from __future__ import annotations

import unicodedata

from hypothesis import example, given
from hypothesis import strategies as st

from desktop.domain.normalize import digits, fold, name_tokens, prefix_upper_bound, query_tokens


def test_fold_strips_accents_and_case() -> None:
    assert fold("Côté") == "cote"
    assert fold("COTÉ") == "cote"
    assert fold("Nguyễn") == "nguyen"
    assert fold("Œuvre") == "oeuvre"
    assert fold("Straße") == "strasse"
    assert fold("Bélanger-Roy") == "belanger-roy"
    assert fold("Łódź") == "lodz"
    assert fold("Yıldız") == fold("YILDIZ") == "yildiz"


def test_fold_is_the_same_for_composed_and_decomposed_input() -> None:
    composed = "Hélène Côté-Nguyễn"
    assert fold(unicodedata.normalize("NFD", composed)) == fold(composed)


@given(st.text())
@example("ᴬ")
@example("℡ ℌ ǅ İ ẞ")
def test_fold_is_idempotent(text: str) -> None:
    assert fold(fold(text)) == fold(text)


@given(st.text())
def test_fold_output_has_no_upper_case_nor_combining_marks(text: str) -> None:
    folded = fold(text)
    assert not any(unicodedata.combining(ch) for ch in folded)
    assert folded == folded.casefold()


def test_name_tokens_split_compound_names_and_keep_the_joined_form() -> None:
    assert name_tokens("O'Brien", "Seán") == {"o", "brien", "obrien", "sean"}
    assert name_tokens("Bélanger-Roy", "Élodie") == {"belanger", "roy", "belangerroy", "elodie"}
    assert name_tokens("Nguyễn", "Thị Mai") == {"nguyen", "thi", "mai"}


def test_name_tokens_are_at_most_64_characters() -> None:
    assert name_tokens("a" * 100) == {"a" * 64}


def test_query_tokens_fold_and_split() -> None:
    assert query_tokens("  COTÉ,   zoé ") == ["cote", "zoe"]
    assert query_tokens("o'brien") == ["o", "brien"]
    assert query_tokens("") == []


def test_digits_keeps_ascii_digits_only() -> None:
    assert digits("(418) 555-0123") == "4185550123"
    assert digits("+1 418 ٥٥٥") == "1418"  # Arabic-Indic digits are not phone digits here


def test_prefix_upper_bound_examples() -> None:
    assert prefix_upper_bound("cote") == "cotf"
    assert prefix_upper_bound("418") == "419"
    assert prefix_upper_bound("az") == "a{"


@given(st.text(min_size=1), st.text())
@example("z\U0010ffff", "a")
@example("\ud7ff", "")
def test_prefix_upper_bound_bounds_every_extension(prefix: str, rest: str) -> None:
    bound = prefix_upper_bound(prefix)
    assert prefix <= prefix + rest
    if bound is not None:
        assert prefix + rest < bound
        bound.encode("utf-8")  # usable as a bound parameter by both databases


@given(st.text(min_size=1), st.text(min_size=1))
def test_prefix_upper_bound_excludes_strings_without_the_prefix(prefix: str, other: str) -> None:
    bound = prefix_upper_bound(prefix)
    if not other.startswith(prefix) and other >= prefix:
        assert bound is not None and other >= bound


def test_fold_lowers_compatibility_capitals() -> None:
    # These decompose to capital letters; the stored key must still fold to itself.
    assert fold("ᴬ") == "a"
    assert fold("ℌ") == "h"
    assert fold("℡") == "tel"


def test_prefix_upper_bound_edge_code_points() -> None:
    assert prefix_upper_bound("a\U0010ffff") == "b"
    assert prefix_upper_bound("\U0010ffff") is None
    assert prefix_upper_bound("a\ud7ff") == "a\ue000"
