"""The set-up wizard's fixtures: a new, empty database (migrated, no organisation) and a private
config folder for what the set-up stores about this workstation."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from desktop.app import open_services
from desktop.services import Services
from desktop.services.clock import FixedClock
from tests.conftest import TEST_NOW, WORKSTATION
from tests.ui.helpers import off_gui
from ui.kit.worker import TaskRunner
from ui.setup.wizard import SetupWizard


@pytest.fixture
def config_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "config"
    monkeypatch.setenv("FRONTDESK_CONFIG_DIR", str(folder))
    monkeypatch.delenv("FRONTDESK_SITE", raising=False)
    return folder


@pytest.fixture
def fresh_services(tmp_path: Path, config_dir: Path) -> Iterator[Services]:
    url = "sqlite+pysqlite:///" + (tmp_path / "new-clinic.db").as_posix()
    services = off_gui(lambda: open_services(url, clock=FixedClock(TEST_NOW), daily_backup=False))
    yield services
    services.close()


@pytest.fixture
def wizard(qtbot: Any, fresh_services: Services, runner: TaskRunner) -> Iterator[SetupWizard]:
    shown = SetupWizard(fresh_services, runner, WORKSTATION)
    qtbot.addWidget(shown)
    shown.show()
    qtbot.waitExposed(shown)
    yield shown
    runner.wait_for_idle(10_000)
