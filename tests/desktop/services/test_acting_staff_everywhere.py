"""A deactivation or a role change applies to the next call at every workstation: two workstations
(two Services, two engines) on one database, the change made through one, the next call through the
other refused or allowed accordingly. Each call reads the actor's role and status afresh."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from sqlalchemy import update

from desktop.app import open_services
from desktop.db.models import Staff
from desktop.domain.enums import Role
from desktop.domain.errors import PermissionDeniedError
from desktop.domain.login_policy import LoginPolicy
from desktop.services import Services
from desktop.services.clock import FixedClock
from tests.conftest import Team


@pytest.fixture
def other_desk(database_url: str, clock: FixedClock) -> Iterator[Services]:
    """A second workstation on the same database, with its own engine and connections."""
    opened = open_services(database_url, clock=clock, login_policy=LoginPolicy(), migrate=False)
    yield opened
    opened.close()


def set_role(services: Services, staff_id: int, role: Role) -> None:
    # No service changes a role yet: the change is made in the database, as an administrator would.
    with services.db.engine.begin() as connection:
        connection.execute(update(Staff).where(Staff.id == staff_id).values(role=role))


def test_a_deactivation_refuses_the_next_call_at_another_workstation(
    services: Services, other_desk: Services, team: Team
) -> None:
    receptionist = team.receptionist
    assert other_desk.clinics.get(receptionist).id == receptionist.clinic_id  # signed in, working
    services.staff.set_active(team.manager, receptionist.staff_id, False)
    with pytest.raises(PermissionDeniedError) as refused:
        other_desk.clinics.get(receptionist)
    assert refused.value.code == "account_inactive"
    services.staff.set_active(team.manager, receptionist.staff_id, True)
    assert other_desk.clinics.get(receptionist).id == receptionist.clinic_id


def test_a_role_change_applies_to_the_next_call_at_another_workstation(
    services: Services, other_desk: Services, team: Team
) -> None:
    # The actor still says "receptionist" (as signed in): the database's role is the one that counts.
    receptionist = team.receptionist
    with pytest.raises(PermissionDeniedError):
        other_desk.staff.list(receptionist)
    set_role(services, receptionist.staff_id, Role.MANAGER)
    assert {s.username for s in other_desk.staff.list(receptionist)} >= {"accueil", "gestion"}
    set_role(services, receptionist.staff_id, Role.RECEPTIONIST)
    with pytest.raises(PermissionDeniedError):
        other_desk.staff.list(receptionist)
    # And the other way: a manager demoted loses staff management at once.
    set_role(services, team.manager.staff_id, Role.RECEPTIONIST)
    with pytest.raises(PermissionDeniedError):
        other_desk.staff.list(team.manager)
    assert other_desk.clinics.get(team.manager).id == team.manager.clinic_id
