"""The disclosures of a client's information in their evidence pack, in the client's language: what was
communicated to whom, corrections marked, the other files of the same disclosure counted and never named."""

from __future__ import annotations

from datetime import date

from desktop.domain.disclosures import DisclosureDraft
from desktop.domain.enums import Language
from desktop.domain.register_enums import DisclosureMeans, DisclosureRecipient
from tests.support.documents import new_client, pdftotext, squash


def police_request(*client_ids: int, means: DisclosureMeans = DisclosureMeans.FAX) -> DisclosureDraft:
    return DisclosureDraft(
        date(2026, 11, 20),
        DisclosureRecipient.POLICE,
        "Service de police de la Ville de Québec",
        "Mandat de perquisition 2026-QC-0042",
        "Dates des rendez-vous d'octobre",
        "Jeanne Tremblay",
        means,
        client_ids,
    )


def test_the_pack_lists_the_client_s_disclosures_in_their_language(services, team):
    zoe = new_client(services, team.receptionist, "Côté", "Zoé", preferred_language=Language.EN)
    marc = new_client(services, team.receptionist, "Gagnon", "Marc")
    first = services.disclosures.record(team.manager, police_request(zoe.id, marc.id))
    fixed = services.disclosures.correct(
        team.manager, first.id, police_request(zoe.id, marc.id, means=DisclosureMeans.HAND_DELIVERED)
    )

    pack = services.evidence.pack(team.privacy_officer, zoe.file_number)
    assert [d.id for d in pack.disclosures] == [first.id, fixed.id]
    text = squash(pdftotext(services.evidence.render(team.privacy_officer, zoe.file_number).data))
    section = text[text.index("Disclosures of information to third parties (2)") :]
    for shown in (
        f"Disclosure no. {first.id} of 2026-11-20",
        "Police — Service de police de la Ville de Québec",
        "Mandat de perquisition 2026-QC-0042",
        "By fax",
        "Hand delivered",
        f"Corrected by disclosure no. {fixed.id}: this one stays in the register.",
        f"Corrects disclosure no. {first.id}.",
        "Other files concerned 1",
    ):
        assert shown in section, shown
    assert "Gagnon" not in text and marc.file_number not in section

    french = squash(pdftotext(services.evidence.render(team.privacy_officer, marc.file_number).data))
    assert "Communications de renseignements à des tiers (2)" in french
    assert "Par télécopieur" in french and "Remis en main propre" in french
    nobody = new_client(services, team.receptionist, "Roy", "Luc")
    empty = squash(pdftotext(services.evidence.render(team.privacy_officer, nobody.file_number).data))
    assert "Communications de renseignements à des tiers (0) Aucune communication à un tiers." in empty
