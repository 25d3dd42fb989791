"""Search keys: accent- and case-insensitive name tokens and phone digits."""

from __future__ import annotations

import re
import unicodedata

#: Stored name tokens are cut to this length (the search-key column's size).
MAX_TOKEN_LENGTH = 64
_TOKEN_SPLIT = re.compile(r"[^\w]+|_", re.UNICODE)
_FOLD_EXTRA = str.maketrans(
    # Letters with no decomposition; 'ı' (dotless i) is what 'I' is in Turkish and Azeri names.
    {"ß": "ss", "æ": "ae", "œ": "oe", "ø": "o", "ł": "l", "đ": "d", "ð": "d", "þ": "th", "ı": "i"}
)


def _fold_once(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def fold(text: str) -> str:
    """Lower-case, strip accents: 'Côté' -> 'cote', 'Nguyễn' -> 'nguyen', 'Œuvre' -> 'oeuvre'.

    Compatibility forms can decompose to capitals ('ᴬ' -> 'A', 'ℌ' -> 'H'), so folding repeats until
    stable: the result folds to itself, as a typed query must fold to the stored key."""
    folded = _fold_once(text)
    for _ in range(3):
        again = _fold_once(folded)
        if again == folded:
            break
        folded = again
    return folded.translate(_FOLD_EXTRA)


def name_tokens(*names: str) -> set[str]:
    """Tokens a person may type to find a name. "O'Brien" gives 'o', 'brien' and 'obrien'."""
    tokens: set[str] = set()
    for name in names:
        folded = fold(name)
        for word in folded.split():
            parts = [p for p in _TOKEN_SPLIT.split(word) if p]
            tokens.update(parts)
            if len(parts) > 1:
                tokens.add("".join(parts))
    return {t[:MAX_TOKEN_LENGTH] for t in tokens}


def query_tokens(text: str) -> list[str]:
    folded = fold(text)
    return [p for p in _TOKEN_SPLIT.split(folded) if p]


def digits(text: str) -> str:
    return "".join(ch for ch in text if ch.isdigit() and ch.isascii())


_MAX_CODE_POINT = 0x10FFFF
_SURROGATES = range(0xD800, 0xE000)


def prefix_upper_bound(prefix: str) -> str | None:
    """Smallest string greater than every string starting with ``prefix`` (code-point order), or None
    when there is none (a prefix of nothing but the last code point). Never a surrogate, which
    neither database could store or compare."""
    stem = prefix.rstrip(chr(_MAX_CODE_POINT))
    if not stem:
        return None
    following = ord(stem[-1]) + 1
    if following in _SURROGATES:
        following = _SURROGATES.stop
    return stem[:-1] + chr(following)


#: Stored sort keys are cut to this length (the column's size); a tie past it falls to the file's id.
SORT_KEY_LENGTH = 200
#: Between the last and the first name: below every character of a folded name, so "Roy Zoé" sorts
#: before "Roy-Bélanger Anne" as "roy" sorts before "roy-belanger".
_SORT_SEPARATOR = "\x01"


def sort_key(last_name: str, first_name: str) -> str:
    """The order of client files in search results: last name then first name, folded as the search
    tokens are ('Côté Marie' sorts with 'cote marie'), compared by code point on both databases."""
    last, first = (" ".join(fold(name).split()) for name in (last_name, first_name))
    return f"{last}{_SORT_SEPARATOR}{first}"[:SORT_KEY_LENGTH]
