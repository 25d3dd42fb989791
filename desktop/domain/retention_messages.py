"""Messages of the retention rule, legal holds and anonymisation, in French (first) and English: the refusals (their attribute names are
the codes errors carry, joined to :data:`desktop.domain.messages.MESSAGES`) and the fields' names."""

from __future__ import annotations

from desktop.domain.texts import Text


class RetentionMessages:
    retention_years_range = Text(
        "La durée de conservation va de {min} à {max} ans après le dernier contact.",
        "The retention period is {min} to {max} years after the last contact.",
    )
    retention_not_due = Text(
        "Le dossier {file_number} n'a pas dépassé la règle de conservation : dernier contact le "
        "{last_contact}, à revoir à partir du {due}.",
        "File {file_number} is not past the retention rule: last contact on {last_contact}, due for "
        "review from {due}.",
    )
    retention_on_hold = Text(
        "Le dossier {file_number} fait l'objet d'une conservation pour motif juridique : levez-la avant "
        "de l'anonymiser.",
        "File {file_number} is under a legal hold: lift it before anonymising the file.",
    )
    retention_pending_opt_out = Text(
        "Le dossier {file_number} a une demande de retrait non traitée : traitez-la avant de l'anonymiser.",
        "File {file_number} has an opt-out request not yet processed: process it before anonymising "
        "the file.",
    )
    retention_open_access_request = Text(
        "Le dossier {file_number} a une demande d'accès ou de rectification sans réponse : répondez-y "
        "ou refusez-la avant de l'anonymiser.",
        "File {file_number} has an access or rectification request not yet answered: answer or refuse "
        "it before anonymising the file.",
    )
    retention_already_anonymised = Text(
        "Le dossier {file_number} est déjà anonymisé (le {when}) ; une anonymisation ne se défait pas.",
        "File {file_number} is already anonymised (on {when}); an anonymisation cannot be undone.",
    )
    client_file_anonymised = Text(
        "Le dossier {file_number} est anonymisé : il ne peut plus être modifié.",
        "File {file_number} is anonymised: it can no longer be changed.",
    )
    anonymised_file_closed = Text(
        "Le dossier {file_number} a été anonymisé : on n'y ajoute plus de rendez-vous, de consentement "
        "ni de signature. Si la personne revient, ouvrez-lui un nouveau dossier.",
        "File {file_number} was anonymised: no appointment, consent or signature is added to it any more. "
        "If the person comes back, open a new file for them.",
    )
    hold_already_placed = Text(
        "Le dossier {file_number} fait déjà l'objet d'une conservation pour motif juridique.",
        "File {file_number} is already under a legal hold.",
    )
    hold_not_placed = Text(
        "Le dossier {file_number} ne fait l'objet d'aucune conservation pour motif juridique à lever.",
        "File {file_number} has no legal hold to lift.",
    )
    hold_on_anonymised = Text(
        "Le dossier {file_number} est anonymisé : une conservation pour motif juridique ne s'y applique plus.",
        "File {file_number} is anonymised: a legal hold no longer applies to it.",
    )
    document_removed = Text(
        "Le PDF de cet accusé de réception a été retiré à l'anonymisation du dossier ; son code de "
        "vérification et son empreinte SHA-256 sont conservés.",
        "This acknowledgment's PDF was removed when the file was anonymised; its verification code and "
        "SHA-256 fingerprint are kept.",
    )


class RetentionFields:
    retention_years = Text("Durée de conservation (années)", "Retention period (years)")
    hold_reason = Text("Motif", "Reason")


__all__ = ["RetentionFields", "RetentionMessages", "Text"]
