"""The words of the evidence pack, in French (first: the Quebec rule) and English."""

from __future__ import annotations

from desktop.domain.texts import Text


class EvidenceText:
    title = Text("Dossier de preuve", "Evidence pack")
    subtitle = Text(
        "Consentements, politiques reconnues, demandes de retrait et accès au dossier {file}",
        "Consents, acknowledged policies, opt-out requests and accesses to file {file}",
    )
    produced = Text("Produit le {at} par {who}", "Produced on {at} by {who}")
    officer = Text("Responsable de la protection des renseignements personnels", "Privacy officer")
    chain = Text("Chaîne d'intégrité", "Integrity chain")
    chain_text = Text(
        "Les enregistrements ci-dessous proviennent des registres de FrontDesk, où rien n'est modifié "
        "ni effacé, tels qu'ils étaient au maillon n° {sequence} de la chaîne d'audit. Une vérification "
        "de la base de données jusqu'à ce maillon atteste qu'ils n'ont pas été altérés.",
        "The records below come from FrontDesk's ledgers, where nothing is edited or erased, as they "
        "stood at link no. {sequence} of the audit chain. A check of the database up to this link "
        "vouches that they were not altered.",
    )
    chain_head = Text("Tête de la chaîne", "Chain head")
    workstation_witness = Text("Témoin de ce poste", "This workstation's witness")
    witness_value = Text(
        "{id} · jusqu'au maillon n° {sequence} · HMAC {mac}", "{id} · up to link no. {sequence} · HMAC {mac}"
    )
    identity = Text("Identité", "Identity")
    name = Text("Nom", "Name")
    dob = Text("Date de naissance", "Date of birth")
    language = Text("Langue", "Language")
    address = Text("Adresse", "Address")
    email = Text("Courriel", "Email")
    phone = Text("Téléphone", "Phone")
    opened = Text("Dossier ouvert le", "File opened on")
    consents = Text("Consentements ({count})", "Consents ({count})")
    no_consents = Text("Aucun consentement enregistré.", "No consent recorded.")
    number = Text("N°", "No.")
    when = Text("Date et heure", "Date and time")
    consent = Text("Consentement", "Consent")
    answer = Text("Réponse", "Answer")
    method = Text("Méthode", "Method")
    who_where = Text("Par, à", "By, at")
    policy = Text("Politique", "Policy")
    sentence = Text("Phrase présentée", "Sentence shown")
    representative = Text("Pour le client : {name} ({capacity})", "For the client: {name} ({capacity})")
    #: A consent brought in by a client-list import: ``sha`` the file's SHA-256, ``on`` the stated date.
    imported = Text(
        "Importé de la ligne {row} du fichier SHA-256 {sha} : consentement du {on}, « {method} », selon le "
        "fichier ; confirmé par le gestionnaire comme preuve de la clinique.",
        "Imported from row {row} of the file SHA-256 {sha}: consent of {on}, “{method}”, as the file "
        "states it; confirmed by the manager as the clinic's evidence.",
    )
    acknowledgments = Text("Accusés de réception ({count})", "Acknowledgments ({count})")
    no_acknowledgments = Text("Aucun accusé de réception.", "No acknowledgment.")
    signed_on = Text("Signé le {at}", "Signed on {at}")
    refused_on = Text("Refus de signer le {at}", "Refused to sign on {at}")
    signer = Text("Signataire", "Signer")
    witness = Text("Témoin, lieu", "Witness, place")
    refusal_note = Text("Motif du refus", "Reason given")
    signature = Text("Signature", "Signature")
    document = Text("PDF conservé", "Stored PDF")
    document_intact = Text("code {code}, SHA-256 {sha} : intact", "code {code}, SHA-256 {sha}: intact")
    document_altered = Text(
        "code {code}, SHA-256 {sha} : ALTÉRÉ (ne correspond plus à son empreinte)",
        "code {code}, SHA-256 {sha}: ALTERED (no longer matches its fingerprint)",
    )
    no_document = Text("aucun", "none")
    document_removed = Text(
        "code {code}, SHA-256 {sha} : retiré à l'anonymisation du dossier (empreinte conservée)",
        "code {code}, SHA-256 {sha}: removed when the file was anonymised (fingerprint kept)",
    )
    policies = Text("Textes de politique ({count})", "Policy texts ({count})")
    policy_heading = Text(
        "Politique {version} ({language}), en vigueur le {effective}",
        "Policy {version} ({language}), effective {effective}",
    )
    sha256 = Text("SHA-256", "SHA-256")
    text_altered = Text(
        "ATTENTION : le texte conservé ne correspond plus à son empreinte.",
        "WARNING: the stored text no longer matches its fingerprint.",
    )
    summary_heading = Text("Résumé lu au comptoir", "Summary read at the desk")
    optouts = Text("Demandes de retrait ({count})", "Opt-out requests ({count})")
    no_optouts = Text("Aucune demande de retrait.", "No opt-out request.")
    received = Text("Reçue le", "Received on")
    via = Text("Reçue par", "Received by")
    due = Text("Échéance", "Due on")
    scope = Text("Portée", "Scope")
    processed = Text("Traitée", "Processed")
    confirmation = Text("Confirmation envoyée", "Confirmation sent")
    pending = Text("en attente", "pending")
    not_sent = Text("non", "no")
    logged = Text("Consignée par, le", "Logged by, on")
    requester = Text("Demandeur", "Requester")
    accesses = Text("Accès au dossier ({count})", "Accesses to the file ({count})")
    no_accesses = Text("Aucun accès enregistré.", "No access recorded.")
    staff = Text("Membre du personnel", "Staff member")
    workstation = Text("Poste", "Workstation")
    action = Text("Action", "Action")
    record = Text("Élément", "Record")
    end = Text("Fin du dossier de preuve", "End of the evidence pack")


#: The stored answer of a consent event (by its stored value, so a value added later still prints).
ACTION_LABELS: dict[str, Text] = {
    "granted": Text("Accordé", "Granted"),
    "withdrawn": Text("Retiré", "Withdrawn"),
    "declined": Text("Refusé", "Refused"),
}

#: How the consent was given.
METHOD_LABELS: dict[str, Text] = {
    "verbal_phone": Text("Verbal, au téléphone", "Verbal, by phone"),
    "verbal_in_person": Text("Verbal, en personne", "Verbal, in person"),
    "signed_at_desk": Text("Signé au comptoir", "Signed at the desk"),
    "email": Text("Par courriel", "By email"),
    "post": Text("Par la poste", "By post"),
    "verbal_telemedicine": Text("Verbal, en télémédecine", "Verbal, by telemedicine"),
    "imported": Text("Importé de la liste de la clinique", "Imported from the clinic's list"),
}

LANGUAGE_LABELS: dict[str, Text] = {"fr": Text("français", "French"), "en": Text("anglais", "English")}
