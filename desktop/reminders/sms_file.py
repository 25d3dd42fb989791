"""The file for the clinic's SMS provider.

Format: UTF-8 (no byte-order mark), comma-separated, CRLF line ends, quoted where needed (RFC 4180),
one header row then one row per text message, with these columns:

``phone``
    the client's mobile number in E.164 form (``+14185550123``);
``message``
    the text to send, in the client's language (``resources/wording/reminders.json``, entry ``sms``);
``reference``
    the appointment's reference (8 characters), to match the provider's delivery report;
``language``
    ``fr`` or ``en``.

The number keeps its ``+``: the file is meant for the provider's import, not for a spreadsheet. A
message that would begin with a formula character is written with a leading quote, as in the other
exports (``desktop.reports.csv_safe``).
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable
from dataclasses import dataclass

from desktop.reports.csv_safe import neutralise

COLUMNS = ("phone", "message", "reference", "language")


@dataclass(frozen=True)
class SmsRow:
    phone: str
    message: str
    reference: str
    language: str


def sms_csv(rows: Iterable[SmsRow]) -> bytes:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n", quoting=csv.QUOTE_MINIMAL)
    writer.writerow(COLUMNS)
    for row in rows:
        writer.writerow([row.phone, neutralise(row.message), neutralise(row.reference), row.language])
    return buffer.getvalue().encode("utf-8")
