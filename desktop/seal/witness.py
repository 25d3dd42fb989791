"""The witness: the ledgers' digests and the audit chain's head, kept outside the database.

Each workstation keeps one witness file per database in its user-data folder and adds to it after
every write it commits (a record appended, ``desktop.seal.witness_journal``). The file is
authenticated with HMACs whose key lives in the workstation's configuration folder (mode 0600):
someone holding the database alone can neither make the database match an old witness nor write a
witness that matches a rewritten database.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import logging
import os
import secrets
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, func, select

from desktop.paths import user_data_dir
from desktop.seal.digest import AUDIT_TABLE, LEDGER_TABLES, Block, compare_blocks, extend_blocks, table
from desktop.seal.erasure import RowDigester
from desktop.seal.staff import audited_staff, staff_digests, staff_problems
from desktop.seal.witness_journal import (
    DamagedRecord,
    JournalState,
    append,
    canonical,
    changes,
    dropped,
    read_records,
    record_mac,
    write_again,
)
from desktop.settings import config_dir

log = logging.getLogger(__name__)

#: 2: a row's personal fields digested apart (``desktop.seal.erasure``); a format-1 witness is still
#: read and verified as it was written, and brought to format 2 once it is found intact.
FORMAT = 2
KEY_FILE = "witness.key"
WITNESS_FOLDER = "witnesses"
#: The audit actions that anchor witnesses: the database records that a witness exists.
WITNESS_ACTION = "witness.created"
RESTORE_ACTION = "database.restore"


class WitnessUnreadable(RuntimeError):
    """The witness file is missing, damaged or not valid JSON; the message says which."""


def witness_folder() -> Path:
    path = user_data_dir() / WITNESS_FOLDER
    path.mkdir(parents=True, exist_ok=True, mode=0o700)
    return path


def witness_path(witness_id: str) -> Path:
    return witness_folder() / f"{witness_id}.json"


def load_key(*, create: bool) -> bytes | None:
    """The workstation's witness key, created (owner-only) on first use when ``create``."""
    path = config_dir() / KEY_FILE
    try:
        return bytes.fromhex(path.read_text(encoding="ascii").strip())
    except FileNotFoundError:
        if not create:
            return None
    except (OSError, ValueError):
        return None
    path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    key = secrets.token_bytes(32)
    try:
        fd = os.open(path, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600)
    except FileExistsError:
        return load_key(create=False)  # another process made it first
    with os.fdopen(fd, "w", encoding="ascii") as stream:
        stream.write(key.hex())
    return key


def key_id(key: bytes) -> str:
    return hashlib.sha256(b"frontdesk-witness-key" + key).hexdigest()[:16]


@dataclass
class Witness:
    witness_id: str
    database: str
    workstation: str
    written_at: str = ""
    audit_last_id: int = 0
    audit_count: int = 0
    audit_hash: str = ""
    ledgers: dict[str, list[Block]] = field(default_factory=dict)
    staff: dict[str, str] = field(default_factory=dict)
    key_id: str = ""
    #: The MAC of the base, or of the newest record after it: the witness's keyed head.
    mac: str = ""
    format: int = FORMAT
    #: Read with this workstation's key: whether every MAC matches (None: not checked, another key).
    verified: bool | None = field(default=None, compare=False)
    #: What does not match its MAC, when ``verified`` is false.
    alteration: str = field(default="", compare=False)
    #: The file as last read or written, where the next record is appended (None: rewrite it whole).
    journal: JournalState | None = field(default=None, repr=False, compare=False)

    def body(self) -> dict[str, Any]:
        return {
            "format": self.format,
            "witness_id": self.witness_id,
            "database": self.database,
            "workstation": self.workstation,
            "written_at": self.written_at,
            "audit": {"last_id": self.audit_last_id, "count": self.audit_count, "hash": self.audit_hash},
            "ledgers": {name: [b.as_list() for b in blocks] for name, blocks in sorted(self.ledgers.items())},
            "staff": dict(sorted(self.staff.items())),
            "key_id": self.key_id,
        }

    def expected_mac(self, key: bytes, body: dict[str, Any] | None = None) -> str:
        """The MAC of ``body`` (this witness's, made when not given)."""
        return hmac.new(key, canonical(body or self.body()), hashlib.sha256).hexdigest()

    @property
    def head(self) -> str:
        """The keyed head printed on reports: the witness's own MAC."""
        return self.mac


