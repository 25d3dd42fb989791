"""What ``frontdesk db check`` says of the current-consent table against the consent ledger. The texts
join :data:`MESSAGES` under their attribute names, as the other codes do."""

from __future__ import annotations

from desktop.domain.texts import Text


class CheckMessages:
    current_consent_matches = Text(
        "{count} cases de consentement actuel, identiques au registre des consentements recalculé.",
        "{count} current-consent cells, the same as the consent ledger recomputed.",
    )
    #: ``cells`` lists the first differences, each as ``current_consent_cell`` says it.
    current_consent_differs = Text(
        "{count} cases de consentement actuel diffèrent du registre des consentements recalculé "
        "(les exportations de contacts et le rapport de couverture lisent cette table) : {cells}.",
        "{count} current-consent cells differ from the consent ledger recomputed (contact exports and "
        "the coverage report read that table): {cells}.",
    )
    #: ``table`` and ``ledger`` are the latest event as "id (action)", or "—" when there is none.
    current_consent_cell = Text(
        "identifiant client {client}, {purpose}/{channel} : table {table}, registre {ledger}",
        "client id {client}, {purpose}/{channel}: table {table}, ledger {ledger}",
    )
    current_consent_absent = Text(
        "pas de table de consentement actuel avant la révision 0013 du schéma (frontdesk db upgrade la crée).",
        "no current-consent table before schema revision 0013 (frontdesk db upgrade makes it).",
    )
