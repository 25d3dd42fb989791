"""The privacy officer's incident register: incidents listed with their notice due flagged, a new one
recorded (the serious-risk box never ticked by default, bad input said under its field in the staff
language and nothing typed lost), a new version saved and the earlier ones read in the history, and a
save made from a version another officer replaced refused, in French and in English."""

from __future__ import annotations

import os
from datetime import date
from pathlib import Path

from PySide6.QtCore import Qt

from desktop.domain.enums import Language
from desktop.domain.errors import DatabaseUnavailableError
from desktop.domain.incidents import IncidentDraft
from tests.ui.conftest import off_gui, sign_in, wait_idle
from tests.ui.test_new_windows_access import unnamed_inputs
from ui.registers.incident_model import IncidentModel
from ui.registers.incident_window import IncidentRegisterWindow

SERIOUS = IncidentDraft(
    "Clé USB perdue dans le stationnement.",
    date(2026, 11, 10),
    "Liste des rendez-vous de la semaine",
    people_concerned=42,
    serious_injury_risk=True,
    risk_assessment="Motifs de consultation lisibles.",
    commission_notified_on=date(2026, 11, 12),
)


def open_window(qtbot, services, runner) -> IncidentRegisterWindow:  # type: ignore[no-untyped-def]
    officer = sign_in(services, "vie.privee")
    window = IncidentRegisterWindow(services, officer, runner)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    wait_idle(qtbot, runner)
    wait_idle(qtbot, runner)
    return window


def cell(window: IncidentRegisterWindow, row: int, column: int, role=Qt.ItemDataRole.DisplayRole):  # type: ignore[no-untyped-def]
    return window.model.data(window.model.index(row, column), role)


def save(qtbot, window: IncidentRegisterWindow, runner) -> None:  # type: ignore[no-untyped-def]
    window.save_button.click()
    wait_idle(qtbot, runner)
    wait_idle(qtbot, runner)  # the reloads the save started


def test_record_a_new_incident_then_a_new_version(qtbot, gui_services, runner):
    officer = sign_in(gui_services, "vie.privee")
    off_gui(lambda: gui_services.incidents.open(officer, SERIOUS))
    window = open_window(qtbot, gui_services, runner)
    assert window.counts_label.text() == "1 incident(s) · 1 NOTICE DUE"
    assert cell(window, 0, IncidentModel.NOTIFIED) == "NOTICE DUE"
    assert cell(window, 0, IncidentModel.KEEP_UNTIL) == "2031-11-10"
    assert cell(window, 0, IncidentModel.PEOPLE) == "42"
    assert window.form.people_concerned.text() == "42"  # the first incident is opened in the editor
    assert unnamed_inputs(window) == []

    window.new_button.click()
    form = window.form
    assert window.heading.text() == "New incident" and window.save_button.text() == "Record the incid&ent"
    assert not form.serious_injury_risk.isChecked()
    assert form.discovered_on.text() == "2026-11-24" and form.people_concerned.text() == ""
    form.circumstances.setPlainText("Reminder sent to the wrong address.")
    form.information_concerned.setPlainText("A client's name and appointment time")
    form.discovered_on.clear()
    qtbot.keyClicks(form.discovered_on, "31/02/2026")
    form.serious_injury_risk.setChecked(True)
    save(qtbot, window, runner)
    assert form.errors.message("discovered_on") == "There is no such day: 31/02/2026."
    assert "Explain" not in window.status.text() and "31/02/2026" in window.status.text()
    assert form.errors.message("risk_assessment").startswith("A risk of serious injury must be explained")
    assert form.circumstances.toPlainText() == "Reminder sent to the wrong address."  # nothing lost

    form.discovered_on.clear()
    qtbot.keyClicks(form.discovered_on, "2026-11-20")
    qtbot.keyClicks(form.occurred_from, "2026-11-22")
    form.serious_injury_risk.setChecked(False)
    save(qtbot, window, runner)
    assert form.errors.message("occurred_from").startswith("The incident cannot have occurred after")
    form.occurred_from.clear()
    qtbot.keyClicks(form.occurred_from, "2026-11-18")
    save(qtbot, window, runner)
    assert window.status.text() == "Incident 2026-002 recorded: version 1."
    assert window.model.rowCount() == 2 and cell(window, 0, IncidentModel.REFERENCE) == "2026-002"
    assert cell(window, 0, IncidentModel.NOTIFIED) == "Not required"
    assert window.save_button.text() == "Sa&ve a new version"

    qtbot.keyClicks(form.people_concerned, "3")
    form.measures.setPlainText("Address corrected; the recipient deleted the message.")
    save(qtbot, window, runner)
    assert window.status.text() == "Incident 2026-002 recorded: version 2."
    assert window.heading.text().startswith("Incident 2026-002 — version 2, saved by")
    assert window.tabs.tabText(1) == "Version history (2)"
    assert window.history.count() == 2
    window.history.setCurrentRow(1)  # the first version, read-only
    assert window.version_view.isReadOnly()
    shown = window.version_view.toPlainText()
    assert "Number of people concerned\n    not known" in shown and "Measures taken\n    —" in shown
    versions = off_gui(lambda: gui_services.incidents.versions(officer, window.model.record(0).id))
    assert [v.people_concerned for v in versions] == [None, 3]
    if folder := os.environ.get("FRONTDESK_SCREENSHOTS"):
        window.table.selectRow(1)
        wait_idle(qtbot, runner)
        window.grab().save(str(Path(folder) / "incident-register-en.png"))


