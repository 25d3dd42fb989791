from __future__ import annotations

from datetime import date

import pytest

from desktop.demo import populate
from desktop.services import Services

#: Around the fixed test clock (2026-11-24): past appointments and the weeks ahead.
START, END = date(2026, 6, 1), date(2026, 12, 31)


@pytest.fixture
def demo(services: Services) -> Services:
    populate(services, 300, into_existing=True)  # beside the template's accounts
    return services
