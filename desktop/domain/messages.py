"""Messages the core shows people, in French (first) and English.

Errors carry a code and parameters; the GUI and the CLI ask for the text in the person's language.
A new message is one more ``Text`` below, its attribute name being the code the error carries.
A parameter is written in that language too: a ``Text`` (a reason, a field, a role) is read in it,
a time or a date is written as :mod:`desktop.domain.formats` writes it.
"""

from __future__ import annotations

from datetime import date, datetime, time

from desktop.domain.check_messages import CheckMessages
from desktop.domain.client_messages import ClientFields, ClientMessages
from desktop.domain.enums import Language, Role
from desktop.domain.failure_messages import FailureMessages
from desktop.domain.file_messages import FileMessages
from desktop.domain.formats import format_date, format_datetime, format_time
from desktop.domain.import_messages import ImportMessages
from desktop.domain.register_texts import REGISTER_FIELDS, REGISTER_MESSAGES
from desktop.domain.reminder_messages import ReminderFields, ReminderMessages
from desktop.domain.schedule_messages import ScheduleFields, ScheduleMessages
from desktop.domain.texts import Text


class Messages:
    """Errors and refusals, each named by the code its error carries."""

    #: An error raised without a code of its own.
    error = Text("L'opération a échoué.", "The operation failed.")
    required = Text("Ce champ est obligatoire.", "This field is required.")
    too_long = Text("Trop long : {max} caractères au plus.", "Too long: {max} characters at most.")
    invalid_characters = Text(
        "Contient des caractères invisibles ou de contrôle non permis.",
        "Contains invisible or control characters that are not allowed.",
    )
    #: ``characters`` as :func:`desktop.domain.glyphs.describe` names them.
    undrawable_characters = Text(
        "Ne peut pas être imprimé dans les documents (aucune police ne le dessine) : {characters}.",
        "Cannot be printed in the documents (no font draws it): {characters}.",
    )
    invalid_phone = Text(
        "Numéro de téléphone invalide. Exemple : 418 555-0123, poste 12.",
        "Invalid phone number. Example: 418 555-0123 ext. 12.",
    )
    #: ``reason`` is one of :class:`EmailProblems`.
    invalid_email = Text("Adresse courriel invalide : {reason}", "Invalid email address: {reason}")
    duplicate_choice = Text(
        "La même finalité et le même moyen de communication sont choisis deux fois.",
        "The same purpose and channel are chosen twice.",
    )
    invalid_postal_code = Text(
        "Code postal invalide. Exemple : H2X 3Y7.",
        "Invalid postal code. Example: H2X 3Y7.",
    )
    date_in_future = Text("La date ne peut pas être dans le futur.", "The date cannot be in the future.")
    date_too_old = Text("Date trop ancienne (avant {min}).", "Date too far in the past (before {min}).")
    invalid_date = Text(
        "Date illisible. Formes acceptées : AAAA-MM-JJ, JJ/MM/AAAA ou JJ.MM.AAAA.",
        "Date not understood. Accepted forms: YYYY-MM-DD, DD/MM/YYYY or DD.MM.YYYY.",
    )
    #: ``when`` is the appointment's moment.
    booking_in_past = Text(
        "La date est passée ({when}) : choisissez un moment à venir.",
        "The date is in the past ({when}): choose a time to come.",
    )
    #: ``latest`` is the last day an appointment can be booked for.
    booking_too_far = Text(
        "Date trop éloignée : un rendez-vous se prend au plus tard pour le {latest}.",
        "Date too far ahead: an appointment can be booked up to {latest}.",
    )
    #: ``typed`` is the date as typed (31/02/2026).
    impossible_date = Text(
        "Ce jour n'existe pas : {typed}.",
        "There is no such day: {typed}.",
    )
    invalid_choice = Text("Valeur non permise : {value}.", "Value not allowed: {value}.")
    validation_failed = Text("Certains champs sont à corriger.", "Some fields need correcting.")
    #: One field's problem in the list ``validation_failed`` is followed by: ``field`` is one of :class:`Fields`.
    field_problem = Text("{field} : {problem}", "{field}: {problem}")
    possible_duplicate = Text(
        "Un dossier existe déjà au même nom avec la même date de naissance ({files}).",
        "A file already exists with the same name and date of birth ({files}).",
    )
    stale_version = Text(
        "Ce dossier a été modifié par {who} le {when} pendant que vous l'éditiez.",
        "This file was changed by {who} on {when} while you were editing it.",
    )
    not_found = Text("Introuvable : {what}.", "Not found: {what}.")
    permission_denied = Text(
        "Votre rôle ({role}) ne permet pas cette action.",
        "Your role ({role}) does not allow this action.",
    )
    account_inactive = Text("Ce compte est désactivé.", "This account is disabled.")
    bad_credentials = Text("Nom d'utilisateur ou mot de passe incorrect.", "Wrong username or password.")
    account_locked = Text(
        "Compte verrouillé après trop d'essais. Réessayez après {until}.",
        "Account locked after too many attempts. Try again after {until}.",
    )
    weak_password = Text(
        "Mot de passe trop faible : au moins {min} caractères, avec lettres et chiffres, "
        "différent du nom d'utilisateur.",
        "Password too weak: at least {min} characters, with letters and digits, different from the username.",
    )
    cannot_deactivate_self = Text(
        "Vous ne pouvez pas désactiver votre propre compte.",
        "You cannot deactivate your own account.",
    )
    last_manager = Text(
        "C'est le dernier compte gestionnaire actif : créez-en un autre avant de le désactiver.",
        "This is the last active manager account: create another one before deactivating it.",
    )
    username_taken = Text("Ce nom d'utilisateur existe déjà.", "This username already exists.")
    privacy_officer_accounts = Text(
        "Seul un responsable de la protection des renseignements personnels peut créer, réactiver ou "
        "réinitialiser le mot de passe d'un compte de responsable de la protection des renseignements "
        "personnels.",
        "Only a privacy officer can create, reactivate or reset the password of a privacy-officer account.",
    )
    sign_in_required = Text(
        "La base de données a déjà des comptes : connectez-vous comme gestionnaire ou responsable de la "
        "protection des renseignements personnels avec --user NOM (le mot de passe est demandé).",
        "The database already has staff accounts: sign in as a manager or privacy officer with "
        "--user NAME (the password is asked for).",
    )
    first_account_manager = Text(
        "La base de données n'a encore aucun compte : le premier compte est un compte gestionnaire "
        "(--role manager).",
        "The database has no account yet: the first account must be a manager (--role manager).",
    )
    recovery_roles = Text(
        "La récupération ne vaut que pour un compte gestionnaire ou responsable de la protection des "
        "renseignements personnels ; un gestionnaire réinitialise les autres comptes.",
        "Recovery is only for a manager or privacy-officer account; a manager resets the other accounts.",
    )
    recovery_access = Text(
        "La récupération exige l'accès direct à la base de données {database} : pouvoir lire et modifier "
        "son fichier, ou, pour PostgreSQL, s'y connecter comme propriétaire de la base ou superutilisateur.",
        "Recovery needs direct access to the database {database}: read and write access to its file, or, "
        "for PostgreSQL, connecting as the database's owner or a superuser.",
    )
    invalid_username = Text(
        "Nom d'utilisateur : 3 à 64 lettres minuscules, chiffres, points, tirets.",
        "Username: 3 to 64 lower-case letters, digits, dots or dashes.",
    )
    representative_required = Text(
        "Client de moins de 14 ans : un parent ou tuteur doit signer.",
        "Client under 14: a parent or tutor must sign.",
    )
    signature_required = Text("La signature est vide ou illisible.", "The signature is empty or unreadable.")
    minor_consent_needs_representative = Text(
        "Client de moins de 14 ans : un consentement est donné par un parent ou un tuteur ; "
        "indiquez son nom et sa qualité.",
        "Client under 14: consent is given by a parent or tutor; enter their name and capacity.",
    )
    method_needs_signature = Text(
        "Une méthode « signé au comptoir » exige une signature enregistrée aujourd'hui pour ce client.",
        "A \"signed at the desk\" method needs a signature stored today for this client.",
    )
    method_not_in_person = Text(
        "Une méthode en personne ne convient pas à des réponses données à distance (téléphone, "
        "télémédecine, lettre ou courriel).",
        "An in-person method does not fit answers given from afar (phone, telemedicine, letter or email).",
    )
    method_mismatch = Text(
        "La méthode indiquée ne correspond pas à la façon dont les réponses ont été données.",
        "The method given does not match how the answers were given.",
    )
    no_stored_signature = Text(
        "Aucune signature de ce client n'a été enregistrée aujourd'hui : les réponses ne peuvent pas être "
        "notées comme signées.",
        "No signature of this client was stored today: the answers cannot be recorded as signed.",
    )
    signature_in_person_only = Text(
        "Une signature se recueille au comptoir, pas au téléphone.",
        "A signature is collected at the desk, not on the phone.",
    )
    interaction_mismatch = Text(
        "Les réponses d'une réservation sont données comme la réservation est faite (par téléphone ou au "
        "comptoir).",
        "A booking's answers are given the way the booking is made (by phone or at the desk).",
    )
    telemedicine_needs_appointment = Text(
        "Des réponses données en télémédecine nomment le rendez-vous de télémédecine de ce client.",
        "Answers given by telemedicine name this client's telemedicine appointment.",
    )
    optout_not_matched = Text(
        "Associez d'abord la demande à un dossier client.",
        "Match the request to a client file first.",
    )
    optout_already_processed = Text(
        "Cette demande a déjà été traitée.",
        "This request has already been processed.",
    )
    empty_scope = Text(
        "Choisissez au moins une fin et un moyen de communication.",
        "Choose at least one purpose and one channel.",
    )
    no_policy = Text(
        "Aucune politique de confidentialité en vigueur n'est chargée.",
        "No privacy policy in force is loaded.",
    )
    policy_version_exists = Text(
        "Une version de la politique entrant en vigueur le {version} est déjà publiée, et une version "
        "publiée ne change jamais : choisissez une autre date d'entrée en vigueur.",
        "A policy version taking effect on {version} is already published, and a published version never "
        "changes: choose another effective date.",
    )
    date_in_past = Text("La date ne peut pas être dans le passé.", "The date cannot be in the past.")
    out_of_range = Text(
        "Un nombre entier de {min} à {max} est attendu.", "A whole number from {min} to {max} is expected."
    )
    not_set_up = Text(
        "Cette base de données n'a pas encore de clinique : lancez la configuration (frontdesk setup).",
        "This database has no clinic yet: run the setup (frontdesk setup).",
    )
    invalid_database_url = Text(
        "Adresse invalide : elle commence par postgresql:// (exemple : "
        "postgresql://utilisateur:motdepasse@serveur:5432/frontdesk).",
        "Invalid address: it starts with postgresql:// "
        "(example: postgresql://user:password@server:5432/frontdesk).",
    )
    database_unreachable = Text(
        "Le serveur ne répond pas à cette adresse, ou refuse l'utilisateur ou le mot de passe.",
        "The server does not answer at this address, or refuses the user or password.",
    )
    setup_file_invalid = Text(
        "Le fichier de configuration {path} est à corriger : {problem}",
        "The setup file {path} needs correcting: {problem}",
    )
    already_set_up = Text(
        "Cette base de données a déjà sa clinique et ses comptes : la configuration ne la modifie pas.",
        "This database already has its clinic and accounts: the setup does not change it.",
    )
    file_unreadable = Text(
        "Le fichier {path} est introuvable ou illisible.",
        "The file {path} is missing or cannot be read.",
    )
    file_not_utf8 = Text(
        "Le fichier {path} n'est pas du texte UTF-8 (octet invalide à la position {position}) : "
        "enregistrez-le en UTF-8.",
        "The file {path} is not UTF-8 text (invalid byte at position {position}): save it as UTF-8.",
    )
    file_empty = Text("Le fichier {path} est vide.", "The file {path} is empty.")
    replay_mismatch = Text(
        "Un enregistrement avec le même identifiant existe déjà avec un contenu différent.",
        "A record with the same identifier already exists with different content.",
    )
    database_busy = Text(
        "La base de données est occupée. Réessayez dans un instant.",
        "The database is busy. Try again in a moment.",
    )
    database_unavailable = Text(
        "Connexion à la base de données perdue. Reconnexion en cours…",
        "Lost the connection to the database. Reconnecting…",
    )
    database_corrupt = Text(
        "La base de données {database} est endommagée ou illisible. "
        "Restaurez la dernière copie de sauvegarde : frontdesk db restore {backup}",
        "The database {database} is damaged or unreadable. "
        "Restore the latest backup: frontdesk db restore {backup}",
    )
    database_corrupt_no_backup = Text(
        "La base de données {database} est endommagée ou illisible et aucune copie de sauvegarde "
        "n'a été trouvée. Restaurez une copie : frontdesk db restore <fichier>",
        "The database {database} is damaged or unreadable and no backup was found. "
        "Restore a copy: frontdesk db restore <file>",
    )
    upgrade_refused_broken_audit = Text(
        "La base de données {database} n'est pas mise à niveau : sa piste d'audit est rompue à "
        "l'enregistrement {record} (modifié ou supprimé hors de FrontDesk) ; ses registres ont pu être "
        "altérés. « frontdesk db check » dit ce qui a changé ; "
        "restaurez une copie de sauvegarde intacte.",
        "The database {database} is not upgraded: its audit trail is broken at record {record} "
        "(changed or removed outside FrontDesk); its ledgers may have been altered. "
        "“frontdesk db check” tells what changed; restore an intact backup.",
    )
    invalid_verification_code = Text(
        "Code de vérification invalide : 10 lettres ou chiffres, par exemple 7K3QD-9XW2M.",
        "Invalid verification code: 10 letters or digits, for example 7K3QD-9XW2M.",
    )
    invalid_period = Text(
        "Période invalide : la date de début doit être antérieure ou égale à la date de fin.",
        "Invalid period: the start date must be on or before the end date.",
    )
    no_document = Text(
        "Aucun document PDF n'a été conservé pour cet accusé de réception.",
        "No PDF document was kept for this acknowledgment.",
    )
    demo_into_real_data = Text(
        "Cette base de données contient déjà des enregistrements qui ne viennent pas de la démo : "
        "{clients} dossiers clients, {accounts} comptes et {others} autres (rendez-vous, accusés de "
        "réception, consentements, demandes de retrait). Aucune donnée de démo n'a été ajoutée. Utilisez "
        "une base de données neuve (--database), ou --into-existing pour les y ajouter quand même.",
        "This database already holds records the demo did not make: {clients} client files, {accounts} "
        "accounts and {others} others (appointments, acknowledgments, consents, opt-out requests). No demo "
        "data was added. Use a new database (--database), or --into-existing to add it anyway.",
    )
    demo_not_confirmed = Text(
        "Aucune donnée de démo n'a été ajoutée : l'ajout n'a pas été confirmé.",
        "No demo data was added: adding it was not confirmed.",
    )


