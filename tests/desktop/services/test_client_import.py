"""Client-list import on both databases: encodings, separators, French and English headers, bad rows and
their report, possible duplicates, cancel halfway, a second import of the same file, imported consent."""

from __future__ import annotations

import csv
import stat
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import func, select

from desktop.db.models import AuditRecord, Client, ClientImportRow, ConsentEvent, ImportedConsentEvidence
from desktop.domain.enums import ConsentMethod
from desktop.domain.errors import PermissionDeniedError
from desktop.domain.import_records import DateOrder, FileOptions, ImportStatus, RowStatus
from desktop.domain.records import ClientDraft
from desktop.services import Services
from desktop.services import client_import as client_import_module
from tests.support.documents import pdftotext, squash

FRENCH = ["Nom", "Prénom", "Date de naissance", "NAM", "Téléphone", "Courriel"]
ENGLISH = ["Last name", "First name", "DOB", "Health card", "Phone", "Email"]


def write(
    path: Path, header: list[str], rows: list[list[str]], *, encoding: str = "utf-8", separator: str = ","
) -> Path:
    with path.open("w", encoding=encoding, newline="") as stream:
        writer = csv.writer(stream, delimiter=separator, lineterminator="\r\n")
        writer.writerow(header)
        writer.writerows(rows)
    return path


def count(services: Services, model: type, *where: object) -> int:
    with services.db.session(write=False) as session:
        return int(session.scalar(select(func.count()).select_from(model).where(*where)) or 0)  # type: ignore[arg-type]


def import_all(services: Services, actor, path: Path, **commit: bool):
    analysis = services.client_import.analyse(actor, path)
    mapping = analysis.remembered or analysis.guessed
    staged = services.client_import.stage(actor, path, analysis.detected, mapping)
    return analysis, staged, services.client_import.commit(actor, staged.import_id, **commit)


@pytest.mark.parametrize(
    ("encoding", "separator", "header", "born", "order"),
    [
        ("utf-8-sig", ";", FRENCH, "26/05/1994", DateOrder.DMY),
        ("cp1252", ",", ENGLISH, "05/26/1994", DateOrder.MDY),
        ("utf-8", "\t", FRENCH, "1994-05-26", DateOrder.YMD),
    ],
)
def test_a_list_is_read_in_its_encoding_separator_and_header_language(
    services: Services,
    team,
    tmp_path: Path,
    encoding: str,
    separator: str,
    header: list[str],
    born: str,
    order: DateOrder,
) -> None:
    rows = [
        ["Côté", "Zoé", born, "COTZ 9455 2612", "418 555-0123", "zoe@example.com"],
        ["Bélanger", "François", "13/02/1980" if order is not DateOrder.YMD else "1980-02-13", "", "", ""],
    ]
    if order is DateOrder.MDY:
        rows[1][2] = "02/13/1980"
    path = write(tmp_path / "liste.csv", header, rows, encoding=encoding, separator=separator)
    analysis = services.client_import.analyse(team.manager, path)
    assert analysis.detected == FileOptions(encoding, separator, order)
    assert analysis.headers == tuple(header) and analysis.row_count == 2
    assert set(analysis.guessed.columns.values()) == set(header)
    preview = services.client_import.preview(team.manager, path, analysis.detected, analysis.guessed)
    assert [r.status for r in preview] == [RowStatus.OK, RowStatus.OK]
    assert preview[0].values["last_name"] == "Côté" and preview[0].values["phone"] == "+14185550123"  # type: ignore[index]
    staged = services.client_import.stage(team.manager, path, analysis.detected, analysis.guessed)
    assert (staged.rows, staged.ok, staged.errors) == (2, 2, 0)
    result = services.client_import.commit(team.manager, staged.import_id)
    assert result.created == 2 and result.consents_recorded == 0
    found = services.clients.search(team.receptionist, "francois belanger")
    assert [(c.first_name, c.date_of_birth) for c in found] == [("François", date(1980, 2, 13))]
    opened = services.clients.open(
        team.receptionist, services.clients.search(team.receptionist, "COTZ94552612")[0].id
    )
    assert (opened.email, opened.date_of_birth, opened.health_number) == (
        "zoe@example.com",
        date(1994, 5, 26),
        "COTZ94552612",
    )
    assert count(services, Client, Client.import_id == staged.import_id) == 2
    with services.db.session(write=False) as session:
        audit = session.scalars(select(AuditRecord).where(AuditRecord.action.like("client_import.%"))).all()
    assert [a.action for a in audit] == ["client_import.stage", "client_import.commit"]
    assert all(f"sha256={analysis.sha256}" in a.detail for a in audit) and "created=2" in audit[1].detail
    assert "Côté" not in " ".join(a.detail for a in audit)


