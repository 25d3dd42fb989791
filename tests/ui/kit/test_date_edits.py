"""The calendar date boxes read a date typed in any accepted form, as the client form and the search do."""

from __future__ import annotations

from PySide6.QtCore import QDate, QDateTime, QTime

from ui.kit.date_edits import DayEdit, MomentEdit


def typed_into(qtbot, box, text: str) -> None:
    qtbot.addWidget(box)
    box.show()
    box.setFocus()
    box.lineEdit().selectAll()
    qtbot.keyClicks(box, text)
    box.interpretText()


def test_a_day_box_reads_every_form(qtbot):
    for typed in ("2026-05-26", "26/05/2026", "26.05.2026", "26-05-2026"):
        box = DayEdit()
        box.setDisplayFormat("yyyy-MM-dd")
        box.setDate(QDate(2026, 1, 1))
        typed_into(qtbot, box, typed)
        assert box.date() == QDate(2026, 5, 26), typed
        assert box.text() == "2026-05-26"


def test_a_day_box_keeps_its_day_when_the_text_is_not_a_date(qtbot):
    box = DayEdit()
    box.setDisplayFormat("yyyy-MM-dd")
    box.setDate(QDate(2026, 1, 1))
    typed_into(qtbot, box, "31/02/2026")
    assert box.date() == QDate(2026, 1, 1)


def test_a_moment_box_reads_a_day_first_date_and_a_time(qtbot):
    for typed in ("26/05/2026 14:30", "26.05.2026 14 h 30", "2026-05-26 14:30"):
        box = MomentEdit()
        box.setDisplayFormat("yyyy-MM-dd HH:mm")
        box.setDateTime(QDateTime(QDate(2026, 1, 1), QTime(9, 0)))
        typed_into(qtbot, box, typed)
        assert box.dateTime() == QDateTime(QDate(2026, 5, 26), QTime(14, 30)), typed


def test_a_day_outside_the_box_s_range_is_not_taken(qtbot):
    box = DayEdit()
    box.setDisplayFormat("yyyy-MM-dd")
    box.setMinimumDate(QDate(2026, 11, 24))
    box.setDate(QDate(2026, 11, 30))
    typed_into(qtbot, box, "20/11/2026")
    assert box.date() == QDate(2026, 11, 30)
