"""A manager cannot lock the clinic out of its own staff management."""

import pytest

from desktop.domain.enums import Role
from desktop.domain.errors import ConflictError
from tests.conftest import TEST_PASSWORD


def test_a_manager_cannot_deactivate_their_own_account(services, team):
    with pytest.raises(ConflictError) as refused:
        services.staff.set_active(team.manager, team.manager.staff_id, False)
    assert refused.value.code == "cannot_deactivate_self"
    assert refused.value.message("fr") and refused.value.message("en")


def test_the_last_active_manager_cannot_be_deactivated(services, team):
    # The privacy officer may manage staff too; the only manager account must stay active.
    with pytest.raises(ConflictError) as refused:
        services.staff.set_active(team.privacy_officer, team.manager.staff_id, False)
    assert refused.value.code == "last_manager"
    second = services.staff.create(team.manager, "gestion2", "Second Manager", Role.MANAGER, TEST_PASSWORD)
    assert services.staff.set_active(team.privacy_officer, team.manager.staff_id, False).active is False
    assert second.active


def test_receptionists_can_still_be_deactivated(services, team):
    record = services.staff.set_active(team.manager, team.receptionist.staff_id, False)
    assert record.active is False
