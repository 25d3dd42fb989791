"""The health insurance number and the phone list on both databases: stored normalised, found by the search
with or without spaces, shown masked in lists, never in the log, the audit trail or an export; the number for
texts is the first one marked mobile."""

from __future__ import annotations

import logging
from datetime import date

from sqlalchemy import select

from desktop.db.models import AuditRecord, ClientPhone
from desktop.domain.enums import Channel, Purpose
from desktop.domain.nam import SexAtBirth
from desktop.domain.phones import Phone, PhoneKind
from desktop.domain.records import ClientDraft
from desktop.logging_setup import configure_logging
from desktop.services import Services
from desktop.services.queries.clients import mobile_number
from tests.desktop.security.test_logging import log_dir  # noqa: F401 - the fixture
from tests.desktop.services.test_exports import grant

NAM = "TREM85551512"
MARIE = ClientDraft(
    "Tremblay",
    "Marie",
    date(1985, 5, 15),
    email="marie.t@example.org",
    phones=(Phone("418 555-0123, poste 12", PhoneKind.WORK), Phone("581 555-0199", PhoneKind.MOBILE)),
    health_number="trem 8555 1512",
    sex_at_birth=SexAtBirth.FEMALE,
    health_card_expiry=date(2028, 3, 1),
)


def found(services: Services, actor, text: str) -> list[int]:
    return [c.id for c in services.clients.search(actor, text)]


def test_the_file_keeps_the_number_its_card_and_its_phones(services: Services, receptionist) -> None:
    created = services.clients.create(receptionist, MARIE)
    opened = services.clients.open(receptionist, created.id)
    assert opened.health_number == NAM
    assert opened.sex_at_birth is SexAtBirth.FEMALE
    assert opened.health_card_expiry == date(2028, 3, 1)
    assert opened.phones == (
        Phone("+14185550123", PhoneKind.WORK, "12"),
        Phone("+15815550199", PhoneKind.MOBILE, ""),
    )
    assert (opened.phone, opened.phone_extension) == ("+14185550123", "12")
    assert NAM not in repr(opened)
    with services.db.session(write=False) as session:
        assert mobile_number(session, created.id) == "+15815550199"


def test_search_by_number_with_or_without_spaces_and_lists_show_it_masked(
    services: Services, receptionist
) -> None:
    marie = services.clients.create(receptionist, MARIE).id
    services.clients.create(receptionist, ClientDraft("Tremblay", "Jean", date(1960, 6, 24)))
    for typed in ("TREM85551512", "TREM 8555 1512", "trem 8555 1512", "TREM 855515", "trem8555"):
        assert found(services, receptionist, typed) == [marie], typed
    assert found(services, receptionist, "TREM 8555 1513") == []
    # Every number is searchable, not only the first.
    assert found(services, receptionist, "581 555-0199") == [marie]
    (line,) = services.clients.search(receptionist, "TREM 8555 1512")
    assert line.masked_health_number == "TREM •••• ••12"
    assert NAM not in repr(line)
    assert services.clients.summaries(receptionist, [marie])[marie].masked_health_number == "TREM •••• ••12"


def test_a_file_from_before_keeps_its_number_untexted_until_marked_mobile(
    services: Services, receptionist
) -> None:
    client = services.clients.create(
        receptionist, ClientDraft("Roy", "Luc", date(1990, 1, 1), phone="418 555-0100")
    )
    assert client.phones == (Phone("+14185550100", PhoneKind.UNSPECIFIED),)
    with services.db.session(write=False) as session:
        assert mobile_number(session, client.id) is None
    marked = services.clients.update(
        receptionist,
        client.id,
        client.version,
        ClientDraft("Roy", "Luc", date(1990, 1, 1), phones=(Phone("418 555-0100", PhoneKind.MOBILE),)),
    )
    assert marked.version == client.version + 1
    with services.db.session(write=False) as session:
        assert mobile_number(session, client.id) == "+14185550100"
        assert session.scalars(select(ClientPhone.kind).where(ClientPhone.client_id == client.id)).all() == [
            PhoneKind.MOBILE
        ]
    # Saving the same list again changes nothing.
    same = services.clients.update(receptionist, client.id, marked.version, marked.as_draft())
    assert same.version == marked.version


def test_the_number_reaches_neither_the_log_nor_the_audit_trail_nor_an_export(
    services: Services,
    team,
    log_dir,  # noqa: F811 - the fixture
    tmp_path,
) -> None:
    log_path = configure_logging("DEBUG", log_dir=log_dir, stderr_level=None)
    desk = team.receptionist
    created = services.clients.create(desk, MARIE)
    updated = services.clients.update(
        desk,
        created.id,
        created.version,
        ClientDraft(**{**MARIE.__dict__, "health_number": "TREM 8555 1599"}),
    )
    assert updated.health_number == "TREM85551599"
    services.clients.search(desk, "TREM 8555 1599")
    services.clients.open(team.manager, created.id)
    cells = (
        (Purpose.NEWSLETTERS, Channel.EMAIL),
        (Purpose.FEEDBACK, Channel.SMS),
        (Purpose.FEEDBACK, Channel.PHONE),
    )
    grant(services, desk, created.id, *cells)
    outputs = []
    for purpose, channel in cells:
        path = tmp_path / f"{channel.value}.csv"
        services.exports.export_contacts(team.manager, purpose, channel, path)
        outputs.append(path.read_text(encoding="utf-8"))
    # The client is listed (the texts go to the mobile number), the number is not.
    assert all("Tremblay" in output for output in outputs)
    assert "(581) 555-0199" in outputs[1] and "(418) 555-0123" in outputs[2]
    with services.db.session(write=False) as session:
        audit = [
            " ".join(str(value) for value in row) for row in session.execute(select(AuditRecord.__table__))
        ]
    assert any("health_number" in line for line in audit)  # the field changed is named, never its value
    for handler in logging.getLogger().handlers:
        handler.flush()
    texts = [log_path.read_text(encoding="utf-8"), "\n".join(audit), *outputs]
    for text in texts:
        for number in ("TREM85551512", "TREM85551599", "8555 1512", "8555 1599", "85551512", "85551599"):
            assert number not in text
