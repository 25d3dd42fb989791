"""The words printed on FrontDesk's PDFs, in French (first: the Quebec rule) and English."""

from __future__ import annotations

from desktop.domain.client_texts import SigningText
from desktop.domain.texts import Text


class PdfText:
    """Shared by every PDF: the acknowledgment and the reports."""

    #: The document's language, as PDF readers and screen readers expect it.
    language_tag = Text("fr-CA", "en-CA")
    page_of = Text("Page {page} de {pages}", "Page {page} of {pages}")
    #: French sets a space before the colon.
    colon = Text(" :", ":")


class AcknowledgmentText:
    """The labels and sentences of the privacy-policy acknowledgment (and ``Words``)."""

    title = Text("Accusé de réception de la politique de confidentialité", "Privacy policy acknowledgment")
    phone = Text("Tél.", "Tel.")
    email = Text("Courriel", "Email")
    client_name = Text("Nom", "Name")
    dob = Text("Date de naissance", "Date of birth")
    file_number = Text("Numéro de dossier", "File number")
    policy = Text("Politique de confidentialité", "Privacy policy")
    policy_version = Text("Version de la politique", "Policy version")
    policy_effective = Text("en vigueur le", "effective")
    sha256 = Text("Empreinte SHA-256", "SHA-256 fingerprint")
    sha256_long = Text("Empreinte SHA-256 du texte de la politique", "SHA-256 fingerprint of the policy text")
    statement_signed = Text(
        "La personne soussignée reconnaît avoir reçu la politique de confidentialité de "
        "{clinic}, version du {version}, dont le texte intégral est reproduit en annexe, et avoir "
        "eu l’occasion de poser ses questions. Les choix de consentement exprimés sont indiqués "
        "ci-dessous.",
        "The undersigned acknowledges having received the privacy policy of {clinic}, version of "
        "{version}, the full text of which is reproduced in the annex, and having had the "
        "opportunity to ask questions. The consent choices expressed are shown below.",
    )
    statement_refused = Text(
        "La politique de confidentialité de {clinic}, version du {version}, dont le texte "
        "intégral est reproduit en annexe, a été présentée. La personne indiquée ci-dessous a "
        "refusé de signer l’accusé de réception.",
        "The privacy policy of {clinic}, version of {version}, the full text of which is "
        "reproduced in the annex, was presented. The person named below refused to sign the "
        "acknowledgment.",
    )
    refused_banner = Text(
        "REFUS DE SIGNER — aucune signature n’a été recueillie",
        "REFUSED TO SIGN — no signature was collected",
    )
    refused_by = Text("A refusé de signer", "Refused to sign")
    refusal_note = Text("Note du personnel", "Staff note")
    no_refusal_note = Text("Aucune note.", "No note.")
    choices = Text("Choix de consentement", "Consent choices")
    channel = Text("Moyen de communication", "Channel")
    choice = Text("Choix", "Choice")
    granted = Text("✔ Accordé", "✔ Granted")
    #: The client said no when asked.
    declined = Text("✘ Refusé", "✘ Refused")
    withdrawn = Text("✘ Retiré", "✘ Withdrawn")
    #: Never asked, or no answer: not a refusal.
    not_given = Text("Non accordé", "Not given")
    no_choices = Text("Aucun choix de consentement n’a été enregistré.", "No consent choice was recorded.")
    signature = Text("Signature", "Signature")
    refusal = Text("Refus de signer", "Refusal to sign")
    #: The same words as above the pad the client signed on.
    signature_of = SigningText.signature_of
    signer = Text("Signataire", "Signer")
    capacity = Text("Qualité", "Capacity")
    witness = Text("Témoin (personnel)", "Witness (staff)")
    location = Text("Lieu", "Location")
    withdraw = Text("Retirer ou modifier votre consentement", "Withdrawing or changing your consent")
    withdraw_text = Text(
        "Vous pouvez retirer ou modifier votre consentement en tout temps, sans frais, en "
        "communiquant avec la clinique par téléphone au {phone}, par courriel à {email} ou par la "
        "poste à l’adresse suivante : {address}.",
        "You may withdraw or change your consent at any time, free of charge, by contacting the "
        "clinic by phone at {phone}, by email at {email} or by mail at the following address: "
        "{address}.",
    )
    privacy_officer = Text(
        "Responsable de la protection des renseignements personnels",
        "Person in charge of the protection of personal information",
    )
    verification_code = Text("Code de vérification", "Verification code")
    # One line: with it the first part of a usual acknowledgment fits on its page, and the annex laid
    # out once is drawn from the next (see render_acknowledgment_pdf).
    verification_text = Text(
        "il permet de retrouver l’original au registre de la clinique.",
        "it locates the original in the clinic’s register.",
    )
    acknowledgment_id = Text("Identifiant de l’accusé", "Acknowledgment ID")
    annex = Text(
        "Annexe — Texte intégral de la politique de confidentialité",
        "Annex — Full text of the privacy policy",
    )
    annex_intro = Text(
        "Texte de la politique tel que présenté, version du {version} (en vigueur le {effective}).",
        "Policy text as presented, version of {version} (effective {effective}).",
    )
    annex_end = Text("— Fin du texte de la politique —", "— End of the policy text —")
    summary = Text("Résumé lu au comptoir", "Summary read at the desk")
    summary_intro = Text(
        "Résumé de la politique, version du {version}, tel que présenté au comptoir avant la signature.",
        "Summary of the policy, version of {version}, as presented at the desk before signing.",
    )
    sha256_summary = Text("Empreinte SHA-256 du résumé", "SHA-256 fingerprint of the summary")
    summary_end = Text("— Fin du résumé —", "— End of the summary —")
