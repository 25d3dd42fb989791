"""The consent page of a booking: above the client's consent step, for the receptionist, how the answers
are being given and which privacy-policy version is in force on the appointment's day, with the
client's acknowledgment of it when they already signed one (then no signature is asked again).

For a client under 14 answering without a signature step (by phone, or the policy already signed), the
parent or tutor who gives the answers is named here: the service records a minor's consent only with
them. When a signature is asked, the one who signs is that person.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from desktop.domain.enums import BookedVia, Language
from desktop.domain.records import BookingPolicy, Representative
from ui.booking.consent_step import ConsentStep
from ui.booking.representative import RepresentativeFields
from ui.kit.i18n import format_date
from ui.kit.retranslate import follow_language

__all__ = ["ConsentPage"]


class ConsentPage(QWidget):
    """The consent step, and the two lines above it that only the receptionist reads (staff language)."""

    def __init__(self, language: Language, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._via: BookedVia | None = None
        self._day: date | None = None
        self._policy: BookingPolicy | None = None
        self._failure: Callable[[], str] | None = None
        self._minor = False

        self.method_note = QLabel(self)
        self.method_note.setObjectName("consentMethodNote")
        self.method_note.setWordWrap(True)
        self.method_note.setStyleSheet("font-weight: bold;")
        self.policy_line = QLabel(self)
        self.policy_line.setObjectName("consentPolicyLine")
        self.policy_line.setWordWrap(True)
        self.step = ConsentStep(language, self)
        self.representative_box = RepresentativeFields(self)
        self.representative_name = self.representative_box.name
        self.representative_capacity = self.representative_box.capacity

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.method_note)
        layout.addWidget(self.policy_line)
        layout.addWidget(self.representative_box)
        layout.addWidget(self.step, 1)
        follow_language(self, self.retranslate)

    def retranslate(self) -> None:
        self.policy_line.setAccessibleName(self.tr("Privacy policy in force for the appointment"))
        self._show()

    # ------------------------------------------------------------------ API

    @property
    def signature_asked(self) -> bool:
        """At the desk, unless the client already acknowledged the version in force (while it loads, or
        when it could not be loaded, the signature is asked: never less than before)."""
        return self._via == BookedVia.AT_DESK and (self._policy is None or self._policy.signature_needed)

    def set_minor(self, minor: bool) -> None:
        self._minor = minor
        self._show()

    def representative(self) -> Representative | None:
        """The parent or tutor named here, when this page is where they are named (else the signer is)."""
        if not self.representative_box.isVisibleTo(self):
            return None
        return self.representative_box.representative()

    def set_via(self, via: BookedVia | None) -> None:
        self._via = via
        self._show()

    def set_policy_loading(self, day: date) -> None:
        self._day, self._policy, self._failure = day, None, None
        self._show()

    def set_policy(self, policy: BookingPolicy) -> None:
        self._day, self._policy, self._failure = policy.day, policy, None
        self._show()

    def set_policy_failed(self, detail: Callable[[], str]) -> None:
        self._policy, self._failure = None, detail
        self._show()

    # ------------------------------------------------------------ internals

    def _show(self) -> None:
        self.method_note.setText(self._method_text())
        self.policy_line.setText(self._policy_text())
        self.representative_box.setVisible(self._minor and self._via is not None and not self.signature_asked)

    def _method_text(self) -> str:
        if self._via == BookedVia.PHONE:
            return self.tr(
                "Booked by phone: read each sentence to the client. The answers are recorded as given "
                "verbally on the phone; no signature is asked."
            )
        if not self.signature_asked:
            return self.tr(
                "At the desk: the client reads and answers each sentence. The answers are recorded as given "
                "in person; no new signature is asked."
            )
        return self.tr(
            "At the desk: the client reads and answers each sentence, then reads the policy "
            "summary and signs on the next page."
        )

    def _policy_text(self) -> str:
        if self._failure is not None:
            return self.tr("The policy could not be loaded: {detail}").format(detail=self._failure())
        if self._policy is None:
            day = format_date(self._day) if self._day is not None else ""
            return self.tr("Loading the privacy policy in force on {day}…").format(day=day)
        policy = self._policy.policy
        text = self.tr("Privacy policy in force on {day}: version {version}.").format(
            day=format_date(self._policy.day), version=policy.version
        )
        signed = self._policy.acknowledged
        if signed is not None:
            text += " " + self.tr("Already acknowledged: version {version}, signed on {date}.").format(
                version=signed.policy_version, date=format_date(signed.signed_at.astimezone().date())
            )
        return text
