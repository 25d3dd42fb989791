"""The witness's journal: each save appends one authenticated record of what changed to the witness
file instead of rewriting it whole (at a million files the whole is some 20 MB).

The file is lines. The first is the base: the whole witness and its MAC, as a witness file was
before the journal (one written then is a base with no record). Each line after it is a record: the
blocks of each ledger from the first that changed, the audit head, the staff digests that changed.
A record's MAC covers the MAC before it and its canonical body, under the workstation's key, so no
record can be altered, moved, inserted or taken from another witness. Records lost from the end
leave an older witness, as an older witness file would (a last line cut short by a crash is such a
loss); while its keeper runs, it writes them again. When the records outgrow the base they are
folded into a new one, written atomically.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import os
import sys
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Protocol

from desktop.seal.digest import Block


class Witness(Protocol):
    """What a record changes of a witness (``desktop.seal.witness.Witness``, which imports this module)."""

    written_at: str
    audit_last_id: int
    audit_count: int
    audit_hash: str
    ledgers: dict[str, list[Block]]
    staff: dict[str, str]
    mac: str

#: A journal is folded into a new base past this many records, or once longer than the base (and
#: than ``JOURNAL_BYTES``): reading it back stays quick, and a base is rewritten only rarely. The
#: fold is done away from the saves (``desktop.seal.witness_fold``); a save does it only once the
#: journal is ``OVERGROWN`` times that (the folds having failed).
MAX_RECORDS = 4096
JOURNAL_BYTES = 256 * 1024
OVERGROWN = 4
#: Where Windows locks the file: a byte far past its end, so that readers are never refused.
_LOCK_OFFSET = 1 << 40


class HeldBlocks(list[Block]):
    """A ledger's newest block as a keeper holds it between saves: the ``dropped`` blocks before it
    are in the witness file only (at a million files all blocks take some 70 MB as objects)."""

    def __init__(self, blocks: Iterable[Block], dropped: int) -> None:
        super().__init__(blocks)
        self.dropped = dropped


def dropped(blocks: list[Block]) -> int:
    return blocks.dropped if isinstance(blocks, HeldBlocks) else 0


def trim(witness: Witness) -> None:
    """Keep only each ledger's newest block in memory, once the file holds the others."""
    for name, blocks in witness.ledgers.items():
        if len(blocks) > 1:
            witness.ledgers[name] = HeldBlocks(blocks[-1:], dropped(blocks) + len(blocks) - 1)


class DamagedRecord(ValueError):
    """A record that cannot be read, or does not follow the one before it; the message says which."""


def canonical(body: dict[str, Any]) -> bytes:
    return json.dumps(body, sort_keys=True, separators=(",", ":")).encode("utf-8")


def record_mac(key: bytes, previous: str, body: dict[str, Any]) -> str:
    return hmac.new(key, previous.encode("ascii") + canonical(body), hashlib.sha256).hexdigest()


@dataclass
class JournalState:
    """The witness file as this process last read or wrote it: where the next record goes, and what
    the records so far add up to (the next record holds what differs from it)."""

    inode: int
    size: int
    base_size: int
    key_id: str
    format: int
    records: int = 0
    #: The file ends with a base written before the journal (no line end) or a record not ended.
    needs_newline: bool = False
    #: Bytes after the last whole line (a record cut short): the next save rewrites the file.
    torn: bool = False
    #: Each ledger's block count and last block (count, digest), and the staff digests, as written.
    tails: dict[str, tuple[int, int, str]] = field(default_factory=dict)
    staff: dict[str, str] = field(default_factory=dict)
    #: The base's MAC, and the records after it (no line end): a file found cut short is made whole
    #: again from them (a journal's worth at most, about 2 MB).
    base_mac: str = ""
    lines: list[bytes] = field(default_factory=list, repr=False)

    def outgrown(self, times: int = 1) -> bool:
        appended = self.size - self.base_size
        return self.records >= times * MAX_RECORDS or appended > times * max(self.base_size, JOURNAL_BYTES)

    def overgrown(self) -> bool:
        return self.outgrown(OVERGROWN)

    def remember(self, witness: Witness) -> None:
        self.tails = {
            name: (dropped(blocks) + len(blocks), blocks[-1].count, blocks[-1].digest)
            if blocks
            else (0, 0, "")
            for name, blocks in witness.ledgers.items()
        }
        self.staff = dict(witness.staff)


def changes(witness: Witness, state: JournalState) -> dict[str, Any] | None:
    """The next record's body: what the witness holds beyond what was written (None when that is
    not blocks added at the end of ledgers: the file is then rewritten whole)."""
    ledgers: dict[str, Any] = {}
    for name, blocks in sorted(witness.ledgers.items()):
        length, count, digest = state.tails.get(name, (0, 0, ""))
        held = dropped(blocks)  # the index in the file of the first block held in memory
        if held + len(blocks) < length or (length and length - 1 < held):
            return None
        start = length
        last = blocks[length - 1 - held] if length else None
        if last is not None and (last.count, last.digest) != (count, digest):
            start = length - 1  # the last block written has rows added since
        if start < held + len(blocks):
            ledgers[name] = {"from": start, "blocks": [b.as_list() for b in blocks[start - held :]]}
    if state.staff.keys() - witness.staff.keys():
        return None
    return {
        "record": state.records + 1,
        "written_at": witness.written_at,
        "audit": {"last_id": witness.audit_last_id, "count": witness.audit_count, "hash": witness.audit_hash},
        "ledgers": ledgers,
        "staff": {k: v for k, v in sorted(witness.staff.items()) if state.staff.get(k) != v},
    }


