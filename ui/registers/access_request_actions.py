"""The privacy officer's actions on the selected access or rectification request, each with what it
needs typed or ticked beside its button: the client file it concerns (by file number), how the
requester's identity was verified, what the answer sent, and why a request is refused."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QCheckBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.access_requests import MAX_HOW, MAX_REASON
from desktop.domain.register_enums import AccessAnswerItem
from ui.kit.retranslate import follow_language
from ui.registers.access_request_model import answer_item_name

__all__ = ["AccessRequestActions"]


class AccessRequestActions(QGroupBox):
    """The inputs and buttons; the window reads them and runs the actions."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.file_number = QLineEdit(self)
        self.file_number.setObjectName("matchFileNumber")
        self.file_number.setMaxLength(16)
        self.match_button = QPushButton(self)
        self.match_button.setObjectName("matchButton")
        self.identity_how = QLineEdit(self)
        self.identity_how.setObjectName("identityHow")
        self.identity_how.setMaxLength(MAX_HOW)
        self.verify_button = QPushButton(self)
        self.verify_button.setObjectName("verifyButton")
        self.items = {item: QCheckBox(self) for item in AccessAnswerItem}
        for item, box in self.items.items():
            box.setObjectName(f"answer_{item.value}")
        self.save_pdf = QCheckBox(self)
        self.save_pdf.setObjectName("saveEvidencePdf")
        self.answer_button = QPushButton(self)
        self.answer_button.setObjectName("answerButton")
        self.reason = QLineEdit(self)
        self.reason.setObjectName("refusalReason")
        self.reason.setMaxLength(MAX_REASON)
        self.refuse_button = QPushButton(self)
        self.refuse_button.setObjectName("refuseButton")
        for button in (self.match_button, self.verify_button, self.answer_button, self.refuse_button):
            button.setAutoDefault(False)
        self.items[AccessAnswerItem.EVIDENCE_PACK].toggled.connect(lambda _on: self._follow_pack())

        def row(field: QWidget, button: QPushButton) -> QHBoxLayout:
            line = QHBoxLayout()
            line.addWidget(field, 1)
            line.addWidget(button)
            return line

        sent = QVBoxLayout()
        for box in self.items.values():
            sent.addWidget(box)
        sent.addWidget(self.save_pdf)
        sent.addWidget(self.answer_button)
        self._labels = [QLabel(self) for _ in range(4)]
        form = QFormLayout(self)
        form.addRow(self._labels[0], row(self.file_number, self.match_button))
        form.addRow(self._labels[1], row(self.identity_how, self.verify_button))
        form.addRow(self._labels[2], sent)
        form.addRow(self._labels[3], row(self.reason, self.refuse_button))
        self._labels[0].setBuddy(self.file_number)
        self._labels[1].setBuddy(self.identity_how)
        self._labels[3].setBuddy(self.reason)
        self._follow_pack()
        follow_language(self, self.retranslate)

    def _follow_pack(self) -> None:
        # The PDF saved is the evidence pack's: there is none to save unless it is sent.
        sending = self.items[AccessAnswerItem.EVIDENCE_PACK].isChecked()
        self.save_pdf.setEnabled(sending and self.answer_button.isEnabled())
        if not sending:
            self.save_pdf.setChecked(False)

    def retranslate(self) -> None:
        self.setTitle(self.tr("Actions on the selected request"))
        labels = (
            self.tr("Client file number:"),
            self.tr("Identity verified by:"),
            self.tr("Answer sent:"),
            self.tr("Reason for refusing:"),
        )
        for label, text in zip(self._labels, labels, strict=True):
            label.setText(text)
        self.file_number.setPlaceholderText(self.tr("e.g. 000123"))
        self.file_number.setAccessibleName(self.tr("File number of the client the request concerns"))
        self.match_button.setText(self.tr("&Match to this file"))
        self.identity_how.setPlaceholderText(self.tr("e.g. driver's licence shown at the desk"))
        self.identity_how.setAccessibleName(self.tr("How the requester's identity was verified"))
        self.verify_button.setText(self.tr("Identity &verified"))
        for item, box in self.items.items():
            box.setText(answer_item_name(item))
        self.save_pdf.setText(self.tr("Also save the evidence pack's PDF…"))
        self.answer_button.setText(self.tr("Record the &answer…"))
        self.reason.setAccessibleName(self.tr("Why the request is refused"))
        self.refuse_button.setText(self.tr("Re&fuse…"))

    def chosen_items(self) -> frozenset[AccessAnswerItem]:
        return frozenset(item for item, box in self.items.items() if box.isChecked())

    def set_request_open(self, open_request: bool, *, busy: bool = False) -> None:
        enabled = open_request and not busy
        for widget in (
            self.file_number,
            self.match_button,
            self.identity_how,
            self.verify_button,
            *self.items.values(),
            self.answer_button,
            self.reason,
            self.refuse_button,
        ):
            widget.setEnabled(enabled)
        self._follow_pack()

    def clear(self) -> None:
        """After an action on a request, the inputs start empty for the next one."""
        for field in (self.file_number, self.identity_how, self.reason):
            field.clear()
        for box in (*self.items.values(), self.save_pdf):
            box.setChecked(False)