def test_a_save_from_a_replaced_version_is_refused_in_french(qtbot, gui_services, runner, switch):
    officer = sign_in(gui_services, "vie.privee")
    opened = off_gui(lambda: gui_services.incidents.open(officer, SERIOUS))
    switch(Language.FR)
    window = open_window(qtbot, gui_services, runner)
    assert window.counts_label.text() == "1 incident(s) · 1 AVIS À DONNER"
    window.form.people_notified_on.setText("2026-11-20")
    window.form.people_notified_on.textEdited.emit("2026-11-20")
    # Meanwhile, another officer saves version 2.
    off_gui(lambda: gui_services.incidents.update(officer, opened.id, 1, SERIOUS))
    save(qtbot, window, runner)
    assert "a été modifié pendant que vous l'éditiez : la version 2" in window.status.text()
    assert window.form.people_notified_on.text() == "2026-11-20"  # what was typed stays
    assert window.tabs.tabText(1) == "Historique des versions (2)"
    save(qtbot, window, runner)
    assert window.status.text() == "Incident 2026-001 enregistré\u00a0: version 3."
    assert cell(window, 0, IncidentModel.NOTIFIED) == "Avisés le 2026-11-20"
    assert window.counts_label.text() == "1 incident(s) · aucun avis à donner"
    if folder := os.environ.get("FRONTDESK_SCREENSHOTS"):
        window.grab().save(str(Path(folder) / "incident-register-fr.png"))


def test_a_new_incident_saved_again_after_a_failure_that_committed_is_opened_once(
    qtbot, gui_services, runner, monkeypatch
):
    """The first save commits but its answer is lost (the connection drops): saving again gives the same
    incident, not a second one with the next reference."""
    window = open_window(qtbot, gui_services, runner)
    opened = gui_services.incidents.open

    def open_then_lose_the_answer(actor, draft):  # type: ignore[no-untyped-def]
        opened(actor, draft)
        monkeypatch.setattr(gui_services.incidents, "open", opened)
        raise DatabaseUnavailableError()

    monkeypatch.setattr(gui_services.incidents, "open", open_then_lose_the_answer)
    window.form.circumstances.setPlainText("Reminder sent to the wrong address.")
    window.form.information_concerned.setPlainText("A client's name and appointment time")
    save(qtbot, window, runner)
    assert window.save_button.text() == "Record the incid&ent"  # the window saw a failure
    save(qtbot, window, runner)
    assert window.status.text() == "Incident 2026-001 recorded: version 1."
    officer = sign_in(gui_services, "vie.privee")
    listed = off_gui(lambda: gui_services.incidents.register(officer, date(2026, 1, 1), date(2026, 12, 31)))
    assert [r.reference for r in listed] == ["2026-001"]
