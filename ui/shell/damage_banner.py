"""The banner that tells the signed-in person the daily check found the database damaged.

Placed at the top of a window's central area (above the demo and connection banners) the moment the
background check finds damage, and kept there: the message names the backup to restore.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QBoxLayout, QLabel, QMainWindow, QWidget

from ui.kit.retranslate import follow_language

__all__ = ["DamageBanner", "show_damage"]


class DamageBanner(QLabel):
    """``problem`` words the damage (naming the backup) in the staff language of the moment."""

    def __init__(self, problem: Callable[[], str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("damageBanner")
        self.setWordWrap(True)
        self.problem = problem
        follow_language(self, self.retranslate)

    def retranslate(self) -> None:
        self.setText(
            self.tr("The daily check found the database damaged. {problem}").format(problem=self.problem())
        )


def show_damage(window: QMainWindow, problem: Callable[[], str]) -> DamageBanner:
    """The window's damage banner, added on first use, saying ``problem``."""
    banner = window.findChild(DamageBanner)
    if banner is None:
        central = window.centralWidget()
        banner = DamageBanner(problem, central)
        layout = central.layout() if central is not None else None
        if isinstance(layout, QBoxLayout):
            layout.insertWidget(0, banner)
    banner.problem = problem
    banner.retranslate()
    banner.setVisible(True)
    return banner
