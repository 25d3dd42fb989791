"""Who may manage whose account: a privacy officer's account is made, reactivated or given a new
password only by a privacy officer, so a manager cannot make one and so read the audit trail."""

from __future__ import annotations

from desktop.domain.enums import Role

__all__ = ["may_manage_account_of", "roles_assignable_by"]


def may_manage_account_of(acting: Role, target: Role) -> bool:
    """Whether ``acting`` may create, reactivate or reset the password of an account of ``target``'s role
    (the permission to manage staff at all is the role table's)."""
    return target != Role.PRIVACY_OFFICER or acting == Role.PRIVACY_OFFICER


def roles_assignable_by(acting: Role) -> tuple[Role, ...]:
    """The roles ``acting`` may give a new account, in the order they are offered."""
    return tuple(role for role in Role if may_manage_account_of(acting, role))
