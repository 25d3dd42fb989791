"""Keeps this workstation's witness of a database up to date: after every write it commits, the
rows appended since the last one are digested and a record of them appended to the witness file
(``desktop.seal.witness``).

The first write on a database records in its audit trail that this workstation keeps a witness
(``witness.created``), so from then on a missing or unreadable witness file is a failure of
``frontdesk db check``, not a silent absence. On PostgreSQL every write transaction takes the audit
lock first, so ledger ids are given in commit order and a witness never skips a row committed late.
"""

from __future__ import annotations

import logging
import threading
import time
import uuid
from collections.abc import Sequence
from pathlib import Path

from sqlalchemy import Connection, select, text
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Session

from desktop.db.database import Database
from desktop.db.engine import display_url
from desktop.db.models import AuditRecord
from desktop.seal import witness_journal
from desktop.seal.digest import BLOCK_ROWS, extend_blocks, start_block, table
from desktop.seal.erasure import RowDigester
from desktop.seal.witness import (
    FORMAT,
    RESTORE_ACTION,
    WITNESS_ACTION,
    Witness,
    WitnessUnreadable,
    bring_to_format,
    extend,
    load_key,
    read_witness,
    save_witness,
    witness_path,
    write_witness,
)
from desktop.seal.witness_fold import finish_fold, prepare_fold
from desktop.seal.witness_journal import trim
from desktop.services.audit_chain import POSTGRES_AUDIT_LOCK, append_audit
from desktop.services.clock import Clock

log = logging.getLogger(__name__)
SYNC_SECONDS = 2.0


def database_label(url: str) -> str:
    """How a witness names its database: a SQLite file's full path, a server's URL without password."""
    from sqlalchemy.engine import make_url

    parsed = make_url(url)
    if parsed.get_backend_name() == "sqlite" and parsed.database:
        return str(Path(parsed.database).resolve())
    return display_url(parsed)


def recorded_witnesses(session_or_connection: Session, workstation: str | None = None) -> list[str]:
    """The witness ids the database records (for one workstation, or all), since its last restore."""
    restored = session_or_connection.scalar(
        select(AuditRecord.id).where(AuditRecord.action == RESTORE_ACTION).order_by(AuditRecord.id.desc())
    )
    query = select(AuditRecord.entity_id).where(
        AuditRecord.action == WITNESS_ACTION, AuditRecord.id > (restored or 0)
    )
    if workstation is not None:
        query = query.where(AuditRecord.workstation == workstation)
    return list(session_or_connection.scalars(query.order_by(AuditRecord.id)))


