"""The evidence pack of one client's file, for the manager and the privacy officer.

Permission: RUN_REPORTS, which both roles hold and the receptionist does not. The pack answers the
client's own access request or an inspector on the client's behalf, so the manager, who answers
them when the officer is away, must be able to produce it; READ_AUDIT would leave the clinic without
an answer then. It lists the file's accesses, as the client's right of access includes them.

Producing it is audited (``evidence.pack`` on the client, with counts only, never client values),
so the pack itself shows in the next pack's accesses.

The chain head the pack prints is verified as the reports' is, by the same verifier, once the role
is checked (``desktop.services.reporting.chain``): a chain that does not verify is said, and no head
is printed then.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

from desktop.db.database import Database
from desktop.db.models import Organisation
from desktop.domain.enums import Language
from desktop.domain.evidence import EvidencePack, RenderedEvidence, WitnessedHead
from desktop.domain.records import Actor
from desktop.reports.base import ChainSeal
from desktop.reports.evidence_pdf import render_evidence_pdf
from desktop.reports.evidence_texts import EvidenceText as T
from desktop.services.clock import Clock
from desktop.services.permissions import Permission
from desktop.services.queries import evidence as gather
from desktop.services.queries.access_requests import requests_for_client as access_requests_for_client
from desktop.services.queries.clients import client_by_file_number
from desktop.services.queries.disclosures import disclosures_for_client
from desktop.services.queries.optouts import requests_for_client
from desktop.services.queries.organisation import load_organisation
from desktop.services.queries.reminders import reminder_evidence
from desktop.services.queries.schedule import client_events
from desktop.services.reporting.chain import ChainVerifier, run_verified
from desktop.services.unit_of_work import UnitOfWork

#: The permission the pack needs (see the module's docstring).
EVIDENCE_PERMISSION = Permission.RUN_REPORTS


def _officer(organisation: Organisation) -> str:
    """ "Name, title, contact", each once, leaving out a title that only repeats the heading's."""
    titles = {T.officer.get(lang).casefold() for lang in Language}
    parts = (
        organisation.privacy_officer_name.strip(),
        organisation.privacy_officer_title.strip(),
        organisation.privacy_officer_contact.strip(),
    )
    return ", ".join(dict.fromkeys(p for p in parts if p and p.casefold() not in titles))


class EvidenceService:
    def __init__(
        self,
        db: Database,
        clock: Clock,
        witness: Callable[[], WitnessedHead | None] | None = None,
        chain: ChainVerifier | None = None,
    ) -> None:
        """``witness``: this workstation's keyed witness head, read once the pack is recorded;
        ``chain``: the verifier shared with the reports (by default one of its own, in memory)."""
        self._db = db
        self._clock = clock
        self._witness = witness
        self._chain = chain or ChainVerifier()

    def pack(self, actor: Actor, file_number: str) -> EvidencePack:
        """Everything the pack prints about the client filed under ``file_number``, in one unit of work."""

        def work(uow: UnitOfWork, seal: ChainSeal) -> EvidencePack:
            session = uow.session
            client = client_by_file_number(session, file_number)
            head = seal.head
            consents, cited = gather.consents(session, client.id)
            acknowledgments, acknowledged = gather.acknowledgments(session, client.id)
            policies = gather.policies(
                session, acknowledged, cited, gather.summaries_read(session, client.id)
            )
            optouts = tuple(
                sorted(requests_for_client(session, client.id), key=lambda r: (r.received_on, r.id))
            )
            accesses = gather.accesses(session, client.id)
            reminders = reminder_evidence(session, client.id)
            appointment_events = tuple(client_events(session, client.id))
            disclosures = tuple(disclosures_for_client(session, client.id))
            access_requests = tuple(reversed(access_requests_for_client(session, client.id)))
            organisation = load_organisation(session)
            officer = _officer(organisation)
            uow.audit(
                "evidence.pack",
                "client",
                client.id,
                f"consents={len(consents)} acknowledgments={len(acknowledgments)} optouts={len(optouts)} "
                f"accesses={len(accesses)} reminders={len(reminders)} appointment_events={len(appointment_events)} "
                f"disclosures={len(disclosures)} access_requests={len(access_requests)} head={head.sequence}",
            )
            return EvidencePack(
                produced_at=uow.now,
                produced_by=uow.staff.full_name if uow.staff is not None else actor.full_name,
                organisation=organisation.name,
                privacy_officer=officer,
                identity=gather.identity(client),
                consents=consents,
                policies=policies,
                acknowledgments=acknowledgments,
                optouts=optouts,
                accesses=accesses,
                chain_head=head,
                chain_broken_at=seal.broken_at,
                reminders=reminders,
                appointment_events=appointment_events,
                disclosures=disclosures,
                access_requests=access_requests,
            )

        pack = run_verified(self._db, self._clock, actor, EVIDENCE_PERMISSION, self._chain, work)
        # Read after the commit, so the witness has sealed every record the pack printed.
        witnessed = self._witness() if self._witness is not None else None
        return replace(pack, witnessed=witnessed) if witnessed is not None else pack

    def render(self, actor: Actor, file_number: str) -> RenderedEvidence:
        """The pack as a PDF in the client's language; laid out after the unit of work, so rendering
        never holds a database transaction."""
        pack = self.pack(actor, file_number)
        return RenderedEvidence(pack.identity.file_number, pack.language, render_evidence_pdf(pack))
