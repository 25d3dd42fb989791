"""``frontdesk setup FILE``: a new clinic's first run, scripted (the wizard's twin).

The file is TOML; the policy files are read relative to it, and the first manager's password is asked
for, or read from the first line of standard input::

    [organisation]
    name = "Santé Familiale du Fjord"
    parent_name = ""                      # the parent organisation the policy names, if any
    privacy_officer_name = "Josée Tremblay"
    privacy_officer_title = "Directrice des opérations"
    privacy_officer_contact = "vieprivee@fjord.example · 418 555-0199"
    easter_holiday = "good_friday"        # or "easter_monday"
    opt_out_delay_days = 10               # at most 10 business days
    idle_lock_minutes = 5

    [[sites]]                             # one or more; the first is the manager's home site
    name = "Clinique du Fjord — Chicoutimi"
    street = "100 rue Racine Est"
    city = "Saguenay"
    postal_code = "G7H 1R1"
    phone = "418 555-0100"
    email = "chicoutimi@fjord.example"

    [policy]
    effective = 2026-12-01
    fr = "politique.fr.txt"
    en = "policy.en.txt"
    summary_fr = "resume.fr.txt"
    summary_en = "summary.en.txt"

    [manager]
    username = "direction"
    full_name = "Josée Tremblay"

With ``--database postgresql://…`` the server is tested first, then remembered for this computer
(owner-only); ``--site N`` says which site (1 = the first listed) this workstation is at.
"""

from __future__ import annotations

import tomllib
from datetime import date
from pathlib import Path
from typing import Any

import click

from desktop.cli.context import AppContext, fail, read_password, read_text_file
from desktop.connection_config import check_server_url, store_database_url
from desktop.domain.clinic_identity import OrganisationDraft, SiteDraft
from desktop.domain.errors import FieldError, FrontDeskError, ValidationError
from desktop.domain.records import PolicyDraft
from desktop.services.setup import ManagerDraft, SetupPlan
from desktop.settings import store_workstation_site
from desktop.workstation import workstation_name

_SECTIONS = ("organisation", "sites", "policy", "manager")


def _plan(path: Path, password: str) -> SetupPlan:
    try:
        raw: dict[str, Any] = tomllib.loads(read_text_file(path))
    except tomllib.TOMLDecodeError as bad:
        fail(FrontDeskError("setup_file_invalid", path=str(path), problem=str(bad)))
    missing = [name for name in _SECTIONS if name not in raw]
    if missing:
        fail(FrontDeskError("setup_file_invalid", path=str(path), problem=f"[{missing[0]}]"))
    policy = raw["policy"]
    effective = policy.get("effective")
    if not isinstance(effective, date):
        fail(ValidationError([FieldError("effective_date", "invalid_date")]))
    try:
        return SetupPlan(
            organisation=OrganisationDraft(**raw["organisation"]),
            sites=tuple(SiteDraft(**site) for site in raw["sites"]),
            policy=PolicyDraft(
                effective,
                *(
                    read_text_file(path.parent / str(policy[key]))
                    for key in ("fr", "en", "summary_fr", "summary_en")
                ),
            ),
            manager=ManagerDraft(raw["manager"]["username"], raw["manager"].get("full_name", ""), password),
        )
    except (TypeError, KeyError) as bad:
        fail(FrontDeskError("setup_file_invalid", path=str(path), problem=str(bad)))


def _file_format() -> str:
    """The module's example file, shown by ``frontdesk setup --help`` as written (``\b``: not rewrapped)."""
    doc = __doc__ or ""
    example = doc[doc.index("    [organisation]") : doc.index("With ``--database")]
    return "\b\nThe file, for example:\n" + example.rstrip().replace("\n\n", "\n\n\b\n")


@click.command("setup", epilog=_file_format())
@click.argument("file", type=click.Path(path_type=Path))
@click.option(
    "--site",
    "site_number",
    type=click.IntRange(min=1),
    default=1,
    help="This workstation's site (1 = first).",
)
@click.pass_obj
def setup(app: AppContext, file: Path, site_number: int) -> None:
    """Set up a new clinic from FILE: its organisation, sites, privacy policy and first manager.

    Refused on a database that already has its clinic or accounts. Standard input holds the first
    manager's password."""
    server = app.url.startswith("postgresql")
    if server:
        try:
            check_server_url(app.url)
        except FrontDeskError as failure:
            fail(failure)
    password = read_password(
        "Password of the first manager / Mot de passe du premier gestionnaire", confirm=True
    )
    plan = _plan(file, password)
    if site_number > len(plan.sites):
        fail(ValidationError([FieldError("site_name", "invalid_choice", {"value": site_number})]))
    try:
        result = app.services().setup.run(plan, workstation_name())
    except FrontDeskError as failure:
        fail(failure)
    if server:
        store_database_url(app.url)
    store_workstation_site(result.sites[site_number - 1].id)
    click.echo(f"set up: {len(result.sites)} site(s), policy {plan.policy.effective_date.isoformat()}")
    if result.manager is not None:
        click.echo(f"first manager: {result.manager.username}")
