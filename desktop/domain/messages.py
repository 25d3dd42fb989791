"""Messages the core shows people, in French (first) and English.

Errors carry a code and parameters; the GUI and the CLI ask for the text in the person's language.
A new message is one more ``Text`` below, its attribute name being the code the error carries.
"""

from __future__ import annotations

from desktop.domain.enums import Language
from desktop.domain.texts import Text


class Messages:
    """Errors and refusals, each named by the code its error carries."""

    required = Text("Ce champ est obligatoire.", "This field is required.")
    too_long = Text("Trop long : {max} caractères au plus.", "Too long: {max} characters at most.")
    invalid_characters = Text(
        "Contient des caractères invisibles ou de contrôle non permis.",
        "Contains invisible or control characters that are not allowed.",
    )
    invalid_phone = Text(
        "Numéro de téléphone invalide. Exemple : 418 555-0123.",
        "Invalid phone number. Example: 418 555-0123.",
    )
    invalid_email = Text("Adresse courriel invalide : {reason}", "Invalid email address: {reason}")
    invalid_postal_code = Text(
        "Code postal invalide. Exemple : G1S 2L6.",
        "Invalid postal code. Example: G1S 2L6.",
    )
    date_in_future = Text("La date ne peut pas être dans le futur.", "The date cannot be in the future.")
    date_too_old = Text("Date trop ancienne (avant {min}).", "Date too far in the past (before {min}).")
    invalid_date = Text(
        "Date invalide. Format attendu : AAAA-MM-JJ.",
        "Invalid date. Expected format: YYYY-MM-DD.",
    )
    invalid_choice = Text("Valeur non permise : {value}.", "Value not allowed: {value}.")
    validation_failed = Text("Certains champs sont à corriger.", "Some fields need correcting.")
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
    invalid_username = Text(
        "Nom d'utilisateur : 3 à 64 lettres minuscules, chiffres, points, tirets.",
        "Username: 3 to 64 lower-case letters, digits, dots or dashes.",
    )
    representative_required = Text(
        "Client de moins de 14 ans : un parent ou tuteur doit signer.",
        "Client under 14: a parent or tutor must sign.",
    )
    signature_required = Text("La signature est vide ou illisible.", "The signature is empty or unreadable.")
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


#: The messages by code, as errors name them.
MESSAGES: dict[str, Text] = {name: value for name, value in vars(Messages).items() if isinstance(value, Text)}


def message(code: str, language: Language | str = Language.FR, **params: object) -> str:
    text = MESSAGES.get(code)
    if text is None:
        return code
    # An unknown language falls back to French, the clinics' language.
    template = text.get(Language(language)) if language in tuple(Language) else text.fr
    try:
        return template.format(**params)
    except (KeyError, IndexError):
        return template
