"""A real SMTP server on 127.0.0.1 (aiosmtpd) for the reminder tests: it keeps every message it
accepts and every sign-in it is given. By default it offers no STARTTLS, and accepts a sign-in over the plain
local connection (as a local relay would); or STARTTLS, or TLS from the first byte, with a
self-signed certificate (which FrontDesk must refuse)."""

from __future__ import annotations

import socket
import ssl
import subprocess
import threading
from email import message_from_bytes, policy
from email.message import EmailMessage
from pathlib import Path

from aiosmtpd.controller import Controller
from aiosmtpd.smtp import SMTP as SMTPProtocol
from aiosmtpd.smtp import AuthResult, Envelope, LoginPassword, Session


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def self_signed_context(folder: Path) -> ssl.SSLContext:
    """A server context with a certificate no authority signed (made with the openssl command)."""
    key, cert = folder / "key.pem", folder / "cert.pem"
    subprocess.run(
        ["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", str(key), "-out", str(cert),
         "-days", "1", "-subj", "/CN=127.0.0.1"],
        check=True, capture_output=True, timeout=60,
    )  # fmt: skip
    context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    context.load_cert_chain(cert, key)
    return context


class SmtpServer:
    """``starttls``: offer STARTTLS with this context; ``implicit_tls``: TLS from the first byte."""

    def __init__(
        self, *, starttls: ssl.SSLContext | None = None, implicit_tls: ssl.SSLContext | None = None
    ) -> None:
        self.port = free_port()
        self._lock = threading.Lock()
        self._raw: list[bytes] = []
        self.logins: list[tuple[str, str]] = []
        self._controller = Controller(
            self,
            hostname="127.0.0.1",
            port=self.port,
            authenticator=self._authenticate,
            auth_require_tls=False,
            tls_context=starttls,
            ssl_context=implicit_tls,
        )

    def start(self) -> None:
        self._controller.start()

    def stop(self) -> None:
        self._controller.stop()

    async def handle_DATA(self, server: SMTPProtocol, session: Session, envelope: Envelope) -> str:  # noqa: N802
        content = envelope.original_content or b""
        with self._lock:
            self._raw.append(content)
        return "250 OK"

    def _authenticate(
        self, server: SMTPProtocol, session: Session, envelope: Envelope, mechanism: str, data: object
    ) -> AuthResult:
        if isinstance(data, LoginPassword):
            with self._lock:
                self.logins.append((data.login.decode(), data.password.decode()))
            return AuthResult(success=True)
        return AuthResult(success=False, handled=False)

    def messages(self) -> list[EmailMessage]:
        with self._lock:
            raw = list(self._raw)
        found = []
        for content in raw:
            message = message_from_bytes(content, policy=policy.default)
            assert isinstance(message, EmailMessage)
            found.append(message)
        return found
