"""The words of the reports, in French (first: the Quebec rule) and English.

The CSV files print the same words as the PDFs."""

from __future__ import annotations

from desktop.domain.texts import Text


class ReportText:
    """Shared by every report (the words shared with other documents are in ``Words``)."""

    period = Text("Période : du {start} au {end}", "Period: {start} to {end}")
    generated = Text("Produit le {at} par {by}", "Produced on {at} by {by}")
    definitions = Text("Définitions", "Definitions")
    total = Text("Total", "Total")
    yes = Text("oui", "yes")
    no = Text("non", "no")
    none = Text("Aucune donnée pour la période.", "No data for the period.")
    rows_cut = Text(
        "Cette liste compte {total} lignes : ce PDF n'en montre que les {shown} premières. La liste "
        "complète figure dans le même rapport au format CSV.",
        "This list has {total} rows: this PDF shows only the first {shown}. The full list is in the "
        "same report in CSV format.",
    )
    chain_verified = Text(
        "Les données de ce rapport proviennent des registres de FrontDesk tels qu'ils étaient au "
        "maillon n° {sequence} de la chaîne d'audit. Ce poste a vérifié la chaîne maillon par maillon "
        "jusqu'à celui-ci (depuis sa vérification précédente, seuls les maillons ajoutés sont "
        "recalculés ; la commande « frontdesk db check » vérifie la chaîne entière).",
        "The data in this report come from FrontDesk's ledgers as they stood at link no. {sequence} "
        "of the audit chain. This workstation verified the chain link by link up to it (since its "
        "previous verification only the links added are recomputed; the command “frontdesk db check” "
        "verifies the whole chain).",
    )
    chain_broken = Text(
        "La chaîne d'audit ne se vérifie pas : elle est rompue au maillon n° {sequence}. Ce rapport "
        "ne peut donc être rattaché à une tête de chaîne fiable ; la commande « frontdesk db check » "
        "en donne le détail.",
        "The audit chain does not verify: it is broken at link no. {sequence}. This report therefore "
        "cannot be tied to a trustworthy chain head; the command “frontdesk db check” gives the details.",
    )
    chain_broken_footer = Text(
        "Chaîne d'audit non vérifiée : rompue au maillon n° {sequence}",
        "Audit chain not verified: broken at link no. {sequence}",
    )


class CoverageText:
    """Consent coverage."""

    title = Text("Couverture du consentement", "Consent coverage")
    active = Text(
        "Clients actifs (rendez-vous dans la période)",
        "Active clients (appointment in the period)",
    )
    acknowledged = Text("Accusé de réception de la version {version}", "Acknowledged version {version}")
    acknowledged_share = Text(
        "Part des clients actifs ayant signé la version {version}",
        "Share of active clients who signed version {version}",
    )
    chart = Text("Part des clients actifs, par finalité", "Share of active clients, by purpose")
    consent = Text("Consentement (au moins un moyen)", "Consent (at least one channel)")
    consent_ack = Text(
        "Consentement et accusé de la version en vigueur",
        "Consent and acknowledgment of the version in force",
    )
    by_purpose = Text("Par finalité, toutes cliniques", "By purpose, all clinics")
    by_clinic_purpose = Text("Par clinique et finalité", "By clinic and purpose")
    by_clinic = Text(
        "Accusé de réception de la version en vigueur, par clinique",
        "Acknowledgment of the version in force, by clinic",
    )
    clinic = Text("Clinique", "Clinic")
    active_col = Text("Clients actifs", "Active clients")
    with_consent = Text("Avec consentement", "With consent")
    with_both = Text("Consentement et accusé", "Consent and acknowledged")
    pct = Text("%", "%")
    signed = Text("Accusé version {version}", "Acknowledged {version}")
    definitions = (
        Text(
            "Clients actifs : clients ayant au moins un rendez-vous prévu dans la période (date du "
            "rendez-vous, heure de la clinique), comptés dans la clinique de leur dossier.",
            "Active clients: clients with at least one appointment scheduled in the period (appointment "
            "date, clinic time), counted in the clinic of their file.",
        ),
        Text(
            "Avec consentement : pour la finalité, au moins un moyen de communication (courriel, texto, "
            "téléphone, poste) dont le dernier événement du registre, tel qu'il était le {state_at}, est "
            "un consentement accordé.",
            "With consent: for the purpose, at least one channel (email, SMS, phone, post) whose latest "
            "ledger event, as the ledger stood on {state_at}, grants consent.",
        ),
        Text(
            "Version en vigueur : {version}, la version la plus récente de la politique en vigueur le "
            "dernier jour de la période dans la langue du client (à défaut, dans l'autre langue).",
            "Version in force: {version}, the newest policy version in force on the last day of the "
            "period in the client's language (failing that, in the other language).",
        ),
        Text(
            "Accusé : accusé de réception signé (les refus de signer ne comptent pas) de la version en "
            "vigueur, enregistré au plus tard le {state_at}.",
            "Acknowledgment: a signed acknowledgment (refusals to sign do not count) of the version in "
            "force, recorded by {state_at}.",
        ),
        Text(
            "Pourcentages : sur le nombre de clients actifs de la même ligne.",
            "Percentages: of the active clients on the same line.",
        ),
    )


