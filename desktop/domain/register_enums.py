"""The values the privacy registers record (Quebec's private-sector privacy act as amended by Law 25):
who information was disclosed to and how, access and rectification requests and what became of them,
and the legal hold that keeps a file out of the retention review."""

from __future__ import annotations

from enum import StrEnum


class DisclosureRecipient(StrEnum):
    """Who received the information (the policy's §4: the parent organisation, or as the law requires)."""

    PARENT_ORGANISATION = "parent_organisation"
    COURT = "court"
    POLICE = "police"
    PROFESSIONAL_ORDER = "professional_order"
    OTHER = "other"


class DisclosureMeans(StrEnum):
    """How the information was sent."""

    POST = "post"
    EMAIL = "email"
    FAX = "fax"
    HAND_DELIVERED = "hand_delivered"
    SECURE_TRANSFER = "secure_transfer"
    PHONE = "phone"
    OTHER = "other"


class AccessRequestKind(StrEnum):
    ACCESS = "access"
    RECTIFICATION = "rectification"


class AccessRequestChannel(StrEnum):
    PHONE = "phone"
    IN_CLINIC = "in_clinic"
    EMAIL = "email"
    POST = "post"


class AccessRequestEventKind(StrEnum):
    """What happened to a request after it was received (its state is derived from these)."""

    MATCHED = "matched"  # the client the request concerns, named or corrected
    IDENTITY_VERIFIED = "identity_verified"
    ANSWERED = "answered"  # what was sent is in the event's detail
    REFUSED = "refused"  # the reason is in the event's detail


class AccessAnswerItem(StrEnum):
    """What an answer sent."""

    EVIDENCE_PACK = "evidence_pack"
    FILE_COPY = "file_copy"
    RECTIFIED_FILE = "rectified_file"


class LegalHoldAction(StrEnum):
    PLACED = "placed"
    LIFTED = "lifted"