class EmailProblems:
    """Why an email address is refused: the ``reason`` of ``invalid_email``, after its colon."""

    empty = Text("l'adresse est vide.", "the address is empty.")
    no_at = Text(
        "il manque le « @ » (exemple : nom@domaine.ca).",
        "the “@” is missing (example: name@domain.ca).",
    )
    several_at = Text("l'adresse contient plus d'un « @ ».", "the address contains more than one “@”.")
    nothing_before_at = Text("il manque le nom avant le « @ ».", "the name before the “@” is missing.")
    no_domain = Text(
        "il manque le domaine après le « @ » (exemple : nom@domaine.ca).",
        "the domain after the “@” is missing (example: name@domain.ca).",
    )
    invalid_domain = Text(
        "le domaine après le « @ » n'est pas valide (exemple : domaine.ca).",
        "the domain after the “@” is not valid (example: domain.ca).",
    )
    invalid_characters = Text(
        "l'adresse contient une espace ou un caractère non permis.",
        "the address contains a space or a character that is not allowed.",
    )
    too_long = Text("l'adresse est trop longue.", "the address is too long.")
    dots = Text(
        "un point est mal placé (au début, à la fin, à côté du « @ » ou deux points de suite).",
        "a dot is misplaced (at the start or end, next to the “@”, or two dots in a row).",
    )
    format = Text(
        "l'adresse doit avoir la forme nom@domaine.ca.",
        "the address must have the form name@domain.ca.",
    )


