"""The rule behind the staff window and the staff commands: a privacy officer's account is a privacy
officer's to make, reactivate or reset."""

from __future__ import annotations

from desktop.domain.enums import Role
from desktop.domain.staff_roles import may_manage_account_of, roles_assignable_by


def test_only_a_privacy_officer_manages_a_privacy_officer_account() -> None:
    assert may_manage_account_of(Role.PRIVACY_OFFICER, Role.PRIVACY_OFFICER)
    assert not may_manage_account_of(Role.MANAGER, Role.PRIVACY_OFFICER)
    assert may_manage_account_of(Role.MANAGER, Role.MANAGER)
    assert may_manage_account_of(Role.MANAGER, Role.RECEPTIONIST)


def test_the_roles_offered_for_a_new_account() -> None:
    assert roles_assignable_by(Role.MANAGER) == (Role.RECEPTIONIST, Role.MANAGER)
    assert roles_assignable_by(Role.PRIVACY_OFFICER) == (Role.RECEPTIONIST, Role.MANAGER, Role.PRIVACY_OFFICER)
