"""Each save appends one authenticated record to the witness file instead of rewriting it: the base
stays as it was written, a record changed, moved or inserted is detected, a record lost from the end
leaves an older witness, folding the records into a new base keeps the witness the same, and a
witness written before the journal is read and continued."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from desktop.app import open_services
from desktop.cli import cli
from desktop.domain.enums import Channel, Purpose
from desktop.seal import digest, witness_journal
from desktop.seal.witness import Witness, WitnessUnreadable, load_key, read_witness, witness_path
from desktop.seal.witness_fold import finish_fold, prepare_fold
from desktop.seal.witness_journal import dropped, trim
from desktop.services import witnessing
from tests.desktop.security.tamper import around_trigger
from tests.support.documents import book, new_client

GRANTED = ((Purpose.NEWSLETTERS, Channel.EMAIL),)


def _check(database_url: str, *witnesses: Path):
    args = ["--database", database_url, "db", "check"]
    for witness in witnesses:
        args += ["--witness", str(witness)]
    return CliRunner().invoke(cli, args)


def _kept(services) -> Witness:
    assert services.witness is not None and services.witness.witness is not None
    return services.witness.witness


def _same(read: Witness, kept: Witness) -> bool:
    """The witness read from its file is the one kept in memory (each ledger's newest block only)."""
    trim(read)
    held = {name: dropped(blocks) for name, blocks in kept.ledgers.items()}
    return read == kept and {name: dropped(blocks) for name, blocks in read.ledgers.items()} == held


def _key() -> bytes:
    key = load_key(create=False)
    assert key is not None
    return key


def _save(services, receptionist, name: str = "Tremblay") -> None:
    """One save that adds rows to ledgers (a client booked with a consent given)."""
    book(services, receptionist, new_client(services, receptionist, name).id, granted=GRANTED)


def _lines(path: Path) -> list[bytes]:
    return path.read_bytes().splitlines(keepends=True)


def test_saves_append_small_records_and_leave_the_base_as_it_was(services, receptionist, database_url):
    _save(services, receptionist)
    path = witness_path(_kept(services).witness_id)
    base, inode = _lines(path)[0], path.stat().st_ino
    sizes = [path.stat().st_size]
    for name in ("Gagnon", "Roy", "Bouchard"):
        _save(services, receptionist, name)
        sizes.append(path.stat().st_size)

    lines = _lines(path)
    assert lines[0] == base and path.stat().st_ino == inode  # appended to, never rewritten
    assert all(0 < after - before < 4096 for before, after in zip(sizes, sizes[1:], strict=False))
    read = read_witness(path, _key())
    assert read.verified is True and _same(read, _kept(services))  # the replay gives what was kept
    assert read.mac == json.loads(lines[-1])["mac"]  # the head is the newest record's MAC
    result = _check(database_url)
    assert result.exit_code == 0, result.output
    assert "[ok] witness: database matches 1 witness(es)" in result.output


def _records(path: Path) -> tuple[bytes, list[dict]]:
    base, *records = _lines(path)
    return base, [json.loads(line) for line in records]


def _write(path: Path, base: bytes, records: list[dict]) -> None:
    path.write_bytes(base + b"".join(json.dumps(r).encode() + b"\n" for r in records))


def test_a_changed_moved_or_inserted_record_is_detected(services, receptionist, database_url, tmp_path):
    for name in ("Gagnon", "Roy", "Bouchard"):
        _save(services, receptionist, name)
    path = witness_path(_kept(services).witness_id)
    base, records = _records(path)
    assert len(records) >= 3
    copy = tmp_path / "copy.json"

    def verdict(tampered: list[dict]) -> str:
        _write(copy, base, tampered)
        try:
            witness = read_witness(copy, _key())
        except WitnessUnreadable as error:
            return f"unreadable: {error}"
        return witness.alteration if witness.verified is False else "verified"

    assert verdict(records) == "verified"
    changed = json.loads(json.dumps(records))
    changed[1]["audit"]["count"] += 1
    assert verdict(changed) == "record 2 does not carry its keyed head: changed, moved or inserted"
    swapped = [records[1] | {"record": 1}, records[0] | {"record": 2}, *records[2:]]
    assert verdict(swapped) == "record 1 does not carry its keyed head: changed, moved or inserted"
    inserted = [
        records[0],
        records[0] | {"record": 2},
        *({**r, "record": r["record"] + 1} for r in records[1:]),
    ]
    assert verdict(inserted) == "record 2 does not carry its keyed head: changed, moved or inserted"
    assert (
        verdict([records[1], *records[2:]])
        == f"unreadable: {copy}: damaged (record 1 is missing or out of order)"
    )

    # The file itself, as db check reads it.
    _write(path, base, changed)
    result = _check(database_url)
    assert result.exit_code == 1, result.output
    assert "the file was altered (record 2 does not carry its keyed head" in result.output


def test_a_record_cut_short_leaves_an_older_witness_made_whole_while_kept(
    services, receptionist, database_url, tmp_path
):
    _save(services, receptionist)
    path = witness_path(_kept(services).witness_id)
    *before, newest = _lines(path)
    assert before[1:], "records expected after the base"
    older = tmp_path / "older.json"
    older.write_bytes(b"".join(before))
    path.write_bytes(b"".join(before) + newest[:-40])  # a crash in the middle of the newest record

    read = read_witness(path, _key())
    assert read.verified is True and read == read_witness(older)
    assert not _same(read, _kept(services))
    result = _check(database_url)  # an older witness: the rows written since are not compared
    assert result.exit_code == 0, result.output

    inode = path.stat().st_ino
    new_client(services, receptionist, "Roy")  # cut while kept: the records lost are written again
    assert path.stat().st_ino == inode and path.read_bytes().startswith(b"".join(before) + newest)
    read = read_witness(path, _key())
    assert read.verified is True and _same(read, _kept(services))
    assert _check(database_url).exit_code == 0


def test_records_folded_into_a_new_base_keep_the_witness(services, receptionist, database_url, monkeypatch):
    """The keeper holds each ledger's newest block only; the file is folded from what it holds.
    Small blocks, so that ledgers have many."""
    monkeypatch.setattr(witness_journal, "MAX_RECORDS", 3)
    monkeypatch.setattr(digest, "BLOCK_ROWS", 2)
    monkeypatch.setattr(witnessing, "BLOCK_ROWS", 2)
    _save(services, receptionist)
    path = witness_path(_kept(services).witness_id)
    inodes, counts = {path.stat().st_ino}, []
    for name in ("Gagnon", "Roy", "Bouchard", "Morin"):
        _save(services, receptionist, name)
        services.witness.settle()  # the fold runs in a thread of its own
        inodes.add(path.stat().st_ino)
        counts.append(len(_lines(path)))
        assert _same(read_witness(path, _key()), _kept(services))
    assert len(inodes) > 1 and max(counts) <= 4  # written anew whole once three records were reached
    kept = _kept(services).ledgers["consent_events"]
    assert len(kept) == 1 and dropped(kept) >= 2  # the blocks before the newest are in the file only
    assert _check(database_url).exit_code == 0

    oldest = read_witness(path).ledgers["consent_events"][dropped(kept) - 1]  # held by the file only
    around_trigger(
        services.db.engine,
        "consent_events",
        "UPDATE consent_events SET wording = 'autre libellé' WHERE id = :id",
        id=oldest.last_id,
    )
    result = _check(database_url)
    assert result.exit_code == 1, result.output
    assert f"consent_events ids {oldest.first_id}–{oldest.last_id}: a row was altered" in result.output


def test_records_saved_while_a_fold_is_under_way_are_carried_over(
    services, receptionist, database_url, tmp_path
):
    _save(services, receptionist)
    keeper, key = services.witness, _key()
    path = witness_path(_kept(services).witness_id)
    base, *records = _lines(path)
    altered = tmp_path / "altered.json"
    altered.write_bytes(base + b"".join(records[:-1]) + records[-1].replace(b'"count":', b'"count":1'))
    assert prepare_fold(altered, key) is None  # an altered witness is never written again as genuine

    fold = prepare_fold(path, key)
    assert fold is not None
    _save(services, receptionist, "Gagnon")  # saves go on while the new base is written
    carried = len(_lines(path)) - 1 - len(records)
    assert carried >= 2
    with keeper._lock:
        assert finish_fold(fold, path, _kept(services), key)
    lines = _lines(path)
    assert len(lines) == 1 + carried and [json.loads(line)["record"] for line in lines[1:]] == list(
        range(1, carried + 1)
    )
    read = read_witness(path, key)
    assert read.verified is True and _same(read, _kept(services))
    _save(services, receptionist, "Roy")  # and the next saves append to the folded file
    assert len(_lines(path)) > len(lines) and _check(database_url).exit_code == 0


def test_a_witness_written_before_the_journal_is_read_and_continued(
    services, receptionist, clock, database_url
):
    _save(services, receptionist)
    path = witness_path(_kept(services).witness_id)
    services.close()
    witness = read_witness(path)
    # As FrontDesk wrote it before: one JSON document, no line end, rewritten at each save.
    path.write_bytes(
        json.dumps(witness.body() | {"mac": witness.expected_mac(_key())}, separators=(",", ":")).encode()
    )
    old, inode = path.read_bytes(), path.stat().st_ino

    reopened = open_services(database_url, clock=clock, migrate=False)
    try:
        _save(reopened, receptionist, "Gagnon")
        assert path.stat().st_ino == inode and path.read_bytes().startswith(old + b"\n")
        read = read_witness(path, _key())
        assert read.verified is True and _same(read, _kept(reopened))
    finally:
        reopened.close()
    result = _check(database_url)
    assert result.exit_code == 0, result.output


def test_two_processes_keeping_one_witness_never_damage_it(
    services, receptionist, clock, database_url, monkeypatch
):
    """The window and a command run on the same workstation: each adds to the witness they share, taking
    up what the other appended (with blocks small enough that each keeps only its newest, neither could
    write the file whole from its own view), so the same witness goes on and the file is only added to."""
    monkeypatch.setattr(digest, "BLOCK_ROWS", 2)
    monkeypatch.setattr(witnessing, "BLOCK_ROWS", 2)
    _save(services, receptionist)
    other = open_services(database_url, clock=clock, migrate=False)
    try:
        witness_id = _kept(services).witness_id
        assert _kept(other).witness_id == witness_id
        path = witness_path(witness_id)
        inode = path.stat().st_ino
        for name in ("Gagnon", "Roy", "Bouchard"):
            _save(other, receptionist, name)
            _save(services, receptionist, name + "-Côté")
        assert _kept(services).witness_id == _kept(other).witness_id == witness_id
        assert path.stat().st_ino == inode  # appended to, never rewritten
    finally:
        other.close()
    assert _same(read_witness(path, _key()), _kept(services))  # the last to write holds the whole file
    result = _check(database_url)
    assert result.exit_code == 0, result.output


def test_a_witness_file_lost_while_kept_is_reported_and_another_starts(
    services, receptionist, database_url, monkeypatch
):
    """The keeper cannot write the file whole again without the blocks it no longer holds: it does
    not digest them again from a database that may have changed, it starts another witness."""
    monkeypatch.setattr(digest, "BLOCK_ROWS", 2)
    monkeypatch.setattr(witnessing, "BLOCK_ROWS", 2)
    for name in ("Gagnon", "Roy", "Bouchard", "Morin"):
        _save(services, receptionist, name)
    lost = _kept(services)
    assert any(dropped(blocks) for blocks in lost.ledgers.values())
    witness_path(lost.witness_id).unlink()
    _save(services, receptionist, "Lavoie")

    assert _kept(services).witness_id != lost.witness_id
    result = _check(database_url)
    assert result.exit_code == 1, result.output
    assert f"{lost.witness_id}.json: missing (the database records it was written)" in result.output
