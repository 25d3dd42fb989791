"""An anonymised file takes no new evidence: a booking, a consent or a signature on it is refused with
a reason in the staff member's language (the person, if they come back, gets a new file). Its identity
stays the placeholder and nothing is added to its ledgers."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from sqlalchemy import func, select

from desktop.db.models import Acknowledgment, Appointment, ConsentEvent
from desktop.domain.enums import (
    AppointmentKind,
    AppointmentMode,
    BookedVia,
    Channel,
    Interaction,
    Language,
    Purpose,
)
from desktop.domain.errors import ConflictError
from desktop.domain.messages import message
from desktop.domain.records import (
    AppointmentDraft,
    ClientDraft,
    ConsentCapture,
    ConsentChange,
    SignatureCapture,
)
from tests.support.documents import signature_png


def test_an_anonymised_file_takes_no_new_evidence(services, team, clock):
    desk, officer = team.receptionist, team.privacy_officer
    client = services.clients.create(desk, ClientDraft("Tremblay", "Hélène", date(1948, 7, 1)))
    clock.advance(days=8 * 366)
    services.retention.anonymise(officer, client.id)
    attempts = {
        "booking": lambda: services.appointments.book(
            desk,
            client.id,
            AppointmentDraft(
                clock.now() + timedelta(days=1),
                AppointmentKind.CONSULTATION,
                AppointmentMode.IN_CLINIC,
                BookedVia.PHONE,
            ),
        ),
        "consent": lambda: services.consent.record(
            desk,
            client.id,
            ConsentCapture(
                (ConsentChange(Purpose.NEWSLETTERS, Channel.EMAIL, True),), Interaction.PHONE, Language.FR
            ),
        ),
        "signature": lambda: services.acknowledgments.record(
            desk, client.id, SignatureCapture(signature_png=signature_png())
        ),
    }
    for what, attempt in attempts.items():
        with pytest.raises(ConflictError) as refused:
            attempt()
        assert refused.value.code == "anonymised_file_closed", what
    params = refused.value.params
    assert message("anonymised_file_closed", Language.FR, **params) == (
        f"Le dossier {client.file_number} a été anonymisé\u00a0: on n'y ajoute plus de rendez-vous, de "
        "consentement ni de signature. Si la personne revient, ouvrez-lui un nouveau dossier."
    )
    assert message("anonymised_file_closed", Language.EN, **params).startswith(
        f"File {client.file_number} was anonymised: no appointment"
    )
    with services.db.engine.connect() as connection:
        for model in (Appointment, ConsentEvent, Acknowledgment):
            added = connection.scalar(select(func.count()).where(model.client_id == client.id))
            assert added == 0, model.__tablename__
    assert services.clients.get(desk, client.id).last_name == "Anonymisé"
