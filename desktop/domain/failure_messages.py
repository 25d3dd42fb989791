"""Messages for what goes wrong around the data rather than in it: text that is not UTF-8, a folder
that does not exist, a disk that is read-only or full, a malformed database address, a date that
cannot be read. Each names the file, the option or the cause; they join :data:`MESSAGES` under
their attribute names, as the other codes do. A malformed database address is followed by
:data:`URL_EXAMPLES`."""

from __future__ import annotations

from desktop.domain.texts import Text

#: Said after a malformed database address, in the person's language.
URL_EXAMPLES = Text(
    "Exemples : sqlite:///chemin/frontdesk.db, postgresql://utilisateur:motdepasse@serveur:5432/frontdesk.",
    "Examples: sqlite:///path/frontdesk.db, postgresql://user:password@server:5432/frontdesk.",
)


class FailureMessages:
    query_interrupted = Text(
        "La recherche a été interrompue : une recherche plus récente l'a remplacée.",
        "The search was stopped: a newer search replaced it.",
    )
    option_not_utf8 = Text(
        "La valeur donnée à {option} (« {value} ») n'est pas du texte UTF-8 valide : vérifiez l'encodage du terminal ou du script (UTF-8).",
        "The value given to {option} (“{value}”) is not valid UTF-8 text: check the terminal's or the script's encoding (UTF-8).",
    )
    argument_not_utf8 = Text(
        "L'argument « {value} » n'est pas du texte UTF-8 valide : vérifiez l'encodage du terminal ou du script (UTF-8).",
        "The argument “{value}” is not valid UTF-8 text: check the terminal's or the script's encoding (UTF-8).",
    )
    input_not_utf8 = Text(
        "La ligne lue sur l'entrée standard n'est pas du texte UTF-8 valide (octet invalide à la position "
        "{position}) : vérifiez l'encodage du terminal ou du script (UTF-8).",
        "The line read from standard input is not valid UTF-8 text (invalid byte at position "
        "{position}): check the terminal's or the script's encoding (UTF-8).",
    )
    folder_missing = Text(
        "Le dossier {folder} n'existe pas : créez-le, ou choisissez un autre emplacement pour {path}.",
        "The folder {folder} does not exist: create it, or choose another place for {path}.",
    )
    not_a_folder = Text(
        "{folder} n'est pas un dossier : choisissez un autre emplacement pour {path}.",
        "{folder} is not a folder: choose another place for {path}.",
    )
    file_exists = Text(
        "{path} existe déjà : choisissez un autre nom de fichier (rien n'a été remplacé).",
        "{path} already exists: choose another file name (nothing was replaced).",
    )
    file_not_writable = Text(
        "Vous n'avez pas le droit d'écrire {path} : choisissez un dossier où vous pouvez écrire.",
        "You are not allowed to write {path}: choose a folder you can write in.",
    )
    file_read_only = Text(
        "{path} est sur un disque en lecture seule : choisissez un autre emplacement.",
        "{path} is on a read-only disk: choose another place.",
    )
    file_disk_full = Text(
        "Le disque est plein : {path} n'a pas pu être écrit (rien n'en a été gardé). "
        "Libérez de l'espace, puis réessayez.",
        "The disk is full: {path} could not be written (nothing of it was kept). Free some space, then retry.",
    )
    #: ``reason`` is the system's own words (its language), for a cause none of the above names.
    file_not_written = Text(
        "{path} n'a pas pu être écrit : {reason}.",
        "{path} could not be written: {reason}.",
    )
    database_read_only = Text(
        "La base de données {database} est en lecture seule (son fichier, son dossier ou son disque) : "
        "rien n'a été enregistré. FrontDesk doit pouvoir y écrire ; vérifiez les droits d'accès.",
        "The database {database} is read-only (its file, its folder or its disk): nothing was recorded. "
        "FrontDesk needs to write to it; check the access rights.",
    )
    database_cannot_open = Text(
        "La base de données {database} ne peut pas être ouverte : son fichier ou son dossier est "
        "introuvable ou interdit d'accès (FrontDesk doit pouvoir y lire et y écrire).",
        "The database {database} cannot be opened: its file or folder is missing or not accessible "
        "(FrontDesk needs to read and write there).",
    )
    database_disk_full = Text(
        "Le disque de la base de données {database} est plein : rien n'a été enregistré. "
        "Libérez de l'espace, puis réessayez.",
        "The disk of the database {database} is full: nothing was recorded. Free some space, then retry.",
    )
    database_url_scheme = Text(
        "L'adresse de base de données « {url} » ne commence ni par sqlite:/// (un fichier) ni par "
        "postgresql:// (un serveur).",
        "The database address “{url}” starts with neither sqlite:/// (a file) nor postgresql:// (a server).",
    )
    database_url_port = Text(
        "Dans l'adresse de base de données « {url} », le port n'est pas un nombre de 1 à 65535.",
        "In the database address “{url}”, the port is not a number from 1 to 65535.",
    )
    database_url_no_file = Text(
        "L'adresse de base de données « {url} » ne nomme aucun fichier.",
        "The database address “{url}” names no file.",
    )
    database_url_malformed = Text(
        "L'adresse de base de données « {url} » est mal formée (crochets, « @ » ou caractères mal placés).",
        "The database address “{url}” is malformed (brackets, “@” or characters out of place).",
    )
    #: A value given on the command line and what is wrong with it (``problem``, already in the language).
    given_value = Text("« {value} » : {problem}", "“{value}”: {problem}")
    #: ``day``, ``first`` and ``last`` are dates written in words.
    day_out_of_range = Text(
        "le {day} est hors des dates permises, du {first} au {last}.",
        "{day} is outside the dates allowed, {first} to {last}.",
    )
    unexpected_failure = Text(
        "La commande s'est arrêtée sur une erreur imprévue ({kind}). Les détails sont dans le journal : {log}",
        "The command stopped on an unexpected error ({kind}). The details are in the log: {log}",
    )
