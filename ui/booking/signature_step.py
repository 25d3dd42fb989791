"""At the desk, the last page of a booking: the client reads the policy summary, then signs it (or a
representative does), or refuses to sign.

What the client reads and signs (the summary and its title, the title above the pad, the line to sign
on) is in the client's language, from the core catalog; the receptionist's controls (who signs, the
refusal, the problems shown) follow the interface language.
"""

from __future__ import annotations

from collections.abc import Callable
from uuid import UUID

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.client_texts import SigningText
from desktop.domain.enums import Language, SignerCapacity
from desktop.domain.records import SignatureCapture
from ui.booking.feedback import ALERT_COLOUR, Message, as_maker, error_label
from ui.booking.policy_text import summary_html
from ui.kit.retranslate import follow_language
from ui.kit.signature_pad import SignaturePad

__all__ = ["SignatureStep"]


class SignatureStep(QWidget):
    """At the desk: the client reads the policy summary, then signs it (or a representative does),
    or refuses to sign.

    A client under the age of own consent cannot sign for themselves: the representative is chosen
    and only a parent or a tutor may sign, as the service requires.
    """

    full_policy_requested = Signal()
    changed = Signal()

    def __init__(
        self, language: Language, client_name: str, age: int, minor: bool, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._language = language
        self._client_name = client_name
        self._minor = minor
        self._age = age
        # The problems shown beside the inputs, as functions making them (said again in a new language).
        self._errors: dict[QLabel, list[Callable[[], str]]] = {}

        # Left: what the client reads, in the client's language.
        self.summary_title = QLabel(SigningText.summary_title.get(language), self)
        self.summary_title.setObjectName("policySummaryTitle")
        self.summary_title.setStyleSheet("font-weight: bold;")
        self.summary_view = QTextBrowser(self)
        self.summary_view.setObjectName("policySummary")
        self.summary_view.setOpenLinks(False)
        self.summary_view.setPlainText(SigningText.summary_loading.get(language))
        self.full_policy_button = QPushButton(self)
        self.full_policy_button.setObjectName("showFullPolicy")
        self.full_policy_button.setAutoDefault(False)
        self.full_policy_button.clicked.connect(self.full_policy_requested)

        left = QVBoxLayout()
        left.addWidget(self.summary_title)
        left.addWidget(self.summary_view, 1)
        left.addWidget(self.full_policy_button, 0, Qt.AlignmentFlag.AlignLeft)

        # Right: who signs, the pad, or the refusal.
        self.client_signs = QRadioButton(self)
        self.client_signs.setObjectName("signerClient")
        self.representative_signs = QRadioButton(self)
        self.representative_signs.setObjectName("signerRepresentative")
        self._signer_group = QButtonGroup(self)
        self._signer_group.addButton(self.client_signs)
        self._signer_group.addButton(self.representative_signs)

        self.representative_name = QLineEdit(self)
        self.representative_name.setObjectName("representativeName")
        self.capacity = QComboBox(self)
        self.capacity.setObjectName("representativeCapacity")
        capacities = [SignerCapacity.PARENT, SignerCapacity.TUTOR]
        if not minor:
            capacities.append(SignerCapacity.MANDATARY)
        for capacity in capacities:
            self.capacity.addItem("", capacity)
        self.signer_error = error_label(self, "signerError")

        self.minor_note = QLabel(self)
        self.minor_note.setObjectName("minorNote")
        self.minor_note.setWordWrap(True)
        self.minor_note.setStyleSheet(f"color: {ALERT_COLOUR}; font-weight: bold;")
        self.minor_note.setVisible(minor)

        self.pad = SignaturePad(self, language=language)
        self.pad.setObjectName("signaturePad")
        self.pad.setMinimumHeight(170)
        self.undo_button = QPushButton(self)
        self.undo_button.setAutoDefault(False)
        self.clear_button = QPushButton(self)
        self.clear_button.setAutoDefault(False)
        self.signature_error = error_label(self, "signatureError")

        self.refuses = QCheckBox(self)
        self.refuses.setObjectName("refusesToSign")
        self.refusal_note = QLineEdit(self)
        self.refusal_note.setObjectName("refusalNote")
        self.refusal_note.setEnabled(False)

        representative_row = QHBoxLayout()
        representative_row.addWidget(self.representative_name, 2)
        representative_row.addWidget(self.capacity, 1)
        pad_buttons = QHBoxLayout()
        pad_buttons.addWidget(self.undo_button)
        pad_buttons.addWidget(self.clear_button)
        pad_buttons.addStretch(1)

        right = QVBoxLayout()
        self.signer_title = QLabel(self)
        self.signer_title.setStyleSheet("font-weight: bold;")
        right.addWidget(self.signer_title)
        right.addWidget(self.minor_note)
        right.addWidget(self.client_signs)
        right.addWidget(self.representative_signs)
        right.addLayout(representative_row)
        right.addWidget(self.signer_error)
        self.pad_title = QLabel(self)
        self.pad_title.setObjectName("signaturePadTitle")
        self.pad_title.setStyleSheet("font-weight: bold; margin-top: 6px;")
        right.addWidget(self.pad_title)
        right.addWidget(self.pad, 1)
        right.addLayout(pad_buttons)
        right.addWidget(self.signature_error)
        right.addWidget(self.refuses)
        right.addWidget(self.refusal_note)

        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(left, 5)
        layout.addLayout(right, 4)

        self.client_signs.setEnabled(not minor)
        (self.representative_signs if minor else self.client_signs).setChecked(True)
        self.client_signs.toggled.connect(self._signer_changed)
        self.refuses.toggled.connect(self._refusal_changed)
        self.undo_button.clicked.connect(self.pad.undo_last_stroke)
        self.clear_button.clicked.connect(self.pad.clear)
        self.pad.changed.connect(self._ink_changed)
        for edit in (self.representative_name, self.refusal_note):
            edit.textEdited.connect(lambda _t: self.changed.emit())
        self._signer_changed()
        self._ink_changed()
        follow_language(self, self.retranslate)

    def retranslate(self) -> None:
        """The receptionist's controls follow the staff language; what the client reads and signs does not."""
        self.summary_view.setAccessibleName(self.tr("Privacy policy summary for the client to read"))
        self.full_policy_button.setText(self.tr("Show the &full policy…"))
        self.full_policy_button.setAccessibleName(self.tr("Show the full text of the privacy policy"))
        self.client_signs.setText(self.tr("The &client signs"))
        self.client_signs.setAccessibleName(self.tr("The client signs"))
        self.representative_signs.setText(self.tr("A &representative signs"))
        self.representative_signs.setAccessibleName(self.tr("A representative signs for the client"))
        self.representative_name.setAccessibleName(self.tr("Representative's full name"))
        self.representative_name.setPlaceholderText(self.tr("Representative's full name"))
        self.capacity.setAccessibleName(self.tr("Representative's capacity"))
        labels = {
            SignerCapacity.PARENT: self.tr("Parent"),
            SignerCapacity.TUTOR: self.tr("Tutor"),
            SignerCapacity.MANDATARY: self.tr("Mandatary"),
        }
        for index in range(self.capacity.count()):
            self.capacity.setItemText(index, labels[SignerCapacity(self.capacity.itemData(index))])
        self.signer_error.setAccessibleName(self.tr("Problem with the signer"))
        self.minor_note.setText(
            self.tr("The client is {age} years old: a parent or tutor must sign.").format(age=self._age)
            if self._minor
            else ""
        )
        self.undo_button.setText(self.tr("&Undo stroke"))
        self.undo_button.setAccessibleName(self.tr("Undo the last stroke of the signature"))
        self.clear_button.setText(self.tr("C&lear signature"))
        self.clear_button.setAccessibleName(self.tr("Clear the signature"))
        self.signature_error.setAccessibleName(self.tr("Problem with the signature"))
        self.refuses.setText(self.tr("The client re&fuses to sign"))
        self.refuses.setAccessibleName(self.tr("The client refuses to sign"))
        self.refusal_note.setAccessibleName(self.tr("Note about the refusal (optional)"))
        self.refusal_note.setPlaceholderText(self.tr("Note about the refusal (optional)"))
        self.signer_title.setText(self.tr("Who signs"))
        for label in self._errors:
            self._show_errors_on(label)

    # ------------------------------------------------------------------ API

    @property
    def language(self) -> Language:
        """The client's language: everything the client reads or signs here is in it."""
        return self._language

    def set_summary(self, text: str) -> None:
        """Show the summary as served with the policy version (or a message when it could not load)."""
        self.summary_view.setHtml(summary_html(text))

    @property
    def refused(self) -> bool:
        return self.refuses.isChecked()

    def signer_capacity(self) -> SignerCapacity:
        if self.client_signs.isChecked():
            return SignerCapacity.CLIENT
        return SignerCapacity(self.capacity.currentData())

    def local_problems(self) -> dict[str, str]:
        """What can be told before saving: an unreadable signature, a representative without a name."""
        return {field: make() for field, make in self.local_problem_makers().items()}

    def local_problem_makers(self) -> dict[str, Callable[[], str]]:
        """:meth:`local_problems` as functions making each text in the staff language of the moment."""
        problems: dict[str, Callable[[], str]] = {}
        if self.signer_capacity() != SignerCapacity.CLIENT and not self.representative_name.text().strip():
            problems["signer_name"] = lambda: self.tr("Enter the representative's full name.")
        if not self.refused and self.pad.is_empty():
            problems["signature"] = lambda: self.tr(
                "Nothing is signed yet: have the pad signed, or tick “The client refuses to sign”."
            )
        elif not self.refused and not self.pad.has_enough_ink():
            problems["signature"] = lambda: self.tr(
                "The signature is too small or too short to be kept. Clear it and ask for the usual "
                "signature, or tick “The client refuses to sign”."
            )
        return problems

    def capture(self, uid: UUID) -> SignatureCapture:
        """The signature (or refusal) as typed and drawn now; call only without local problems."""
        capacity = self.signer_capacity()
        return SignatureCapture(
            signer_capacity=capacity,
            signer_name="" if capacity == SignerCapacity.CLIENT else self.representative_name.text(),
            signature_png=None if self.refused else self.pad.to_png(),
            refused=self.refused,
            refusal_note=self.refusal_note.text() if self.refused else "",
            language=self._language,
            uid=uid,
        )

    def clear_errors(self) -> None:
        self._errors.clear()
        for label in (self.signer_error, self.signature_error):
            label.clear()
            label.hide()

    def show_error(self, field: str, text: Message) -> bool:
        """Show a problem beside its input (given as a function, it is said again in a new language);
        False when the field is not on this page."""
        label = {
            "signer_name": self.signer_error,
            "signer_capacity": self.signer_error,
            "signature": self.signature_error,
            "refusal_note": self.signature_error,
        }.get(field)
        if label is None:
            return False
        if not label.text():
            self._errors[label] = []
        self._errors.setdefault(label, []).append(as_maker(text))
        self._show_errors_on(label)
        label.show()
        return True

    def _show_errors_on(self, label: QLabel) -> None:
        label.setText("\n".join(make() for make in self._errors.get(label, [])))

    def focus_field(self, field: str) -> None:
        target = {
            "signer_name": self.representative_name,
            "signer_capacity": self.capacity,
            "signature": self.pad,
            "refusal_note": self.refusal_note,
        }.get(field, self.pad)
        target.setFocus()

    def focus_chain(self) -> list[QWidget]:
        """The inputs in the order Tab goes through them: what to read first, then who signs and how."""
        return [
            self.full_policy_button,
            self.summary_view,
            self.client_signs,
            self.representative_signs,
            self.representative_name,
            self.capacity,
            self.pad,
            self.undo_button,
            self.clear_button,
            self.refuses,
            self.refusal_note,
        ]

    def set_inputs_enabled(self, enabled: bool) -> None:
        for widget in (self.client_signs, self.representative_signs, self.refuses, self.full_policy_button):
            widget.setEnabled(enabled)
        self.client_signs.setEnabled(enabled and not self._minor)
        self._signer_changed(enabled=enabled)
        self._refusal_changed(enabled=enabled)

    # ------------------------------------------------------------ internals

    def _signer_changed(self, *_args: object, enabled: bool = True) -> None:
        representative = not self.client_signs.isChecked()
        self.representative_name.setEnabled(enabled and representative)
        self.capacity.setEnabled(enabled and representative)
        # Above the pad, for the person signing: in the client's language.
        if representative:
            self.pad_title.setText(SigningText.signature_of_representative.get(self._language))
        else:
            self.pad_title.setText(SigningText.signature_of.format(self._language, name=self._client_name))
        self.changed.emit()

    def _refusal_changed(self, *_args: object, enabled: bool = True) -> None:
        # The ink stays on the pad when the refusal is ticked, so unticking it loses nothing.
        refused = self.refuses.isChecked()
        self.refusal_note.setEnabled(enabled and refused)
        for widget in (self.pad, self.undo_button, self.clear_button):
            widget.setEnabled(enabled and not refused)
        if refused:
            self.signature_error.hide()
        self.changed.emit()

    def _ink_changed(self) -> None:
        self.signature_error.hide()
        self.signature_error.clear()
        self._errors.pop(self.signature_error, None)
        self.changed.emit()
