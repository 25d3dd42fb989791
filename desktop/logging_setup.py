"""Logging for the CLI and the GUI: a rotating file in the per-user log folder (owner-only), plus
standard error for the command line. Every record passes a filter that masks anything that looks
like an email address, a phone number or a date. That is a safety net only: the code logs ids,
actions and counts, never client data."""

from __future__ import annotations

import logging
import logging.handlers
import os
import re
import sys
from io import TextIOWrapper
from pathlib import Path
from typing import TextIO

from desktop.paths import keep_owner_only, make_private_folders, user_log_dir

LOG_FILE = "frontdesk.log"
MAX_BYTES = 1_000_000
BACKUP_COUNT = 5
LEVEL_ENV = "FRONTDESK_LOG_LEVEL"
#: ``extra=FILE_ONLY``: a record (a traceback) for the log file, not for the person's terminal.
FILE_ONLY = {"frontdesk_file_only": True}
_FORMAT = "%(asctime)s %(levelname)s %(name)s [%(process)d]: %(message)s"

_EMAIL = re.compile(r"[\w.!#$%&'*+/=?^`{|}~-]+@[\w-]+(?:\.[\w-]+)+", re.UNICODE)
_DATE = re.compile(
    r"(?<![\w])(?:"
    r"\d{4}[-/.]\d{1,2}[-/.]\d{1,2}"  # 1980-04-12, 1980/4/12
    r"|\d{1,2}[-/.]\d{1,2}[-/.]\d{2,4}"  # 12/04/1980, 12-4-80
    r"|(?:18|19|20)\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])"  # 19800412
    r")(?![\w])"
)
_PHONE = re.compile(r"(?<![\w])\+?\(?\d(?:[\s().-]{0,3}\d){6,14}(?![\w])")
#: A health insurance number, spaced or not ("TREM 8005 1512"): before the phone rule reads its digits.
_NAM = re.compile(r"(?<![\w])[A-Za-z]{4}(?:\d{8}|([\s.-])\d{4}\1\d{4})(?![\w])", re.ASCII)
_RULES = ((_EMAIL, "[email]"), (_NAM, "[nam]"), (_DATE, "[date]"), (_PHONE, "[phone]"))


def redact(text: str) -> str:
    for pattern, replacement in _RULES:
        text = pattern.sub(replacement, text)
    return text


class RedactingFilter(logging.Filter):
    """Formats the message (and any traceback) once, masked, so no handler sees the raw values."""

    def filter(self, record: logging.LogRecord) -> bool:
        try:
            message = record.getMessage()
        except Exception:  # a bad format string must not lose the record
            message = str(record.msg)
        record.msg = redact(message)
        record.args = None
        if record.exc_info and not record.exc_text:
            record.exc_text = logging.Formatter().formatException(record.exc_info)
        if record.exc_text:
            record.exc_text = redact(record.exc_text)
        if record.stack_info:
            record.stack_info = redact(record.stack_info)
        return True


class _PrivateRotatingFileHandler(logging.handlers.RotatingFileHandler):
    #: Marks FrontDesk's own handlers, replaced when logging is configured again.
    _frontdesk = True

    def _open(self) -> TextIOWrapper:
        fd = os.open(self.baseFilename, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o600)
        # Always appended to: a rotating handler with a size limit opens its file in "a" mode anyway.
        return open(fd, "a", encoding=self.encoding, errors=self.errors)

    def handleError(self, record: logging.LogRecord) -> None:  # noqa: N802 - logging's name
        # A log that cannot be written (full or read-only disk) must not print a traceback over the
        # command's own message; the record is dropped.
        pass


class _StderrHandler(logging.StreamHandler[TextIO]):
    """Writes to whatever sys.stderr is at the time (tests and click swap it)."""

    _frontdesk = True

    def __init__(self) -> None:
        super().__init__()

    @property
    def stream(self) -> TextIO:
        return sys.stderr

    @stream.setter
    def stream(self, _value: TextIO) -> None:
        pass

    def filter(self, record: logging.LogRecord) -> bool:
        return not getattr(record, "frontdesk_file_only", False) and bool(super().filter(record))

    def format(self, record: logging.LogRecord) -> str:
        """One line for the terminal: a traceback, if any, stays in the log file."""
        saved = record.exc_info, record.exc_text, record.stack_info
        record.exc_info, record.exc_text, record.stack_info = None, None, None
        try:
            return super().format(record)
        finally:
            record.exc_info, record.exc_text, record.stack_info = saved


def _level(level: int | str | None) -> int:
    value = level if level is not None else os.environ.get(LEVEL_ENV, "INFO")
    if isinstance(value, int):
        return value
    resolved = logging.getLevelName(str(value).strip().upper())
    return resolved if isinstance(resolved, int) else logging.INFO


def configure_logging(
    level: int | str | None = None,
    *,
    stderr_level: int | str | None = logging.WARNING,
    log_dir: Path | None = None,
) -> Path:
    """Install FrontDesk's handlers on the root logger (again: earlier ones are replaced).
    ``stderr_level=None`` for the GUI (file only). Returns the log file's path."""
    root = logging.getLogger()
    for handler in list(root.handlers):
        if getattr(handler, "_frontdesk", False):
            root.removeHandler(handler)
            handler.close()
    folder = log_dir or user_log_dir(create=False)  # made below, where a refusal is caught
    path = folder / LOG_FILE
    file_level = _level(level)
    handlers: list[logging.Handler] = []
    try:
        make_private_folders(folder)
        # A log left readable by others (an older version, a copy) is made owner-only like new ones.
        for kept in (folder, path, *(path.with_name(f"{LOG_FILE}.{n}") for n in range(1, BACKUP_COUNT + 1))):
            keep_owner_only(kept)
        handlers.append(
            _PrivateRotatingFileHandler(path, maxBytes=MAX_BYTES, backupCount=BACKUP_COUNT, encoding="utf-8")
        )
        handlers[0].setLevel(file_level)
    except OSError as refused:  # a read-only or full disk: the work goes on, said on standard error
        unwritable = refused.strerror
    else:
        unwritable = None
    if stderr_level is not None:
        stream = _StderrHandler()
        stream.setLevel(_level(stderr_level))
        handlers.append(stream)
    redacting = RedactingFilter()
    for handler in handlers:
        handler.setFormatter(logging.Formatter(_FORMAT))
        handler.addFilter(redacting)
        root.addHandler(handler)
    root.setLevel(min(h.level for h in handlers) if handlers else logging.WARNING)
    _configured[0] = path
    if unwritable is not None:
        logging.getLogger(__name__).warning("log file %s cannot be written: %s", path, unwritable)
    return path


_configured: list[Path | None] = [None]


def log_file() -> Path:
    """The log file FrontDesk writes to (as configured last, else where it would be)."""
    return _configured[0] or user_log_dir(create=False) / LOG_FILE


def release_log_files(folder: Path) -> None:
    """Close and remove FrontDesk's log files kept inside ``folder`` (a demo database's, before the
    folder is deleted: an open file cannot be deleted on Windows). Other handlers stay."""
    root = logging.getLogger()
    inside = folder.resolve()
    for handler in list(root.handlers):
        if not isinstance(handler, _PrivateRotatingFileHandler):
            continue
        if Path(handler.baseFilename).resolve().is_relative_to(inside):
            root.removeHandler(handler)
            handler.close()
