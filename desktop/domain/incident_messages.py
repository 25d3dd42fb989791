"""Messages of the confidentiality-incident register, in French (first) and English: the refusals (their attribute names are
the codes errors carry, joined to :data:`desktop.domain.messages.MESSAGES`) and the fields' names."""

from __future__ import annotations

from desktop.domain.texts import Text


class IncidentMessages:
    incident_notice_removed = Text(
        "Cet avis a été inscrit comme donné le {when} : sa date peut être corrigée, mais il ne peut pas "
        "être retiré.",
        "This notice was recorded as given on {when}: its date may be corrected, but it cannot be removed.",
    )
    incident_information_missing = Text(
        "Décrivez les renseignements personnels concernés ou, s'il est impossible de les décrire, "
        "indiquez pourquoi.",
        "Describe the personal information concerned or, if it cannot be described, say why.",
    )
    incident_circumstances_missing = Text(
        "Décrivez brièvement les circonstances de l'incident.",
        "Briefly describe the circumstances of the incident.",
    )
    incident_period_reversed = Text(
        "La fin de la période de l'incident ne peut pas précéder son début.",
        "The incident's period cannot end before it starts.",
    )
    incident_after_discovery = Text(
        "L'incident ne peut pas s'être produit après la date où la clinique en a pris connaissance ({discovered}).",
        "The incident cannot have occurred after the date the clinic became aware of it ({discovered}).",
    )
    incident_notified_before_discovery = Text(
        "Un avis ne peut pas précéder la date où la clinique a pris connaissance de l'incident ({discovered}).",
        "A notice cannot precede the date the clinic became aware of the incident ({discovered}).",
    )
    incident_people_out_of_range = Text(
        "Nombre de personnes invalide : un entier de 0 à {max}, ou laissez vide s'il n'est pas encore connu.",
        "Invalid number of people: a whole number from 0 to {max}, or leave it empty if not known yet.",
    )
    incident_risk_assessment_required = Text(
        "Un risque de préjudice sérieux doit être justifié : décrivez l'évaluation (sensibilité des "
        "renseignements, conséquences appréhendées, probabilité d'utilisation à des fins préjudiciables).",
        "A risk of serious injury must be explained: describe the assessment (sensitivity of the "
        "information, anticipated consequences, likelihood of misuse).",
    )
    #: ``version`` is the newest version's number, ``who`` and ``when`` who saved it and when.
    incident_stale_version = Text(
        "Cet incident a été modifié pendant que vous l'éditiez : la version {version} a été enregistrée par "
        "{who} le {when}. Relisez-la, puis enregistrez de nouveau vos changements.",
        "This incident was changed while you were editing it: version {version} was saved by {who} on "
        "{when}. Read it, then save your changes again.",
    )
    incident_replay_mismatch = Text(
        "Un incident a déjà été ouvert avec cet identifiant, avec un autre contenu.",
        "An incident was already opened with this identifier, with other content.",
    )
    #: ``problem`` is what is wrong: TOML's own words, or :attr:`incident_file_unknown_key`.
    incident_file_invalid = Text(
        "Le fichier d'incident {path} est à corriger : {problem}",
        "The incident file {path} needs correcting: {problem}",
    )
    incident_file_unknown_key = Text(
        "champ inconnu « {key} » (champs permis : {known}).",
        "unknown field “{key}” (fields allowed: {known}).",
    )
    incident_expected_text = Text("Un texte est attendu (entre guillemets).", "Text is expected (in quotes).")
    incident_expected_true_false = Text(
        "La valeur doit être true (oui) ou false (non).", "The value must be true or false."
    )
    #: ``--version`` without ``--reference``, or the reverse.
    incident_reference_and_version = Text(
        "Pour mettre à jour un incident, indiquez à la fois --reference et --version (la version lue).",
        "To update an incident, give both --reference and --version (the version you read).",
    )
    #: What ``not_found`` names: ``reference`` is the incident's reference or number.
    incident_subject = Text("incident de confidentialité {reference}", "confidentiality incident {reference}")


class IncidentFields:
    information_concerned = Text("Renseignements personnels concernés", "Personal information concerned")
    not_describable_reason = Text(
        "Motif pour lequel ils ne peuvent être décrits", "Why it cannot be described"
    )
    circumstances = Text("Circonstances", "Circumstances")
    occurred_from = Text("Date de l'incident (début)", "Date of the incident (start)")
    occurred_to = Text("Date de l'incident (fin)", "Date of the incident (end)")
    discovered_on = Text("Date de la prise de connaissance", "Date the clinic became aware")
    people_concerned = Text("Nombre de personnes concernées", "Number of people concerned")
    risk_assessment = Text("Évaluation du risque de préjudice", "Assessment of the risk of injury")
    serious_injury_risk = Text("Risque de préjudice sérieux", "Risk of serious injury")
    commission_notified_on = Text(
        "Avis à la Commission d'accès à l'information", "Notice to the Commission d'accès à l'information"
    )
    people_notified_on = Text("Avis aux personnes concernées", "Notice to the people concerned")
    measures = Text("Mesures prises", "Measures taken")


__all__ = ["IncidentFields", "IncidentMessages", "Text"]