def test_bad_rows_are_not_imported_and_their_report_gives_the_reason(
    services: Services, team, tmp_path: Path
) -> None:
    rows = [
        ["Tremblay", "Marc", "31/02/1980", "", "", ""],
        ["", "Julie", "01/03/1990", "", "", ""],
        ["Roy", "Luc", "01/03/1990", "", "123", "luc@"],
        ["Fran?ois", "Émile", "02/03/1990", "", "", ""],
        ["Gagnon", "Anne", "04/03/1990", "", "", ""],
    ]
    path = write(tmp_path / "liste.csv", FRENCH, rows)
    analysis, staged, result = import_all(services, team.manager, path)
    assert (staged.ok, staged.errors, result.created) == (1, 4, 1)
    errors = services.client_import.rows(team.manager, staged.import_id, RowStatus.ERROR)
    assert [r.row_number for r in errors] == [2, 3, 4, 5]
    assert "31/02/1980" in errors[0].problems[0].fr
    report = tmp_path / "erreurs.csv"
    assert services.client_import.write_error_report(team.manager, staged.import_id, report) == 4
    if hasattr(stat, "S_IMODE"):
        assert stat.S_IMODE(report.stat().st_mode) == 0o600
    with report.open(encoding="utf-8-sig", newline="") as stream:
        lines = list(csv.reader(stream))
    assert lines[0] == [*FRENCH, "Motif"]
    assert [line[:6] for line in lines[1:]] == rows[:4]
    assert "Nom : Ce champ est obligatoire." in lines[2][6]
    assert "Téléphone" in lines[3][6] and "Courriel" in lines[3][6]
    assert "« ? »" in lines[4][6]
    # Once the manager has the report, the rows kept for it (people's data) can be forgotten.
    assert services.client_import.forget_rows(team.manager, staged.import_id) == 4
    assert count(services, ClientImportRow) == 0


def test_possible_duplicates_wait_for_the_managers_word(services: Services, team, tmp_path: Path) -> None:
    on_file = services.clients.create(
        team.receptionist, ClientDraft("Côté", "Zoé", date(1994, 5, 26), health_number="COTZ 9455 2612")
    )
    rows = [
        ["COTE", "zoe", "26/05/1994", "", "", ""],  # the same as a file on record
        ["Lavoie", "Paul", "10/10/1970", "", "", ""],
        ["Lavoie", "Paul", "10/10/1970", "", "", ""],  # the same as row 3
        ["Dion", "Rose", "11/11/1971", "", "", ""],
        ["Dion", "Rose", "11/11/1971", "", "", ""],  # same as row 5, left undecided
        ["Côté-Roy", "Zoé", "26/05/1994", "cotz 9455 2612", "", ""],  # the NAM of the file on record
    ]
    path = write(tmp_path / "liste.csv", FRENCH, rows)
    analysis = services.client_import.analyse(team.manager, path)
    staged = services.client_import.stage(team.manager, path, analysis.detected, analysis.guessed)
    assert (staged.ok, staged.possible_duplicates) == (2, 4)
    duplicates = services.client_import.rows(team.manager, staged.import_id, RowStatus.POSSIBLE_DUPLICATE)
    assert [(r.row_number, r.matches) for r in duplicates] == [
        (2, (on_file.file_number,)),
        (4, ("row 3",)),
        (6, ("row 5",)),
        (7, (on_file.file_number,)),
    ]
    services.client_import.decide(team.manager, staged.import_id, 2, same_person=True)
    services.client_import.decide(team.manager, staged.import_id, 4, same_person=False)
    result = services.client_import.commit(team.manager, staged.import_id)
    assert (result.created, result.skipped_same_person, result.undecided) == (3, 1, 2)
    assert len(services.clients.search(team.receptionist, "paul lavoie")) == 2
    assert len(services.clients.search(team.receptionist, "rose dion")) == 1
    assert len(services.clients.search(team.receptionist, "zoe cote")) == 1
    with services.db.session(write=False) as session:
        details = session.scalars(
            select(AuditRecord.detail).where(AuditRecord.action == "client_import.decide")
        ).all()
    assert details == ["row=2 same_person", "row=4 different_person"]


