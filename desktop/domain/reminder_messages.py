"""Messages about reminders and the clinic's mail server. They join :data:`MESSAGES` (and the field
names :data:`FIELDS`) under their attribute names, as the other codes do."""

from __future__ import annotations

from desktop.domain.texts import Text


class ReminderMessages:
    smtp_not_configured = Text(
        "Le serveur de courriel de la clinique n'est pas configuré : un gestionnaire l'indique dans les "
        "paramètres de la clinique (onglet Courriel).",
        "The clinic's mail server is not set up: a manager enters it in the clinic settings (Email tab).",
    )
    smtp_plain_not_loopback = Text(
        "Une connexion sans chiffrement n'est permise que vers un serveur sur cet ordinateur (localhost) ; "
        "pour {host}, choisissez STARTTLS ou TLS.",
        "An unencrypted connection is allowed only to a server on this computer (localhost); for {host}, "
        "choose STARTTLS or TLS.",
    )
    smtp_no_password = Text(
        "Aucun mot de passe du serveur de courriel n'est enregistré sur ce poste (il est gardé sur chaque "
        "poste, jamais dans la base de données) : saisissez-le dans les paramètres de la clinique.",
        "No mail server password is stored on this workstation (it is kept on each workstation, never in "
        "the database): enter it in the clinic settings.",
    )
    smtp_unreachable = Text(
        "Le serveur de courriel {host}:{port} ne répond pas ({cause}).",
        "The mail server {host}:{port} does not answer ({cause}).",
    )
    smtp_tls_failed = Text(
        "La connexion chiffrée avec le serveur de courriel {host} a échoué ({cause}) : vérifiez le port et "
        "le mode de sécurité.",
        "The encrypted connection to the mail server {host} failed ({cause}): check the port and the "
        "security mode.",
    )
    smtp_no_starttls = Text(
        "Le serveur de courriel {host} n'offre pas STARTTLS : choisissez TLS (port 465) ou un autre serveur.",
        "The mail server {host} does not offer STARTTLS: choose TLS (port 465) or another server.",
    )
    smtp_login_refused = Text(
        "Le serveur de courriel {host} a refusé le nom d'utilisateur ou le mot de passe.",
        "The mail server {host} refused the username or the password.",
    )
    smtp_refused = Text(
        "Le serveur de courriel {host} a refusé l'envoi : {cause}",
        "The mail server {host} refused the message: {cause}",
    )
    password_file_unwritable = Text(
        "Le mot de passe n'a pas pu être enregistré dans {path} ({cause}).",
        "The password could not be stored in {path} ({cause}).",
    )
    reminder_wording_invalid = Text(
        "Le texte des rappels {path} est illisible ou incomplet ({cause}) : corrigez-le (seuls {{date}}, "
        "{{time}}, {{site}}, {{address}}, {{phone}}, {{organisation}}, {{reference}} et {{name}} sont "
        "permis).",
        "The reminder wording {path} is unreadable or incomplete ({cause}): correct it (only {{date}}, "
        "{{time}}, {{site}}, {{address}}, {{phone}}, {{organisation}}, {{reference}} and {{name}} are "
        "allowed).",
    )
    export_folder_unwritable = Text(
        "Le dossier {path} ne peut pas recevoir les fichiers de rappel ({cause}).",
        "The folder {path} cannot receive the reminder files ({cause}).",
    )


class ReminderFields:
    smtp_host = Text("Serveur", "Server")
    smtp_port = Text("Port", "Port")
    smtp_security = Text("Sécurité", "Security")
    smtp_username = Text("Nom d'utilisateur", "Username")
    smtp_sender = Text("Adresse d'expéditeur", "Sender address")
    smtp_password = Text("Mot de passe", "Password")
