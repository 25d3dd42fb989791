"""Messages of the client-list import, in French (first) and English: the refusals (their attribute
names are the codes errors carry, joined to :data:`desktop.domain.messages.MESSAGES`), a row's
problems, and the fields' names as the wizard and the error report show them."""

from __future__ import annotations

from dataclasses import replace

from desktop.domain.import_records import ImportField
from desktop.domain.texts import Text


class ImportMessages:
    #: ``file`` is the file's name.
    import_unreadable = Text(
        "Le fichier « {file} » ne peut pas être lu : {reason}.",
        "The file “{file}” cannot be read: {reason}.",
    )
    import_empty = Text(
        "Le fichier « {file} » est vide : aucune ligne d'en-tête ni de client.",
        "The file “{file}” is empty: no header row and no client.",
    )
    import_not_csv = Text(
        "Le fichier « {file} » n'est pas une liste en colonnes (CSV) : aucune virgule, aucun "
        "point-virgule ni aucune tabulation ne sépare ses colonnes.",
        "The file “{file}” is not a list in columns (CSV): no comma, semicolon or tab separates its columns.",
    )
    #: ``fields`` names the fields, ``file`` the mapping file or the file read.
    import_missing_fields = Text(
        "Colonnes à associer avant d'importer : {fields}.",
        "Columns to match before importing: {fields}.",
    )
    #: ``header`` is a column a mapping names that the file does not have.
    import_unknown_column = Text(
        "La colonne « {header} » n'existe pas dans le fichier.",
        "The column “{header}” is not in the file.",
    )
    #: ``file`` is the mapping file, ``reason`` what is wrong in it.
    import_bad_mapping = Text(
        "Le fichier d'association « {file} » est invalide : {reason}.",
        "The mapping file “{file}” is not valid: {reason}.",
    )
    #: ``status`` is the import's state (staged, committed, cancelled).
    import_not_staged = Text(
        "Cette importation est déjà {status} : elle ne peut plus être modifiée.",
        "This import is already {status}: it can no longer be changed.",
    )
    import_not_finished = Text(
        "Cette importation n'est ni importée ni annulée : ses lignes restent tant qu'elle ne l'est pas.",
        "This import is neither committed nor cancelled: its rows stay until it is.",
    )
    import_row_not_duplicate = Text(
        "La ligne {row} n'est pas un doublon possible : il n'y a rien à décider.",
        "Row {row} is not a possible duplicate: there is nothing to decide.",
    )


class ImportStatusWords:
    staged = Text("préparée", "staged")
    committed = Text("importée", "committed")
    cancelled = Text("annulée", "cancelled")


class RowProblems:
    """Why a row is not imported as it is (besides the fields' own refusals, said as a typed entry's)."""

    #: ``field`` names the field, ``value`` the text that is not a date.
    unreadable_date = Text(
        "{field} : « {value} » n'est pas une date dans l'ordre choisi ({order}).",
        "{field}: “{value}” is not a date in the chosen order ({order}).",
    )
    #: ``value`` as the file gives it.
    unknown_sex = Text(
        "Sexe à la naissance : « {value} » n'est ni F ni M.",
        "Sex at birth: “{value}” is neither F nor M.",
    )
    unknown_language = Text(
        "Langue : « {value} » n'est ni le français ni l'anglais.",
        "Language: “{value}” is neither French nor English.",
    )
    unreadable_expiry = Text(
        "Expiration de la carte : « {value} » n'est pas un mois et une année (MM/AAAA).",
        "Card expiry: “{value}” is not a month and a year (MM/YYYY).",
    )
    #: ``fields`` names the fields holding it.
    lost_letters = Text(
        "Un « ? » remplace une lettre ({fields}) : le fichier n'a pas été enregistré dans un codage "
        "qui la contient. Corrigez la valeur ou choisissez un autre codage.",
        "A “?” stands where a letter was ({fields}): the file was saved in an encoding that cannot "
        "hold it. Correct the value or choose another encoding.",
    )
    too_many_columns = Text(
        "La ligne a {count} colonnes, l'en-tête {expected}.",
        "The row has {count} columns, the header {expected}.",
    )
    consent_incomplete = Text(
        "Consentement : la date, la méthode et les moyens consentis sont tous nécessaires.",
        "Consent: the date, the method and the channels are all needed.",
    )
    #: A minor's consent is given by a parent or tutor, whom a file does not name.
    consent_minor = Text(
        "Consentement : le client avait moins de 14 ans ; un parent ou un tuteur doit le donner à la clinique.",
        "Consent: the client was under 14; a parent or tutor must give it at the clinic.",
    )
    unknown_channel = Text(
        "Consentement : moyen de communication inconnu « {value} » (courriel, texto, téléphone, poste).",
        "Consent: unknown channel “{value}” (email, sms, phone, post).",
    )
    consent_in_future = Text(
        "Consentement : la date est dans le futur.", "Consent: the date is in the future."
    )
    #: ``matches`` lists file numbers or rows of the same file.
    possible_duplicate = Text(
        "Peut-être un client déjà inscrit ({matches}) : même nom et date de naissance, ou même NAM.",
        "Possibly a client already on file ({matches}): same name and date of birth, or same NAM.",
    )
    already_imported = Text(
        "Déjà importé par une importation précédente ({matches}).",
        "Already brought in by an earlier import ({matches}).",
    )
    #: ``row`` is an earlier row of the same file.
    same_file_row = Text("ligne {row}", "row {row}")


