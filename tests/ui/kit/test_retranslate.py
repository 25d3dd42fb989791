"""``follow_language``: a widget's words are re-made on every change of the staff language, in place."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QApplication, QLabel, QLineEdit, QVBoxLayout, QWidget

from desktop.domain.enums import Language
from ui.kit.i18n import install_translators
from ui.kit.retranslate import follow_language


class _Form(QWidget):
    def __init__(self) -> None:
        super().__init__()
        self.title = QLabel()
        self.name = QLineEdit()
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addWidget(self.name)
        self.calls = 0
        follow_language(self, self.retranslate)

    def retranslate(self) -> None:
        self.calls += 1
        # A string the French catalog has, in a context of its own.
        self.title.setText(QCoreApplication.translate("Vocabulary", "French"))


def test_switching_the_language_re_makes_the_words_and_keeps_what_was_typed(qtbot, qapp):
    form = _Form()
    qtbot.addWidget(form)
    assert form.calls == 1 and form.title.text() == "French"
    form.name.setText("Zoé Côté, en cours")
    try:
        install_translators(qapp, Language.FR)
        qtbot.waitUntil(lambda: form.title.text() == "Français")
        assert form.name.text() == "Zoé Côté, en cours"
        install_translators(qapp, Language.EN)
        qtbot.waitUntil(lambda: form.title.text() == "French")
    finally:
        install_translators(qapp, Language.EN)
    QApplication.processEvents()
    assert form.name.text() == "Zoé Côté, en cours"