class Fields:
    """The fields errors name, as a person reads them (``last_name: …`` would not do)."""

    last_name = Text("Nom", "Last name")
    first_name = Text("Prénom", "First name")
    full_name = Text("Nom complet", "Full name")
    date_of_birth = Text("Date de naissance", "Date of birth")
    street = Text("Adresse", "Street address")
    city = Text("Ville", "City")
    province = Text("Province", "Province")
    postal_code = Text("Code postal", "Postal code")
    email = Text("Courriel", "Email")
    phone = Text("Téléphone", "Phone")
    requester_name = Text("Nom du demandeur", "Requester's name")
    requester_phone = Text("Téléphone du demandeur", "Requester's phone")
    requester_email = Text("Courriel du demandeur", "Requester's email")
    note = Text("Note", "Note")
    refusal_note = Text("Motif du refus", "Reason for refusing")
    received_on = Text("Date de réception", "Date received")
    received_via = Text("Reçue par", "Received by")
    scope = Text("Portée", "Scope")
    client_id = Text("Dossier client", "Client file")
    client = Text("Client", "Client")
    username = Text("Nom d'utilisateur", "Username")
    password = Text("Mot de passe", "Password")
    current_password = Text("Mot de passe actuel", "Current password")
    starts_at = Text("Date et heure", "Date and time")
    signer_name = Text("Nom du signataire", "Signer's name")
    signer_capacity = Text("Qualité du signataire", "Signer's capacity")
    signature = Text("Signature", "Signature")
    choices = Text("Choix", "Choices")
    method = Text("Méthode", "Method")
    interaction = Text("Façon dont les réponses sont données", "How the answers are given")
    representative_name = Text("Nom du parent ou du tuteur", "Parent's or tutor's name")
    representative_capacity = Text("Qualité du représentant", "Representative's capacity")
    appointment_id = Text("Rendez-vous", "Appointment")
    action = Text("Action", "Action")
    code = Text("Code de vérification", "Verification code")
    period = Text("Période", "Period")
    effective_date = Text("Date d'entrée en vigueur", "Effective date")
    text_fr = Text("Texte intégral en français", "French full text")
    text_en = Text("Texte intégral en anglais", "English full text")
    summary_fr = Text("Résumé en français", "French summary")
    summary_en = Text("Résumé en anglais", "English summary")
    organisation_name = Text("Nom de l'organisation", "Organisation name")
    parent_name = Text("Organisation mère", "Parent organisation")
    privacy_officer_name = Text("Nom du responsable de la protection", "Privacy officer's name")
    privacy_officer_title = Text("Titre du responsable de la protection", "Privacy officer's title")
    privacy_officer_contact = Text(
        "Pour joindre le responsable de la protection", "How to reach the privacy officer"
    )
    easter_holiday = Text("Congé de Pâques observé", "Easter holiday observed")
    opt_out_delay_days = Text("Délai de traitement des retraits", "Opt-out processing delay")
    idle_lock_minutes = Text("Délai de verrouillage après inactivité", "Idle-lock delay")
    site_name = Text("Nom de la clinique", "Clinic name")
    database_url = Text("Adresse du serveur PostgreSQL", "PostgreSQL server URL")