class OptOutRegisterText:
    """The register of opt-out requests."""

    title = Text(
        "Registre des demandes de retrait du consentement",
        "Register of consent withdrawal requests",
    )
    received = Text("Demandes reçues dans la période", "Requests received in the period")
    processed = Text("Traitées", "Processed")
    pending = Text("En attente", "Pending")
    overdue = Text(
        "En retard (traitées en retard ou en attente après l'échéance)",
        "Overdue (processed late, or pending past the due date)",
    )
    average = Text("Délai moyen de traitement (jours)", "Average processing time (days)")
    chart = Text("Demandes par mois de réception", "Requests by month of receipt")
    on_time = Text("Traitées à temps", "Processed on time")
    #: The chart's series and the tables' column.
    late = Text("En retard", "Overdue")
    by_via = Text("Par moyen de réception", "By way of receipt")
    register = Text("Demandes", "Requests")
    via = Text("Reçue par", "Received by")
    received_col = Text("Reçues", "Received")
    average_col = Text("Délai moyen (j)", "Average (days)")
    longest_col = Text("Délai max. (j)", "Longest (days)")
    number = Text("No", "No.")
    received_on = Text("Reçue le", "Received")
    scope = Text("Portée", "Scope")
    due_on = Text("Échéance", "Due")
    processed_on = Text("Traitée le", "Processed")
    days = Text("Délai (j)", "Days")
    unmatched = Text("non associée", "not matched")
    all_purposes = Text("Toutes les finalités", "All purposes")
    promotional = Text("Toutes les finalités promotionnelles", "All promotional purposes")
    all_channels = Text("tous les moyens", "all channels")
    definitions = (
        Text(
            "Demandes comptées : celles dont la date de réception tombe dans la période, quel que soit le "
            "moment de leur traitement.",
            "Requests counted: those whose date of receipt falls in the period, whenever they were "
            "processed.",
        ),
        Text(
            "Échéance : le jour même pour une demande reçue par téléphone ou en clinique ; 10 jours "
            "ouvrables (Québec) après la réception pour une demande reçue par courriel ou par la poste.",
            "Due date: the same day for a request received by phone or in the clinic; 10 business days "
            "(Quebec) after receipt for a request received by email or by post.",
        ),
        Text(
            "Délai : jours civils entre la réception et le traitement (date du traitement, heure de la "
            "clinique).",
            "Days: calendar days from receipt to processing (processing date, clinic time).",
        ),
        Text(
            "En retard : traitée après l'échéance, ou encore en attente le {as_of} alors que l'échéance "
            "est passée.",
            "Overdue: processed after the due date, or still pending on {as_of} with the due date past.",
        ),
    )


class AccessLogText:
    """The access log of one client's file."""

    title = Text("Journal des accès au dossier {file}", "Access log of file {file}")
    entries = Text("Accès", "Accesses")
    user = Text("Utilisateur", "Username")
    category = Text("Type", "Type")
    action = Text("Action", "Action")
    record = Text("Élément", "Record")
    none = Text("Aucun accès enregistré pendant la période.", "No access recorded in the period.")
    definitions = (
        Text(
            "Source : le journal d'audit chaîné de FrontDesk, qui n'est jamais modifié.",
            "Source: FrontDesk's hash-chained audit trail, which is never edited.",
        ),
        Text(
            "Accès au dossier : toute action enregistrée sur la fiche du client ou mentionnant le client "
            "(rendez-vous, consentements, accusés de réception, demandes de retrait, impressions, "
            "rapports).",
            "Access to the file: any action recorded on the client's file or naming the client "
            "(appointments, consents, acknowledgments, withdrawal requests, prints, reports).",
        ),
        Text(
            "Les listes de contacts exportées ne nomment pas les clients dans le journal : voir le "
            "journal des exportations.",
            "Exported contact lists do not name clients in the audit trail: see the exports log.",
        ),
    )
    #: The kinds of access (``AccessCategory``).
    category_open = Text("Ouverture", "Opened")
    category_change = Text("Modification", "Changed")
    category_print = Text("Impression", "Printed")
    category_export = Text("Exportation", "Exported")
    category_view = Text("Consultation", "Viewed")
    category_other = Text("Autre", "Other")


