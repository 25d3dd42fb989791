"""PDF documents produced by FrontDesk (pure renderers: data in, PDF bytes out; no Qt, no database).

The modules of this package import each other by their full names and never this ``__init__``,
which only gathers the public names.
"""

from desktop.pdf.acknowledgment import render_acknowledgment_pdf
from desktop.pdf.document import AcknowledgmentDocument, ClinicInfo, ConsentChoice
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
