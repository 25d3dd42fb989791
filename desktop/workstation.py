"""The name this computer is known by in the audit trail. Imports no database code, so the GUI may
use it freely."""

from __future__ import annotations

import socket


def workstation_name() -> str:
    return socket.gethostname() or "workstation"
