"""Switching the staff language while the kit's widgets are open: the client search (in the window and
in the picker dialog), a job dialog's outcome line and the signature pad follow at once; what is typed,
picked and selected stays, and the line the client signs on keeps the client's language."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QDialogButtonBox, QLineEdit, QVBoxLayout

from desktop.domain.client_texts import SigningText
from desktop.domain.enums import Language
from tests.ui.conftest import TIMEOUT_MS, create_client, settle, type_text, wait_idle
from ui.kit.client_search import ClientPickerDialog
from ui.kit.i18n import current_language
from ui.kit.job_dialog import JobDialog
from ui.kit.signature_pad import SignaturePad
from ui.kit.worker import TaskRunner


def test_the_window_s_search_keeps_the_typing_and_the_highlighted_row(
    qtbot, window, gui_services, desk, switch
):
    create_client(gui_services, desk, "Bouchard", "Anne")
    create_client(gui_services, desk, "Bouchard", "Benoît")
    panel = window.search_panel
    type_text(panel.field, "bouchard")
    settle(qtbot, window)
    QTest.keyClick(panel.field, Qt.Key.Key_Down)
    QTest.keyClick(panel.field, Qt.Key.Key_Down)
    assert panel.table.currentIndex().row() == 1
    assert panel.model.headerData(0, Qt.Orientation.Horizontal) == "Name"

    switch(Language.FR)
    assert panel.model.headerData(0, Qt.Orientation.Horizontal) == "Nom"
    assert panel.state.text().startswith("2 clients trouvés.")
    assert panel.table.accessibleName() == "Résultats de la recherche"
    assert panel.field.text() == "bouchard"
    assert panel.table.currentIndex().row() == 1
    assert len(panel.results()) == 2

    switch(Language.EN)
    assert panel.model.headerData(0, Qt.Orientation.Horizontal) == "Name"
    assert panel.state.text().startswith("2 clients found.")
    assert panel.table.currentIndex().row() == 1


def test_the_picker_dialog_keeps_the_pick_and_its_words_follow(qtbot, gui_services, desk, runner, switch):
    client = create_client(gui_services, desk, "Pelletier", "Rose")
    hint = {Language.EN: "Requester as given: Rose Pelletier", Language.FR: "Demandeur : Rose Pelletier"}
    dialog = ClientPickerDialog(gui_services, desk, runner, lambda: hint[current_language()])
    qtbot.addWidget(dialog)
    dialog.show()
    picker = dialog.picker
    type_text(picker.field, "pelletier")
    qtbot.waitUntil(picker.is_settled, timeout=TIMEOUT_MS)
    wait_idle(qtbot, runner)
    QTest.keyClick(picker.field, Qt.Key.Key_Return)
    assert dialog.chosen().id == client.id
    ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
    cancel = dialog.buttons.button(QDialogButtonBox.StandardButton.Cancel)
    assert (ok.text(), dialog.intro.text()) == ("Match", hint[Language.EN])

    switch(Language.FR)
    assert dialog.windowTitle() == "Associer à un dossier client"
    assert (ok.text(), cancel.text()) == ("Associer", "Annuler")
    assert dialog.intro.text() == hint[Language.FR]
    assert picker.picked_label.text().startswith("Sélectionné")
    assert picker.field.text() == "pelletier"
    assert dialog.chosen().id == client.id and ok.isEnabled()

    switch(Language.EN)
    assert (ok.text(), cancel.text()) == ("Match", "Cancel")
    assert picker.picked_label.text().startswith("Picked: ")
    dialog.reject()


class _Dialog(JobDialog):
    def __init__(self, runner: TaskRunner) -> None:
        super().__init__(runner, "live-language")
        self.field = QLineEdit(self)
        # A string the catalog has, in the context of the class that says it.
        self.progress = self.make_progress_bar(
            lambda: QCoreApplication.translate("BusyIndicator", "Busy indicator")
        )
        self.outcome = self.make_outcome_label("testOutcome")
        layout = QVBoxLayout(self)
        for widget in (self.field, self.progress, self.outcome):
            layout.addWidget(widget)


def test_a_job_dialog_s_outcome_and_failure_follow_the_language(qtbot, runner, switch):
    dialog = _Dialog(runner)
    qtbot.addWidget(dialog)
    dialog.show()
    type_text(dialog.field, "Zoé Côté")
    dialog.show_failure(RuntimeError("disk full"))
    assert dialog.outcome.text() == "Something went wrong: disk full"

    switch(Language.FR)
    assert dialog.outcome.text() == "Une erreur s'est produite\xa0: disk full"
    assert dialog.progress.accessibleName() == "Indicateur d'activité"
    assert dialog.field.text() == "Zoé Côté"

    dialog.show_outcome("said once, as given")
    switch(Language.EN)
    assert dialog.outcome.text() == "said once, as given"  # a plain string stays as it was given
    assert dialog.field.text() == "Zoé Côté"


def test_the_signature_line_keeps_the_client_s_language(qtbot, switch):
    pad = SignaturePad(language=Language.EN)
    qtbot.addWidget(pad)
    pad.show()
    assert pad.accessibleName() == "Signature pad"

    switch(Language.FR)
    assert pad.accessibleName() != "Signature pad"
    assert pad.signature_line_text() == SigningText.sign_above.get(Language.EN)
