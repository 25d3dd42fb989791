"""The privacy policy as the client reads it at the desk: its shipped summary, laid out for reading,
and its full text on request."""

from __future__ import annotations

import html

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QPlainTextEdit, QPushButton, QVBoxLayout, QWidget

from desktop.domain.enums import Language
from desktop.domain.records import PolicyVersionRecord
from desktop.paths import resource_path
from ui.kit.i18n import language_name

__all__ = ["PolicyTextDialog", "summary_html", "summary_text"]


def summary_text(policy: PolicyVersionRecord, language: Language) -> str:
    """The plain-language summary shipped for this policy version, or the full text when none is."""
    for candidate in (language, policy.language):
        path = resource_path("policies", f"{policy.version}.summary.{candidate.value}.txt")
        if path.is_file():
            return path.read_text(encoding="utf-8")
    return policy.text


def summary_html(text: str) -> str:
    """The summary's plain text laid out for reading: its title and its capitalised headings in bold."""
    blocks = []
    for number, line in enumerate(text.splitlines()):
        stripped = line.strip()
        if not stripped:
            continue
        escaped = html.escape(stripped)
        if number == 0:
            blocks.append(f"<h3>{escaped}</h3>")
        elif stripped.isupper():
            blocks.append(f"<h4 style='margin-top: 12px; margin-bottom: 2px;'>{escaped}</h4>")
        else:
            blocks.append(f"<p style='margin: 2px 0;'>{escaped}</p>")
    return "\n".join(blocks)


class PolicyTextDialog(QDialog):
    """The full text of the policy version in force, read-only."""

    def __init__(self, policy: PolicyVersionRecord, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(
            self.tr("Privacy policy of {date} ({language})").format(
                date=policy.effective_date.isoformat(), language=language_name(policy.language)
            )
        )
        self.resize(760, 640)
        self.text = QPlainTextEdit(self)
        self.text.setObjectName("fullPolicyText")
        self.text.setAccessibleName(self.tr("Full text of the privacy policy"))
        self.text.setReadOnly(True)
        self.text.setPlainText(policy.text)
        close = QPushButton(self.tr("Close"), self)
        close.setAutoDefault(False)
        close.clicked.connect(self.accept)
        layout = QVBoxLayout(self)
        layout.addWidget(self.text, 1)
        layout.addWidget(close, 0, Qt.AlignmentFlag.AlignRight)
