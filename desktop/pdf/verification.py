"""Short verification codes printed on acknowledgment PDFs.

A code such as ``7K3QD-9XW2M`` lets a receptionist or an inspector holding a printed copy find the
stored original and check it. It is 10 characters of Crockford base32 (50 bits), shown as two
groups of five.

Why the code comes from the acknowledgment id and not from the PDF: the code is printed *inside*
the PDF, and the SHA-256 of the finished PDF is what gets stored. A code derived from the PDF bytes
would change the bytes it was derived from. The code is therefore derived from the acknowledgment's
unique id (a UUID string), which is known before rendering; integrity of the file itself is checked
separately against the stored SHA-256 of the PDF. The code is a look-up key, not a secret or a
signature.

``normalise_code`` accepts what people actually type: lower case, spaces, a missing or different
dash, and Crockford's confusable letters (O for 0, I and L for 1).
"""

from __future__ import annotations

import hashlib
import uuid

CROCKFORD_ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
CODE_LENGTH = 10
GROUP_LENGTH = 5

_DOMAIN = b"frontdesk/acknowledgment-verification/v1\x00"
_CONFUSABLES = {"O": "0", "I": "1", "L": "1"}
_SEPARATORS = frozenset(" \t\r\n-\u2010\u2011\u2012\u2013\u2014\u2212_.\u00a0\u202f")


class InvalidVerificationCode(ValueError):
    """Raised by :func:`normalise_code` for text that cannot be a verification code."""


def _canonical_seed(seed: str) -> str:
    text = seed.strip()
    try:
        return str(uuid.UUID(text))
    except ValueError:
        return text


def verification_code(seed: str) -> str:
    """Return the code ``XXXXX-XXXXX`` for an acknowledgment id (or any other seed string).

    Pass the acknowledgment's unique id. UUIDs are canonicalised first, so ``{...}``, upper-case
    and hyphen-less spellings of the same UUID give the same code.
    """
    if not isinstance(seed, str) or not seed.strip():
        raise ValueError("verification code seed must be a non-empty string")
    digest = hashlib.sha256(_DOMAIN + _canonical_seed(seed).encode("utf-8")).digest()
    value = int.from_bytes(digest[:8], "big") >> (64 - 5 * CODE_LENGTH)
    chars = []
    for _ in range(CODE_LENGTH):
        chars.append(CROCKFORD_ALPHABET[value & 0x1F])
        value >>= 5
    code = "".join(reversed(chars))
    return f"{code[:GROUP_LENGTH]}-{code[GROUP_LENGTH:]}"


def normalise_code(text: str) -> str:
    """Return ``text`` as a canonical ``XXXXX-XXXXX`` code, or raise :class:`InvalidVerificationCode`.

    Case, spaces and dashes are ignored; O is read as 0 and I/L as 1.
    """
    if not isinstance(text, str):
        raise InvalidVerificationCode("verification code must be text")
    chars = []
    for ch in text:
        if ch in _SEPARATORS:
            continue
        if ch.isascii():
            ch = ch.upper()
        ch = _CONFUSABLES.get(ch, ch)
        if ch not in CROCKFORD_ALPHABET:
            raise InvalidVerificationCode(f"character not allowed in a verification code: {ch!r}")
        chars.append(ch)
    if len(chars) != CODE_LENGTH:
        raise InvalidVerificationCode(f"a verification code has {CODE_LENGTH} characters, got {len(chars)}")
    code = "".join(chars)
    return f"{code[:GROUP_LENGTH]}-{code[GROUP_LENGTH:]}"


def codes_match(typed: str, expected: str) -> bool:
    """True when ``typed`` is a spelling of ``expected`` (both are normalised); never raises."""
    try:
        return normalise_code(typed) == normalise_code(expected)
    except InvalidVerificationCode:
        return False
