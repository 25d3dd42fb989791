"""The top of a client file: who this is, in large type, and the badges that matter at the desk.

Every badge says its meaning in words and starts with a symbol; its colour only repeats that, so a
person who cannot tell red from green (or a grey-scale printout) reads the same thing.
"""

from __future__ import annotations

import html
from dataclasses import dataclass
from datetime import date

from PySide6.QtCore import QCoreApplication, QMargins, QPoint, QRect, QSize, Qt
from PySide6.QtWidgets import QFrame, QLabel, QLayout, QLayoutItem, QSizePolicy, QVBoxLayout, QWidget

from desktop.domain.records import ClientRecord, ClientStatus
from ui.client_file.anonymised import anonymised_header, is_anonymised
from ui.kit.i18n import format_date, format_phone, language_label
from ui.kit.retranslate import follow_language

__all__ = ["Badge", "ClientHeader", "FlowLayout", "outdated_badge", "status_badges"]


@dataclass(frozen=True)
class Badge:
    text: str
    tone: str  # ok | warning | danger | neutral
    tooltip: str = ""


def status_badges(status: ClientStatus) -> list[Badge]:
    """The badges for a client's status, the acknowledgment first."""

    badges: list[Badge] = []
    current = status.current_policy_version
    if status.acknowledgment_refused:
        badges.append(
            Badge(
                QCoreApplication.translate("ClientHeader", "✖ Privacy policy acknowledgment refused"),
                "danger",
                QCoreApplication.translate(
                    "ClientHeader", "The client refused to sign the acknowledgment of policy {version}."
                ).format(version=current),
            )
        )
    elif status.acknowledged_current_on is not None:
        if status.acknowledged_version not in (None, current):
            # Signed ahead of its date, for a visit once that version is in force.
            tooltip = QCoreApplication.translate(
                "ClientHeader",
                "Signed for version {signed}, which comes into force after the current version {version}.",
            ).format(signed=status.acknowledged_version, version=current)
        else:
            tooltip = QCoreApplication.translate(
                "ClientHeader", "Signed for the current policy, version {version}."
            ).format(version=current)
        badges.append(
            Badge(
                QCoreApplication.translate("ClientHeader", "✔ Privacy policy acknowledged {date}").format(
                    date=format_date(status.acknowledged_current_on)
                ),
                "ok",
                tooltip,
            )
        )
    elif status.acknowledgment_outdated:
        badges.append(outdated_badge(status))
    else:
        badges.append(
            Badge(
                QCoreApplication.translate("ClientHeader", "⚠ Privacy policy acknowledgment missing"),
                "warning",
                QCoreApplication.translate(
                    "ClientHeader", "No signed acknowledgment of the privacy policy (version {version})."
                ).format(version=current),
            )
        )
    if status.opted_out_of_promotions:
        badges.append(
            Badge(
                QCoreApplication.translate("ClientHeader", "✖ Opted out of promotions"),
                "danger",
                QCoreApplication.translate(
                    "ClientHeader",
                    "Send no newsletters, surveys, feedback requests or parent company promotions.",
                ),
            )
        )
    pending = status.pending_opt_outs
    if pending:
        # Two sentences rather than a %n plural: pyside6-lupdate gives translate() no plural forms.
        words = (
            QCoreApplication.translate("ClientHeader", "⚠ 1 pending opt-out request")
            if pending == 1
            else QCoreApplication.translate("ClientHeader", "⚠ {count} pending opt-out requests").format(
                count=pending
            )
        )
        badges.append(
            Badge(
                words,
                "warning",
                QCoreApplication.translate(
                    "ClientHeader",
                    "See the Opt-out requests tab; process them before any promotional contact.",
                ),
            )
        )
    return badges


def outdated_badge(status: ClientStatus) -> Badge:
    """The latest signature is of an older version, or of the same version in another language than the
    client's (outdated once their language has its text): the badge names which."""
    old, current = status.acknowledged_version, status.current_policy_version
    signed_in, current_in = status.acknowledged_language, status.current_policy_language
    if old == current and signed_in is not None and current_in is not None and signed_in != current_in:
        return Badge(
            QCoreApplication.translate(
                "ClientHeader", "⚠ Acknowledgment outdated (signed in {language})"
            ).format(language=language_label(signed_in)),
            "warning",
            QCoreApplication.translate(
                "ClientHeader",
                "Version {version} was signed in {signed}; the client's language now has its text ({language}). "
                "Ask the client to sign it.",
            ).format(version=current, signed=language_label(signed_in), language=language_label(current_in)),
        )
    return Badge(
        QCoreApplication.translate("ClientHeader", "⚠ Acknowledgment outdated (version {old})").format(
            old=old
        ),
        "warning",
        QCoreApplication.translate(
            "ClientHeader",
            "Signed for version {old}; the current policy is version {version}. Ask the client to sign again.",
        ).format(old=old, version=current),
    )