class WitnessKeeper:
    def __init__(self, db: Database, workstation: str, clock: Clock) -> None:
        self.db = db
        self.workstation = workstation
        self.clock = clock
        self.label = database_label(db.url)
        self.witness: Witness | None = None
        # A witness whose record is not committed yet: forgotten if its transaction rolls back.
        self._unrecorded = False
        self._key: bytes | None = None
        self._synced_at = float("-inf")
        self._lock = threading.Lock()
        self._fold: threading.Thread | None = None
        #: The record count at which a fold last failed: tried again a whole journal later.
        self._fold_failed_at: int | None = None

    def attach(self) -> None:
        self.db.listen_to_writes("after_begin", self._after_begin)
        self.db.listen_to_writes("before_commit", self._before_commit)
        self.db.listen_to_writes("after_commit", self._after_commit)
        self.db.listen_to_writes("after_rollback", self._after_rollback)

    def anchor(self) -> None:
        """Find or start this workstation's witness now, in a transaction of its own, so that its
        ``witness.created`` record never lands among a unit of work's records. Should the database
        refuse, the first write does it instead."""
        try:
            with self.db.session(write=True) as session, session.begin():
                self._before_commit(session)
        except SQLAlchemyError as error:
            log.warning("witness not anchored at start: %s", error)

    def head(self) -> str | None:
        """The keyed head as printed on a document: which witness, up to which audit record, and the
        start of its HMAC (None before the first write this workstation witnessed)."""
        witness = self.witness
        if witness is None or not witness.mac:
            return None
        return f"witness {witness.witness_id[:8]} · audit record {witness.audit_last_id} · {witness.mac[:16]}"

    def _after_begin(self, _session: Session, _transaction: object, connection: Connection) -> None:
        if self.db.dialect == "postgresql":
            connection.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": POSTGRES_AUDIT_LOCK})

    def _before_commit(self, session: Session) -> None:
        if self.witness is not None:
            return
        with self._lock:
            for witness_id in reversed(recorded_witnesses(session, self.workstation)):
                try:
                    found = read_witness(witness_path(witness_id))
                except WitnessUnreadable:
                    continue
                if found.database == self.label:
                    if found.format == FORMAT:
                        trim(found)  # a witness of an older format is kept whole to be brought up
                    self.witness = found
                    return
            witness_id = uuid.uuid4().hex
            append_audit(
                session,
                at=self.clock.now(),
                staff_id=None,
                username="system",
                workstation=self.workstation,
                action=WITNESS_ACTION,
                entity_type="witness",
                entity_id=witness_id,
            )
            self.witness = Witness(witness_id, self.label, self.workstation)
            self._unrecorded = True

    def _after_rollback(self, _session: Session) -> None:
        if self._unrecorded:
            self.witness, self._unrecorded = None, False

    def _after_commit(self, _session: Session) -> None:
        self._unrecorded = False
        self.catch_up()

    def takes_digests(self) -> bool:
        """Whether rows digested by their writer can be added as they are (a witness of this format)."""
        return self.witness is not None and self.witness.format == FORMAT

    def add_digested(self, name: str, first_id: int, digests: Sequence[str]) -> None:
        """Rows ``first_id``, ``first_id + 1``… of the ledger ``name``, committed by a bulk writer that
        digested them as it wrote them (the demo's), added without reading them back; rows before them
        the witness has not seen are read first. The file is written by the next ``catch_up``."""
        witness = self.witness
        if witness is None or witness.format != FORMAT or not digests:
            return
        with self._lock:
            blocks = witness.ledgers.setdefault(name, [])
            seen = blocks[-1].last_id if blocks else 0
            if seen < first_id - 1:
                with self.db.engine.connect() as connection:
                    digester = RowDigester(connection, table(name), witness.format)
                    extend_blocks(connection, name, blocks, digester, upto=first_id - 1)
            for row_id, digest in enumerate(digests, start=first_id):
                if row_id <= seen:
                    continue  # read already
                if blocks and blocks[-1].count < BLOCK_ROWS:
                    blocks[-1].add(row_id, digest)
                else:
                    blocks.append(start_block(row_id, digest))

    def _as_written_elsewhere(self, witness: Witness) -> Witness:
        """The witness as its file now holds it when another process of this workstation (the window
        and a command, say) appended to it since this one last did, read back and checked with the
        key: this process then continues it, rather than rewriting the file from its own older view
        (which finds the other's blocks missing and starts a new witness at every save)."""
        state, path = witness.journal, witness_path(witness.witness_id)
        if state is None or witness.format != FORMAT or self._key is None:
            return witness
        try:
            found_on_disk = path.stat()
        except OSError:
            return witness
        if (found_on_disk.st_ino, found_on_disk.st_size) == (state.inode, state.size):
            return witness
        try:
            found = read_witness(path, self._key)
        except WitnessUnreadable:
            return witness
        if not found.verified or found.witness_id != witness.witness_id or found.format != FORMAT:
            return witness
        if not _covers(found, witness):
            return witness  # cut short, or an older copy put back: not taken up (see save_witness)
        trim(found)
        return found

    def catch_up(self) -> None:
        """Bring the witness up to the database and write it (after each commit, and after a bulk
        writer's rows). A witness that cannot be written is logged and caught up next time."""
        witness = self.witness
        if witness is None:
            return
        with self._lock:
            try:
                if self._key is None:
                    self._key = load_key(create=True)
                    if self._key is None:
                        raise OSError("the witness key cannot be read")
                witness = self.witness = self._as_written_elsewhere(witness)
                with self.db.engine.connect() as connection:
                    upgraded = witness.format != FORMAT and bring_to_format(connection, witness)
                    if not extend(connection, witness, self.clock.now()) and not upgraded:
                        return
                # Flushed to disk at most every few seconds: each save must stay quick.
                now = time.monotonic()
                sync = now - self._synced_at >= SYNC_SECONDS
                # A record appended; the whole file rewritten only when brought to a new format.
                write = write_witness if upgraded else save_witness
                write(witness_path(witness.witness_id), witness, self._key, sync=sync)
                if sync:
                    self._synced_at = now
                if witness.format == FORMAT:
                    trim(witness)  # the file holds the blocks now: only each ledger's newest kept
                if witness.journal is not None and witness.journal.outgrown():
                    self._start_fold(witness)
            except (OSError, SQLAlchemyError) as error:
                log.warning("witness not updated: %s", error)
            except WitnessUnreadable as error:
                # Its file lost the blocks no longer held here: the next write starts or finds
                # another witness (the database records this one, so db check reports it).
                log.warning("witness %s not updated, another one starts: %s", witness.witness_id, error)
                self.witness = None

    def _start_fold(self, witness: Witness) -> None:
        """Fold the file's records into a new base in a thread of its own (not the window's: at a
        million files it takes seconds); saves go on meanwhile. Not a daemon: a fold begun ends."""
        if self._fold is not None and self._fold.is_alive():
            return
        failed_at = self._fold_failed_at
        if witness.journal is None or (
            failed_at is not None and witness.journal.records < failed_at + witness_journal.MAX_RECORDS
        ):
            return
        self._fold = threading.Thread(target=self._fold_now, args=(witness,), name="witness-fold")
        self._fold.start()

    def _fold_now(self, witness: Witness) -> None:
        path, key = witness_path(witness.witness_id), self._key
        if key is None:
            return
        folded = False
        try:
            fold = prepare_fold(path, key)
            if fold is None:
                log.warning("witness %s not folded: it does not verify", witness.witness_id)
                return
            with self._lock:
                # The keeper may have taken up the file as another process left it meanwhile.
                current = self.witness
                if current is not None and current.witness_id == witness.witness_id:
                    folded = finish_fold(fold, path, current, key)
            if not folded:
                log.info("witness %s not folded: written elsewhere meanwhile", witness.witness_id)
        except (OSError, WitnessUnreadable) as error:
            log.warning("witness %s not folded: %s", witness.witness_id, error)
        finally:
            if not folded and witness.journal is not None:
                self._fold_failed_at = witness.journal.records

    def settle(self) -> None:
        """Wait for a fold under way to end."""
        fold = self._fold
        if fold is not None:
            fold.join()


def keep_witness(db: Database, workstation: str, clock: Clock) -> WitnessKeeper:
    keeper = WitnessKeeper(db, workstation, clock)
    keeper.attach()
    keeper.anchor()
    return keeper


def _covers(found: Witness, kept: Witness) -> bool:
    """Whether ``found`` has seen at least every row ``kept`` has: the audit head and each ledger's
    newest row. Only such a file is taken up; one behind would leave rows seen here unwitnessed."""
    if found.audit_last_id < kept.audit_last_id:
        return False
    for name, blocks in kept.ledgers.items():
        theirs = found.ledgers.get(name)
        if blocks and (not theirs or theirs[-1].last_id < blocks[-1].last_id):
            return False
    return True
