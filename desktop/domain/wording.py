"""The exact sentences shown to clients for each purpose and channel (resources/wording).

The consent wording is data, not code: it is legal text stored with each consent event, so it is
read from ``consent-wording.json`` as it is and only given types here. The organisation's and its
parent's names are filled in from the clinic's records (:class:`WordingNames`).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import lru_cache

from desktop.domain.enums import Channel, Language, OptOutVia, Purpose, SignerCapacity
from desktop.domain.texts import Text
from desktop.paths import resource_path


@dataclass(frozen=True)
class WordingNames:
    """The names the sentences carry: the organisation's, and the parent organisation its policy names
    ("" when it has none: then no one is asked to consent to the parent's promotions)."""

    organisation: str
    parent: str = ""

    def offered_purposes(self) -> tuple[Purpose, ...]:
        """The purposes a client is asked about: the parent's promotions only where there is a parent."""
        return tuple(p for p in Purpose if self.parent or p is not Purpose.PARENT_COMPANY_PROMOTIONS)


@dataclass(frozen=True)
class ConsentWording:
    """``consent-wording.json``, typed: each entry in French and English."""

    #: One sentence per purpose, with a ``{channel}`` placeholder for the channel phrase.
    purposes: dict[Purpose, Text]
    #: How the sentence names a channel ("par courriel").
    channels: dict[Channel, Text]
    purpose_labels: dict[Purpose, Text]
    channel_labels: dict[Channel, Text]
    #: The sentence recorded with a withdrawal: ``{via}``, ``{received}``, ``{purpose}``, ``{channel}``.
    withdrawal: Text


def _text(entry: dict[str, str]) -> Text:
    return Text(fr=entry["fr"], en=entry["en"])


@lru_cache(maxsize=1)
def consent_wording() -> ConsentWording:
    raw = json.loads(resource_path("wording", "consent-wording.json").read_text(encoding="utf-8"))
    return ConsentWording(
        purposes={p: _text(raw["purposes"][p.value]) for p in Purpose},
        channels={c: _text(raw["channels"][c.value]) for c in Channel},
        purpose_labels={p: _text(raw["purpose_labels"][p.value]) for p in Purpose},
        channel_labels={c: _text(raw["channel_labels"][c.value]) for c in Channel},
        withdrawal=_text(raw["withdrawal"]),
    )


def consent_sentence(purpose: Purpose, channel: Channel, language: Language, names: WordingNames) -> str:
    wording = consent_wording()
    return wording.purposes[purpose].format(
        language,
        channel=wording.channels[channel].get(language),
        organisation=names.organisation,
        parent=names.parent,
    )


def purpose_label(purpose: Purpose, language: Language) -> str:
    return consent_wording().purpose_labels[purpose].get(language)


def channel_label(channel: Channel, language: Language) -> str:
    return consent_wording().channel_labels[channel].get(language)


#: How an opt-out request reached the clinic, as written in the withdrawal sentence and reports.
VIA_LABELS: dict[OptOutVia, Text] = {
    OptOutVia.PHONE: Text("téléphone", "phone"),
    OptOutVia.IN_CLINIC: Text("en clinique", "in clinic"),
    OptOutVia.EMAIL: Text("courriel", "email"),
    OptOutVia.POST: Text("poste", "post"),
}


def via_label(via: OptOutVia, language: Language) -> str:
    return VIA_LABELS[via].get(language)


def withdrawal_sentence(
    purpose: Purpose, channel: Channel, via: OptOutVia, received: str, language: Language
) -> str:
    wording = consent_wording()
    return wording.withdrawal.format(
        language,
        via=via_label(via, language),
        received=received,
        purpose=purpose_label(purpose, language),
        channel=wording.channels[channel].get(language),
    )


#: In what capacity the person signed, as printed on the acknowledgment.
CAPACITY_LABELS: dict[SignerCapacity, Text] = {
    SignerCapacity.CLIENT: Text("Client ou cliente", "Client"),
    SignerCapacity.PARENT: Text("Parent", "Parent"),
    SignerCapacity.TUTOR: Text("Tuteur ou tutrice", "Tutor"),
    SignerCapacity.MANDATARY: Text("Mandataire", "Mandatary"),
}


def capacity_label(capacity: SignerCapacity, language: Language) -> str:
    """In what capacity the person signed, as printed on the acknowledgment."""
    return CAPACITY_LABELS[capacity].get(language)
