"""The consent step of a booking: one box per purpose and channel, in the client's language, and at
the desk the signed (or refused) acknowledgment of the privacy policy.

Consent is opt-in: a box starts ticked only when the client's consent for that purpose and channel is
already on record (and says so, with the date). Unticking such a box withdraws that consent, and the
state column says so as soon as it happens. Only the boxes whose answer differs from the record
become changes; the service records nothing for the others.
"""

from __future__ import annotations

import html
from datetime import datetime
from uuid import UUID

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QScrollArea,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.enums import Channel, ConsentAction, Language, Purpose, SignerCapacity
from desktop.domain.records import ConsentGrid, SignatureCapture
from desktop.domain.wording import consent_sentence, purpose_label
from ui.kit.i18n import language_name
from ui.kit.signature_pad import SignaturePad

__all__ = ["ConsentStep", "SignatureStep", "error_label", "local_day"]

Cell = tuple[Purpose, Channel]

# Colours chosen to stay readable on the default light palette and to differ by more than hue, so
# the state is never carried by colour alone (the text says it too).
_GRANT_COLOUR = "#1b5e20"
_WITHDRAW_COLOUR = "#b71c1c"
_MUTED_COLOUR = "#555555"
#: Wide enough for "Already granted on 2026-03-02 → will be WITHDRAWN" on two lines.
STATE_COLUMN_WIDTH = 230


def local_day(moment: datetime) -> str:
    """The workstation's calendar day of a stored UTC moment, as YYYY-MM-DD."""
    return moment.astimezone().date().isoformat()


class _SentenceLabel(QLabel):
    """The sentence beside a box; clicking it toggles the box, like a checkbox's own text."""

    clicked = Signal()

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton and self.rect().contains(event.position().toPoint()):
            self.clicked.emit()
        super().mouseReleaseEvent(event)


