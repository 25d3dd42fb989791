"""Messages about a client's health insurance number (NAM), sex at birth, card expiry and phone numbers.
The refusals and field names join :data:`MESSAGES` and :data:`FIELDS` under their attribute names, as
the other codes do; the warnings are said beside the field, never refused. No message quotes the NAM
itself: a message may reach a log."""

from __future__ import annotations

from desktop.domain.texts import Text


class ClientMessages:
    invalid_health_number = Text(
        "Numéro d'assurance maladie invalide : quatre lettres puis huit chiffres (exemple : "
        "TREM 8005 1512), le mois entre 01 et 12, ou entre 51 et 62.",
        "Invalid health insurance number: four letters then eight digits (e.g. TREM 8005 1512), the "
        "month between 01 and 12, or between 51 and 62.",
    )
    invalid_card_expiry = Text(
        "Expiration illisible : indiquez le mois et l'année de la carte (MM/AAAA, exemple : 05/2027).",
        "Expiry not understood: give the card's month and year (MM/YYYY, e.g. 05/2027).",
    )
    #: ``max`` is how many numbers a file lists at most.
    too_many_phones = Text(
        "Trop de numéros de téléphone : {max} au plus.", "Too many phone numbers: {max} at most."
    )


class NamWarnings:
    """Said beside the field when the number does not agree with the rest of the file; saved anyway."""

    #: ``expected`` is the four letters the name gives.
    letters = Text(
        "Les lettres du NAM ne correspondent pas au nom et au prénom (attendu : {expected}).",
        "The NAM's letters do not match the last and first names (expected: {expected}).",
    )
    birth_date = Text(
        "Les chiffres du NAM ne correspondent pas à la date de naissance.",
        "The NAM's digits do not match the date of birth.",
    )
    sex_female = Text(
        "Le NAM indique le sexe féminin à la naissance, le dossier un autre.",
        "The NAM encodes a female sex at birth, the file another.",
    )
    sex_male = Text(
        "Le NAM indique le sexe masculin à la naissance, le dossier un autre.",
        "The NAM encodes a male sex at birth, the file another.",
    )
    #: ``month`` is the card's expiry, MM/YYYY.
    expired = Text(
        "La carte d'assurance maladie est expirée ({month}) : demandez la nouvelle.",
        "The health insurance card has expired ({month}): ask for the new one.",
    )


class ClientFields:
    health_number = Text("Numéro d'assurance maladie (NAM)", "Health insurance number (NAM)")
    sex_at_birth = Text("Sexe à la naissance", "Sex at birth")
    health_card_expiry = Text("Expiration de la carte", "Card expiry")
    phones = Text("Téléphones", "Phones")
    # The first number is ``phone``, as before several were kept.
    phone_2 = Text("Téléphone 2", "Phone 2")
    phone_3 = Text("Téléphone 3", "Phone 3")
    phone_4 = Text("Téléphone 4", "Phone 4")
    phone_5 = Text("Téléphone 5", "Phone 5")
