"""Messages the core shows people, in French (first) and English.

Errors carry a code and parameters; the GUI and the CLI ask for the text in the person's language.
"""

from __future__ import annotations

from desktop.domain.enums import Language

MESSAGES: dict[str, dict[str, str]] = {
    "required": {"fr": "Ce champ est obligatoire.", "en": "This field is required."},
    "too_long": {
        "fr": "Trop long : {max} caractères au plus.",
        "en": "Too long: {max} characters at most.",
    },
    "invalid_characters": {
        "fr": "Contient des caractères invisibles ou de contrôle non permis.",
        "en": "Contains invisible or control characters that are not allowed.",
    },
    "invalid_phone": {
        "fr": "Numéro de téléphone invalide. Exemple : 418 555-0123.",
        "en": "Invalid phone number. Example: 418 555-0123.",
    },
    "invalid_email": {
        "fr": "Adresse courriel invalide : {reason}",
        "en": "Invalid email address: {reason}",
    },
    "invalid_postal_code": {
        "fr": "Code postal invalide. Exemple : G1S 2L6.",
        "en": "Invalid postal code. Example: G1S 2L6.",
    },
    "date_in_future": {
        "fr": "La date ne peut pas être dans le futur.",
        "en": "The date cannot be in the future.",
    },
    "date_too_old": {
        "fr": "Date trop ancienne (avant {min}).",
        "en": "Date too far in the past (before {min}).",
    },
    "invalid_date": {
        "fr": "Date invalide. Format attendu : AAAA-MM-JJ.",
        "en": "Invalid date. Expected format: YYYY-MM-DD.",
    },
    "invalid_choice": {"fr": "Valeur non permise : {value}.", "en": "Value not allowed: {value}."},
    "validation_failed": {
        "fr": "Certains champs sont à corriger.",
        "en": "Some fields need correcting.",
    },
    "possible_duplicate": {
        "fr": "Un dossier existe déjà au même nom avec la même date de naissance ({files}).",
        "en": "A file already exists with the same name and date of birth ({files}).",
    },
    "stale_version": {
        "fr": "Ce dossier a été modifié par {who} le {when} pendant que vous l'éditiez.",
        "en": "This file was changed by {who} on {when} while you were editing it.",
    },
    "not_found": {"fr": "Introuvable : {what}.", "en": "Not found: {what}."},
    "permission_denied": {
        "fr": "Votre rôle ({role}) ne permet pas cette action.",
        "en": "Your role ({role}) does not allow this action.",
    },
    "account_inactive": {"fr": "Ce compte est désactivé.", "en": "This account is disabled."},
    "bad_credentials": {
        "fr": "Nom d'utilisateur ou mot de passe incorrect.",
        "en": "Wrong username or password.",
    },
    "account_locked": {
        "fr": "Compte verrouillé après trop d'essais. Réessayez après {until}.",
        "en": "Account locked after too many attempts. Try again after {until}.",
    },
    "weak_password": {
        "fr": "Mot de passe trop faible : au moins {min} caractères, avec lettres et chiffres, "
        "différent du nom d'utilisateur.",
        "en": "Password too weak: at least {min} characters, with letters and digits, "
        "different from the username.",
    },
    "cannot_deactivate_self": {
        "fr": "Vous ne pouvez pas désactiver votre propre compte.",
        "en": "You cannot deactivate your own account.",
    },
    "last_manager": {
        "fr": "C'est le dernier compte gestionnaire actif : créez-en un autre avant de le désactiver.",
        "en": "This is the last active manager account: create another one before deactivating it.",
    },
    "username_taken": {"fr": "Ce nom d'utilisateur existe déjà.", "en": "This username already exists."},
    "invalid_username": {
        "fr": "Nom d'utilisateur : 3 à 64 lettres minuscules, chiffres, points, tirets.",
        "en": "Username: 3 to 64 lower-case letters, digits, dots or dashes.",
    },
    "representative_required": {
        "fr": "Client de moins de 14 ans : un parent ou tuteur doit signer.",
        "en": "Client under 14: a parent or tutor must sign.",
    },
    "signature_required": {
        "fr": "La signature est vide ou illisible.",
        "en": "The signature is empty or unreadable.",
    },
    "optout_not_matched": {
        "fr": "Associez d'abord la demande à un dossier client.",
        "en": "Match the request to a client file first.",
    },
    "optout_already_processed": {
        "fr": "Cette demande a déjà été traitée.",
        "en": "This request has already been processed.",
    },
    "empty_scope": {
        "fr": "Choisissez au moins une fin et un moyen de communication.",
        "en": "Choose at least one purpose and one channel.",
    },
    "no_policy": {
        "fr": "Aucune politique de confidentialité en vigueur n'est chargée.",
        "en": "No privacy policy in force is loaded.",
    },
    "replay_mismatch": {
        "fr": "Un enregistrement avec le même identifiant existe déjà avec un contenu différent.",
        "en": "A record with the same identifier already exists with different content.",
    },
    "database_busy": {
        "fr": "La base de données est occupée. Réessayez dans un instant.",
        "en": "The database is busy. Try again in a moment.",
    },
    "database_unavailable": {
        "fr": "Connexion à la base de données perdue. Reconnexion en cours…",
        "en": "Lost the connection to the database. Reconnecting…",
    },
    "database_corrupt": {
        "fr": "La base de données {database} est endommagée ou illisible. "
        "Restaurez la dernière copie de sauvegarde : frontdesk db restore {backup}",
        "en": "The database {database} is damaged or unreadable. "
        "Restore the latest backup: frontdesk db restore {backup}",
    },
    "database_corrupt_no_backup": {
        "fr": "La base de données {database} est endommagée ou illisible et aucune copie de sauvegarde "
        "n'a été trouvée. Restaurez une copie : frontdesk db restore <fichier>",
        "en": "The database {database} is damaged or unreadable and no backup was found. "
        "Restore a copy: frontdesk db restore <file>",
    },
    "invalid_verification_code": {
        "fr": "Code de vérification invalide : 10 lettres ou chiffres, par exemple 7K3QD-9XW2M.",
        "en": "Invalid verification code: 10 letters or digits, for example 7K3QD-9XW2M.",
    },
    "invalid_period": {
        "fr": "Période invalide : la date de début doit être antérieure ou égale à la date de fin.",
        "en": "Invalid period: the start date must be on or before the end date.",
    },
    "no_document": {
        "fr": "Aucun document PDF n'a été conservé pour cet accusé de réception.",
        "en": "No PDF document was kept for this acknowledgment.",
    },
}


def message(code: str, language: Language | str = Language.FR, **params: object) -> str:
    entry = MESSAGES.get(code)
    if entry is None:
        return code
    template = entry.get(str(language), entry["fr"])
    try:
        return template.format(**params)
    except (KeyError, IndexError):
        return template
