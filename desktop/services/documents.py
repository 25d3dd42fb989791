"""Stored acknowledgment PDFs: served byte for byte (audited as printed, exported or viewed), and
verified from the code printed on them. The PDF itself is made and stored by ``ledger.documents``
in the unit of work that records the acknowledgment."""

from __future__ import annotations

from sqlalchemy import select

from desktop.db.database import Database
from desktop.db.models import Acknowledgment, Client, PolicyVersion
from desktop.db.models import AcknowledgmentDocument as StoredDocument
from desktop.domain.errors import FieldError, NotFoundError, ValidationError
from desktop.domain.messages import Subjects
from desktop.domain.records import Actor, VerificationResult
from desktop.pdf.verification import InvalidVerificationCode, normalise_code
from desktop.seal.erasure import erasures_of
from desktop.services.clock import Clock
from desktop.services.ledger.documents import pdf_sha256
from desktop.services.permissions import Permission
from desktop.services.unit_of_work import UnitOfWork, run

_DOCUMENTS = StoredDocument.__tablename__

#: How a stored PDF left the database: each is audited as ``acknowledgment.<action>``.
PDF_ACTIONS = ("print", "export", "view")


def _client_name(client: Client) -> str:
    return f"{client.first_name} {client.last_name}"


class DocumentService:
    def __init__(self, db: Database, clock: Clock) -> None:
        self._db = db
        self._clock = clock

    def acknowledgment_pdf(self, actor: Actor, acknowledgment_id: int, action: str = "print") -> bytes:
        """The stored PDF, byte for byte; ``action`` (print, export, view) is what the audit says."""
        if action not in PDF_ACTIONS:
            raise ValidationError([FieldError("action", "invalid_choice", {"value": action})])

        def work(uow: UnitOfWork) -> bytes:
            ack = uow.session.get(Acknowledgment, acknowledgment_id)
            if ack is None:
                raise NotFoundError(what=Subjects.acknowledgment.filled(id=acknowledgment_id))
            pdf = uow.session.scalar(
                select(StoredDocument.pdf).where(StoredDocument.acknowledgment_id == ack.id)
            )
            if pdf is None:
                raise NotFoundError("no_document")
            if not pdf:  # removed by the file's anonymisation: only its code and SHA-256 remain
                raise NotFoundError("document_removed")
            uow.audit(f"acknowledgment.{action}", "acknowledgment", ack.uid, f"client={ack.client_id}")
            return bytes(pdf)

        return run(self._db, self._clock, actor, Permission.WORK_CLIENT_FILES, work)

    def verify(self, actor: Actor, code: str) -> VerificationResult:
        """Which acknowledgment a printed code belongs to, and whether its stored PDF is intact.
        Raises ValidationError for text that cannot be a code, NotFoundError for an unknown code."""
        try:
            canonical = normalise_code(code)
        except InvalidVerificationCode:
            raise ValidationError([FieldError("code", "invalid_verification_code")]) from None

        def work(uow: UnitOfWork) -> VerificationResult:
            session = uow.session
            stored = session.scalar(
                select(StoredDocument).where(StoredDocument.verification_code == canonical)
            )
            if stored is None:
                raise NotFoundError(what=Subjects.document.filled(code=canonical))
            ack = session.get(Acknowledgment, stored.acknowledgment_id)
            assert ack is not None
            client = session.get(Client, ack.client_id)
            policy = session.get(PolicyVersion, ack.policy_version_id)
            assert client is not None and policy is not None
            result = VerificationResult(
                code=canonical,
                acknowledgment_id=ack.id,
                acknowledgment_uid=ack.uid,
                client_id=client.id,
                file_number=client.file_number,
                client_name=_client_name(client),
                policy_version=policy.version,
                policy_language=policy.language,
                signed_at=ack.signed_at,
                refused=ack.refused,
                stored_sha256=stored.sha256,
                computed_sha256=pdf_sha256(bytes(stored.pdf)),
                document_created_at=stored.created_at,
                removed=not stored.pdf and stored.id in erasures_of(session.connection(), _DOCUMENTS),
            )
            uow.audit(
                "acknowledgment.verify",
                "acknowledgment",
                ack.uid,
                f"client={client.id} match={'yes' if result.bytes_match else 'no'}",
            )
            return result

        return run(self._db, self._clock, actor, Permission.WORK_CLIENT_FILES, work)
