"""A backup keeps the witness it was made under (``FILE.witness.json``): restoring it later checks
that the backup still holds what the witness saw, so a backup changed after it was made is refused."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

from sqlalchemy import Connection
from sqlalchemy.orm import Session

from desktop.maintenance.read_only import read_only_engine
from desktop.maintenance.sqlite_file import sqlite_path
from desktop.seal.witness import WitnessUnreadable, compare, load_key, read_witness, witness_path
from desktop.services.witnessing import database_label, recorded_witnesses


def sidecar(backup: Path) -> Path:
    return backup.with_name(backup.name + ".witness.json")


def current_witness(url: str, workstation: str) -> Path | None:
    """This workstation's witness of the SQLite database at ``url`` (None: none kept, or a server)."""
    path = sqlite_path(url)
    if path is None:
        return None
    engine = read_only_engine(path)
    try:
        with engine.connect() as connection, Session(bind=connection) as session:
            ids = recorded_witnesses(session, workstation)
    finally:
        engine.dispose()
    label = database_label(url)
    for witness_id in reversed(ids):
        try:
            if read_witness(witness_path(witness_id)).database == label:
                return witness_path(witness_id)
        except WitnessUnreadable:
            continue
    return None


def keep_beside(backup: Path, witness: Path) -> Path:
    """Copied before the backup is taken: the backup then holds at least every row the witness saw."""
    target = sidecar(backup)
    target.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    partial = target.with_name(f".{target.name}.partial")
    shutil.copyfile(witness, partial)
    os.chmod(partial, 0o600)
    os.replace(partial, target)
    return target


def backup_witness_problems(connection: Connection, backup: Path) -> list[str]:
    """What the backup lost or changed since its witness was copied (none when it has no witness)."""
    path = sidecar(backup)
    if not path.exists():
        return []
    try:
        witness = read_witness(path, load_key(create=False))
    except WitnessUnreadable as error:
        return [f"its witness {error}"]
    if witness.verified is False:
        return [f"its witness {path.name} was altered ({witness.alteration})"]
    return [f"changed since it was made: {d}" for d in compare(connection, witness)]
