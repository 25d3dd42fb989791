"""Where the main window and its splitter were last left, or a sensible first size."""

from __future__ import annotations

from PySide6.QtWidgets import QMainWindow, QSplitter, QWidget

from ui.kit.forms import em
from ui.kit.settings import AppSettings

__all__ = ["restore_size", "restore_splitter"]


def restore_size(settings: AppSettings, window: QMainWindow) -> None:
    if not settings.restore_geometry("main", window):
        width = em(window, 110)
        window.resize(width, int(width * 0.62))


def restore_splitter(settings: AppSettings, window: QMainWindow, splitter: QSplitter, page: QWidget) -> None:
    """Only once the window has its final size: a splitter spreads any later resize over its panes."""
    for widget in (window, window.centralWidget(), page):
        widget_layout = widget.layout() if widget is not None else None
        if widget_layout is not None:
            widget_layout.activate()
    if not settings.restore_splitter("main", splitter):
        total = sum(splitter.sizes()) or window.width()
        splitter.setSizes([int(total * 0.42), int(total * 0.58)])
