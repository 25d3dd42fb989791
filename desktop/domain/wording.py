"""The exact sentences shown to clients for each purpose and channel (resources/policies)."""

from __future__ import annotations

import json
from functools import lru_cache
from typing import Any

from desktop.domain.enums import Channel, Language, OptOutVia, Purpose, SignerCapacity
from desktop.paths import resource_path


@lru_cache(maxsize=1)
def _catalog() -> dict[str, Any]:
    return json.loads(resource_path("policies", "consent-wording.json").read_text(encoding="utf-8"))


def consent_sentence(purpose: Purpose, channel: Channel, language: Language) -> str:
    catalog = _catalog()
    channel_phrase = catalog["channels"][channel.value][language.value]
    return catalog["purposes"][purpose.value][language.value].format(channel=channel_phrase)


def purpose_label(purpose: Purpose, language: Language) -> str:
    return _catalog()["purpose_labels"][purpose.value][language.value]


def channel_label(channel: Channel, language: Language) -> str:
    return _catalog()["channel_labels"][channel.value][language.value]


_VIA_LABELS = {
    OptOutVia.PHONE: {"fr": "téléphone", "en": "phone"},
    OptOutVia.IN_CLINIC: {"fr": "en clinique", "en": "in clinic"},
    OptOutVia.EMAIL: {"fr": "courriel", "en": "email"},
    OptOutVia.POST: {"fr": "poste", "en": "post"},
}


def via_label(via: OptOutVia, language: Language) -> str:
    return _VIA_LABELS[via][language.value]


def withdrawal_sentence(
    purpose: Purpose, channel: Channel, via: OptOutVia, received: str, language: Language
) -> str:
    catalog = _catalog()
    return catalog["withdrawal"][language.value].format(
        via=via_label(via, language),
        received=received,
        purpose=purpose_label(purpose, language),
        channel=catalog["channels"][channel.value][language.value],
    )


_CAPACITY_LABELS = {
    SignerCapacity.CLIENT: {"fr": "Client ou cliente", "en": "Client"},
    SignerCapacity.PARENT: {"fr": "Parent", "en": "Parent"},
    SignerCapacity.TUTOR: {"fr": "Tuteur ou tutrice", "en": "Tutor"},
    SignerCapacity.MANDATARY: {"fr": "Mandataire", "en": "Mandatary"},
}


def capacity_label(capacity: SignerCapacity, language: Language) -> str:
    """In what capacity the person signed, as printed on the acknowledgment."""
    return _CAPACITY_LABELS[capacity][language.value]
