"""Acknowledgments of the privacy policy: a signature or a recorded refusal, and the file's badges."""

from __future__ import annotations

import hashlib
import io
from datetime import UTC, date, datetime, timedelta

import pytest
from PIL import Image, ImageDraw
from sqlalchemy import func, select

from desktop.db.models import Acknowledgment, PolicyVersion
from desktop.domain.enums import (
    PROMOTIONAL_PURPOSES,
    Channel,
    Interaction,
    Language,
    OptOutVia,
    Purpose,
    SignerCapacity,
)
from desktop.domain.errors import ValidationError
from desktop.domain.records import ClientDraft, ConsentCapture, ConsentChange, OptOutDraft, SignatureCapture
from desktop.paths import resource_path
from desktop.services import Services

POLICY_VERSION = "2020-04-22"
#: The bundled text of each language, with its own hash.
POLICY_SHA256 = {
    language: hashlib.sha256(resource_path("policies", f"{POLICY_VERSION}.{language}.txt").read_bytes()).hexdigest()
    for language in Language
}
TODAY = date(2026, 11, 24)


def signature_png(seed: int = 0) -> bytes:
    image = Image.new("RGBA", (300, 100), (0, 0, 0, 0))
    draw = ImageDraw.Draw(image)
    draw.line([(10, 60), (60, 20 + seed % 30), (120, 80), (200, 30), (280, 70)], fill=(20, 30, 80, 255), width=3)
    buffer = io.BytesIO()
    image.save(buffer, format="PNG")
    return buffer.getvalue()


def blank_png() -> bytes:
    buffer = io.BytesIO()
    Image.new("RGBA", (300, 100), (0, 0, 0, 0)).save(buffer, format="PNG")
    return buffer.getvalue()


def new_client(services: Services, actor, born: date = date(1980, 4, 12), language: Language = Language.FR) -> int:
    draft = ClientDraft("Côté", "Zoé", born, preferred_language=language)
    return services.clients.create(actor, draft, confirm_duplicate=True).id


def ack_count(services: Services) -> int:
    with services.db.session(write=False) as session:
        return int(session.scalar(select(func.count(Acknowledgment.id))) or 0)


def test_signature_is_recorded_with_the_policy(services: Services, receptionist, clock) -> None:
    client_id = new_client(services, receptionist)
    png = signature_png()
    record = services.acknowledgments.record(receptionist, client_id, SignatureCapture(signature_png=png))
    assert record.policy_version == POLICY_VERSION
    assert (record.policy_language, record.policy_sha256) == (Language.FR, POLICY_SHA256[Language.FR])
    assert record.has_signature and not record.refused
    assert record.signer_capacity == SignerCapacity.CLIENT
    assert record.signer_name == "Zoé Côté"
    assert record.witnessed_by == receptionist.full_name
    assert record.signed_at == clock.now()
    assert record.language == Language.FR
    assert services.acknowledgments.signature_png(receptionist, record.id) == png
    assert [a.id for a in services.acknowledgments.for_client(receptionist, client_id)] == [record.id]


def test_refusal_is_recorded(services: Services, receptionist) -> None:
    client_id = new_client(services, receptionist)
    record = services.acknowledgments.record(
        receptionist, client_id, SignatureCapture(refused=True, refusal_note="Ne veut pas signer <aujourd'hui>")
    )
    assert record.refused and not record.has_signature
    assert record.refusal_note == "Ne veut pas signer <aujourd'hui>"
    assert (record.policy_language, record.policy_sha256) == (Language.FR, POLICY_SHA256[Language.FR])
    assert services.acknowledgments.signature_png(receptionist, record.id) is None


@pytest.mark.parametrize(
    ("born", "minor"),
    [(date(2015, 6, 1), True), (date(2012, 11, 25), True), (date(2012, 11, 24), False)],
)
def test_a_client_under_14_needs_a_parent_or_tutor(services: Services, receptionist, born: date, minor: bool) -> None:
    client_id = new_client(services, receptionist, born)
    if minor:
        with pytest.raises(ValidationError) as caught:
            services.acknowledgments.record(receptionist, client_id, SignatureCapture(signature_png=signature_png()))
        assert caught.value.for_field("signer_capacity").code == "representative_required"
        assert ack_count(services) == 0
        with pytest.raises(ValidationError) as caught:
            services.acknowledgments.record(
                receptionist,
                client_id,
                SignatureCapture(SignerCapacity.PARENT, signer_name="", signature_png=signature_png()),
            )
        assert caught.value.for_field("signer_name").code == "required"
        record = services.acknowledgments.record(
            receptionist,
            client_id,
            SignatureCapture(SignerCapacity.TUTOR, signer_name="Marie Côté", signature_png=signature_png()),
        )
        assert (record.signer_capacity, record.signer_name) == (SignerCapacity.TUTOR, "Marie Côté")
    else:
        record = services.acknowledgments.record(receptionist, client_id, SignatureCapture(signature_png=signature_png()))
        assert record.signer_capacity == SignerCapacity.CLIENT