class ImportWords:
    reason_header = Text("Motif", "Reason")
    #: ``id`` is the import's number.
    subject = Text("importation {id}", "import {id}")
    order_ymd = Text("AAAA-MM-JJ", "YYYY-MM-DD")
    order_dmy = Text("JJ/MM/AAAA", "DD/MM/YYYY")
    order_mdy = Text("MM/JJ/AAAA", "MM/DD/YYYY")


FIELD_LABELS: dict[ImportField, Text] = {
    ImportField.LAST_NAME: Text("Nom", "Last name"),
    ImportField.FIRST_NAME: Text("Prénom", "First name"),
    ImportField.DATE_OF_BIRTH: Text("Date de naissance", "Date of birth"),
    ImportField.HEALTH_NUMBER: Text("NAM (assurance maladie)", "Health insurance number (NAM)"),
    ImportField.HEALTH_CARD_EXPIRY: Text("Expiration de la carte", "Card expiry"),
    ImportField.SEX_AT_BIRTH: Text("Sexe à la naissance", "Sex at birth"),
    ImportField.PHONE: Text("Téléphone", "Phone"),
    ImportField.MOBILE_PHONE: Text("Cellulaire", "Mobile phone"),
    ImportField.WORK_PHONE: Text("Téléphone au travail", "Work phone"),
    ImportField.EMAIL: Text("Courriel", "Email"),
    ImportField.STREET: Text("Adresse", "Street address"),
    ImportField.CITY: Text("Ville", "City"),
    ImportField.PROVINCE: Text("Province", "Province"),
    ImportField.POSTAL_CODE: Text("Code postal", "Postal code"),
    ImportField.PREFERRED_LANGUAGE: Text("Langue", "Language"),
    ImportField.CONSENT_DATE: Text("Date du consentement", "Consent date"),
    ImportField.CONSENT_METHOD: Text("Méthode du consentement", "Consent method"),
    ImportField.CONSENT_CHANNELS: Text("Moyens consentis", "Channels consented to"),
}


def said_in_both(fr: str, en: str) -> Text:
    """A text put together from the texts above (each written as a pair of literals there)."""
    return replace(ImportWords.reason_header, fr=fr, en=en)


class ImportReport:
    """What ``frontdesk import clients`` says of the file and of what it did."""

    #: ``encoding``, ``separator`` and ``order`` as read.
    read_as = Text(
        "Lu en {encoding}, colonnes séparées par {separator}, dates {order}.",
        "Read as {encoding}, columns separated by {separator}, dates {order}.",
    )
    counts = Text(
        "{rows} lignes : {ok} à importer, {errors} en erreur, {duplicates} doublons possibles, "
        "{already} déjà importées.",
        "{rows} rows: {ok} to import, {errors} in error, {duplicates} possible duplicates, "
        "{already} already imported.",
    )
    #: ``row`` is the line in the file, ``reason`` why it is not imported.
    row = Text("Ligne {row} : {reason}", "Row {row}: {reason}")
    dry_run = Text("Essai seulement : rien n'a été enregistré.", "Dry run: nothing was saved.")
    created = Text(
        "{created} clients créés (dossiers {first} à {last}).",
        "{created} clients created (files {first} to {last}).",
    )
    none_created = Text("Aucun client créé.", "No client created.")
    duplicates_left = Text(
        "{count} doublons possibles non créés : le gestionnaire en décide dans l'assistant d'importation.",
        "{count} possible duplicates not created: a manager decides on them in the import wizard.",
    )
    consents = Text(
        "{count} consentements importés (méthode « importé »).",
        "{count} consents imported (method “imported”).",
    )
    report_written = Text(
        "Rapport des lignes non importées : {path}", "Report of the rows not imported: {path}"
    )
    separator_comma = Text("des virgules", "commas")
    separator_semicolon = Text("des points-virgules", "semicolons")
    separator_tab = Text("des tabulations", "tabs")
