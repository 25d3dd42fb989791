"""A real SMTP server on 127.0.0.1 (aiosmtpd) for the reminder tests: it keeps every message it
accepts and every sign-in it is given. It offers no STARTTLS, and accepts a sign-in over the plain
local connection (as a local relay would)."""

from __future__ import annotations

import socket
import threading
from email import message_from_bytes, policy
from email.message import EmailMessage

from aiosmtpd.controller import Controller
from aiosmtpd.smtp import SMTP as SMTPProtocol
from aiosmtpd.smtp import AuthResult, Envelope, LoginPassword, Session


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


class SmtpServer:
    def __init__(self) -> None:
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