def read_witness(path: Path, key: bytes | None = None) -> Witness:
    """The witness the file holds: its base and then each record after it. With ``key``, a witness
    kept under it is authenticated as it is read (``verified``, ``alteration``)."""
    try:
        with path.open("rb") as stream:
            base_line = stream.readline()
            data = json.loads(base_line)
            witness = _from_base(data)
            mac = data.pop("mac")
            if key is not None and witness.key_id == key_id(key):
                witness.verified = hmac.compare_digest(
                    mac, hmac.new(key, canonical(data), hashlib.sha256).hexdigest()
                )
                if not witness.verified:
                    witness.alteration = "its keyed head does not match"
            del data  # the parsed base: as large as the file, and no longer needed
            state = JournalState(
                inode=os.fstat(stream.fileno()).st_ino,
                size=len(base_line),
                base_size=len(base_line),
                key_id=witness.key_id,
                format=witness.format,
                needs_newline=not base_line.endswith(b"\n"),
                base_mac=witness.mac,
            )
            altered = read_records(stream, witness, key if witness.verified else None, state)
    except FileNotFoundError:
        raise WitnessUnreadable(f"{path}: missing") from None
    except OSError as error:
        raise WitnessUnreadable(f"{path}: unreadable ({error.strerror or error})") from None
    except DamagedRecord as error:
        raise WitnessUnreadable(f"{path}: damaged ({error})") from None
    except (ValueError, KeyError, TypeError, AttributeError):
        raise WitnessUnreadable(f"{path}: damaged (not a FrontDesk witness)") from None
    if altered:
        witness.verified, witness.alteration = False, altered
    state.remember(witness)
    witness.journal = state
    return witness


def _from_base(data: dict[str, Any]) -> Witness:
    audit = data["audit"]
    return Witness(
        witness_id=str(data["witness_id"]),
        database=str(data["database"]),
        workstation=str(data["workstation"]),
        written_at=str(data["written_at"]),
        audit_last_id=int(audit["last_id"]),
        audit_count=int(audit["count"]),
        audit_hash=str(audit["hash"]),
        ledgers={str(n): [Block.from_list(b) for b in blocks] for n, blocks in data["ledgers"].items()},
        staff={str(k): str(v) for k, v in data.get("staff", {}).items()},
        key_id=str(data["key_id"]),
        mac=str(data["mac"]),
        format=int(data.get("format", 1)),
    )


def save_witness(path: Path, witness: Witness, key: bytes, *, sync: bool = True) -> None:
    """Append to the witness file a record of what changed since it was last read or written; the
    file is rewritten whole (``write_witness``) when it is new, was written by another process since,
    ends with a record cut short, or its records have long outgrown its base (not folded since)."""
    state = witness.journal
    same_kind = state is not None and (state.key_id, state.format) == (key_id(key), witness.format)
    if state is None or state.torn or state.overgrown() or not same_kind:
        write_witness(path, witness, key, sync=sync)
        return
    body = changes(witness, state)
    if body is None:
        write_witness(path, witness, key, sync=sync)
        return
    mac = record_mac(key, witness.mac, body)
    line = json.dumps(body | {"mac": mac}, separators=(",", ":")).encode("utf-8") + b"\n"
    try:
        appended = append(path, line, state, sync=sync)
        if not appended and _write_lost_records(path, witness, key, state):
            appended = append(path, line, state, sync=sync)
    except OSError:
        witness.journal = None  # perhaps half a record at the end: the next save rewrites the file
        raise
    if not appended:
        write_witness(path, witness, key, sync=sync)
        return
    witness.mac = mac
    state.remember(witness)


def write_witness(path: Path, witness: Witness, key: bytes, *, sync: bool = True) -> None:
    """The whole witness as a new base, atomically: a crash leaves the previous file, never half of
    one. ``sync`` false skips the flush to disk (a witness a little behind the database is still a
    true one)."""
    if any(dropped(blocks) for blocks in witness.ledgers.values()):
        _restore_blocks(path, witness, key)
    witness.journal = None
    witness.key_id = key_id(key)
    body = witness.body()  # made once: at a million files it takes a third of a second
    witness.mac = witness.expected_mac(key, body)
    # dumps, not dump: dump encodes in pure Python, several seconds for a million files' witness.
    line = json.dumps(body | {"mac": witness.mac}, separators=(",", ":")).encode("utf-8") + b"\n"
    del body
    partial = path.with_name(f".{path.name}.{os.getpid()}.partial")
    fd = os.open(partial, os.O_CREAT | os.O_TRUNC | os.O_WRONLY, 0o600)
    with os.fdopen(fd, "wb") as stream:
        stream.write(line)
        stream.flush()
        if sync:
            os.fsync(stream.fileno())
        inode = os.fstat(stream.fileno()).st_ino
    os.replace(partial, path)
    state = JournalState(inode, len(line), len(line), witness.key_id, witness.format, base_mac=witness.mac)
    state.remember(witness)
    witness.journal = state


def _write_lost_records(path: Path, witness: Witness, key: bytes, state: JournalState) -> bool:
    """The file this keeper appends to, found cut short: the records it lost, still held here, are
    written again, so that cutting the file while FrontDesk runs does not make it an older witness
    (which would leave rows written since unwitnessed). Reported in the log."""
    try:
        found = read_witness(path, key)
    except WitnessUnreadable:
        return False
    had = found.journal
    if found.verified is not True or had is None or had.inode != state.inode or had.records >= state.records:
        return False
    head = json.loads(state.lines[had.records - 1])["mac"] if had.records else state.base_mac
    if found.mac != head:
        return False  # not the chain this keeper wrote
    if not write_again(path, state, had.records, had.size, needs_newline=had.needs_newline):
        return False
    log.warning(
        "witness %s was cut short: %d record(s) written again",
        witness.witness_id,
        state.records - had.records,
    )
    return True


