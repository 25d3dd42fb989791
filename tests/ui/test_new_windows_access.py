"""Keyboard and screen-reader use of the reports, export, staff, preview and lock windows: every input
has an accessible name, and Tab goes through the fields in reading order."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractSpinBox,
    QApplication,
    QCalendarWidget,
    QComboBox,
    QDateEdit,
    QLineEdit,
    QWidget,
)

from tests.ui.conftest import TIMEOUT_MS, sign_in, wait_idle
from ui.admin.account_forms import ChangePasswordDialog, NewAccountDialog
from ui.admin.export_dialog import ExportDialog
from ui.admin.reports_window import ReportsWindow
from ui.admin.staff_dialog import StaffDialog
from ui.documents.pdf_preview import PdfPreviewDialog
from ui.shell.idle_lock import LockScreen


def one_page_pdf() -> bytes:
    from io import BytesIO

    from reportlab.pdfgen.canvas import Canvas

    buffer = BytesIO()
    canvas = Canvas(buffer)
    canvas.drawString(72, 720, "Preview")
    canvas.save()
    return buffer.getvalue()


def unnamed_inputs(window: QWidget) -> list[str]:
    inputs: list[QWidget] = []
    for kind in (QAbstractButton, QLineEdit, QComboBox, QDateEdit):
        inputs += window.findChildren(kind)
    return [
        w.objectName() or getattr(w, "text", lambda: "")() or type(w).__name__
        for w in inputs
        if not w.accessibleName()
        and not w.objectName().startswith("qt_")
        # Qt's own parts: the editor inside a date box or combo box, the calendar pop-up.
        and not isinstance(w.parent(), QLineEdit | QAbstractSpinBox | QCalendarWidget | QComboBox)
        and not isinstance(w.parent().parent(), QCalendarWidget)
        # A dialog's standard buttons are named by their own text.
        and not (isinstance(w, QAbstractButton) and w.text())
    ]


@pytest.fixture
def manager(gui_services):
    return sign_in(gui_services, "gestion")


@pytest.fixture
def windows(qtbot, gui_services, manager, runner):
    made = {
        "reports": ReportsWindow(gui_services, manager, runner),
        "export": ExportDialog(gui_services, manager, runner),
        "staff": StaffDialog(gui_services, manager, runner),
        "new account": NewAccountDialog(gui_services, manager, runner),
        "password": ChangePasswordDialog(gui_services, manager, runner),
        "preview": PdfPreviewDialog(runner, one_page_pdf(), title="Preview", file_name="x.pdf"),
        "lock": LockScreen(gui_services, runner, "test-workstation"),
    }
    for window in made.values():
        qtbot.addWidget(window)
    yield made
    wait_idle(qtbot, runner)


def test_every_input_has_an_accessible_name(qtbot, windows):
    assert {name: unnamed_inputs(window) for name, window in windows.items()} == {
        name: [] for name in windows
    }


def tab_chain(qtbot, window: QWidget, start: QWidget, steps: int) -> list[QWidget]:
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    start.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.waitUntil(start.hasFocus, timeout=TIMEOUT_MS)
    chain = [start]
    for _ in range(steps * 4):
        if len(chain) > steps:
            break
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        focus = QApplication.focusWidget()
        if focus is not chain[-1]:  # Tab first walks a date's year, month and day
            chain.append(focus)
    return chain


def test_tab_goes_through_the_reports_window_in_reading_order(qtbot, windows):
    window = windows["reports"]
    chain = tab_chain(qtbot, window, window.kind, 6)
    # The file number is skipped while disabled (it is only for the access log).
    assert chain == [
        window.kind,
        window.start,
        window.end,
        window.pdf_button,
        window.language,
        window.run_button,
        window.close_button,
    ]


def test_tab_goes_through_the_lock_screen_in_reading_order(qtbot, windows):
    screen = windows["lock"]
    chain = tab_chain(qtbot, screen, screen.username, 3)
    assert chain == [screen.username, screen.password, screen.unlock_button, screen.quit_button]


def test_tab_goes_through_the_export_dialog_in_reading_order(qtbot, windows):
    dialog = windows["export"]
    chain = tab_chain(qtbot, dialog, dialog.purpose, 4)
    assert chain == [dialog.purpose, dialog.channel, dialog.path, dialog.browse_button, dialog.export_button]
