"""The language of the staff-facing interface, and the translators that provide it.

Quebec's rule makes French the default: with nothing chosen (no ``FRONTDESK_LANGUAGE``, no saved choice),
whatever the workstation's own locale, the interface is French; English is shown on request. Every visible
string is written in English in the source and goes through ``tr()``; the French text comes from
``resources/translations/frontdesk_fr.qm``, compiled from ``frontdesk_fr.ts`` by ``scripts/translations.py``
and committed, so a fresh clone and the bundle both have it. Should that file be missing or unreadable, the
effective language falls back to English whole: the person never reads a screen in two languages. Qt's own
strings (standard buttons, context menus) follow the same language through ``qtbase_*.qm``.
"""

from __future__ import annotations

import logging
import os
from datetime import date, datetime
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from desktop.domain import formats
from desktop.domain.enums import (
    AppointmentKind,
    AppointmentMode,
    BookedVia,
    ConsentAction,
    ConsentMethod,
    Language,
    OptOutVia,
    Role,
    SignerCapacity,
)
from desktop.paths import resource_path

__all__ = [
    "DEFAULT_LANGUAGE",
    "LANGUAGE_ENV",
    "SOURCE_LANGUAGE",
    "current_language",
    "has_translation",
    "install_translators",
    "language_name",
    "set_current_language",
]

log = logging.getLogger(__name__)

DEFAULT_LANGUAGE = Language.FR
# The language the source strings are written in: always available, needs no translation file.
SOURCE_LANGUAGE = Language.EN
# Overrides the saved choice (useful on a shared workstation or for support).
LANGUAGE_ENV = "FRONTDESK_LANGUAGE"

_current = SOURCE_LANGUAGE
_installed: list[QTranslator] = []


def translation_file(language: Language) -> Path:
    return resource_path("translations", f"frontdesk_{language.value}.qm")


def has_translation(language: Language) -> bool:
    return language == SOURCE_LANGUAGE or translation_file(language).is_file()


def current_language() -> Language:
    """The language the interface is shown in; messages from the core are asked for in it too."""
    return _current


def set_current_language(language: Language) -> None:
    global _current
    _current = language


def requested_language(saved: str | None) -> Language:
    """The environment override, else the saved choice, else French (also on a workstation set to English)."""
    for candidate in (os.environ.get(LANGUAGE_ENV), saved):
        if candidate and candidate.strip().lower() in {lang.value for lang in Language}:
            return Language(candidate.strip().lower())
    return DEFAULT_LANGUAGE


def install_translators(app: QCoreApplication, wanted: Language) -> Language:
    """Install FrontDesk's and Qt's own translations for ``wanted``; return the language in effect."""
    for translator in _installed:
        app.removeTranslator(translator)
    _installed.clear()
    effective = wanted if has_translation(wanted) else SOURCE_LANGUAGE
    if effective != SOURCE_LANGUAGE:
        ours = QTranslator(app)
        if ours.load(str(translation_file(effective))):
            app.installTranslator(ours)
            _installed.append(ours)
        else:
            log.warning("could not load %s; showing the interface in English", translation_file(effective))
            effective = SOURCE_LANGUAGE
    # Qt's standard buttons (OK, Cancel...) follow the same language.
    qt_own = QTranslator(app)
    if qt_own.load(
        QLocale(effective.value), "qtbase", "_", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    ):
        app.installTranslator(qt_own)
        _installed.append(qt_own)
    QLocale.setDefault(QLocale(f"{effective.value}_CA"))
    set_current_language(effective)
    return effective


def language_name(language: Language) -> str:
    """A language's name, written in that language so a person finds their own."""
    return {Language.FR: "Français", Language.EN: "English"}[language]


# ---------------------------------------------------------------- names of the core's vocabularies
# Written out call by call so the translation tools find every string.


def language_label(language: Language) -> str:
    return {
        Language.FR: QCoreApplication.translate("Vocabulary", "French"),
        Language.EN: QCoreApplication.translate("Vocabulary", "English"),
    }[language]


def role_label(role: Role) -> str:
    return {
        Role.RECEPTIONIST: QCoreApplication.translate("Vocabulary", "receptionist"),
        Role.MANAGER: QCoreApplication.translate("Vocabulary", "manager"),
        Role.PRIVACY_OFFICER: QCoreApplication.translate("Vocabulary", "privacy officer"),
    }[role]


