"""Live language switching: a widget's words follow the staff language while it stays open.

Installing a translator (``install_translators``) makes Qt send ``QEvent.LanguageChange`` to every
widget. A window or dialog that sets visible text keeps that code in one method and hands it to
``follow_language``: the method runs once at once and again on each language change, so nothing is
closed and nothing typed is lost. Texts made from data (dates, states) are re-made there too.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject

__all__ = ["follow_language"]


class _LanguageWatcher(QObject):
    def __init__(self, watched: QObject, retranslate: Callable[[], None]) -> None:
        super().__init__(watched)
        self._retranslate = retranslate
        watched.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        return False


def follow_language(widget: QObject, retranslate: Callable[[], None], *, now: bool = True) -> None:
    """Run ``retranslate`` now (unless ``now`` is false) and after every change of the staff language.

    The watcher is a child of ``widget``: it lives and dies with it.
    """
    _LanguageWatcher(widget, retranslate)
    if now:
        retranslate()
