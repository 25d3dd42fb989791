"""The words of the two retention reports (the review and the anonymisations), in French (first) and
English. The CSV files print the same words as the PDFs."""

from __future__ import annotations

from desktop.domain.texts import Text


class RetentionText:
    """Shared by the two reports."""

    file_number = Text("No de dossier", "File no.")
    last_contact = Text("Dernier contact", "Last contact")
    rule = Text("Règle de conservation", "Retention rule")
    last_contact_definition = Text(
        "Dernier contact : le dernier rendez-vous, changement de consentement, demande de retrait ou "
        "demande d'accès du client (la création du dossier s'il n'y en a aucun).",
        "Last contact: the client's last appointment, consent change, opt-out request or access request "
        "(the file's creation when there is none).",
    )


class RetentionReviewText:
    """The files past the retention rule."""

    title = Text("Révision de la conservation des dossiers", "Retention review of client files")
    past = Text("Dossiers ayant dépassé la règle", "Files past the rule")
    held = Text("Écartés : conservation pour motif juridique", "Left out: legal hold")
    pending_opt_out = Text(
        "Écartés : demande de retrait non traitée", "Left out: opt-out request not yet processed"
    )
    open_access_request = Text(
        "Écartés : demande d'accès sans réponse", "Left out: access request not yet answered"
    )
    section = Text("Dossiers à réviser", "Files to review")
    name = Text("Nom", "Name")
    date_of_birth = Text("Date de naissance", "Date of birth")
    review_due = Text("À réviser depuis", "Review due since")
    none = Text("Aucun dossier n'a dépassé la règle à cette date.", "No file is past the rule on that day.")
    definitions = (
        Text(
            "Situation au {as_of} (dernier jour de la période, ou aujourd'hui s'il n'est pas encore venu) : "
            "un dossier est à réviser lorsque son dernier contact remonte à plus de {rule}.",
            "As of {as_of} (the last day of the period, or today if that day is still to come): a file is "
            "due for review once its last contact is more than {rule} ago.",
        ),
        Text(
            "Sont écartés de la révision les dossiers sous conservation pour motif juridique, ceux qui ont "
            "une demande de retrait non traitée et ceux qui ont une demande d'accès ou de rectification "
            "sans réponse (situation actuelle).",
            "Left out of the review: files under a legal hold, files with an opt-out request not yet "
            "processed and files with an access or rectification request not yet answered (as they "
            "stand now).",
        ),
    )


class AnonymisationsText:
    """The anonymisations recorded in a period."""

    title = Text("Registre des anonymisations", "Register of anonymisations")
    count = Text("Anonymisations dans la période", "Anonymisations in the period")
    erased = Text("Lignes effacées", "Rows erased")
    documents = Text("Documents retirés", "Documents removed")
    section = Text("Anonymisations", "Anonymisations")
    when = Text("Anonymisé le", "Anonymised on")
    by = Text("Par", "By")
    none = Text("Aucune anonymisation dans la période.", "No anonymisation in the period.")
    definitions = (
        Text(
            "Anonymiser un dossier remplace l'identité du client (noms, date de naissance réduite à "
            "l'année, coordonnées, NAM) par une mention fixe ; les preuves de consentement, d'accusé de "
            "réception, de retrait et l'audit restent dénombrables et vérifiables. Une anonymisation ne "
            "se défait pas.",
            "Anonymising a file replaces the client's identity (names, date of birth reduced to the "
            "year, contact details, health insurance number) with a placeholder; the consent, "
            "acknowledgment, opt-out and audit evidence stays countable and verifiable. An "
            "anonymisation cannot be undone.",
        ),
        Text(
            "Ce registre ne nomme personne : le numéro de dossier seul relie une anonymisation à son "
            "dossier.",
            "This register names no one: the file number alone ties an anonymisation to its file.",
        ),
    )
