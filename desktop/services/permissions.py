"""What each role may do. Checked inside the services, whatever the GUI shows or hides."""

from __future__ import annotations

from enum import StrEnum

from desktop.domain.enums import Role


class Permission(StrEnum):
    WORK_CLIENT_FILES = "work_client_files"  # clients, bookings, consents, acknowledgments, opt-outs
    RUN_REPORTS = "run_reports"
    EXPORT_CONTACTS = "export_contacts"
    MANAGE_STAFF = "manage_staff"
    MANAGE_CLINIC = "manage_clinic"  # the clinic's settings and its privacy-policy versions
    READ_AUDIT = "read_audit"
    ADMINISTER = "administer"  # machine-level commands: schema, demo data, first account
    RECORD_DISCLOSURES = "record_disclosures"  # the disclosure register
    # The incident register, access requests past their receipt, retention, legal holds, anonymisation.
    KEEP_PRIVACY_REGISTERS = "keep_privacy_registers"


_RECEPTIONIST = frozenset({Permission.WORK_CLIENT_FILES})
_MANAGER = _RECEPTIONIST | {
    Permission.RUN_REPORTS,
    Permission.EXPORT_CONTACTS,
    Permission.MANAGE_STAFF,
    Permission.MANAGE_CLINIC,
    Permission.RECORD_DISCLOSURES,
}
_PRIVACY_OFFICER = _MANAGER | {Permission.READ_AUDIT, Permission.KEEP_PRIVACY_REGISTERS}

ROLE_PERMISSIONS: dict[Role, frozenset[Permission]] = {
    Role.RECEPTIONIST: _RECEPTIONIST,
    Role.MANAGER: frozenset(_MANAGER),
    Role.PRIVACY_OFFICER: frozenset(_PRIVACY_OFFICER),
}


def role_allows(role: Role, permission: Permission) -> bool:
    return permission in ROLE_PERMISSIONS[role]
