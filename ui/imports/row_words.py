"""How a row of the file is said on screen: its state, its problems and what it holds, in the staff
language of the moment."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from desktop.domain.import_records import ImportField, ImportRow, RowStatus
from ui.kit.i18n import current_language

__all__ = ["identity_text", "problems_text", "status_text", "status_tone"]

_TONES = {
    RowStatus.OK: "ok",
    RowStatus.ERROR: "danger",
    RowStatus.POSSIBLE_DUPLICATE: "warning",
    RowStatus.ALREADY_IMPORTED: "neutral",
}


def status_text(status: RowStatus) -> str:
    words = {
        RowStatus.OK: QCoreApplication.translate("ImportRows", "✔ Ready"),
        RowStatus.ERROR: QCoreApplication.translate("ImportRows", "✖ Not imported"),
        RowStatus.POSSIBLE_DUPLICATE: QCoreApplication.translate("ImportRows", "⚠ Possible duplicate"),
        RowStatus.ALREADY_IMPORTED: QCoreApplication.translate("ImportRows", "↺ Already imported"),
    }
    return words[status]


def status_tone(status: RowStatus) -> str:
    return _TONES[status]


def problems_text(row: ImportRow) -> str:
    """The row's problems, one after the other, in the staff language."""
    language = current_language()
    return " · ".join(problem.get(language) for problem in row.problems)


def identity_text(row: ImportRow) -> str:
    """Who the row is: "Tremblay, Marie · 1980-05-17 · NAM TREM80551712"."""
    values = row.values
    name = ", ".join(v for v in (values.get(ImportField.LAST_NAME), values.get(ImportField.FIRST_NAME)) if v)
    parts = [name, values.get(ImportField.DATE_OF_BIRTH, "")]
    nam = values.get(ImportField.HEALTH_NUMBER, "")
    if nam:
        parts.append(QCoreApplication.translate("ImportRows", "NAM: {nam}").format(nam=nam))
    return " · ".join(part for part in parts if part)
