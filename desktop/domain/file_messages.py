"""Messages about whose files they are: a file or a server database that belongs to another program,
and FrontDesk's own files that other accounts can open. They join :data:`MESSAGES` under their
attribute names, as the other codes do."""

from __future__ import annotations

from desktop.domain.texts import Text


class FileMessages:
    database_not_frontdesk = Text(
        "Le fichier {database} n'est pas une base de données FrontDesk (il appartient sans doute à un "
        "autre programme) : FrontDesk ne l'ouvre pas et ne le modifie pas. Indiquez le fichier de la base "
        "de données de la clinique, ou un nouveau nom de fichier pour en créer une.",
        "The file {database} is not a FrontDesk database (it probably belongs to another program): "
        "FrontDesk neither opens nor changes it. Name the clinic's database file, or a new file name "
        "to create one.",
    )
    server_database_not_frontdesk = Text(
        "La base de données {database} contient déjà les tables d'un autre programme et aucune version "
        "du schéma de FrontDesk : FrontDesk ne la modifie pas. Indiquez une base de données vide, ou "
        "celle de la clinique.",
        "The database {database} already holds another program's tables and no FrontDesk schema "
        "version: FrontDesk does not change it. Name an empty database, or the clinic's.",
    )
    #: ``files`` lists each as "path (0644)".
    files_not_private = Text(
        "Fichiers de FrontDesk accessibles à d'autres comptes que le sien : {files}. Rendez-les "
        "privés : chmod 600 pour un fichier, chmod 700 pour un dossier.",
        "FrontDesk files other accounts can open: {files}. Make them private: chmod 600 for a file, "
        "chmod 700 for a folder.",
    )
    files_private = Text(
        "{count} fichiers et dossiers de FrontDesk, accessibles à leur propriétaire seulement.",
        "{count} FrontDesk files and folders, open to their owner only.",
    )