class ConsentStep(QWidget):
    """Asks the client, purpose by purpose and channel by channel, what they agree to.

    Call :meth:`set_grid` with the client's current consent before the person may answer;
    :meth:`changes` gives the answers that differ from it.
    """

    changed = Signal()
    retry_requested = Signal()

    def __init__(self, language: Language, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._language = language
        self._grid: ConsentGrid | None = None
        self._boxes: dict[Cell, QCheckBox] = {}
        self._states: dict[Cell, QLabel] = {}
        self._sentences: dict[Cell, QLabel] = {}

        self.instructions = QLabel(self)
        self.instructions.setObjectName("consentInstructions")
        self.instructions.setWordWrap(True)
        self.instructions.setText(
            self.tr(
                "Show or read each sentence to the client as written ({language}). Tick only what the client "
                "agrees to. A box that is already ticked is a consent given before: leave it ticked to keep "
                "it — unticking it withdraws that consent."
            ).format(language=language_name(language))
        )

        self.load_status = QLabel(self)
        self.load_status.setObjectName("consentLoadStatus")
        self.load_status.setWordWrap(True)
        self.load_status.setAccessibleName(self.tr("Loading status of the client's consent"))
        self.retry_button = QPushButton(self.tr("Try again"), self)
        self.retry_button.setAccessibleName(self.tr("Load the client's consent again"))
        self.retry_button.setAutoDefault(False)
        self.retry_button.hide()
        self.retry_button.clicked.connect(self.retry_requested)

        self.summary = QLabel(self)
        self.summary.setObjectName("consentSummary")
        self.summary.setWordWrap(True)
        self.summary.setAccessibleName(self.tr("Changes to the client's consent"))

        body = QWidget()
        body.setObjectName("consentBody")
        rows = QVBoxLayout(body)
        rows.setSpacing(8)
        for purpose in Purpose:
            rows.addWidget(self._purpose_group(body, purpose))
        rows.addStretch(1)
        scroll = QScrollArea(self)
        scroll.setObjectName("consentScroll")
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.StyledPanel)
        scroll.setWidget(body)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.instructions)
        layout.addWidget(self.load_status)
        layout.addWidget(self.retry_button, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(scroll, 1)
        layout.addWidget(self.summary)
        self.set_loading()

    def _purpose_group(self, body: QWidget, purpose: Purpose) -> QFrame:
        group = QFrame(body)
        group.setObjectName("purposeGroup")
        # A light panel per purpose keeps its four channels visibly together while scrolling.
        group.setStyleSheet(
            "QFrame#purposeGroup { background: #f6f8fb; border: 1px solid #d9dee6; border-radius: 4px; }"
        )
        column = QVBoxLayout(group)
        column.setContentsMargins(8, 6, 8, 6)
        column.setSpacing(3)
        heading = QLabel(purpose_label(purpose, self._language), group)
        heading.setObjectName(f"purposeHeading_{purpose.value}")
        heading.setStyleSheet("font-weight: bold; border: none;")
        column.addWidget(heading)
        for channel in Channel:
            column.addLayout(self._cell_row(group, purpose, channel))
        return group

    def _cell_row(self, group: QFrame, purpose: Purpose, channel: Channel) -> QHBoxLayout:
        sentence = consent_sentence(purpose, channel, self._language)
        box = QCheckBox(group)
        box.setObjectName(f"consent_{purpose.value}_{channel.value}")
        box.setAccessibleName(sentence)
        sentence_label = _SentenceLabel(sentence, group)
        sentence_label.setWordWrap(True)
        sentence_label.setTextFormat(Qt.TextFormat.PlainText)
        sentence_label.setStyleSheet("border: none;")
        sentence_label.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        sentence_label.clicked.connect(lambda b=box: b.isEnabled() and b.toggle())
        state = QLabel(group)
        state.setObjectName(f"consentState_{purpose.value}_{channel.value}")
        state.setWordWrap(True)
        state.setTextFormat(Qt.TextFormat.PlainText)
        state.setFixedWidth(STATE_COLUMN_WIDTH)
        state.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        row = QHBoxLayout()
        row.setSpacing(8)
        row.addWidget(box, 0, Qt.AlignmentFlag.AlignTop)
        row.addWidget(sentence_label, 1, Qt.AlignmentFlag.AlignTop)
        row.addWidget(state, 0, Qt.AlignmentFlag.AlignTop)
        cell = (purpose, channel)
        self._boxes[cell] = box
        self._states[cell] = state
        self._sentences[cell] = sentence_label
        box.toggled.connect(lambda _on, c=cell: self._answer_changed(c))
        return row

    # ------------------------------------------------------------------ API

    @property
    def language(self) -> Language:
        return self._language

    @property
    def is_loaded(self) -> bool:
        return self._grid is not None

    def checkbox(self, purpose: Purpose, channel: Channel) -> QCheckBox:
        return self._boxes[(purpose, channel)]

    def state_text(self, purpose: Purpose, channel: Channel) -> str:
        return self._states[(purpose, channel)].text()

    def sentence(self, purpose: Purpose, channel: Channel) -> str:
        return self._sentences[(purpose, channel)].text()

    def set_loading(self) -> None:
        self._grid = None
        self.load_status.setText(self.tr("Loading the client's current consent…"))
        self.load_status.show()
        self.retry_button.hide()
        self._set_boxes_enabled(False)

    def set_load_failed(self, message: str) -> None:
        self._grid = None
        self.load_status.setText(
            self.tr("The client's current consent could not be loaded: {detail}").format(detail=message)
        )
        self.load_status.show()
        self.retry_button.show()
        self._set_boxes_enabled(False)

    def set_grid(self, grid: ConsentGrid) -> None:
        """Show the recorded state; boxes start ticked exactly where consent is on record."""
        self._grid = grid
        for cell, box in self._boxes.items():
            box.blockSignals(True)
            box.setChecked(grid.granted(*cell))
            box.blockSignals(False)
            self._show_state(cell)
        self.load_status.hide()
        self.retry_button.hide()
        self._set_boxes_enabled(True)
        self._show_summary()

    def set_answers_enabled(self, enabled: bool) -> None:
        self._set_boxes_enabled(enabled and self.is_loaded)

    def answers(self) -> dict[Cell, bool]:
        return {cell: box.isChecked() for cell, box in self._boxes.items()}

    def changes(self) -> list[tuple[Purpose, Channel, bool]]:
        """(purpose, channel, granted) for every box whose answer differs from the record."""
        if self._grid is None:
            return []
        return [
            (purpose, channel, on)
            for (purpose, channel), on in self.answers().items()
            if on != self._grid.granted(purpose, channel)
        ]

    def first_box(self) -> QCheckBox:
        return next(iter(self._boxes.values()))

    # ------------------------------------------------------------ internals

    def _set_boxes_enabled(self, enabled: bool) -> None:
        for box in self._boxes.values():
            box.setEnabled(enabled)

    def _answer_changed(self, cell: Cell) -> None:
        self._show_state(cell)
        self._show_summary()
        self.changed.emit()

    def _show_state(self, cell: Cell) -> None:
        label = self._states[cell]
        box = self._boxes[cell]
        if self._grid is None:
            label.setText("")
            return
        recorded = self._grid.cells[cell]
        ticked = box.isChecked()
        event = recorded.last_event
        if recorded.granted:
            on_record = self.tr("Already granted on {date}").format(date=local_day(event.recorded_at))
        elif event is not None and event.action == ConsentAction.WITHDRAWN:
            on_record = self.tr("Withdrawn on {date}").format(date=local_day(event.recorded_at))
        else:
            on_record = self.tr("Not granted")
        if ticked == recorded.granted:
            text, colour = on_record, _GRANT_COLOUR if recorded.granted else _MUTED_COLOUR
        elif ticked:
            text, colour = self.tr("{state} → will be GRANTED").format(state=on_record), _GRANT_COLOUR
        else:
            text, colour = self.tr("{state} → will be WITHDRAWN").format(state=on_record), _WITHDRAW_COLOUR
        label.setText(text)
        weight = "bold" if ticked != recorded.granted else "normal"
        label.setStyleSheet(f"color: {colour}; font-weight: {weight}; border: none;")
        box.setAccessibleDescription(text)

    def _show_summary(self) -> None:
        changes = self.changes()
        granted = sum(1 for *_, on in changes if on)
        withdrawn = len(changes) - granted
        if not changes:
            self.summary.setText(self.tr("No change to the client's consent so far."))
            self.summary.setStyleSheet("")
            return
        self.summary.setText(
            self.tr("Changes to record: {granted} consent(s) given, {withdrawn} withdrawn.").format(
                granted=granted, withdrawn=withdrawn
            )
        )
        self.summary.setStyleSheet(f"color: {_WITHDRAW_COLOUR}; font-weight: bold;" if withdrawn else "")


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

        # Left: what the client reads.
        self.summary_title = QLabel(
            self.tr("Privacy policy summary ({language})").format(language=language_name(language)), self
        )
        self.summary_title.setStyleSheet("font-weight: bold;")
        self.summary_view = QTextBrowser(self)
        self.summary_view.setObjectName("policySummary")
        self.summary_view.setAccessibleName(self.tr("Privacy policy summary for the client to read"))
        self.summary_view.setOpenLinks(False)
        self.summary_view.setPlainText(self.tr("Loading the policy summary…"))
        self.full_policy_button = QPushButton(self.tr("Show the &full policy…"), self)
        self.full_policy_button.setObjectName("showFullPolicy")
        self.full_policy_button.setAccessibleName(self.tr("Show the full text of the privacy policy"))
        self.full_policy_button.setAutoDefault(False)
        self.full_policy_button.clicked.connect(self.full_policy_requested)

        left = QVBoxLayout()
        left.addWidget(self.summary_title)
        left.addWidget(self.summary_view, 1)
        left.addWidget(self.full_policy_button, 0, Qt.AlignmentFlag.AlignLeft)

        # Right: who signs, the pad, or the refusal.
        self.client_signs = QRadioButton(self.tr("The &client signs"), self)
        self.client_signs.setObjectName("signerClient")
        self.client_signs.setAccessibleName(self.tr("The client signs"))
        self.representative_signs = QRadioButton(self.tr("A &representative signs"), self)
        self.representative_signs.setObjectName("signerRepresentative")
        self.representative_signs.setAccessibleName(self.tr("A representative signs for the client"))
        self._signer_group = QButtonGroup(self)
        self._signer_group.addButton(self.client_signs)
        self._signer_group.addButton(self.representative_signs)

        self.representative_name = QLineEdit(self)
        self.representative_name.setObjectName("representativeName")
        self.representative_name.setAccessibleName(self.tr("Representative's full name"))
        self.representative_name.setPlaceholderText(self.tr("Representative's full name"))
        self.capacity = QComboBox(self)
        self.capacity.setObjectName("representativeCapacity")
        self.capacity.setAccessibleName(self.tr("Representative's capacity"))
        capacities = [(SignerCapacity.PARENT, self.tr("Parent")), (SignerCapacity.TUTOR, self.tr("Tutor"))]
        if not minor:
            capacities.append((SignerCapacity.MANDATARY, self.tr("Mandatary")))
        for capacity, label in capacities:
            self.capacity.addItem(label, capacity)
        self.signer_error = error_label(self, "signerError", self.tr("Problem with the signer"))

        self.minor_note = QLabel(self)
        self.minor_note.setObjectName("minorNote")
        self.minor_note.setWordWrap(True)
        self.minor_note.setStyleSheet(f"color: {_WITHDRAW_COLOUR}; font-weight: bold;")
        self.minor_note.setText(
            self.tr("The client is {age} years old: a parent or tutor must sign.").format(age=age)
            if minor
            else ""
        )
        self.minor_note.setVisible(minor)

        self.pad = SignaturePad(self)
        self.pad.setObjectName("signaturePad")
        self.pad.setMinimumHeight(170)
        self.undo_button = QPushButton(self.tr("&Undo stroke"), self)
        self.undo_button.setAccessibleName(self.tr("Undo the last stroke of the signature"))
        self.undo_button.setAutoDefault(False)
        self.clear_button = QPushButton(self.tr("C&lear signature"), self)
        self.clear_button.setAccessibleName(self.tr("Clear the signature"))
        self.clear_button.setAutoDefault(False)
        self.signature_error = error_label(self, "signatureError", self.tr("Problem with the signature"))

        self.refuses = QCheckBox(self.tr("The client re&fuses to sign"), self)
        self.refuses.setObjectName("refusesToSign")
        self.refuses.setAccessibleName(self.tr("The client refuses to sign"))
        self.refusal_note = QLineEdit(self)
        self.refusal_note.setObjectName("refusalNote")
        self.refusal_note.setAccessibleName(self.tr("Note about the refusal (optional)"))
        self.refusal_note.setPlaceholderText(self.tr("Note about the refusal (optional)"))
        self.refusal_note.setEnabled(False)

        representative_row = QHBoxLayout()
        representative_row.addWidget(self.representative_name, 2)
        representative_row.addWidget(self.capacity, 1)
        pad_buttons = QHBoxLayout()
        pad_buttons.addWidget(self.undo_button)
        pad_buttons.addWidget(self.clear_button)
        pad_buttons.addStretch(1)

        right = QVBoxLayout()
        signer_title = QLabel(self.tr("Who signs"), self)
        signer_title.setStyleSheet("font-weight: bold;")
        right.addWidget(signer_title)
        right.addWidget(self.minor_note)
        right.addWidget(self.client_signs)
        right.addWidget(self.representative_signs)
        right.addLayout(representative_row)
        right.addWidget(self.signer_error)
        self.pad_title = QLabel(self)
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

    # ------------------------------------------------------------------ API

    def set_summary(self, text: str) -> None:
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
        problems: dict[str, str] = {}
        if self.signer_capacity() != SignerCapacity.CLIENT and not self.representative_name.text().strip():
            problems["signer_name"] = self.tr("Enter the representative's full name.")
        if not self.refused and self.pad.is_empty():
            problems["signature"] = self.tr(
                "Nothing is signed yet: have the pad signed, or tick “The client refuses to sign”."
            )
        elif not self.refused and not self.pad.has_enough_ink():
            problems["signature"] = self.tr(
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
        for label in (self.signer_error, self.signature_error):
            label.clear()
            label.hide()

    def show_error(self, field: str, text: str) -> bool:
        """Show a problem beside its input; False when the field is not on this page."""
        label = {
            "signer_name": self.signer_error,
            "signer_capacity": self.signer_error,
            "signature": self.signature_error,
            "refusal_note": self.signature_error,
        }.get(field)
        if label is None:
            return False
        label.setText(text if not label.text() else f"{label.text()}\n{text}")
        label.show()
        return True

    def focus_field(self, field: str) -> None:
        target = {
            "signer_name": self.representative_name,
            "signer_capacity": self.capacity,
            "signature": self.pad,
            "refusal_note": self.refusal_note,
        }.get(field, self.pad)
        target.setFocus()

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
        if representative:
            self.pad_title.setText(self.tr("Signature of the representative"))
        else:
            self.pad_title.setText(self.tr("Signature of {client}").format(client=self._client_name))
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
        self.changed.emit()


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


def error_label(parent: QWidget, name: str, accessible: str) -> QLabel:
    """A red message shown beside an input, hidden until there is something to say."""
    label = QLabel(parent)
    label.setObjectName(name)
    label.setWordWrap(True)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setAccessibleName(accessible)
    label.setStyleSheet(f"color: {_WITHDRAW_COLOUR}; font-weight: bold;")
    label.hide()
    return label
