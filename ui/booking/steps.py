"""The steps of a booking, and on which step each field the service may find a problem with is entered."""

from __future__ import annotations

__all__ = ["FIELD_PAGES", "PAGE_APPOINTMENT", "PAGE_CONSENT", "PAGE_SIGNATURE"]

# The appointment, the consent answers, and (at the desk only) the policy summary and the signature.
PAGE_APPOINTMENT, PAGE_CONSENT, PAGE_SIGNATURE = range(3)

FIELD_PAGES = {
    "starts_at": PAGE_APPOINTMENT,
    "booked_via": PAGE_APPOINTMENT,
    "choices": PAGE_CONSENT,
    "method": PAGE_CONSENT,
    "interaction": PAGE_CONSENT,
    "representative_name": PAGE_CONSENT,
    "representative_capacity": PAGE_CONSENT,
    "signer_name": PAGE_SIGNATURE,
    "signer_capacity": PAGE_SIGNATURE,
    "signature": PAGE_SIGNATURE,
    "refusal_note": PAGE_SIGNATURE,
}
