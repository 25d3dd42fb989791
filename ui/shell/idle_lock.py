"""Locking the window when nobody is at the desk, and the screen that unlocks it.

:class:`IdleWatcher` is an application-wide event filter: every keyboard, mouse, tablet or touch event
anywhere in FrontDesk restarts its timer; when the timer runs out (the clinic's idle-lock delay, which a
workstation's own ``idle_lock_minutes`` setting may only shorten) it emits :attr:`IdleWatcher.idle` and
the window locks.

:class:`LockScreen` replaces everything the window shows. It asks for a username and a password in the
same :class:`~ui.shell.sign_in_form.SignInForm` as the sign-in dialog, so wrong passwords count towards
the account's lock-out like at sign-in. The window decides what a successful sign-in means: the same
person gets their session back as they left it; another person gets their own window (see
:mod:`ui.shell.sessions`).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent, QKeySequence
from PySide6.QtWidgets import (
    QDialogButtonBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.enums import Role
from desktop.domain.records import Actor
from desktop.services import Services
from desktop.settings import load_settings
from ui.kit.forms import chain_tab_order, em
from ui.kit.i18n import format_time
from ui.kit.retranslate import follow_language
from ui.kit.worker import TaskRunner
from ui.shell.sign_in_form import SignInForm

__all__ = ["ACTIVITY_EVENTS", "IdleWatcher", "LockScreen", "idle_lock_ms"]

# What counts as someone at the keyboard. (Paint, timer and focus events do not.)
ACTIVITY_EVENTS = frozenset(
    {
        QEvent.Type.KeyPress,
        QEvent.Type.KeyRelease,
        QEvent.Type.ShortcutOverride,
        QEvent.Type.InputMethod,
        QEvent.Type.MouseButtonPress,
        QEvent.Type.MouseButtonRelease,
        QEvent.Type.MouseButtonDblClick,
        QEvent.Type.MouseMove,
        QEvent.Type.HoverMove,
        QEvent.Type.Wheel,
        QEvent.Type.TabletPress,
        QEvent.Type.TabletMove,
        QEvent.Type.TabletRelease,
        QEvent.Type.TouchBegin,
        QEvent.Type.TouchUpdate,
        QEvent.Type.TouchEnd,
        QEvent.Type.NativeGesture,
    }
)


def idle_lock_ms(clinic_minutes: int) -> int:
    """The delay before the screen locks: the clinic's, or this workstation's own setting when shorter
    (``[security] idle_lock_minutes``, FRONTDESK_IDLE_LOCK_MINUTES)."""
    return int(load_settings().idle_lock_for(clinic_minutes).total_seconds() * 1000)


class IdleWatcher(QObject):
    """Emits :attr:`idle` after ``interval_ms`` without any input anywhere in the application.

    With ``lock_key`` and ``owns``, it also emits :attr:`lock_requested` when that key is pressed in a
    window ``owns`` accepts: the window's own shortcut does not reach it while one of its dialogs is
    open (a window-modal booking, say), and the person must be able to lock from there too."""

    idle = Signal()
    lock_requested = Signal()

    def __init__(
        self,
        interval_ms: int,
        parent: QObject | None = None,
        *,
        lock_key: QKeySequence | None = None,
        owns: Callable[[QWidget], bool] | None = None,
    ) -> None:
        super().__init__(parent)
        self._lock_key = lock_key
        self._owns = owns
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(max(1, interval_ms))
        self._timer.timeout.connect(self.idle)
        self._armed = False
        app = QCoreApplication.instance()
        if app is not None:
            app.installEventFilter(self)

    @property
    def interval_ms(self) -> int:
        return self._timer.interval()

    def set_interval_ms(self, interval_ms: int) -> None:
        self._timer.setInterval(max(1, interval_ms))
        if self._armed:
            self._timer.start()

    @property
    def is_armed(self) -> bool:
        return self._armed

    def arm(self) -> None:
        """Start counting (again) from now."""
        self._armed = True
        self._timer.start()

    def disarm(self) -> None:
        """Stop counting (while the window is locked)."""
        self._armed = False
        self._timer.stop()

    def remaining_ms(self) -> int:
        return self._timer.remainingTime() if self._armed else -1

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if not self._armed:
            return False
        kind = event.type()
        if kind in ACTIVITY_EVENTS:
            self._timer.start()
        if (
            kind == QEvent.Type.KeyPress
            and self._lock_key is not None
            and self._owns is not None
            and isinstance(event, QKeyEvent)
            and isinstance(watched, QWidget)
            and QKeySequence(event.keyCombination()).matches(self._lock_key)
            == QKeySequence.SequenceMatch.ExactMatch
            and self._owns(watched.window())
        ):
            self.lock_requested.emit()
            return True
        return False

    def release(self) -> None:
        """Stop watching (the window is going away)."""
        self.disarm()
        app = QCoreApplication.instance()
        if app is not None:
            app.removeEventFilter(self)


class LockScreen(QWidget):
    """Username and password over a plain background; shows nothing of the session behind it."""

    signed_in = Signal(object)
    """The Actor whose username and password were right."""
    quit_requested = Signal()
    drop_confirmed = Signal()
    """Quitting with unsaved work was agreed by a person allowed to drop it (see :meth:`ask_to_drop`)."""

    def __init__(
        self, services: Services, runner: TaskRunner, workstation: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("lockScreen")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        # Whose session is behind the screen, since when, and who else is kept aside (see prepare).
        self._owner: Actor | None = None
        self._locked_at: datetime | None = None
        self._others: list[str] = []
        # While quitting with unsaved work is asked: whose work would be dropped (see ask_to_drop).
        self._dropping: list[Actor] = []

        self.card = QFrame(self)
        self.card.setObjectName("lockCard")
        self.title = QLabel(self.card)
        self.title.setObjectName("lockTitle")
        self.title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        font = self.title.font()
        font.setPointSizeF(font.pointSizeF() * 1.5)
        font.setBold(True)
        self.title.setFont(font)
        self.explanation = QLabel(self.card)
        self.explanation.setObjectName("lockExplanation")
        self.explanation.setWordWrap(True)
        self.explanation.setTextFormat(Qt.TextFormat.PlainText)
        self.others = QLabel(self.card)
        self.others.setObjectName("smallPrint")
        self.others.setWordWrap(True)
        self.others.setTextFormat(Qt.TextFormat.PlainText)
        self.others.hide()

        self.form = SignInForm(services, runner, workstation, self.card)
        self.form.signed_in.connect(self._form_signed_in)
        self.username, self.password, self.error = self.form.username, self.form.password, self.form.error

        self.buttons = QDialogButtonBox(self.card)
        self.unlock_button = self.form.button
        self.buttons.addButton(self.unlock_button, QDialogButtonBox.ButtonRole.AcceptRole)
        self.unlock_button.setObjectName("unlockButton")
        self.unlock_button.setDefault(True)
        self.unlock_button.setAutoDefault(True)
        self.quit_button = self.buttons.addButton("", QDialogButtonBox.ButtonRole.RejectRole)
        self.quit_button.setObjectName("lockQuitButton")
        self.quit_button.clicked.connect(self._quit_clicked)
        # Not a dialog: no default button answers Enter, so the fields do.
        self.username.returnPressed.connect(self.password.setFocus)
        self.password.returnPressed.connect(self.form.sign_in)

        card_layout = QVBoxLayout(self.card)
        card_layout.setContentsMargins(em(self, 2), em(self, 1.5), em(self, 2), em(self, 1.5))
        card_layout.setSpacing(em(self, 0.6))
        card_layout.addWidget(self.title)
        card_layout.addWidget(self.explanation)
        card_layout.addWidget(self.form)
        card_layout.addWidget(self.buttons)
        card_layout.addWidget(self.others)
        # A fixed width lets the wrapped sentences take the height they need.
        self.card.setFixedWidth(em(self, 36))

        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.card)
        row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addStretch(1)
        layout.addLayout(row)
        layout.addStretch(2)
        chain_tab_order(self.username, self.password, self.unlock_button, self.quit_button)
        follow_language(self, self.retranslate)

    def retranslate(self) -> None:
        self.title.setText(self.tr("FrontDesk is locked"))
        if self._dropping:
            self._retranslate_drop_question()
            return
        self.form.set_texts(
            button_text=self.tr("&Unlock"),
            busy_text=self.tr("Checking…"),
            busy_message=self.tr("Checking the password…"),
        )
        self.unlock_button.setAccessibleName(self.tr("Unlock"))
        self.quit_button.setText(self.tr("&Quit FrontDesk"))
        self.quit_button.setAccessibleName(self.tr("Quit FrontDesk"))
        if self._owner is not None and self._locked_at is not None:
            self.explanation.setText(
                self.tr(
                    "{name}'s session, locked at {time}.\n\n"
                    "{name}: type your password to carry on where you left off.\n"
                    "Someone else: sign in with your own account. {name}'s session stays as it is, hidden, "
                    "until {name} signs in again."
                ).format(time=format_time(self._locked_at), name=self._owner.full_name)
            )
        self.others.setText(
            self.tr("Also kept aside on this workstation: {names}.").format(names=", ".join(self._others))
        )

    def prepare(self, owner: Actor, locked_at: datetime, others: list[str]) -> None:
        """Clear what a previous attempt left and say whose session is behind the screen."""
        self.form.reset(owner.username)
        self._owner, self._locked_at, self._others = owner, locked_at, list(others)
        self._dropping = []
        self.retranslate()
        self.others.setVisible(bool(others))

    # ------------------------------------------------------------ quitting with unsaved work

    @property
    def is_asking_to_drop(self) -> bool:
        return bool(self._dropping)

    def ask_to_drop(self, people: list[Actor]) -> None:
        """Quitting would drop the unsaved work of ``people``: say so, and quit only once one of them (if
        the work is theirs alone) or a manager types their password. Nothing of the work is shown."""
        self._dropping = list(people)
        self.form.reset(people[0].username if len(people) == 1 else "")
        self.retranslate()
        (self.password if self.username.text() else self.username).setFocus(Qt.FocusReason.OtherFocusReason)

    def _retranslate_drop_question(self) -> None:
        names = ", ".join(person.full_name for person in self._dropping)
        self.form.set_texts(
            button_text=self.tr("&Drop the work and quit"),
            busy_text=self.tr("Checking…"),
            busy_message=self.tr("Checking the password…"),
        )
        self.unlock_button.setAccessibleName(self.tr("Drop the unsaved work and quit FrontDesk"))
        self.quit_button.setText(self.tr("&Keep the work"))
        self.quit_button.setAccessibleName(self.tr("Keep the work and stay locked"))
        if len(self._dropping) == 1:
            question = self.tr(
                "{names} has unsaved work on this workstation: quitting FrontDesk would drop it.\n\n"
                "To quit anyway, {names} or a manager types their password."
            )
        else:
            question = self.tr(
                "{names} have unsaved work on this workstation: quitting FrontDesk would drop it.\n\n"
                "To quit anyway, a manager types their password."
            )
        self.explanation.setText(question.format(names=names))

    def _may_drop(self, actor: Actor) -> bool:
        if actor.role == Role.MANAGER:
            return True
        return [person.staff_id for person in self._dropping] == [actor.staff_id]

    def _quit_clicked(self) -> None:
        if not self._dropping:
            self.quit_requested.emit()
            return
        # Keep the work: back to the lock screen as it was.
        self._dropping = []
        self.form.reset(self._owner.username if self._owner is not None else "")
        self.retranslate()
        self.focus_password()

    def _form_signed_in(self, actor: Actor) -> None:
        if not self._dropping:
            self.signed_in.emit(actor)
        elif self._may_drop(actor):
            self.drop_confirmed.emit()
        else:
            names = [person.full_name for person in self._dropping]
            if len(names) == 1:
                self.show_error(
                    lambda: self.tr("Only {name} or a manager can drop this work.").format(name=names[0])
                )
            else:
                self.show_error(lambda: self.tr("Only a manager can drop this work."))

    def focus_password(self) -> None:
        self.password.setFocus(Qt.FocusReason.OtherFocusReason)

    @property
    def is_busy(self) -> bool:
        return self.form.is_busy

    def show_error(self, message: str | Callable[[], str]) -> None:
        """A callable gives the words anew on each change of the staff language."""
        self.form.show_error(message)
