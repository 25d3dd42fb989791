"""The reports window: every report as PDF (the preview opens) and as CSV (saved byte for byte as the
service renders it), the access log for the privacy officer, and the role rules."""

from __future__ import annotations

import io
import stat
from datetime import date

import pytest
from pypdf import PdfReader
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog

from desktop.domain.enums import Channel, Language, Purpose, Role
from desktop.reports import ReportKind
from desktop.reports.render import ReportFormat, render_report
from desktop.services.permissions import role_allows
from desktop.services.reports import report_permission
from tests.support.documents import book, read_csv
from tests.ui.conftest import TIMEOUT_MS, create_client, off_gui, sign_in, wait_idle
from ui.admin.reports_window import ReportsWindow, this_month

PERIOD = (date(2026, 11, 1), date(2026, 11, 30))
MANAGER_KINDS = [kind for kind in ReportKind if role_allows(Role.MANAGER, report_permission(kind))]


@pytest.fixture
def manager(gui_services):
    return sign_in(gui_services, "gestion")


@pytest.fixture
def officer(gui_services):
    return sign_in(gui_services, "vie.privee")


@pytest.fixture
def some_activity(gui_services, desk):
    """Two files, one booked with consents and a signed acknowledgment."""
    first = create_client(gui_services, desk, "Gagnon", "Luc", email="luc@example.com")
    create_client(gui_services, desk, "Roy", "Anne")
    off_gui(
        lambda: book(
            gui_services,
            desk,
            first.id,
            granted=((Purpose.NEWSLETTERS, Channel.EMAIL),),
            language=Language.EN,
        )
    )
    return first


@pytest.fixture
def reports(qtbot, gui_services, runner):
    made: list[ReportsWindow] = []

    def make(actor) -> ReportsWindow:
        window = ReportsWindow(gui_services, actor, runner)
        qtbot.addWidget(window)
        window.show()
        made.append(window)
        return window

    yield make
    for window in made:
        if window.preview is not None:
            window.preview.close()
        window.close()
    runner.wait_for_idle(TIMEOUT_MS)


def produce(qtbot, window: ReportsWindow, kind: ReportKind, fmt: ReportFormat, file_number: str = "") -> None:
    window.set_choice(kind, fmt, *PERIOD, file_number=file_number)
    qtbot.mouseClick(window.run_button, Qt.MouseButton.LeftButton)
    assert window.is_running
    assert window.progress.isVisible()
    qtbot.waitUntil(lambda: not window.is_running, timeout=TIMEOUT_MS * 3)
    assert not window.progress.isVisible()


def expected(services, actor, kind: ReportKind, fmt: ReportFormat, file_number: str = "") -> bytes:
    return off_gui(
        lambda: render_report(
            services.reports.run(actor, kind, *PERIOD, client_file_number=file_number), fmt, Language.EN
        )
    )


def test_the_period_defaults_to_this_month(qtbot, reports, manager, gui_services):
    window = reports(manager)
    start, end = this_month(gui_services.clock.today())
    assert (window.start.date().toPython(), window.end.date().toPython()) == (start, end)
    assert start.day == 1 and end.month == start.month
    assert window.chosen_format() == ReportFormat.PDF


@pytest.mark.parametrize("kind", MANAGER_KINDS, ids=lambda kind: kind.value)
def test_each_report_opens_as_a_pdf_preview(qtbot, reports, manager, some_activity, kind):
    window = reports(manager)
    produce(qtbot, window, kind, ReportFormat.PDF)
    assert window.last_output is not None and window.last_output.data.startswith(b"%PDF")
    preview = window.preview
    assert preview is not None and preview.isVisible()
    qtbot.waitUntil(lambda: preview.page_count > 0, timeout=TIMEOUT_MS)
    assert preview.page_count == len(PdfReader(io.BytesIO(window.last_output.data)).pages)
    assert "produced" in window.state.text()


@pytest.mark.parametrize("kind", MANAGER_KINDS, ids=lambda kind: kind.value)
def test_each_report_saves_as_csv(
    qtbot, monkeypatch, reports, manager, gui_services, some_activity, kind, tmp_path
):
    target = tmp_path / f"{kind.value}.csv"
    asked: list[str] = []

    def save_as(_parent, _title, name, _filter):
        asked.append(name)
        return str(target), "CSV"

    monkeypatch.setattr(QFileDialog, "getSaveFileName", save_as)
    window = reports(manager)
    window.language.setCurrentIndex(window.language.findData(Language.EN.value))
    produce(qtbot, window, kind, ReportFormat.CSV)
    qtbot.waitUntil(target.is_file, timeout=TIMEOUT_MS)
    wait_idle(qtbot, window._runner)
    assert asked == [f"{kind.value}_2026-11-01_2026-11-30.csv"]
    assert target.read_bytes() == expected(gui_services, manager, kind, ReportFormat.CSV)
    assert read_csv(target.read_bytes())
    assert "Report saved to" in window.state.text()
    assert window.preview is None


