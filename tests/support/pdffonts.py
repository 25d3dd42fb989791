"""Reading a PDF's fonts back with poppler's ``pdffonts``."""

from __future__ import annotations

import re
import subprocess
import tempfile
import unicodedata
from pathlib import Path


def pdffonts_rows(pdf: bytes) -> list[str]:
    """One line per font of the document, as ``pdffonts`` lists them (name, type, encoding, emb, sub, uni)."""
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "doc.pdf"
        path.write_bytes(pdf)
        report = subprocess.run(
            ["pdffonts", str(path)], capture_output=True, text=True, check=True, timeout=60
        ).stdout
    return report.splitlines()[2:]


def unembedded_fonts(pdf: bytes) -> list[str]:
    """The fonts that are not embedded as subsets with a Unicode map: every one should be."""
    return [row for row in pdffonts_rows(pdf) if not re.search(r"\byes\s+yes\s+yes\b", row)]


def logical(text: str) -> str:
    """Extracted text compared as it was typed: Arabic joined forms back to letters (NFKC), the
    embedding marks ``pdftotext`` puts around right-to-left runs removed."""
    return re.sub("[\u202a-\u202e\u2066-\u2069\u200e\u200f]", "", unicodedata.normalize("NFKC", text))