class Subjects:
    """What was not found (``not_found``) or who is refused (``permission_denied``)."""

    client = Text("dossier client {id}", "client {id}")
    file = Text("dossier {number}", "file {number}")
    staff = Text("membre du personnel {id}", "staff member {id}")
    account = Text("compte « {username} »", "account “{username}”")
    acknowledgment = Text("accusé de réception {id}", "acknowledgment {id}")
    policy = Text("politique {id}", "policy {id}")
    opt_out_request = Text("demande de retrait {id}", "opt-out request {id}")
    clinic = Text("clinique", "clinic")
    acknowledgment_sources = Text(
        "clinique ou politique de l'accusé de réception",
        "clinic or policy of the acknowledgment",
    )
    document = Text("document « {code} »", "document “{code}”")
    ledger_row = Text("enregistrement {id} du registre {table}", "record {id} of the ledger {table}")
    practitioner = Text("praticien {id}", "practitioner {id}")
    appointment = Text("rendez-vous {id}", "appointment {id}")
    appointment_kind = Text("type de rendez-vous « {code} »", "appointment kind “{code}”")
    hours_exception = Text("absence {id}", "time off {id}")
    receptionist = Text("réceptionniste", "receptionist")
    manager = Text("gestionnaire", "manager")
    privacy_officer = Text("responsable de la protection des renseignements personnels", "privacy officer")
    system = Text("système", "system")


