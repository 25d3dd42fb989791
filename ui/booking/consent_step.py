"""The consent step of a booking: one box per purpose and channel, in the client's language.

What the client reads (the sentences, the purposes and the state beside each box) is in the client's
language, from the core catalog; what only the receptionist reads (instructions, loading, the count
of changes) follows the interface language.

The sentences carry the organisation's names, handed in with the recorded state; a purpose the
organisation does not offer (its parent's promotions, without a parent) is not shown.

Consent is opt-in: a box starts ticked only when the client's consent for that purpose and channel is
already on record (and says so, with the date). Unticking such a box withdraws that consent, and the
state column says so as soon as it happens. Only the boxes whose answer differs from the record
become changes; the service records nothing for the others.

Each sentence has three answers: none (the default: nothing is recorded), yes (the box) and no (the
"No" button beside it, exclusive with the box). A "no" is recorded as a refusal, which no answer
never is; a "no" to a consent on record withdraws it.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.client_texts import ConsentStateText
from desktop.domain.enums import Channel, ConsentAction, Language, Purpose
from desktop.domain.records import ConsentGrid
from desktop.domain.wording import WordingNames, consent_sentence, purpose_label
from ui.booking.feedback import ALERT_COLOUR, Message, as_maker
from ui.kit.i18n import language_name
from ui.kit.retranslate import follow_language

__all__ = ["ConsentStep", "local_day"]

Cell = tuple[Purpose, Channel]

# Colours chosen to stay readable on the default light palette and to differ by more than hue, so
# the state is never carried by colour alone (the text says it too).
_GRANT_COLOUR = "#1b5e20"
_WITHDRAW_COLOUR = ALERT_COLOUR
_MUTED_COLOUR = "#555555"
# Wide enough for "Already granted on 2026-03-02 → will be WITHDRAWN" on two lines.
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
        self._noes: dict[Cell, QPushButton] = {}
        self._states: dict[Cell, QLabel] = {}
        self._sentences: dict[Cell, QLabel] = {}
        self._groups: dict[Purpose, QFrame] = {}
        # Why the client's consent could not be loaded, while that is what the step says.
        self._load_failure: Callable[[], str] | None = None

        self.instructions = QLabel(self)
        self.instructions.setObjectName("consentInstructions")
        self.instructions.setWordWrap(True)

        self.load_status = QLabel(self)
        self.load_status.setObjectName("consentLoadStatus")
        self.load_status.setWordWrap(True)
        self.retry_button = QPushButton(self)
        self.retry_button.setAutoDefault(False)
        self.retry_button.hide()
        self.retry_button.clicked.connect(self.retry_requested)

        self.summary = QLabel(self)
        self.summary.setObjectName("consentSummary")
        self.summary.setWordWrap(True)

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
        follow_language(self, self.retranslate)

    def retranslate(self) -> None:
        """What only the staff reads follows the staff language; what the client reads stays in theirs."""
        self.instructions.setText(
            self.tr(
                "Show or read each sentence to the client as written ({language}). Tick only what the client "
                "agrees to. A box that is already ticked is a consent given before: leave it ticked to keep "
                "it — unticking it withdraws that consent."
            ).format(language=language_name(self._language))
        )
        self.load_status.setAccessibleName(self.tr("Loading status of the client's consent"))
        self.retry_button.setText(self.tr("Try again"))
        self.retry_button.setAccessibleName(self.tr("Load the client's consent again"))
        self.summary.setAccessibleName(self.tr("Changes to the client's consent"))
        self._show_load_status()
        if self.is_loaded:
            self._show_summary()

    def _purpose_group(self, body: QWidget, purpose: Purpose) -> QFrame:
        group = QFrame(body)
        group.setObjectName("purposeGroup")
        self._groups[purpose] = group
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
        box = QCheckBox(group)
        box.setObjectName(f"consent_{purpose.value}_{channel.value}")
        # The sentence comes with the recorded state (it names the organisation).
        sentence_label = _SentenceLabel("", group)
        sentence_label.setWordWrap(True)
        sentence_label.setTextFormat(Qt.TextFormat.PlainText)
        sentence_label.setStyleSheet("border: none;")
        sentence_label.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        sentence_label.clicked.connect(lambda b=box: b.isEnabled() and b.toggle())
        # Beside the sentence the client reads: in the client's language. A button, not a second
        # box, so "tick every box" still means "yes to everything".
        no = QPushButton(ConsentStateText.answer_no.get(self._language), group)
        no.setObjectName(f"consentNo_{purpose.value}_{channel.value}")
        no.setCheckable(True)
        no.setAutoDefault(False)
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
        row.addWidget(no, 0, Qt.AlignmentFlag.AlignTop)
        row.addWidget(state, 0, Qt.AlignmentFlag.AlignTop)
        cell = (purpose, channel)
        self._boxes[cell] = box
        self._noes[cell] = no
        self._states[cell] = state
        self._sentences[cell] = sentence_label
        box.toggled.connect(lambda on, c=cell: self._answered(c, yes=on))
        no.toggled.connect(lambda on, c=cell: self._answered(c, no=on))
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

    def no_button(self, purpose: Purpose, channel: Channel) -> QPushButton:
        return self._noes[(purpose, channel)]

    def state_text(self, purpose: Purpose, channel: Channel) -> str:
        return self._states[(purpose, channel)].text()

    def sentence(self, purpose: Purpose, channel: Channel) -> str:
        return self._sentences[(purpose, channel)].text()

    def set_loading(self) -> None:
        self._grid = None
        self._load_failure = None
        self._show_load_status()
        self.load_status.show()
        self.retry_button.hide()
        self._set_boxes_enabled(False)

    def set_load_failed(self, message: Message) -> None:
        """Say the consent could not be loaded; ``message`` as a function is said again in a new language."""
        self._grid = None
        self._load_failure = as_maker(message)
        self._show_load_status()
        self.load_status.show()
        self.retry_button.show()
        self._set_boxes_enabled(False)

    def _show_load_status(self) -> None:
        if self._load_failure is not None:
            self.load_status.setText(
                self.tr("The client's current consent could not be loaded: {detail}").format(
                    detail=self._load_failure()
                )
            )
        elif self._grid is None:
            self.load_status.setText(self.tr("Loading the client's current consent…"))

    def set_grid(self, grid: ConsentGrid, names: WordingNames) -> None:
        """Show the sentences and the recorded state; boxes start ticked exactly where consent is on record."""
        self._grid = grid
        self._load_failure = None
        offered = names.offered_purposes()
        for purpose, group in self._groups.items():
            group.setVisible(purpose in offered)
        for (purpose, channel), label in self._sentences.items():
            sentence = consent_sentence(purpose, channel, self._language, names)
            label.setText(sentence)
            self._boxes[(purpose, channel)].setAccessibleName(sentence)
            self._noes[(purpose, channel)].setAccessibleName(
                f"{ConsentStateText.answer_no.get(self._language)}: {sentence}"
            )
        for cell, box in self._boxes.items():
            no = self._noes[cell]
            box.blockSignals(True)
            no.blockSignals(True)
            box.setChecked(grid.granted(*cell))
            no.setChecked(self._declined_on_record(cell))
            box.blockSignals(False)
            no.blockSignals(False)
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

    def declines(self) -> list[Cell]:
        """The cells where the client says no and nothing is granted on record, unless that "no" is
        already on record (a "no" to a consent on record is a withdrawal, in :meth:`changes`)."""
        if self._grid is None:
            return []
        return [
            cell
            for cell, no in self._noes.items()
            if no.isChecked() and not self._grid.granted(*cell) and not self._declined_on_record(cell)
        ]

    def focus_chain(self) -> list[QWidget]:
        """The answers in the order Tab goes through them: purpose by purpose, channel by channel,
        yes then no."""
        return [
            widget
            for purpose in Purpose
            for channel in Channel
            for widget in (self._boxes[(purpose, channel)], self._noes[(purpose, channel)])
        ]

    def first_box(self) -> QCheckBox:
        return next(iter(self._boxes.values()))

    # ------------------------------------------------------------ internals

    def _set_boxes_enabled(self, enabled: bool) -> None:
        for box in self._boxes.values():
            box.setEnabled(enabled)
        for no in self._noes.values():
            no.setEnabled(enabled)

    def _declined_on_record(self, cell: Cell) -> bool:
        event = self._grid.cells[cell].last_event if self._grid is not None else None
        return event is not None and event.action == ConsentAction.DECLINED

    def _answered(self, cell: Cell, *, yes: bool = False, no: bool = False) -> None:
        """Yes and no exclude each other; clearing one leaves no answer."""
        other = self._noes[cell] if yes else self._boxes[cell] if no else None
        if other is not None and other.isChecked():
            other.blockSignals(True)
            other.setChecked(False)
            other.blockSignals(False)
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
        language = self._language
        # Beside the sentence the client reads: in the client's language.
        # Consent on record always has the event that granted it.
        if recorded.granted and event is not None:
            on_record = ConsentStateText.granted_on.format(language, date=local_day(event.recorded_at))
        elif event is not None and event.action == ConsentAction.WITHDRAWN:
            on_record = ConsentStateText.withdrawn_on.format(language, date=local_day(event.recorded_at))
        elif event is not None and event.action == ConsentAction.DECLINED:
            on_record = ConsentStateText.declined_on.format(language, date=local_day(event.recorded_at))
        else:
            on_record = ConsentStateText.not_granted.get(language)
        declining = cell in self.declines()
        if declining:
            text, colour = ConsentStateText.will_be_declined.format(language, state=on_record), _WITHDRAW_COLOUR
        elif ticked == recorded.granted:
            text, colour = on_record, _GRANT_COLOUR if recorded.granted else _MUTED_COLOUR
        elif ticked:
            text, colour = ConsentStateText.will_be_granted.format(language, state=on_record), _GRANT_COLOUR
        else:
            text = ConsentStateText.will_be_withdrawn.format(language, state=on_record)
            colour = _WITHDRAW_COLOUR
        label.setText(text)
        weight = "bold" if ticked != recorded.granted or declining else "normal"
        label.setStyleSheet(f"color: {colour}; font-weight: {weight}; border: none;")
        box.setAccessibleDescription(text)

    def _show_summary(self) -> None:
        changes = self.changes()
        granted = sum(1 for *_, on in changes if on)
        withdrawn = len(changes) - granted
        declined = len(self.declines())
        if not changes and not declined:
            self.summary.setText(self.tr("No change to the client's consent so far."))
            self.summary.setStyleSheet("")
            return
        text = self.tr("Changes to record: {granted} consent(s) given, {withdrawn} withdrawn.").format(
            granted=granted, withdrawn=withdrawn
        )
        if declined:
            text += " " + self.tr("Refused when asked: {declined}.").format(declined=declined)
        self.summary.setText(text)
        self.summary.setStyleSheet(
            f"color: {_WITHDRAW_COLOUR}; font-weight: bold;" if withdrawn or declined else ""
        )