def test_the_privacy_officer_gets_the_access_log_of_one_file(
    qtbot, monkeypatch, reports, officer, gui_services, some_activity, tmp_path
):
    window = reports(officer)
    window.set_choice(ReportKind.ACCESS_LOG)
    assert window.file_number.isEnabled()
    qtbot.mouseClick(window.run_button, Qt.MouseButton.LeftButton)
    assert not window.is_running
    assert "file number" in window.state.text()

    produce(qtbot, window, ReportKind.ACCESS_LOG, ReportFormat.PDF, some_activity.file_number)
    assert window.preview is not None
    qtbot.waitUntil(lambda: window.preview.page_count > 0, timeout=TIMEOUT_MS)

    target = tmp_path / "access.csv"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *args: (str(target), "CSV"))
    window.language.setCurrentIndex(window.language.findData(Language.EN.value))
    produce(qtbot, window, ReportKind.ACCESS_LOG, ReportFormat.CSV, some_activity.file_number)
    qtbot.waitUntil(target.is_file, timeout=TIMEOUT_MS)
    assert stat.S_IMODE(target.stat().st_mode) == 0o600  # client data: its owner's alone
    expected_rows = read_csv(
        expected(gui_services, officer, ReportKind.ACCESS_LOG, ReportFormat.CSV, some_activity.file_number)
    )
    # Producing the report is itself an access recorded in the log: compare everything before it.
    assert read_csv(target.read_bytes())[:5] == expected_rows[:5]


def test_the_access_log_is_offered_to_the_privacy_officer_only(qtbot, reports, manager):
    window = reports(manager)
    index = window.kind.findData(ReportKind.ACCESS_LOG.value)
    assert not window.kind.model().item(index).isEnabled()
    assert window.chosen_kind() == ReportKind.CONSENT_COVERAGE


def test_an_unknown_file_number_is_explained(qtbot, reports, officer):
    window = reports(officer)
    produce(qtbot, window, ReportKind.ACCESS_LOG, ReportFormat.PDF, "999999")
    assert window.preview is None
    assert window.state.text()
    assert window.run_button.isEnabled()


def test_a_period_ending_before_it_starts_is_refused(qtbot, reports, manager):
    window = reports(manager)
    window.set_choice(ReportKind.CONSENT_COVERAGE, ReportFormat.PDF, date(2026, 11, 30), date(2026, 11, 1))
    qtbot.mouseClick(window.run_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not window.is_running, timeout=TIMEOUT_MS)
    assert "start date" in window.state.text()
    assert window.preview is None


def test_a_receptionist_gets_the_permission_message(qtbot, reports, desk, make_window, gui_services):
    main = make_window(gui_services, desk)
    assert not main.reports_action.isEnabled()
    assert not main.manage_menu.menuAction().isVisible()

    window = reports(desk)
    produce(qtbot, window, ReportKind.CONSENT_COVERAGE, ReportFormat.PDF)
    assert "does not allow" in window.state.text()
    assert window.preview is None


def test_the_manager_opens_reports_from_the_menu(qtbot, make_window, gui_services, manager):
    main = make_window(gui_services, manager)
    assert main.reports_action.isEnabled() and main.manage_menu.menuAction().isVisible()
    qtbot.keyClick(
        main, Qt.Key.Key_R, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
    )
    window = main._dialogs.get("reports")
    assert isinstance(window, ReportsWindow)
    main.open_reports()
    assert main._dialogs.get("reports") is window  # one reports window at a time
    window.close()


def test_the_open_file_is_proposed_for_the_access_log(
    qtbot, make_window, gui_services, officer, some_activity
):
    main = make_window(gui_services, officer)
    main.open_client(some_activity.id)
    qtbot.waitUntil(lambda: main.client_file.client is not None, timeout=TIMEOUT_MS)
    window = main.open_reports()
    assert window.file_number.text() == some_activity.file_number
    window.close()


def test_producing_a_report_publishes_no_change(qtbot, reports, manager, runner):
    published: list[object] = []
    runner.changes.changed.connect(lambda change, source: published.append(change))
    window = reports(manager)
    produce(qtbot, window, ReportKind.EXPORTS_LOG, ReportFormat.PDF)
    assert window.last_output is not None and window.last_output.row_count >= 0
    assert published == []