def consent_method_label(method: ConsentMethod) -> str:
    return {
        ConsentMethod.VERBAL_PHONE: QCoreApplication.translate("Vocabulary", "verbally, by phone"),
        ConsentMethod.VERBAL_IN_PERSON: QCoreApplication.translate("Vocabulary", "verbally, in person"),
        ConsentMethod.SIGNED_AT_DESK: QCoreApplication.translate("Vocabulary", "signed at the desk"),
        ConsentMethod.EMAIL: QCoreApplication.translate("Vocabulary", "by email"),
        ConsentMethod.POST: QCoreApplication.translate("Vocabulary", "by post"),
        ConsentMethod.VERBAL_TELEMEDICINE: QCoreApplication.translate("Vocabulary", "verbally, by telemedicine"),
        ConsentMethod.IMPORTED: QCoreApplication.translate("Vocabulary", "imported"),
    }[method]


def consent_action_label(action: ConsentAction) -> str:
    return {
        ConsentAction.GRANTED: QCoreApplication.translate("Vocabulary", "✔ Granted"),
        ConsentAction.WITHDRAWN: QCoreApplication.translate("Vocabulary", "✖ Withdrawn"),
        ConsentAction.DECLINED: QCoreApplication.translate("Vocabulary", "✘ Refused"),
    }[action]


def appointment_kind_label(kind: str) -> str:
    """A seeded kind's label; a kind the clinic added is shown by its code (its record has its names)."""
    labels: dict[str, str] = {
        AppointmentKind.CONSULTATION: QCoreApplication.translate("Vocabulary", "Consultation"),
        AppointmentKind.TREATMENT: QCoreApplication.translate("Vocabulary", "Treatment"),
        AppointmentKind.PROCEDURE: QCoreApplication.translate("Vocabulary", "Procedure"),
    }
    return labels.get(kind, kind)


def appointment_mode_label(mode: AppointmentMode) -> str:
    return {
        AppointmentMode.IN_CLINIC: QCoreApplication.translate("Vocabulary", "In clinic"),
        AppointmentMode.TELEMEDICINE: QCoreApplication.translate("Vocabulary", "Telemedicine"),
    }[mode]


def booked_via_label(via: BookedVia) -> str:
    return {
        BookedVia.PHONE: QCoreApplication.translate("Vocabulary", "by phone"),
        BookedVia.AT_DESK: QCoreApplication.translate("Vocabulary", "at the desk"),
    }[via]


def opt_out_via_label(via: OptOutVia) -> str:
    return {
        OptOutVia.PHONE: QCoreApplication.translate("Vocabulary", "by phone"),
        OptOutVia.IN_CLINIC: QCoreApplication.translate("Vocabulary", "in clinic"),
        OptOutVia.EMAIL: QCoreApplication.translate("Vocabulary", "by email"),
        OptOutVia.POST: QCoreApplication.translate("Vocabulary", "by post"),
    }[via]


def signer_capacity_label(capacity: SignerCapacity) -> str:
    return {
        SignerCapacity.CLIENT: QCoreApplication.translate("Vocabulary", "the client"),
        SignerCapacity.PARENT: QCoreApplication.translate("Vocabulary", "parent"),
        SignerCapacity.TUTOR: QCoreApplication.translate("Vocabulary", "tutor"),
        SignerCapacity.MANDATARY: QCoreApplication.translate("Vocabulary", "mandatary"),
    }[capacity]


# ---------------------------------------------------------------- formats, in the staff language
# The rules live in desktop.domain.formats; these ask them in the language of the person at the screen.
# Dates stay year-month-day in both languages: 03/04/2026 means two different days to two people at the
# same desk; 2026-04-03 means one. Times, numbers and phone numbers follow the language: 16 h 29, 58,3 %,
# 418 555-0123 in French. What the client reads takes the client's language from the core instead.


def format_date(day: date | None) -> str:
    return formats.format_date(day, current_language())


def format_date_long(day: date, *, weekday: bool = False) -> str:
    """``mardi 24 novembre 2026`` / ``Tuesday, November 24, 2026`` (with the weekday)."""
    return formats.format_date_long(day, current_language(), weekday=weekday)


def format_datetime(moment: datetime | None) -> str:
    """In the workstation's time zone, to the minute: ``2026-11-24 16 h 29`` / ``2026-11-24 16:29``."""
    return formats.format_datetime(moment, current_language())


def format_time(moment: datetime) -> str:
    """The time of day, in the workstation's time zone: ``16 h 29`` / ``16:29``."""
    local = moment.astimezone() if moment.tzinfo is not None else moment
    return formats.format_time(local, current_language())


def format_phone(number: str, extension: str = "") -> str:
    """``418 555-0123, poste 12`` / ``(418) 555-0123 ext. 12``; text that is not a phone number is shown
    as typed."""
    return formats.format_phone(number, current_language(), extension)


def format_number(value: float, decimals: int = 0) -> str:
    return formats.format_number(value, current_language(), decimals)


def format_percent(value: float, decimals: int = 1) -> str:
    """A percentage out of 100: ``58,3 %`` / ``58.3%``."""
    return formats.format_percent(value, current_language(), decimals)
