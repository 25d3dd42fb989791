"""PDF documents produced by FrontDesk (pure renderers: data in, PDF bytes out; no Qt, no database)."""

from desktop.pdf.acknowledgment import (
    AcknowledgmentDocument,
    ClinicInfo,
    ConsentChoice,
    render_acknowledgment_pdf,
)
from desktop.pdf.fonts import register_fonts
from desktop.pdf.verification import InvalidVerificationCode, normalise_code, verification_code

__all__ = [
    "AcknowledgmentDocument",
    "ClinicInfo",
    "ConsentChoice",
    "InvalidVerificationCode",
    "normalise_code",
    "register_fonts",
    "render_acknowledgment_pdf",
    "verification_code",
]
