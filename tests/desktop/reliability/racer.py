"""One of two processes saving the same client files at the same moment (stale-version race test)."""

from __future__ import annotations

from dataclasses import replace

from desktop.app import open_services
from desktop.domain.errors import StaleVersionError


def save_each(url: str, password: str, client_ids: list[int], city: str, barrier, results) -> None:  # type: ignore[no-untyped-def]
    services = open_services(url, migrate=False)
    try:
        actor = services.staff.authenticate("accueil", password, f"racer-{city}")
        for client_id in client_ids:
            opened = services.clients.open(actor, client_id)
            barrier.wait(timeout=60)
            try:
                saved = services.clients.update(
                    actor, client_id, opened.version, replace(opened.as_draft(), city=city)
                )
                results.put((client_id, city, "saved", saved.version))
            except StaleVersionError as error:
                results.put((client_id, city, "stale", error.current.version))
            except Exception as error:  # reported to the test, which fails on it
                results.put((client_id, city, f"{type(error).__name__}: {error}", None))
    finally:
        services.close()
