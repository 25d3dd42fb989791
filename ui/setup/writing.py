"""Writing the set-up, on a worker thread: the database chosen, the organisation and everything else in
it at once, then where this workstation's data lives and which site it is at."""

from __future__ import annotations

import logging

from desktop.app import open_services
from desktop.connection_config import store_database_url
from desktop.services import Services
from desktop.services.setup import SetupPlan, SetupResult
from desktop.settings import store_workstation_site

__all__ = ["write_setup"]

log = logging.getLogger(__name__)


def write_setup(
    local: Services,
    server_url: str | None,
    plan: SetupPlan,
    workstation: str,
    site_index: int,
    *,
    store_location: bool,
) -> tuple[Services, SetupResult]:
    """The services the set-up was written into (a server's, opened here, or ``local``) and its result.

    ``store_location``: the person chose where the data lives, so the choice is kept for the next start;
    it is kept before the set-up is written (a set-up without it would be lost) and taken back if the
    set-up fails. Never call on the GUI thread.
    """
    services = local if server_url is None else open_services(server_url)
    try:
        if store_location:
            store_database_url(server_url)
        try:
            result = services.setup.run(plan, workstation)
        except BaseException:
            if store_location:
                store_database_url(None)
            raise
    except BaseException:
        if services is not local:
            services.close()
        raise
    try:
        store_workstation_site(result.sites[site_index].id)
    except OSError as error:
        # The first site is used until the workstation's settings say otherwise: not worth undoing the set-up.
        log.warning("the workstation's site could not be stored: %s", error.strerror)
    return services, result
