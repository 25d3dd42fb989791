"""Words the core uses on more than one document, each kept once, in French and English."""

from __future__ import annotations

from desktop.domain.texts import Text


class Words:
    """Column headings and labels shared by the acknowledgment PDF and the reports."""

    client = Text("Client", "Client")
    #: A client's file (dossier), as in "File 000123".
    file = Text("Dossier", "File")
    purpose = Text("Finalité", "Purpose")
    date_and_time = Text("Date et heure", "Date and time")
    staff_member = Text("Membre du personnel", "Staff member")
    workstation = Text("Poste", "Workstation")
