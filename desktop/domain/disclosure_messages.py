"""Messages of the disclosure register, in French (first) and English: the refusals (their attribute names are
the codes errors carry, joined to :data:`desktop.domain.messages.MESSAGES`) and the fields' names; then the
names of the recipients and of the means, as the register, the client's file and the evidence pack print them."""

from __future__ import annotations

from desktop.domain.register_enums import DisclosureMeans, DisclosureRecipient
from desktop.domain.texts import Text


class DisclosureMessages:
    disclosure_after_anonymisation = Text(
        "Le dossier {file_number} a été anonymisé le {when} : une communication datée d'après ne peut "
        "pas le concerner.",
        "File {file_number} was anonymised on {when}: a disclosure dated after that cannot concern it.",
    )
    disclosure_no_client = Text(
        "Nommez au moins un client dont les renseignements ont été communiqués.",
        "Name at least one client whose information was disclosed.",
    )
    disclosure_too_many_clients = Text(
        "Trop de clients pour une seule communication : {max} au plus.",
        "Too many clients for one disclosure: {max} at most.",
    )
    disclosure_recipient_name_required = Text(
        "Nommez le destinataire : quel tribunal, quel service de police, quel ordre ou quelle personne.",
        "Name the recipient: which court, which police service, which order or which person.",
    )
    disclosure_already_corrected = Text(
        "Cette communication a déjà été corrigée par l'inscription n° {by} : corrigez plutôt celle-ci.",
        "This disclosure was already corrected by entry no. {by}: correct that one instead.",
    )


class DisclosureSubjects:
    """What was not found (the ``what`` of a NotFoundError)."""

    disclosure = Text("communication n° {id}", "disclosure no. {id}")


class DisclosureFields:
    disclosed_on = Text("Date de la communication", "Date disclosed")
    recipient_kind = Text("Destinataire", "Recipient")
    recipient_name = Text("Nom du destinataire", "Recipient's name")
    legal_basis = Text("Fondement légal", "Legal basis")
    information = Text("Renseignements communiqués", "Information disclosed")
    authorised_by = Text("Autorisée par", "Authorised by")
    means = Text("Moyen de transmission", "How it was sent")
    client_ids = Text("Clients concernés", "Clients concerned")


#: Who received the information, as the register prints it.
RECIPIENT_LABELS: dict[DisclosureRecipient, Text] = {
    DisclosureRecipient.PARENT_ORGANISATION: Text("Organisation mère", "Parent organisation"),
    DisclosureRecipient.COURT: Text("Tribunal", "Court"),
    DisclosureRecipient.POLICE: Text("Police", "Police"),
    DisclosureRecipient.PROFESSIONAL_ORDER: Text("Ordre professionnel", "Professional order"),
    DisclosureRecipient.OTHER: Text("Autre", "Other"),
}

#: How the information was sent.
MEANS_LABELS: dict[DisclosureMeans, Text] = {
    DisclosureMeans.POST: Text("Par la poste", "By post"),
    DisclosureMeans.EMAIL: Text("Par courriel", "By email"),
    DisclosureMeans.FAX: Text("Par télécopieur", "By fax"),
    DisclosureMeans.HAND_DELIVERED: Text("Remis en main propre", "Hand delivered"),
    DisclosureMeans.SECURE_TRANSFER: Text("Transfert sécurisé", "Secure transfer"),
    DisclosureMeans.PHONE: Text("Par téléphone", "By phone"),
    DisclosureMeans.OTHER: Text("Autre moyen", "Other means"),
}


__all__ = [
    "MEANS_LABELS",
    "RECIPIENT_LABELS",
    "DisclosureFields",
    "DisclosureMessages",
    "DisclosureSubjects",
    "Text",
]