class FlowLayout(QLayout):
    """Lays badges out left to right and wraps them onto a new line when the pane is narrow."""

    def __init__(self, parent: QWidget | None = None, spacing: int = 6) -> None:
        super().__init__(parent)
        self._items: list[QLayoutItem] = []
        self._spacing = spacing
        self.setContentsMargins(0, 0, 0, 0)

    def addItem(self, item: QLayoutItem) -> None:
        self._items.append(item)

    def count(self) -> int:
        return len(self._items)

    def itemAt(self, index: int) -> QLayoutItem | None:
        return self._items[index] if 0 <= index < len(self._items) else None

    def takeAt(self, index: int) -> QLayoutItem | None:
        return self._items.pop(index) if 0 <= index < len(self._items) else None

    def expandingDirections(self) -> Qt.Orientation:
        return Qt.Orientation(0)

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        return self._arrange(QRect(0, 0, width, 0), apply=False)

    def setGeometry(self, rect: QRect) -> None:
        super().setGeometry(rect)
        self._arrange(rect, apply=True)

    def sizeHint(self) -> QSize:
        return self.minimumSize()

    def minimumSize(self) -> QSize:
        size = QSize()
        for item in self._items:
            size = size.expandedTo(item.minimumSize())
        margins: QMargins = self.contentsMargins()
        return size + QSize(margins.left() + margins.right(), margins.top() + margins.bottom())

    def _arrange(self, rect: QRect, *, apply: bool) -> int:
        x, y, line_height = rect.x(), rect.y(), 0
        for item in self._items:
            widget = item.widget()
            if widget is not None and widget.isHidden():
                continue
            hint = item.sizeHint()
            if x > rect.x() and x + hint.width() > rect.right() + 1:
                x, y, line_height = rect.x(), y + line_height + self._spacing, 0
            if apply:
                item.setGeometry(QRect(QPoint(x, y), hint))
            x += hint.width() + self._spacing
            line_height = max(line_height, hint.height())
        return y + line_height - rect.y()


class ClientHeader(QFrame):
    """Name (First LAST) in large type, age, date of birth, file number, language, badges."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("clientHeader")
        self.setFrameShape(QFrame.Shape.NoFrame)

        self.name_label = QLabel(self)
        self.name_label.setObjectName("clientName")
        self.name_label.setTextFormat(Qt.TextFormat.PlainText)  # a name is never markup
        self.name_label.setWordWrap(True)
        font = self.name_label.font()
        font.setPointSizeF(font.pointSizeF() * 1.9)
        font.setBold(True)
        self.name_label.setFont(font)
        # Stacked accents on capitals (NGUYỄN) rise above the font's ascent: the label keeps room above
        # them, and is not made selectable (a selectable label clips them to the line).
        self.name_label.setContentsMargins(0, self.name_label.fontMetrics().height() // 4, 0, 0)

        self.facts_label = QLabel(self)
        self.facts_label.setObjectName("clientFacts")
        self.facts_label.setTextFormat(Qt.TextFormat.RichText)
        self.facts_label.setWordWrap(True)
        self.facts_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        facts_font = self.facts_label.font()
        facts_font.setPointSizeF(facts_font.pointSizeF() * 1.15)
        self.facts_label.setFont(facts_font)

        self.badge_area = QWidget(self)
        self.badge_area.setObjectName("badgeArea")
        self._badge_layout = FlowLayout(self.badge_area)
        self.badge_area.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Minimum)
        self.badges: list[QLabel] = []

        layout = QVBoxLayout(self)
        layout.setSpacing(4)
        layout.addWidget(self.name_label)
        layout.addWidget(self.facts_label)
        layout.addWidget(self.badge_area)
        self._client: ClientRecord | None = None
        self._today: date | None = None
        self._status: ClientStatus | None = None
        follow_language(self, self.retranslate, now=False)

    def retranslate(self) -> None:
        """The facts and badges shown, made again in the staff language."""
        if self._client is not None and self._today is not None:
            self._show_facts(self._client, self._today)
        self.show_status(self._status)

    def show_client(self, client: ClientRecord, today: date) -> None:
        self._client, self._today = client, today
        self._show_facts(client, today)
        self.show_status(None)

    def _show_facts(self, client: ClientRecord, today: date) -> None:
        if is_anonymised(client):
            shown = anonymised_header(client)
            self.name_label.setText(shown.title)
            self.name_label.setAccessibleName(shown.title)
            self.facts_label.setText(shown.facts)
            self.facts_label.setAccessibleName(shown.spoken)
            return
        self.name_label.setText(f"{client.first_name} {client.last_name.upper()}")
        self.name_label.setAccessibleName(self.tr("Client: {name}").format(name=client.full_name))
        values = {
            "age": client.age_on(today),
            "born": format_date(client.date_of_birth),
            "file": html.escape(client.file_number),
            "language": language_label(client.preferred_language),
            "phone": html.escape(format_phone(client.phone, client.phone_extension)) or self.tr("none"),
        }
        facts = [
            self.tr("Age <b>{age}</b> (born {born})"),
            self.tr("File no. <b>{file}</b>"),
            self.tr("Language <b>{language}</b>"),
            self.tr("Phone <b>{phone}</b>"),
        ]
        # Each fact stays on one line; the line breaks, if the pane is narrow, fall between facts.
        self.facts_label.setText(
            " &nbsp;·&nbsp; ".join(fact.format(**values).replace(" ", "&nbsp;") for fact in facts)
        )
        self.facts_label.setAccessibleName(
            self.tr("Age {age}, born {born}, file number {file}, language {language}, phone {phone}").format(
                **values
            )
        )

    def show_status(self, status: ClientStatus | None) -> None:
        self._status = status
        self.show_badges(status_badges(status) if status is not None else [])

    def show_badges(self, badges: list[Badge]) -> None:
        for label in self.badges:
            self._badge_layout.removeWidget(label)
            label.deleteLater()
        self.badges = []
        for badge in badges:
            label = QLabel(badge.text, self.badge_area)
            label.setObjectName("badge")
            label.setProperty("tone", badge.tone)
            label.setToolTip(badge.tooltip)
            label.setAccessibleName(badge.text)
            label.setAccessibleDescription(badge.tooltip)
            self._badge_layout.addWidget(label)
            label.show()
            self.badges.append(label)
        self.badge_area.updateGeometry()

    def badge_texts(self) -> list[str]:
        return [label.text() for label in self.badges]