def role_name(role: Role | None) -> Text:
    """A role as a refusal names it (``permission_denied``); None is the system account."""
    if role is None:
        return Subjects.system
    return {
        Role.RECEPTIONIST: Subjects.receptionist,
        Role.MANAGER: Subjects.manager,
        Role.PRIVACY_OFFICER: Subjects.privacy_officer,
    }[role]


def _texts(namespace: type) -> dict[str, Text]:
    return {name: value for name, value in vars(namespace).items() if isinstance(value, Text)}


#: The messages by code, as errors name them.
MESSAGES: dict[str, Text] = {
    **_texts(Messages),
    **_texts(FailureMessages),
    **_texts(FileMessages),
    **_texts(CheckMessages),
    **_texts(ClientMessages),
    **_texts(ReminderMessages),
    **_texts(ScheduleMessages),
    **_texts(ImportMessages),
    **REGISTER_MESSAGES,
}
#: Every refusal reason given to ``invalid_email``.
EMAIL_PROBLEMS: dict[str, Text] = _texts(EmailProblems)
#: The fields by the name errors give them.
FIELDS: dict[str, Text] = {
    **_texts(Fields),
    **_texts(ClientFields),
    **_texts(ReminderFields),
    **_texts(ScheduleFields),
    **REGISTER_FIELDS,
}


