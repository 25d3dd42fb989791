"""Folding a witness file's records into a new base, away from the saves: the file is read, checked
and written anew as a whole (seconds at a million files) while saves go on appending records to
it; then, for a moment under the keeper's lock, the records appended meanwhile are carried over
after the new base, each given its MAC again in the new chain, and the new file replaces the old.

Only a file that verifies under the workstation's key is folded: one found altered keeps its
records, so that ``db check`` still reports it (a fold never makes an altered witness genuine).
"""

from __future__ import annotations

import hmac
import json
import os
from dataclasses import dataclass
from pathlib import Path

from desktop.seal.witness import Witness, key_id, read_witness
from desktop.seal.witness_journal import JournalState, lock_file, record_mac, unlock_file


@dataclass
class Fold:
    """A new base written beside the file (``partial``), as the file stood up to ``state``."""

    partial: Path
    base: bytes
    base_mac: str
    #: The MAC the file's chain had reached where the base was taken.
    chain_mac: str
    state: JournalState


def prepare_fold(path: Path, key: bytes) -> Fold | None:
    """The slow part, without the keeper's lock: None when the file does not verify under ``key``
    (it is then left as it is)."""
    found = read_witness(path, key)
    state = found.journal
    if found.verified is not True or state is None:
        return None  # a record being appended as it was read is carried over with the others
    chain_mac = found.mac
    body = found.body()
    base_mac = found.expected_mac(key, body)
    base = json.dumps(body | {"mac": base_mac}, separators=(",", ":")).encode("utf-8") + b"\n"
    del body, found
    partial = path.with_name(f".{path.name}.{os.getpid()}.fold")
    fd = os.open(partial, os.O_CREAT | os.O_TRUNC | os.O_WRONLY, 0o600)
    with os.fdopen(fd, "wb") as stream:
        stream.write(base)
        stream.flush()
        os.fsync(stream.fileno())  # here, not under the keeper's lock
    return Fold(partial, base, base_mac, chain_mac, state)


def finish_fold(fold: Fold, path: Path, witness: Witness, key: bytes) -> bool:
    """Under the keeper's lock: the records written since the fold began are carried over and the
    new file replaces the old. False (nothing changed) when the file is no longer the one this
    keeper writes, or a record since does not verify."""
    try:
        kept = witness.journal
        if kept is None or (kept.inode, kept.key_id) != (fold.state.inode, key_id(key)):
            return False
        since = _written_since(path, fold.state.size, kept)
        carried = None if since is None else _carry_over(since, fold, key)
        if carried is None:
            return False
        lines, head = carried
        with open(fold.partial, "ab") as stream:
            stream.write(b"".join(lines))
            stream.flush()
            os.fsync(stream.fileno())
            inode = os.fstat(stream.fileno()).st_ino
        # Another process's record appended since the check is not carried over: finding the file
        # replaced, that process writes it whole again from what it holds.
        os.replace(fold.partial, path)
        size = len(fold.base) + sum(len(line) for line in lines)
        state = JournalState(inode, size, len(fold.base), kept.key_id, kept.format, records=len(lines))
        state.tails, state.staff, state.base_mac = kept.tails, kept.staff, fold.base_mac
        state.lines = [line.rstrip(b"\n") for line in lines]
        witness.journal, witness.mac = state, head
        return True
    finally:
        fold.partial.unlink(missing_ok=True)


def _written_since(path: Path, offset: int, kept: JournalState) -> bytes | None:
    """The file's bytes after ``offset``, if the file is still as this keeper last wrote it."""
    fd = os.open(path, os.O_RDWR)
    try:
        lock_file(fd)  # not while another process appends
        found = os.fstat(fd)
        if (found.st_ino, found.st_size) != (kept.inode, kept.size) or kept.size < offset:
            return None
        os.lseek(fd, offset, os.SEEK_SET)
        chunks: list[bytes] = []
        remaining = kept.size - offset
        while remaining > 0:
            chunk = os.read(fd, remaining)
            if not chunk:
                return None
            chunks.append(chunk)
            remaining -= len(chunk)
        return b"".join(chunks)
    finally:
        unlock_file(fd)
        os.close(fd)


def _carry_over(since: bytes, fold: Fold, key: bytes) -> tuple[list[bytes], str] | None:
    """The records ``since`` the fold began, each checked in the old chain and given its MAC in the
    new one, and the new chain's head (None when one is not whole or does not verify)."""
    if since and not since.endswith(b"\n"):
        return None
    old, new = fold.chain_mac, fold.base_mac
    lines: list[bytes] = []
    for number, line in enumerate((piece for piece in since.split(b"\n") if piece), start=1):
        try:
            data = json.loads(line)
            stored = str(data.pop("mac"))
        except (ValueError, KeyError, TypeError, AttributeError):
            return None
        if data.get("record") != fold.state.records + number:
            return None
        if not hmac.compare_digest(stored, record_mac(key, old, data)):
            return None
        old = stored
        data["record"] = number
        new = record_mac(key, new, data)
        lines.append(json.dumps(data | {"mac": new}, separators=(",", ":")).encode("utf-8") + b"\n")
    return lines, new
