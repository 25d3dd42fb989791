"""The privacy policy as the client reads it at the desk: the summary served with the policy version,
laid out for reading, and its full text on request. Both come from the policy service's record; no
widget reads policy files."""

from __future__ import annotations

import html

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QPlainTextEdit, QPushButton, QVBoxLayout, QWidget

from desktop.domain.client_texts import SigningText
from desktop.domain.enums import Language
from desktop.domain.records import PolicyVersionRecord
from ui.kit.retranslate import follow_language

__all__ = ["PolicyTextDialog", "summary_html"]


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
    """The full text of the policy version in force, read-only, titled in the client's language."""

    def __init__(
        self, policy: PolicyVersionRecord, language: Language, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(
            SigningText.full_policy_title.format(language, date=policy.effective_date.isoformat())
        )
        self.resize(760, 640)
        self.text = QPlainTextEdit(self)
        self.text.setObjectName("fullPolicyText")
        self.text.setReadOnly(True)
        self.text.setPlainText(policy.text)
        self.close_button = QPushButton(self)
        self.close_button.setAutoDefault(False)
        self.close_button.clicked.connect(self.accept)
        layout = QVBoxLayout(self)
        layout.addWidget(self.text, 1)
        layout.addWidget(self.close_button, 0, Qt.AlignmentFlag.AlignRight)
        follow_language(self, self.retranslate)

    def retranslate(self) -> None:
        """The staff's words; the title and the policy stay in the client's language."""
        self.text.setAccessibleName(self.tr("Full text of the privacy policy"))
        self.close_button.setText(self.tr("Close"))
