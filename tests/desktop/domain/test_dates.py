from datetime import date

import pytest

from desktop.domain.dates import UnreadableDateError, date_in_words, parse_date, read_date
from desktop.domain.enums import Language


@pytest.mark.parametrize(
    "typed",
    [
        "1994-05-26",
        " 1994-05-26 ",
        "1994/05/26",
        "1994.5.26",
        "26/05/1994",
        "26.05.1994",
        "26-05-1994",
        "26/5/1994",
    ],
)
def test_every_form_reads_the_same_day(typed: str) -> None:
    assert parse_date(typed) == date(1994, 5, 26)
    assert read_date(typed) == date(1994, 5, 26)


def test_day_first_is_never_read_month_first() -> None:
    assert parse_date("05/06/1994") == date(1994, 6, 5)


@pytest.mark.parametrize("typed", ["", "cote", "26/05/94", "1994-05", "26/05-1994", "١٩٩٤-٠٥-٢٦", "19940526"])
def test_other_text_is_not_a_date_and_the_message_lists_the_forms(typed: str) -> None:
    assert read_date(typed) is None
    with pytest.raises(UnreadableDateError) as caught:
        parse_date(typed)
    assert caught.value.message(Language.FR) == (
        "Date illisible. Formes acceptées : AAAA-MM-JJ, JJ/MM/AAAA ou JJ.MM.AAAA."
    )
    assert caught.value.message(Language.EN) == (
        "Date not understood. Accepted forms: YYYY-MM-DD, DD/MM/YYYY or DD.MM.YYYY."
    )


@pytest.mark.parametrize("typed", ["31/02/2026", "2026-13-01", "00.01.2026"])
def test_a_day_that_does_not_exist_is_named(typed: str) -> None:
    assert read_date(typed) is None
    with pytest.raises(UnreadableDateError) as caught:
        parse_date(typed)
    assert caught.value.code == "impossible_date"
    assert caught.value.message(Language.FR) == f"Ce jour n'existe pas : {typed}."
    assert caught.value.message(Language.EN) == f"There is no such day: {typed}."


def test_the_understood_date_in_words() -> None:
    assert date_in_words(date(1994, 5, 26), Language.FR) == "jeudi 26 mai 1994"
    assert date_in_words(date(1994, 5, 26), Language.EN) == "Thursday, May 26, 1994"
    assert date_in_words(date(2026, 11, 1), Language.FR) == "dimanche 1er novembre 2026"