def test_cancel_halfway_leaves_nothing(
    services: Services, team, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(client_import_module, "BATCH_ROWS", 3)
    rows = [[f"Nom{n}", "Prénom", f"{n % 28 + 1:02d}/01/1980", "", "", ""] for n in range(10)]
    path = write(tmp_path / "liste.csv", FRENCH, rows)
    analysis = services.client_import.analyse(team.manager, path)
    seen: list[tuple[int, int]] = []
    staged = services.client_import.stage(
        team.manager, path, analysis.detected, analysis.guessed,
        progress=lambda done, total: seen.append((done, total)),
        cancelled=lambda: len(seen) > 2,
    )  # fmt: skip
    assert seen == [(0, 10), (3, 10), (6, 10)]
    assert staged.cancelled and staged.status is ImportStatus.CANCELLED
    assert count(services, ClientImportRow) == 0
    assert count(services, Client, Client.import_id.is_not(None)) == 0


def test_importing_the_same_file_again_creates_nothing_twice(
    services: Services, team, tmp_path: Path
) -> None:
    rows = [["Côté", "Zoé", "26/05/1994", "", "", ""], ["Roy", "Luc", "01/03/1990", "", "", ""]]
    path = write(tmp_path / "liste.csv", FRENCH, rows)
    _, first, _ = import_all(services, team.manager, path)
    analysis, again, result = import_all(services, team.manager, path)
    assert analysis.remembered is not None and analysis.remembered.columns == analysis.guessed.columns
    assert (again.ok, again.already_imported, result.created) == (0, 2, 0)
    assert count(services, Client) == 2 + count(services, Client, Client.import_id.is_(None))


def test_a_consent_column_counts_only_on_the_managers_word(services: Services, team, tmp_path: Path) -> None:
    header = [*FRENCH, "Date du consentement", "Méthode de consentement", "Moyens consentis"]
    rows = [
        [
            "Côté",
            "Zoé",
            "26/05/1994",
            "",
            "",
            "zoe@example.com",
            "15/01/2024",
            "formulaire signé",
            "courriel, texto",
        ],
        ["Roy", "Luc", "01/03/1990", "", "", "", "", "", ""],
    ]
    path = write(tmp_path / "a.csv", header, rows)
    _, staged, result = import_all(services, team.manager, path)
    assert staged.with_consent == 1 and result.consents_recorded == 0
    assert count(services, ConsentEvent) == 0
    second = write(tmp_path / "b.csv", header, [[*rows[0][:1], "Anne", *rows[0][2:]]])
    _, staged, result = import_all(services, team.manager, second, consent_is_clinic_evidence=True)
    assert result.consents_recorded == 1
    with services.db.session(write=False) as session:
        events = session.scalars(select(ConsentEvent)).all()
        evidence = session.scalars(select(ImportedConsentEvidence)).all()
    assert {(e.channel.value, e.method) for e in events} == {
        ("email", ConsentMethod.IMPORTED),
        ("sms", ConsentMethod.IMPORTED),
    }
    assert {(e.row_number, e.stated_on, e.stated_method, e.file_sha256) for e in evidence} == {
        (2, date(2024, 1, 15), "formulaire signé", staged.sha256)
    }
    # The evidence pack names the method and what the file stated, read back from the PDF.
    pack = services.evidence.render(team.manager, result.first_file_number)
    text = squash(pdftotext(pack.data))
    assert "Importé de la liste de la clinique" in text
    assert squash(f"Importé de la ligne 2 du fichier SHA-256 {staged.sha256}") in text
    assert "consentement du 2024-01-15, « formulaire signé »" in text


def test_only_a_manager_imports(services: Services, team, tmp_path: Path) -> None:
    path = write(tmp_path / "liste.csv", FRENCH, [["Roy", "Luc", "01/03/1990", "", "", ""]])
    with pytest.raises(PermissionDeniedError):
        services.client_import.analyse(team.receptionist, path)
