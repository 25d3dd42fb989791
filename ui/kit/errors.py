"""Turning what went wrong into a sentence for the person at the desk, in their language."""

from __future__ import annotations

import logging
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication

from desktop.domain.enums import Language
from desktop.domain.errors import FieldError, FrontDeskError, ValidationError
from ui.kit.i18n import current_language

__all__ = ["error_text", "error_words", "field_messages"]

log = logging.getLogger(__name__)


def error_text(error: BaseException, language: Language | None = None) -> str:
    """The core's own message for its errors; a short, honest sentence for anything else."""
    if not isinstance(error, FrontDeskError):
        log.error("unexpected error", exc_info=(type(error), error, error.__traceback__))
    return _words(error, language or current_language())


def error_words(error: BaseException) -> Callable[[], str]:
    """:func:`error_text` as a sentence to make again in the staff language of the moment (a message
    that stays on screen while the language changes); an unexpected error is logged once, here."""
    if not isinstance(error, FrontDeskError):
        log.error("unexpected error", exc_info=(type(error), error, error.__traceback__))
    return lambda: _words(error, current_language())


def _words(error: BaseException, language: Language) -> str:
    if isinstance(error, FrontDeskError):
        return error.message(language)
    detail = str(error) or type(error).__name__
    return QCoreApplication.translate("Errors", "Something went wrong: {detail}").format(detail=detail)


def field_messages(error: ValidationError, language: Language | None = None) -> dict[str, str]:
    """One message per field (the first problem found for it)."""
    language = language or current_language()
    messages: dict[str, str] = {}
    for problem in error.errors:
        messages.setdefault(problem.field, problem.message(language))
    return messages


def field_error(field: str, code: str, **params: object) -> FieldError:
    """A problem found in the window itself (a date that cannot be read), worded like the core's."""
    return FieldError(field, code, dict(params))
