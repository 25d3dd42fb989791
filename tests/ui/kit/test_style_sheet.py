"""The style sheet keeps what it styles readable: the highlighted row of a combo box's list (the signer's
capacity) is painted in the selection colours, not white on white."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtGui import QColor, QImage
from PySide6.QtWidgets import QApplication, QComboBox

from ui.shell.app import apply_style_sheet

SELECTION = QColor("#1f5fbf")


@pytest.fixture
def styled(qapp: QApplication) -> Iterator[None]:
    qapp.setStyle("Fusion")
    apply_style_sheet(qapp)
    yield
    qapp.setStyleSheet("")


def colours_in_row(image: QImage, top: int, bottom: int) -> set[int]:
    return {image.pixel(x, y) for y in range(top, bottom) for x in range(image.width())}


def test_the_highlighted_row_of_a_combo_box_list_is_readable(qtbot, styled):
    combo = QComboBox()
    qtbot.addWidget(combo)
    for label in ("The client", "Parent", "Tutor", "Mandatary"):
        combo.addItem(label)
    combo.show()
    qtbot.waitExposed(combo)
    combo.showPopup()
    view = combo.view()
    view.setCurrentIndex(combo.model().index(2, 0))
    QApplication.processEvents()
    rect = view.visualRect(combo.model().index(2, 0))
    image = view.viewport().grab().toImage()
    row = colours_in_row(image, rect.top() + 1, rect.bottom())
    combo.hidePopup()
    assert SELECTION.rgb() in row  # the selection's background...
    assert QColor("white").rgb() in row  # ...with the text over it in white
    assert len(row) > 2  # letters (anti-aliased), not a plain box