def _in_language(value: object, language: Language) -> object:
    """A parameter as the person reads it: a Text in their language, a time or date as they write it."""
    if isinstance(value, Text):
        return value.get(language)
    if isinstance(value, datetime):
        return format_datetime(value, language)
    if isinstance(value, date):
        return format_date(value, language)
    if isinstance(value, time):
        return format_time(value, language)
    return value


_SITE = Text("Clinique", "Clinic")


def field_name(field: str, language: Language | str = Language.FR) -> str:
    site, _, inner = field.partition(".")
    if inner and site.startswith("site") and site[4:].isdigit():
        # A set-up names the field of its n-th site: "Clinique 2 — Téléphone".
        chosen = Language(language) if language in tuple(Language) else Language.FR
        return f"{_SITE.get(chosen)} {site[4:]} — {field_name(inner, chosen)}"
    text = FIELDS.get(field)
    if text is None:
        return field
    return text.get(Language(language)) if language in tuple(Language) else text.fr


def message(code: str, language: Language | str = Language.FR, **params: object) -> str:
    text = MESSAGES.get(code)
    if text is None:
        return code
    # An unknown language falls back to French, the clinics' language.
    chosen = Language(language) if language in tuple(Language) else Language.FR
    template = text.get(chosen)
    try:
        return template.format(**{key: _in_language(value, chosen) for key, value in params.items()})
    except (KeyError, IndexError):
        return template
