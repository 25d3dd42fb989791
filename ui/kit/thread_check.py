"""The guard that refuses database work on the GUI thread.

The GUI installs it once at start-up (the check is cheap). From then on every unit of work started on
the GUI thread raises ``RuntimeError`` straight away instead of freezing the window; work submitted
through :class:`ui.kit.worker.TaskRunner` runs on pool threads and passes.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QThread

from desktop.services.thread_guard import install_unit_of_work_guard

__all__ = ["GUI_THREAD_MESSAGE", "install_gui_thread_guard", "is_gui_thread", "uninstall_gui_thread_guard"]

GUI_THREAD_MESSAGE = "database work on the GUI thread"


def is_gui_thread() -> bool:
    """True when called on the thread of the running Qt application (False if there is none)."""
    app = QCoreApplication.instance()
    return app is not None and QThread.currentThread() == app.thread()


def _refuse_gui_thread() -> None:
    if is_gui_thread():
        raise RuntimeError(GUI_THREAD_MESSAGE)


def install_gui_thread_guard() -> None:
    """Make every unit of work raise ``RuntimeError`` when it is started on the GUI thread."""
    install_unit_of_work_guard(_refuse_gui_thread)


def uninstall_gui_thread_guard() -> None:
    """Remove the guard again (tests, or a command-line tool reusing the GUI start-up code)."""
    install_unit_of_work_guard(None)
