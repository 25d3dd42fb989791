"""The demo's staff accounts, one per role, shown on the sign-in screen of a demo database. Imports no
database code, so the GUI may use it freely; ``desktop.demo`` creates them."""

from __future__ import annotations

from dataclasses import dataclass

from desktop.domain.enums import Role


@dataclass(frozen=True)
class DemoAccount:
    username: str
    password: str
    role: Role
    full_name: str


DEMO_ACCOUNTS = (
    DemoAccount("demo.accueil", "Accueil-demo-2026", Role.RECEPTIONIST, "Julie Tremblay"),
    DemoAccount("demo.gestion", "Gestion-demo-2026", Role.MANAGER, "François Gagnon"),
    DemoAccount("demo.vieprivee", "ViePrivee-demo-2026", Role.PRIVACY_OFFICER, "Nathalie Bélanger"),
)
