"""The head of the tamper-evident chain that the evidence pack prints: kept behind this one function
so that a stronger anchor (a witnessed, keyed head) replaces the newest audit link in one place."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop.db.models import AuditRecord
from desktop.domain.evidence import ChainHead, WitnessedHead
from desktop.seal.witness import Witness
from desktop.services.audit_chain import GENESIS_HASH


def chain_head(session: Session) -> ChainHead:
    """The newest audit record's sequence number and hash (0 and the genesis hash on an empty trail)."""
    row = session.execute(
        select(AuditRecord.id, AuditRecord.hash).order_by(AuditRecord.id.desc()).limit(1)
    ).first()
    if row is None:
        return ChainHead(0, GENESIS_HASH)
    return ChainHead(int(row.id), row.hash)


def witnessed_head(witness: Witness | None) -> WitnessedHead | None:
    """The head of this workstation's keyed witness (None without a witness or before its first seal)."""
    if witness is None or not witness.mac:
        return None
    return WitnessedHead(witness.witness_id, witness.audit_last_id, witness.mac)