class ExportsLogText:
    """The contact-list exports log."""

    title = Text("Journal des exportations de listes de contacts", "Contact-list exports log")
    count = Text("Exportations dans la période", "Exports in the period")
    rows = Text("Lignes exportées (total)", "Rows exported (total)")
    section = Text("Exportations", "Exports")
    channel = Text("Moyen", "Channel")
    row_count = Text("Lignes", "Rows")
    sha256 = Text("Empreinte SHA-256 du fichier", "SHA-256 of the file")
    none = Text(
        "Aucune liste de contacts exportée pendant la période.",
        "No contact list was exported in the period.",
    )
    definitions = (
        Text(
            "Source : le journal d'audit chaîné (action export.contacts) ; il n'enregistre aucune donnée "
            "des clients, seulement la finalité, le moyen, le nombre de lignes et l'empreinte du fichier.",
            "Source: the hash-chained audit trail (action export.contacts); it records no client data, "
            "only the purpose, channel, number of rows and the file's fingerprint.",
        ),
        Text(
            "L'empreinte SHA-256 permet de reconnaître un fichier exporté : calculez-la sur le fichier "
            "(par exemple : certutil -hashfile liste.csv SHA256) et comparez.",
            "The SHA-256 fingerprint identifies an exported file: compute it on the file (for example: "
            "certutil -hashfile list.csv SHA256) and compare.",
        ),
    )


class ReacknowledgmentText:
    """Acknowledgments to sign again."""

    title = Text("Accusés de réception à faire signer de nouveau", "Acknowledgments to sign again")
    seen = Text("Clients ayant un rendez-vous dans la période", "Clients with an appointment in the period")
    current = Text("Version en vigueur", "Version in force")
    up_to_date = Text("Ont signé la version en vigueur", "Signed the version in force")
    outdated = Text("À faire signer de nouveau (version antérieure)", "To sign again (older version)")
    never = Text("N'ont jamais signé", "Never signed")
    never_refused = Text("dont refus de signer", "of whom refused to sign")
    outdated_section = Text("Ont signé une version antérieure", "Signed an older version")
    last_name = Text("Nom", "Last name")
    first_name = Text("Prénom", "First name")
    language = Text("Langue", "Language")
    next = Text("1er rendez-vous de la période", "First appointment in the period")
    version = Text("Version signée", "Version signed")
    signed_on = Text("Signée le", "Signed on")
    refused_on = Text("Refus le", "Refused on")
    none_outdated = Text(
        "Aucun client de la période n'a signé une version antérieure seulement.",
        "No client of the period signed only an older version.",
    )
    none_never = Text(
        "Tous les clients de la période ont signé au moins une version.",
        "Every client of the period signed at least one version.",
    )
    definitions = (
        Text(
            "Clients : ceux qui ont au moins un rendez-vous prévu dans la période (heure de la clinique).",
            "Clients: those with at least one appointment scheduled in the period (clinic time).",
        ),
        Text(
            "Version en vigueur : {version}, la plus récente en vigueur le dernier jour de la période "
            "dans la langue du client (à défaut, dans l'autre langue).",
            "Version in force: {version}, the newest in force on the last day of the period in the "
            "client's language (failing that, in the other language).",
        ),
        Text(
            "À faire signer de nouveau : le dernier accusé signé du client porte sur une version "
            "antérieure à celle en vigueur.",
            "To sign again: the client's latest signed acknowledgment is of a version older than the one "
            "in force.",
        ),
        Text(
            "N'ont jamais signé : aucun accusé signé, quelle que soit la version ; les refus de signer "
            "sont indiqués mais ne comptent pas comme une signature.",
            "Never signed: no signed acknowledgment of any version; refusals to sign are shown but do not "
            "count as a signature.",
        ),
        Text(
            "Les accusés sont pris tels qu'enregistrés au moment où le rapport est produit.",
            "Acknowledgments are taken as recorded when the report is produced.",
        ),
    )
