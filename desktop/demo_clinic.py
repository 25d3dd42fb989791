"""The demonstration clinic's identity and policy (``resources/policies``), set up in a new database by
``--demo``, ``demo-data`` and the tests. A real clinic's database holds only what its own set-up entered."""

from __future__ import annotations

import tomllib
from datetime import date

from desktop.domain.clinic_identity import OrganisationDraft, SiteDraft
from desktop.domain.enums import Language
from desktop.domain.records import PolicyDraft
from desktop.paths import resource_path
from desktop.services import Services
from desktop.services.policies import bundled_policies, load_bundled_policies
from desktop.services.setup import SetupPlan


def demo_setup_plan() -> SetupPlan:
    raw = tomllib.loads(resource_path("policies", "demo-clinic.toml").read_text("utf-8"))
    version = raw["policy"]["version"]
    texts = {p.language: p for p in bundled_policies() if p.version == version}

    def summary(language: Language) -> str:
        return texts[language].summary or texts[language].text

    return SetupPlan(
        organisation=OrganisationDraft(**raw["organisation"]),
        sites=tuple(SiteDraft(**site) for site in raw["sites"]),
        policy=PolicyDraft(
            effective_date=date.fromisoformat(version),
            text_fr=texts[Language.FR].text,
            text_en=texts[Language.EN].text,
            summary_fr=summary(Language.FR),
            summary_en=summary(Language.EN),
        ),
        manager=None,
    )


def set_up_demo_clinic(services: Services, workstation: str) -> bool:
    """Give a new database the demonstration clinic; False (nothing written) when it has one already."""
    if not services.setup.needed():
        return False
    services.setup.run(demo_setup_plan(), workstation)
    with services.db.session(write=True) as session, session.begin():
        load_bundled_policies(session, services.clock.now())
    return True