def _truncated() -> bytes:
    png = signature_png()
    return png[: len(png) // 2]


def _corrupt() -> bytes:
    png = bytearray(signature_png())
    for index in range(40, len(png) - 20):
        png[index] ^= 0x5A
    return bytes(png)


@pytest.mark.parametrize(
    "png",
    [
        None,
        b"",
        b"GIF89a" + b"\x00" * 200,
        b"\xff\xd8\xff\xe0" + b"\x00" * 200,
        b"\x89PNG\r\n\x1a\n" + b"garbage" * 40,
        _truncated(),
        _corrupt(),
        blank_png(),
    ],
    ids=["none", "empty", "gif", "jpeg", "png-header-then-garbage", "truncated", "corrupt", "blank"],
)
def test_invalid_or_empty_signature_is_refused(services: Services, receptionist, png: bytes | None) -> None:
    client_id = new_client(services, receptionist)
    with pytest.raises(ValidationError) as caught:
        services.acknowledgments.record(receptionist, client_id, SignatureCapture(signature_png=png))
    error = caught.value.for_field("signature")
    assert error is not None and error.code == "signature_required"
    assert error.message("fr") != error.message("en")
    assert ack_count(services) == 0


def add_policy_version(services: Services, version: str, *languages: Language) -> None:
    """Publish ``version`` in ``languages`` (every language when none is named)."""
    with services.db.session(write=True) as session, session.begin():
        for language in languages or tuple(Language):
            text = f"Privacy policy {version} ({language})\n"
            session.add(
                PolicyVersion(
                    version=version,
                    language=language,
                    effective_date=date.fromisoformat(version),
                    text=text,
                    sha256=hashlib.sha256(text.encode()).hexdigest(),
                    loaded_at=datetime(2026, 6, 1, tzinfo=UTC),
                )
            )


def test_status_missing_current_refused_outdated(services: Services, receptionist, clock) -> None:
    client_id = new_client(services, receptionist)
    status = services.clients.status(receptionist, client_id)
    assert status.current_policy_version == POLICY_VERSION
    assert status.acknowledgment_missing and not status.acknowledgment_outdated
    assert not status.acknowledgment_refused and status.acknowledged_current_on is None

    services.acknowledgments.record(receptionist, client_id, SignatureCapture(refused=True))
    status = services.clients.status(receptionist, client_id)
    assert status.acknowledgment_refused and status.acknowledgment_missing

    clock.advance(days=1)
    services.acknowledgments.record(receptionist, client_id, SignatureCapture(signature_png=signature_png()))
    status = services.clients.status(receptionist, client_id)
    assert not status.acknowledgment_missing and not status.acknowledgment_outdated
    assert not status.acknowledgment_refused
    assert status.acknowledged_current_on == clock.now().astimezone().date() == TODAY + timedelta(days=1)
    assert status.acknowledged_version == POLICY_VERSION

    # A new version of the policy comes into force: the signature is now for an older version.
    add_policy_version(services, "2026-06-01")
    status = services.clients.status(receptionist, client_id)
    assert status.current_policy_version == "2026-06-01"
    assert status.acknowledgment_outdated and not status.acknowledgment_missing
    assert status.acknowledged_version == POLICY_VERSION

    record = services.acknowledgments.record(receptionist, client_id, SignatureCapture(signature_png=signature_png(1)))
    assert (record.policy_version, record.policy_language) == ("2026-06-01", Language.FR)
    status = services.clients.status(receptionist, client_id)
    assert not status.acknowledgment_outdated and status.acknowledged_version == "2026-06-01"

    # A version published in English only does not replace the French text in force for a French client.
    add_policy_version(services, "2026-09-01", Language.EN)
    status = services.clients.status(receptionist, client_id)
    assert status.current_policy_version == "2026-06-01" and not status.acknowledgment_outdated


def test_a_future_policy_is_not_yet_in_force(services: Services, receptionist, clock) -> None:
    add_policy_version(services, "2027-01-01")
    client_id = new_client(services, receptionist)
    assert services.clients.status(receptionist, client_id).current_policy_version == POLICY_VERSION
    clock.advance(days=40)
    assert services.clients.status(receptionist, client_id).current_policy_version == "2027-01-01"


def test_status_opted_out_and_pending_opt_outs(services: Services, receptionist) -> None:
    client_id = new_client(services, receptionist)
    choices = tuple(ConsentChange(p, c, True) for p in Purpose for c in (Channel.EMAIL, Channel.SMS))
    services.consent.record(receptionist, client_id, ConsentCapture(choices, Interaction.PHONE, Language.FR))
    status = services.clients.status(receptionist, client_id)
    assert not status.opted_out_of_promotions and status.pending_opt_outs == 0

    pending = services.optouts.log(
        receptionist,
        OptOutDraft(OptOutVia.EMAIL, TODAY, "Zoé Côté", purposes=PROMOTIONAL_PURPOSES, client_id=client_id),
    )
    status = services.clients.status(receptionist, client_id)
    assert status.pending_opt_outs == 1 and not status.opted_out_of_promotions

    services.optouts.process(receptionist, pending.id)
    status = services.clients.status(receptionist, client_id)
    assert status.pending_opt_outs == 0 and status.opted_out_of_promotions
    # Appointment reminders are kept.
    assert services.consent.grid(receptionist, client_id).granted(Purpose.APPOINTMENT_REMINDERS, Channel.SMS)


def test_never_asked_is_not_opted_out(services: Services, receptionist) -> None:
    client_id = new_client(services, receptionist)
    assert not services.clients.status(receptionist, client_id).opted_out_of_promotions
