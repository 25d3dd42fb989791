"""Sending mail through the clinic's SMTP server with :mod:`smtplib`, and keeping its password.

The server's address, port, security and sender are clinic settings in the database; its password
is not: it is kept in ``smtp.password`` in this workstation's configuration folder, readable by this
computer's user only (as ``database.url`` is), and never written to the database or the log. The
connection is encrypted (STARTTLS, or TLS from the first byte) and the server's certificate checked,
except to a server on this computer (a local relay), the only place a plain connection may go.
"""

from __future__ import annotations

import logging
import os
import smtplib
import ssl
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from email.message import EmailMessage
from email.utils import formatdate, make_msgid
from pathlib import Path

from desktop.domain.errors import FrontDeskError
from desktop.domain.reminders import SmtpSecurity, SmtpSettingsDraft, is_loopback
from desktop.paths import keep_owner_only, make_private_folders
from desktop.settings import config_dir

log = logging.getLogger(__name__)
PASSWORD_FILE = "smtp.password"
TIMEOUT_SECONDS = 15


def password_path() -> Path:
    return config_dir() / PASSWORD_FILE


def stored_smtp_password() -> str | None:
    """This workstation's SMTP password, None when none is stored."""
    path = password_path()
    keep_owner_only(path)
    try:
        password = path.read_text("utf-8").rstrip("\n")
    except FileNotFoundError:
        return None
    except OSError as error:
        log.warning("mail server password file unreadable: %s", error.strerror)
        return None
    return password or None


def store_smtp_password(password: str | None) -> None:
    """Keep the password owner-only (0600, created so before it is written); None or '' forgets it."""
    path = password_path()
    if not password:
        path.unlink(missing_ok=True)
        log.info("mail server password removed")
        return
    try:
        make_private_folders(path.parent)
        descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(descriptor, "w", encoding="utf-8") as stream:
            stream.write(password + "\n")
        os.chmod(path, 0o600)
    except OSError as error:
        raise FrontDeskError("password_file_unwritable", path=str(path), cause=error.strerror) from error
    log.info("mail server password stored")


@dataclass(frozen=True)
class OutgoingMail:
    to: str
    subject: str
    body: str
    language: str


def _message(sender: str, mail: OutgoingMail) -> EmailMessage:
    message = EmailMessage()
    message["From"] = sender
    message["To"] = mail.to
    message["Subject"] = mail.subject
    message["Date"] = formatdate(localtime=True)
    message["Message-ID"] = make_msgid(domain=sender.rpartition("@")[2] or None)
    message["Auto-Submitted"] = "auto-generated"
    message.set_content(mail.body, charset="utf-8")
    # After set_content, which replaces every Content-* header.
    message["Content-Language"] = mail.language
    return message


def _cause(error: BaseException) -> str:
    if isinstance(error, smtplib.SMTPResponseException):
        text = error.smtp_error.decode("utf-8", "replace") if isinstance(error.smtp_error, bytes) else ""
        return f"{error.smtp_code} {text}".strip()
    return getattr(error, "strerror", None) or str(error) or type(error).__name__


@contextmanager
def smtp_session(settings: SmtpSettingsDraft, password: str | None) -> Iterator[smtplib.SMTP]:
    """An open, encrypted (or local plain) and signed-in SMTP session; FrontDeskError naming the
    server and the cause otherwise. The password is never logged nor put in a message."""
    host, port = settings.host, settings.port
    security = SmtpSecurity(settings.security)
    if security == SmtpSecurity.PLAIN and not is_loopback(host):
        raise FrontDeskError("smtp_plain_not_loopback", host=host)
    if settings.username and not password:
        raise FrontDeskError("smtp_no_password")
    context = ssl.create_default_context()
    try:
        if security == SmtpSecurity.TLS:
            client: smtplib.SMTP = smtplib.SMTP_SSL(host, port, timeout=TIMEOUT_SECONDS, context=context)
        else:
            client = smtplib.SMTP(host, port, timeout=TIMEOUT_SECONDS)
    except ssl.SSLError as error:
        raise FrontDeskError("smtp_tls_failed", host=host, cause=_cause(error)) from error
    except (OSError, smtplib.SMTPException) as error:
        raise FrontDeskError("smtp_unreachable", host=host, port=port, cause=_cause(error)) from error
    try:
        try:
            client.ehlo()
            if security == SmtpSecurity.STARTTLS:
                if not client.has_extn("starttls"):
                    raise FrontDeskError("smtp_no_starttls", host=host)
                client.starttls(context=context)
                client.ehlo()
        except (ssl.SSLError, ssl.CertificateError) as error:
            raise FrontDeskError("smtp_tls_failed", host=host, cause=_cause(error)) from error
        except (OSError, smtplib.SMTPException) as error:
            raise FrontDeskError("smtp_unreachable", host=host, port=port, cause=_cause(error)) from error
        if settings.username:
            try:
                client.login(settings.username, password or "")
            except smtplib.SMTPAuthenticationError as error:
                raise FrontDeskError("smtp_login_refused", host=host) from error
            except (OSError, smtplib.SMTPException) as error:
                raise FrontDeskError("smtp_refused", host=host, cause=_cause(error)) from error
        yield client
    finally:
        try:
            client.quit()
        except (OSError, smtplib.SMTPException):
            client.close()


def check_connection(settings: SmtpSettingsDraft, password: str | None) -> None:
    """Connect, encrypt, sign in and say goodbye: raises what :func:`smtp_session` raises."""
    with smtp_session(settings, password) as client:
        try:
            client.noop()
        except (OSError, smtplib.SMTPException) as error:
            raise FrontDeskError("smtp_refused", host=settings.host, cause=_cause(error)) from error


def send_mail(client: smtplib.SMTP, settings: SmtpSettingsDraft, mail: OutgoingMail) -> None:
    """Send one message in an open session; FrontDeskError("smtp_refused") when the server refuses it.
    A lost connection raises "smtp_unreachable" (the messages not sent yet are not recorded)."""
    try:
        client.send_message(_message(settings.sender, mail))
    except (smtplib.SMTPRecipientsRefused, smtplib.SMTPSenderRefused, smtplib.SMTPDataError) as error:
        raise FrontDeskError("smtp_refused", host=settings.host, cause=_cause(error)) from error
    except (TimeoutError, OSError, smtplib.SMTPException) as error:
        raise FrontDeskError(
            "smtp_unreachable", host=settings.host, port=settings.port, cause=_cause(error)
        ) from error
