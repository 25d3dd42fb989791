"""Messages of access and rectification requests, in French (first) and English: the refusals (their attribute names are
the codes errors carry, joined to :data:`desktop.domain.messages.MESSAGES`) and the fields' names."""

from __future__ import annotations

from desktop.domain.texts import Text


class AccessRequestMessages:
    access_request_closed = Text(
        "Cette demande a déjà reçu sa réponse ou son refus : elle ne change plus.",
        "This request has already been answered or refused: it no longer changes.",
    )
    access_request_not_matched = Text(
        "Associez d'abord la demande au dossier du client qu'elle concerne.",
        "Match the request to the client file it concerns first.",
    )
    access_request_identity_unverified = Text(
        "Vérifiez d'abord l'identité du demandeur : on ne répond qu'à une personne dont l'identité est vérifiée.",
        "Verify the requester's identity first: an answer goes only to a person whose identity is verified.",
    )
    access_request_nothing_sent = Text(
        "Indiquez ce qui a été transmis (la preuve du dossier, une copie du dossier ou le dossier rectifié).",
        "Say what was sent (the file's evidence pack, a copy of the file or the rectified file).",
    )
    #: ``when``: the day and time the identity was recorded as verified.
    access_request_already_verified = Text(
        "L'identité du demandeur a déjà été vérifiée le {when} : cette vérification reste celle de la "
        "demande.",
        "The requester's identity was already verified on {when}: that verification stands for the request.",
    )
    access_request_already_matched = Text(
        "Cette demande est déjà associée au dossier {number}.",
        "This request is already matched to file {number}.",
    )
    access_request_rectified_without_request = Text(
        "Un dossier rectifié ne répond qu'à une demande de rectification : celle-ci est une demande d'accès.",
        "A rectified file answers only a rectification request: this one is an access request.",
    )
    access_request_document_empty = Text(
        "Le document transmis est vide : joignez le PDF envoyé, ou aucun document.",
        "The document sent is empty: give the PDF that was sent, or no document.",
    )


class AccessRequestFields:
    request_kind = Text("Type de demande", "Kind of request")
    request_channel = Text("Reçue par", "Received by")
    requester_contact = Text("Pour joindre le demandeur", "How to reach the requester")
    identity_how = Text("Façon dont l'identité a été vérifiée", "How the identity was verified")
    answer_items = Text("Ce qui a été transmis", "What was sent")
    document = Text("Document transmis", "Document sent")
    refusal_reason = Text("Motif du refus", "Reason for refusing")


class AccessRequestSubjects:
    """What was not found."""

    access_request = Text("demande d'accès ou de rectification {id}", "access or rectification request {id}")


class AccessRequestTexts:
    """The kinds, channels, states and answer items as people read them (the CLI, the report)."""

    access = Text("Accès", "Access")
    rectification = Text("Rectification", "Rectification")
    phone = Text("Téléphone", "Phone")
    in_clinic = Text("En personne", "In person")
    email = Text("Courriel", "Email")
    post = Text("Poste", "Post")
    open = Text("Ouverte", "Open")
    answered = Text("Répondue", "Answered")
    refused = Text("Refusée", "Refused")
    overdue = Text("EN RETARD", "OVERDUE")
    evidence_pack = Text("Preuve du dossier", "Evidence pack")
    file_copy = Text("Copie du dossier", "Copy of the file")
    rectified_file = Text("Dossier rectifié", "Rectified file")


__all__ = [
    "AccessRequestFields",
    "AccessRequestMessages",
    "AccessRequestSubjects",
    "AccessRequestTexts",
    "Text",
]
