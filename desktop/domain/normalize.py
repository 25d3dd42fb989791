"""Search keys: accent- and case-insensitive name tokens and phone digits."""

from __future__ import annotations

import re
import unicodedata

_TOKEN_SPLIT = re.compile(r"[^\w]+|_", re.UNICODE)
_FOLD_EXTRA = str.maketrans(
    {"ß": "ss", "æ": "ae", "œ": "oe", "ø": "o", "ł": "l", "đ": "d", "ð": "d", "þ": "th"}
)


def fold(text: str) -> str:
    """Lower-case, strip accents: 'Côté' -> 'cote', 'Nguyễn' -> 'nguyen', 'Œuvre' -> 'oeuvre'."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return stripped.translate(_FOLD_EXTRA)


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
    return {t[:64] for t in tokens}


def query_tokens(text: str) -> list[str]:
    folded = fold(text)
    return [p for p in _TOKEN_SPLIT.split(folded) if p]


def digits(text: str) -> str:
    return "".join(ch for ch in text if ch.isdigit() and ch.isascii())


def prefix_upper_bound(prefix: str) -> str:
    """Smallest string greater than every string starting with ``prefix`` (code-point order)."""
    return prefix[:-1] + chr(ord(prefix[-1]) + 1)