def replay(witness: Witness, body: dict[str, Any]) -> None:
    """Apply a record's body to ``witness`` (all read first: a record that fails changes nothing)."""
    audit = body["audit"]
    head = (str(body["written_at"]), int(audit["last_id"]), int(audit["count"]), str(audit["hash"]))
    ledgers = []
    for name, change in body["ledgers"].items():
        start, blocks = int(change["from"]), [Block.from_list(b) for b in change["blocks"]]
        if not 0 <= start <= len(witness.ledgers.get(str(name), ())):
            raise DamagedRecord(f"record {body['record']} continues {name} past its end")
        ledgers.append((str(name), start, blocks))
    staff = {str(k): str(v) for k, v in body["staff"].items()}
    witness.written_at, witness.audit_last_id, witness.audit_count, witness.audit_hash = head
    for name, start, blocks in ledgers:
        witness.ledgers.setdefault(name, [])[start:] = blocks
    witness.staff.update(staff)


def read_records(lines: Iterable[bytes], witness: Witness, key: bytes | None, state: JournalState) -> str:
    """Replay the records after the base onto ``witness``, their MACs checked under ``key`` when
    given. Returns what does not match its MAC ("" when all do, or when not checked)."""
    previous, altered = witness.mac, ""
    for line in lines:
        number = state.records + 1
        ended = line.endswith(b"\n")
        try:
            data = json.loads(line)
        except ValueError:
            if ended:
                raise DamagedRecord(f"record {number} is not a FrontDesk witness record") from None
            state.torn = True  # the last record, cut short by a crash: an older witness
            return altered
        try:
            if not isinstance(data, dict) or data.get("record") != number:
                raise DamagedRecord(f"record {number} is missing or out of order")
            mac = str(data.pop("mac"))
            replay(witness, data)
        except (KeyError, TypeError, AttributeError, ValueError) as error:
            if isinstance(error, DamagedRecord):
                raise
            raise DamagedRecord(f"record {number} is not a FrontDesk witness record") from None
        if key is not None and not altered and not hmac.compare_digest(mac, record_mac(key, previous, data)):
            altered = f"record {number} does not carry its keyed head: changed, moved or inserted"
        previous = witness.mac = mac
        state.records = number
        state.size += len(line)
        state.needs_newline = not ended
        state.lines.append(line.rstrip(b"\n"))
    return altered


def append(path: Path, line: bytes, state: JournalState, *, sync: bool) -> bool:
    """Add ``line`` at the end of the witness file if it is still as ``state`` says (False when
    another process wrote it since, or it is gone: the caller then rewrites it whole)."""
    try:
        fd = os.open(path, os.O_WRONLY | os.O_APPEND)
    except FileNotFoundError:
        return False
    try:
        lock_file(fd)
        found = os.fstat(fd)
        if (found.st_ino, found.st_size) != (state.inode, state.size) or os.stat(path).st_ino != found.st_ino:
            return False
        data = (b"\n" if state.needs_newline else b"") + line
        _write_all(fd, data, sync=sync)
        state.size += len(data)
        state.records += 1
        state.needs_newline = False
        state.lines.append(line.rstrip(b"\n"))
        return True
    finally:
        unlock_file(fd)
        os.close(fd)


def write_again(path: Path, state: JournalState, kept: int, valid: int, *, needs_newline: bool) -> bool:
    """The records after the first ``kept`` written again after the file's first ``valid`` bytes:
    the file was cut short there (FrontDesk never shortens a witness in place), and what follows
    may only be part of a record. False when the file is not in that state."""
    try:
        fd = os.open(path, os.O_RDWR)
    except FileNotFoundError:
        return False
    try:
        lock_file(fd)
        found = os.fstat(fd)
        if found.st_ino != state.inode or os.stat(path).st_ino != found.st_ino or found.st_size < valid:
            return False
        os.lseek(fd, valid, os.SEEK_SET)
        if b"\n" in os.read(fd, found.st_size - valid):
            return False  # a whole record added since it was read: not this keeper's to replace
        os.ftruncate(fd, valid)
        os.lseek(fd, valid, os.SEEK_SET)
        data = (b"\n" if needs_newline else b"") + b"".join(line + b"\n" for line in state.lines[kept:])
        _write_all(fd, data, sync=True)
        state.size, state.needs_newline = valid + len(data), False
        return True
    finally:
        unlock_file(fd)
        os.close(fd)


def _write_all(fd: int, data: bytes, *, sync: bool) -> None:
    written = 0
    while written < len(data):
        written += os.write(fd, data[written:])
    if sync:
        os.fsync(fd)


if sys.platform == "win32":
    import msvcrt

    def lock_file(fd: int) -> None:
        os.lseek(fd, _LOCK_OFFSET, os.SEEK_SET)
        msvcrt.locking(fd, msvcrt.LK_LOCK, 1)

    def unlock_file(fd: int) -> None:
        os.lseek(fd, _LOCK_OFFSET, os.SEEK_SET)
        try:
            msvcrt.locking(fd, msvcrt.LK_UNLCK, 1)
        except OSError:
            pass  # not locked: the lock itself failed

else:
    import fcntl

    def lock_file(fd: int) -> None:
        fcntl.flock(fd, fcntl.LOCK_EX)

    def unlock_file(fd: int) -> None:
        fcntl.flock(fd, fcntl.LOCK_UN)