def _restore_blocks(path: Path, witness: Witness, key: bytes) -> None:
    """The blocks a keeper dropped from memory, read back from its file to write it whole again
    (WitnessUnreadable when the file no longer holds them: missing, damaged, altered, another
    witness; an altered file is never written again as genuine)."""
    found = read_witness(path, key)
    if found.verified is False:
        raise WitnessUnreadable(f"{path}: altered ({found.alteration})")
    if (found.witness_id, found.format) != (witness.witness_id, witness.format):
        raise WitnessUnreadable(f"{path}: no longer this witness")
    for name, blocks in witness.ledgers.items():
        held = dropped(blocks)
        written = found.ledgers.get(name, [])
        if held and (len(written) < held or (blocks and written[held - 1].last_id >= blocks[0].first_id)):
            raise WitnessUnreadable(f"{path}: damaged ({name} holds fewer blocks than were written)")
        if held:
            witness.ledgers[name] = written[:held] + list(blocks)


def _newest_ids(connection: Connection) -> dict[str, int]:
    """Each sealed table's newest id, in one round trip: most commits add rows to one ledger or none."""
    names = (*LEDGER_TABLES, AUDIT_TABLE)
    query = " UNION ALL ".join(f"SELECT '{n}', max(id) FROM {n}" for n in names)  # noqa: S608 (our own names)
    return {str(name): int(str(newest or 0)) for name, newest in connection.exec_driver_sql(query)}


def extend(connection: Connection, witness: Witness, now: datetime) -> bool:
    """Bring the witness up to the database's current content (only rows it has not seen are read).
    False when nothing was added since it was last written."""
    newest = _newest_ids(connection)
    changed = False
    for name in LEDGER_TABLES:
        blocks = witness.ledgers.setdefault(name, [])
        if newest[name] > (blocks[-1].last_id if blocks else 0):
            extend_blocks(connection, name, blocks, RowDigester(connection, table(name), witness.format))
            changed = True
    audit = table(AUDIT_TABLE)
    previous_head, head = witness.audit_last_id, newest[AUDIT_TABLE]
    if head > previous_head:
        witness.audit_hash = str(connection.scalar(select(audit.c.hash).where(audit.c.id == head)))
        added = connection.scalar(select(func.count()).where(audit.c.id > previous_head, audit.c.id <= head))
        witness.audit_count += int(added or 0)
        witness.audit_last_id = head
        changed = True
    # Accounts are re-read only where an audit record says FrontDesk changed them (read after the
    # head, so none is missed); a change made around FrontDesk stays a difference.
    if not witness.staff:
        witness.staff = staff_digests(connection)
        changed = True
    elif head > previous_head:
        touched = audited_staff(connection, previous_head, head)
        if touched:
            witness.staff.update(staff_digests(connection, touched))
    if changed:
        witness.written_at = now.isoformat()
    return changed


def compare(connection: Connection, witness: Witness) -> list[str]:
    """Every difference between the database and the witness, one sentence each (empty: they agree)."""
    if any(dropped(blocks) for blocks in witness.ledgers.values()):
        raise ValueError("a keeper's witness holds only each ledger's newest block: read the file")
    problems: list[str] = []
    audit = table(AUDIT_TABLE)
    if witness.audit_last_id:
        row = connection.execute(select(audit.c.hash).where(audit.c.id == witness.audit_last_id)).first()
        newest = connection.scalar(select(func.max(audit.c.id))) or 0
        if row is None:
            problems.append(
                f"audit record {witness.audit_last_id}, the newest this witness saw, is missing: "
                f"records after {min(newest, witness.audit_last_id)} were removed"
            )
        elif row.hash != witness.audit_hash:
            problems.append(
                f"audit record {witness.audit_last_id} does not carry the hash this witness saw: "
                "the chain was rewritten up to it"
            )
        count = connection.scalar(select(func.count()).where(audit.c.id <= witness.audit_last_id)) or 0
        if row is not None and count != witness.audit_count:
            problems.append(
                f"{witness.audit_count - count} audit record(s) up to {witness.audit_last_id} removed"
            )
    for name in LEDGER_TABLES:
        digester = RowDigester(connection, table(name), witness.format)
        problems += compare_blocks(
            connection, name, witness.ledgers.get(name, []), digester, unrecorded=digester.unrecorded
        )
    problems += staff_problems(connection, witness.staff, witness.audit_last_id)
    return problems


def bring_to_format(connection: Connection, witness: Witness) -> bool:
    """A witness of an older format, found to match the database as it was written, has its ledgers
    digested again as the current format does (the same blocks); one that differs is left as it is,
    so that what differs stays reported. True when the witness was brought up to date."""
    if witness.format == FORMAT or compare(connection, witness):
        return False
    witness.format = FORMAT
    for name, blocks in witness.ledgers.items():
        last_id = blocks[-1].last_id if blocks else 0
        rebuilt: list[Block] = []
        extend_blocks(connection, name, rebuilt, RowDigester(connection, table(name), FORMAT), upto=last_id)
        witness.ledgers[name] = rebuilt
    return True
