"""A client's phone numbers: each with a kind and an extension; texts go only to one marked mobile."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class PhoneKind(StrEnum):
    MOBILE = "mobile"
    HOME = "home"
    WORK = "work"
    #: A number given before kinds existed: never texted until someone marks it mobile.
    UNSPECIFIED = "unspecified"


#: The most numbers one file lists (a form row each).
MAX_PHONES = 5


@dataclass(frozen=True)
class Phone:
    """One of a client's numbers: E.164 once validated (as typed in a draft), extension digits apart."""

    number: str
    kind: PhoneKind = PhoneKind.UNSPECIFIED
    extension: str = ""


def mobile_of(phones: tuple[Phone, ...] | list[Phone]) -> Phone | None:
    """The number texts go to: the first one marked mobile, none when no number is."""
    return next((phone for phone in phones if phone.kind is PhoneKind.MOBILE and phone.number), None)
