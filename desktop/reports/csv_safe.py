"""CSV that a spreadsheet opens safely and correctly.

A cell that begins with ``=``, ``+``, ``-``, ``@``, a tab or a carriage return can be taken for a
formula by Excel or LibreOffice (CSV injection: ``=HYPERLINK(...)`` in a client's name). Such cells
are written with a leading single quote, which makes the spreadsheet treat them as text. Files are
UTF-8 with a byte-order mark so Excel reads accents, with CRLF line ends.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Sequence

BOM = "\ufeff"
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def neutralise(value: object) -> str:
    text = "" if value is None else str(value)
    return "'" + text if text.startswith(FORMULA_STARTS) else text


def csv_bytes(rows: Iterable[Sequence[object]], *, delimiter: str = ",") -> bytes:
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=delimiter, lineterminator="\r\n", quoting=csv.QUOTE_MINIMAL)
    for row in rows:
        writer.writerow([neutralise(cell) for cell in row])
    return (BOM + buffer.getvalue()).encode("utf-8")
