"""Messages about the schedule: refused slots, practitioners, hours, kinds and appointment events.
They join :data:`desktop.domain.messages.MESSAGES` under their attribute names, as the other codes do."""

from __future__ import annotations

from desktop.domain.texts import Text


class ScheduleMessages:
    #: A refusal with no conflict named (never raised as such: :class:`ScheduleConflictError` says each).
    schedule_conflict = Text("Ce créneau n'est pas libre.", "This slot is not free.")
    #: ``start`` is the appointment's moment, ``end`` its end (a time of day).
    schedule_double_booking = Text(
        "{practitioner} a déjà un rendez-vous qui chevauche le créneau du {start} à {end}.",
        "{practitioner} already has an appointment overlapping the slot from {start} to {end}.",
    )
    schedule_outside_hours = Text(
        "Le créneau du {start} à {end} est en dehors des heures de travail de {practitioner}.",
        "The slot from {start} to {end} is outside {practitioner}'s working hours.",
    )
    #: ``reason`` is empty, or the exception's reason in parentheses with a leading space.
    schedule_closed_day = Text(
        "{practitioner} ne travaille pas le {day}{reason}.",
        "{practitioner} is not working on {day}{reason}.",
    )
    schedule_manager_may_confirm = Text(
        "Choisissez un autre créneau, ou confirmez-le en tant que gestionnaire (la confirmation est "
        "inscrite au dossier du rendez-vous).",
        "Choose another slot, or confirm it as a manager (the confirmation is recorded with the "
        "appointment).",
    )
    schedule_only_manager_confirms = Text(
        "Choisissez un autre créneau : seul un gestionnaire peut confirmer une double réservation ou un "
        "rendez-vous en dehors des heures.",
        "Choose another slot: only a manager can confirm a double booking or an appointment outside "
        "working hours.",
    )
    #: ``state`` is the appointment's state as :class:`AppointmentStates` names it.
    appointment_not_booked = Text(
        "Ce rendez-vous est déjà {state} : il ne peut plus être modifié.",
        "This appointment is already {state}: it can no longer be changed.",
    )
    unknown_appointment_kind = Text(
        "Type de rendez-vous inconnu ou désactivé : « {kind} ».",
        "Unknown or deactivated appointment kind: “{kind}”.",
    )
    practitioner_inactive = Text(
        "{practitioner} n'est plus actif : choisissez un autre praticien.",
        "{practitioner} is no longer active: choose another practitioner.",
    )
    invalid_hours = Text(
        "Heures invalides : chaque plage va d'une heure de début à une heure de fin plus tardive, le même "
        "jour, sans chevaucher une autre plage.",
        "Invalid hours: each interval runs from a start time to a later end time, on the same day, "
        "without overlapping another interval.",
    )
    invalid_exception_dates = Text(
        "Dates invalides : la fin de l'absence ne peut pas précéder son début.",
        "Invalid dates: the absence cannot end before it starts.",
    )
    invalid_length = Text(
        "Durée invalide : de 5 à {max} minutes, par multiples de 5.",
        "Invalid length: from 5 to {max} minutes, in steps of 5.",
    )
    invalid_kind_code = Text(
        "Code invalide : des lettres minuscules, des chiffres et « _ », 32 caractères au plus.",
        "Invalid code: lowercase letters, digits and “_”, 32 characters at most.",
    )
    #: ``value`` is what was typed.
    invalid_hours_spec = Text(
        "Heures illisibles : « {value} ». Forme attendue : des jours et des plages, par exemple "
        "« lun-ven 08:00-12:00,13:00-17:00 » ou « mon,wed 09:00-16:30 ».",
        "Hours not understood: “{value}”. Expected form: days and intervals, for example "
        "“mon-fri 08:00-12:00,13:00-17:00” or “lun,mer 09:00-16:30”.",
    )
    kind_code_exists = Text(
        "Le type de rendez-vous « {kind} » existe déjà.",
        "The appointment kind “{kind}” already exists.",
    )


class AppointmentStates:
    """The states an appointment can be in, as a sentence names them."""

    booked = Text("réservé", "booked")
    cancelled = Text("annulé", "cancelled")
    arrived = Text("arrivé", "arrived")
    no_show = Text("absent (non présenté)", "a no-show")


class ScheduleFields:
    hours = Text("Heures de travail", "Working hours")
    starts_on = Text("Début de l'absence", "Absence starts")
    ends_on = Text("Fin de l'absence", "Absence ends")
    length_minutes = Text("Durée", "Length")
    code = Text("Code du type", "Kind code")
    kind = Text("Type de rendez-vous", "Appointment kind")
    practitioner = Text("Praticien", "Practitioner")
    display_name = Text("Nom du praticien", "Practitioner's name")
    specialty = Text("Spécialité", "Specialty")
    reason = Text("Motif", "Reason")
    name_fr = Text("Nom en français", "French name")
    name_en = Text("Nom en anglais", "English name")
