"""A refused save's problems go under their fields; one for a field the form has no place for is
handed back to be shown in the banner, never dropped."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QWidget

from desktop.domain.enums import Language
from desktop.domain.errors import FieldError, ValidationError
from ui.kit.forms import place_errors


def test_a_problem_without_a_place_is_handed_back(qtbot):
    parent = QWidget()
    qtbot.addWidget(parent)
    label = QLabel(parent)
    label.hide()
    error = ValidationError(
        [FieldError("requester_name", "required"), FieldError("somewhere_else", "date_in_future")]
    )

    unplaced = place_errors({"requester_name": label}, error, Language.FR)

    assert label.text() == error.errors[0].message(Language.FR) and not label.isHidden()
    assert unplaced == [error.errors[1].message(Language.FR)]
    assert unplaced[0] != "date_in_future"  # a sentence, not the code
