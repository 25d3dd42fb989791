"""The import wizard's every page in French and in English, as the other windows are checked: no text in
the other language, no label or button cut short by the longer French, and every word following a change
of the staff language while the wizard stays open."""

from __future__ import annotations

from datetime import date

import pytest

from desktop.domain.enums import Language
from tests.ui.conftest import TIMEOUT_MS, create_client, sign_in
from tests.ui.language_review import Review
from ui.imports.import_wizard import PAGE_MAPPING, PAGE_PREVIEW, PAGE_RESULTS, ImportWizard
from ui.kit.i18n import install_translators

# The clinic's file is in the staff's language: its headers are data, shown as the file has them.
HEADERS = {
    Language.FR: "Nom;Prénom;Date de naissance;Courriel;Date du consentement;Méthode du consentement;Moyens consentis",
    Language.EN: "Last name;First name;Date of birth;Email;Consent date;Consent method;Consent channels",
}
ROWS = (
    "Bélanger;Élise;02/03/1975;elise@exemple.ca;12/01/2024;formulaire papier;courriel",
    "Gagnon;Luc;17/05/1980;;;;",
    "Trudeau;Marc;31/02/1990;;;;",
)


@pytest.fixture(params=[Language.FR, Language.EN], ids=["fr", "en"])
def language(request, qapp):
    assert install_translators(qapp, request.param) == request.param
    yield request.param
    install_translators(qapp, Language.EN)


def test_every_page_in_one_language(qtbot, gui_services, runner, tmp_path, language):
    manager = sign_in(gui_services, "gestion")
    on_file = create_client(gui_services, sign_in(gui_services), "Gagnon", "Luc", born=date(1980, 5, 17))
    path = tmp_path / "liste.csv"
    path.write_bytes("\r\n".join((HEADERS[language], *ROWS, "")).encode("cp1252"))
    wizard = ImportWizard(gui_services, manager, runner)
    qtbot.addWidget(wizard)
    data = (
        str(path), path.name, *HEADERS[language].split(";"), *(cell for row in ROWS for cell in row.split(";")),
        on_file.file_number, "Gagnon, Luc", "Bélanger", "Élise", "Trudeau", "Marc",
    )  # fmt: skip
    review = Review(qtbot, runner, language, data)

    def next_page(until) -> None:
        wizard.next_button.click()
        review.settle(lambda: until() and not wizard.is_running)

    review.look(wizard, "no file")
    wizard.file_page.path.setText(str(path))
    next_page(lambda: wizard.file_page.reading is not None)
    review.look(wizard, "file read")
    next_page(lambda: wizard.current_page() == PAGE_MAPPING)
    review.look(wizard, "mapping")
    next_page(lambda: wizard.current_page() == PAGE_PREVIEW)
    review.look(wizard, "preview")
    next_page(lambda: wizard.current_page() == PAGE_RESULTS)
    assert wizard.results_page.consent.isVisible()
    review.look(wizard, "results")
    next_page(lambda: wizard.result is not None)
    review.look(wizard, "done")
    # The column lists offer the file's own headers: data, in the language the file was written in, which
    # the staff language switched away from in the middle of each look.
    headers = tuple(f"[choice] {header!r}" for header in HEADERS[language].split(";"))
    problems = [p for p in review.unexplained() if not ("importColumn_" in p and p.endswith(headers))]
    assert problems == [], "\n".join(problems)
    wizard.close()
    runner.wait_for_idle(TIMEOUT_MS)
