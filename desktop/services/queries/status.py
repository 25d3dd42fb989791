"""The badges of a client file's header, derived from the ledgers."""

from __future__ import annotations

from desktop.db.models import PolicyVersion
from desktop.domain.enums import ConsentAction, Purpose
from desktop.domain.records import ClientStatus
from desktop.services.queries.acknowledgments import latest_acknowledgments
from desktop.services.queries.clients import load_client
from desktop.services.queries.consent import consent_grid
from desktop.services.queries.optouts import pending_requests_for_client
from desktop.services.queries.policies import covers, current_policy
from desktop.services.unit_of_work import UnitOfWork


def client_status(uow: UnitOfWork, client_id: int) -> ClientStatus:
    session = uow.session
    client = load_client(session, client_id)
    policy = current_policy(session, client.preferred_language, uow.clock.today())
    acks = latest_acknowledgments(session, client_id)
    signed = next((a for a in acks if not a.refused), None)
    signed_policy = session.get(PolicyVersion, signed.policy_version_id) if signed else None
    signed_version = signed_policy.version if signed_policy is not None else None
    # Current means the text in force for the client's language, or a later version in that language
    # signed ahead of its date; the same version in another language is outdated once theirs exists.
    signed_current = signed is not None and signed_policy is not None and covers(signed_policy, policy)
    grid = consent_grid(session, client_id)
    promotional = [c for (p, _), c in grid.cells.items() if p != Purpose.APPOINTMENT_REMINDERS]
    opted_out = not any(c.granted for c in promotional) and any(
        c.last_event is not None and c.last_event.action == ConsentAction.WITHDRAWN for c in promotional
    )
    return ClientStatus(
        client_id=client_id,
        current_policy_version=policy.version,
        acknowledged_current_on=signed.signed_at.astimezone().date() if signed and signed_current else None,
        acknowledged_version=signed_version,
        acknowledgment_refused=bool(acks) and acks[0].refused,
        opted_out_of_promotions=opted_out,
        pending_opt_outs=len(pending_requests_for_client(session, client_id)),
        current_policy_language=policy.language,
        acknowledged_language=signed_policy.language if signed_policy is not None else None,
    )
