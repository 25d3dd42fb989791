"""What a person reads in a window, and the two ways it goes wrong once translated: a text left in the
other language, or a text cut short because its widget is too narrow.

:func:`visible_texts` walks a shown window and gathers every text on screen (labels, buttons, group
titles, tabs, menus, headers, item views, window titles, tooltips, placeholders, accessible names).
:class:`Catalog` knows, from ``frontdesk_fr.ts``, which texts are English and which are French;
:func:`language_problems` says which gathered texts are in the wrong one, and :func:`clipped_texts`
which labels and buttons are narrower than their text.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QAbstractItemModel, QAbstractListModel, QModelIndex, Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QComboBox,
    QGroupBox,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListView,
    QMenu,
    QMenuBar,
    QPlainTextEdit,
    QPushButton,
    QStyle,
    QTabBar,
    QTableView,
    QTextEdit,
    QToolButton,
    QTreeView,
    QWidget,
)

from desktop.domain.enums import Language
from scripts.translations import SAME_IN_BOTH, has_words, read_entries

__all__ = [
    "ENGLISH_WORDS",
    "Catalog",
    "Seen",
    "catalog",
    "clipped_texts",
    "language_problems",
    "plain",
    "visible_texts",
]

TS_FILE = Path(__file__).resolve().parents[2] / "resources" / "translations" / "frontdesk_fr.ts"

#: English words that have no business in a French screen, matched as whole words, any case. « file » is
#: French too (« la file des demandes »): only its English uses count.
ENGLISH_WORDS = (
    r"the",
    r"and",
    r"of",
    r"to",
    r"with",
    r"file(?! des\b| d['’]attente)",
    r"client['’]s",
    r"not granted",
    r"sign above",
)
_ENGLISH_WORD = re.compile(r"(?<![\w'’-])(?:" + "|".join(ENGLISH_WORDS) + r")(?![\w'’-])", re.IGNORECASE)
_PLACEHOLDER = re.compile(r"\{[^{}]*\}|%(?:n|L?\d{1,2})")
_TAG = re.compile(r"<[^<>]*>")
_COUNT = re.compile(r"\s*\(\d+\)$")
_ROWS_LIMIT = 200


# ---------------------------------------------------------------- texts as read


def plain(text: str) -> str:
    """A text as read: no accelerator ``&``, no HTML, entities decoded, spaces (no-break too) collapsed."""
    if "<" in text and _TAG.search(text):
        text = html.unescape(_TAG.sub(" ", text))
    text = re.sub(r"&(?!&)", "", text).replace("&&", "&")
    return " ".join(text.replace("\u00a0", " ").replace("\u202f", " ").split())


@dataclass(frozen=True)
class Seen:
    """One text on screen: where (``dialog > QPushButton#saveButton``), what kind, the text as read,
    and whether it is data (a cell of an item view: names, dates and numbers from the database)."""

    where: str
    kind: str
    text: str
    data: bool = False

    def __str__(self) -> str:
        return f"{self.where} [{self.kind}] {self.text!r}"


def describe(widget: QWidget) -> str:
    name = widget.objectName()
    return f"{type(widget).__name__}#{name}" if name else type(widget).__name__


def _path(window: QWidget, widget: QWidget) -> str:
    return f"{describe(window)} > {describe(widget)}" if widget is not window else describe(window)


def _shown(widget: QWidget, window: QWidget) -> bool:
    return widget.isVisibleTo(window) and widget.isVisible() and widget.width() > 0 and widget.height() > 0


def _widgets(window: QWidget) -> Iterator[QWidget]:
    yield window
    for widget in window.findChildren(QWidget):
        # Another top-level window (a dialog parented to this one) is walked on its own.
        if widget.isWindow() or not _shown(widget, window):
            continue
        # Qt's own parts: the calendar of a date box, the line edit inside a spin box...
        if widget.objectName().startswith("qt_") and not isinstance(widget, QAbstractButton):
            continue
        yield widget


def _actions(where: str, menu: QMenu | QMenuBar) -> Iterator[Seen]:
    for action in menu.actions():
        if not action.isVisible() or action.isSeparator():
            continue
        if action.text():
            yield Seen(where, "menu", plain(action.text()))
        if action.toolTip() and plain(action.toolTip()) != plain(action.text()):
            yield Seen(where, "menu tooltip", plain(action.toolTip()))
        if action.menu() is not None:
            yield from _actions(where, action.menu())


def _row_hidden(view: QAbstractItemView, row: int) -> bool:
    if isinstance(view, QTreeView):
        return view.isRowHidden(row, view.rootIndex())
    return isinstance(view, QTableView | QListView) and view.isRowHidden(row)


def _column_hidden(view: QAbstractItemView, column: int) -> bool:
    return isinstance(view, QTableView | QTreeView) and view.isColumnHidden(column)


def _headers(view: QAbstractItemView) -> Iterator[tuple[Qt.Orientation, QHeaderView]]:
    if isinstance(view, QTableView):
        yield Qt.Orientation.Horizontal, view.horizontalHeader()
        yield Qt.Orientation.Vertical, view.verticalHeader()
    elif isinstance(view, QTreeView):
        yield Qt.Orientation.Horizontal, view.header()


def _columns(model: QAbstractItemModel, root: QModelIndex) -> int:
    """A list model (a QListWidget's) has one column; Qt keeps its columnCount private."""
    return 1 if isinstance(model, QAbstractListModel) else model.columnCount(root)


def _item_view(where: str, view: QAbstractItemView) -> Iterator[Seen]:
    model = view.model()
    if model is None:
        return
    root = view.rootIndex()
    for orientation, header in _headers(view):
        if header.isHidden():
            continue
        count = _columns(model, root) if orientation == Qt.Orientation.Horizontal else model.rowCount(root)
        for section in range(count):
            if header.isSectionHidden(section):
                continue
            for role, kind in (
                (Qt.ItemDataRole.DisplayRole, "header"),
                (Qt.ItemDataRole.ToolTipRole, "header tooltip"),
            ):
                value = model.headerData(section, orientation, role)
                if isinstance(value, str) and value.strip():
                    yield Seen(where, kind, plain(value))
    for row in range(min(model.rowCount(root), _ROWS_LIMIT)):
        if _row_hidden(view, row):
            continue
        for column in range(_columns(model, root)):
            if _column_hidden(view, column):
                continue
            index = model.index(row, column, root)
            for role, kind in (
                (Qt.ItemDataRole.DisplayRole, "cell"),
                (Qt.ItemDataRole.ToolTipRole, "cell tooltip"),
            ):
                value = model.data(index, role)
                if isinstance(value, str) and value.strip():
                    yield Seen(where, kind, plain(value), data=True)


def visible_texts(window: QWidget) -> list[Seen]:
    """Every text of ``window`` a person can see or hear (screen readers read accessible names)."""
    seen: list[Seen] = []
    if window.windowTitle():
        seen.append(Seen(describe(window), "window title", plain(window.windowTitle())))
    for widget in _widgets(window):
        where = _path(window, widget)
        if isinstance(widget, QLabel) and widget.text():
            seen.append(Seen(where, "label", plain(widget.text())))
        elif isinstance(widget, QAbstractButton) and widget.text():
            seen.append(Seen(where, "button", plain(widget.text())))
        elif isinstance(widget, QGroupBox) and widget.title():
            seen.append(Seen(where, "group title", plain(widget.title())))
        elif isinstance(widget, QTabBar):
            seen += [
                Seen(where, "tab", _COUNT.sub("", plain(widget.tabText(i))))
                for i in range(widget.count())
                if widget.isTabVisible(i)
            ]
            seen += [
                Seen(where, "tab tooltip", plain(widget.tabToolTip(i)))
                for i in range(widget.count())
                if widget.isTabVisible(i) and widget.tabToolTip(i)
            ]
        elif isinstance(widget, QMenuBar):
            seen += _actions(where, widget)
        elif isinstance(widget, QComboBox) and not widget.isEditable():
            seen += [Seen(where, "choice", plain(widget.itemText(i))) for i in range(widget.count())]
        elif isinstance(widget, QLineEdit) and widget.placeholderText():
            seen.append(Seen(where, "placeholder", plain(widget.placeholderText())))
        elif isinstance(widget, QTextEdit | QPlainTextEdit):
            if widget.placeholderText():
                seen.append(Seen(where, "placeholder", plain(widget.placeholderText())))
            if widget.isReadOnly() and widget.toPlainText().strip():
                seen.append(Seen(where, "text", plain(widget.toPlainText())))
        elif isinstance(widget, QAbstractItemView):
            seen += _item_view(where, widget)
        if isinstance(widget, QPushButton | QToolButton) and isinstance(widget.menu(), QMenu):
            seen += _actions(where, widget.menu())
        if widget.toolTip():
            seen.append(Seen(where, "tooltip", plain(widget.toolTip())))
        if widget.accessibleName():
            seen.append(Seen(where, "accessible name", plain(widget.accessibleName())))
        if widget.accessibleDescription():
            seen.append(Seen(where, "accessible description", plain(widget.accessibleDescription())))
    return seen


# ---------------------------------------------------------------- which language a text is in


def _pattern(text: str) -> re.Pattern[str] | None:
    """A regular expression matching ``text`` once its placeholders are filled in, or None when it has
    no placeholder (or no word outside them)."""
    if not _PLACEHOLDER.search(text) or not has_words(text):
        return None
    pieces = _PLACEHOLDER.split(plain(text))
    literal = "".join(pieces)
    if sum(character.isalpha() for character in literal) < 4:
        return None
    return re.compile("(?:.+?)".join(re.escape(piece) for piece in pieces), re.DOTALL)


@dataclass(frozen=True)
class Catalog:
    """The .ts read two ways: texts that are only English (sources), and only French (translations)."""

    english: frozenset[str]
    french: frozenset[str]
    english_patterns: tuple[re.Pattern[str], ...]
    french_patterns: tuple[re.Pattern[str], ...]

    @classmethod
    def read(cls, ts_file: Path = TS_FILE, same_in_both: frozenset[str] = SAME_IN_BOTH) -> Catalog:
        sources: set[str] = set()
        translations: set[str] = set()
        for entry in read_entries(ts_file):
            if entry.source in same_in_both or not has_words(entry.source):
                continue
            sources.add(entry.source)
            translations.update(form for form in entry.forms if form and form != entry.source)
        english = {plain(s) for s in sources if not _PLACEHOLDER.search(s)}
        french = {plain(t) for t in translations if not _PLACEHOLDER.search(t)}
        return cls(
            english=frozenset(english - french),
            french=frozenset(french - english),
            english_patterns=tuple(p for p in map(_pattern, sorted(sources)) if p is not None),
            french_patterns=tuple(p for p in map(_pattern, sorted(translations)) if p is not None),
        )

    def is_english(self, text: str) -> bool:
        return self._is(text, self.english, self.english_patterns, self.french, self.french_patterns)

    def is_french(self, text: str) -> bool:
        return self._is(text, self.french, self.french_patterns, self.english, self.english_patterns)

    @staticmethod
    def _is(
        text: str,
        texts: frozenset[str],
        patterns: tuple[re.Pattern[str], ...],
        other: frozenset[str],
        other_patterns: tuple[re.Pattern[str], ...],
    ) -> bool:
        if text in texts:
            return True
        if text in other or not any(p.fullmatch(text) for p in patterns):
            return False
        return not any(p.fullmatch(text) for p in other_patterns)


_catalog: Catalog | None = None


def catalog() -> Catalog:
    global _catalog
    if _catalog is None:
        _catalog = Catalog.read()
    return _catalog


def _without_data(text: str, data: Iterable[str]) -> str:
    for value in sorted((d for d in data if d), key=len, reverse=True):
        text = text.replace(value, " ")
    return text


def language_problems(
    seen: Iterable[Seen], language: Language, data: Iterable[str] = (), known: Catalog | None = None
) -> list[str]:
    """Texts of ``seen`` in the other language than ``language``. ``data`` are values from the database
    (names, addresses, paths) that are taken out of a text before its words are looked at."""
    known = known or catalog()
    data = tuple(data)
    problems: list[str] = []
    for item in seen:
        text = item.text
        if language == Language.FR:
            if known.is_english(text):
                problems.append(f"English text in French: {item}")
            elif not item.data and (word := _ENGLISH_WORD.search(_without_data(text, data))):
                problems.append(f"English word {word.group(0)!r} in French: {item}")
        elif known.is_french(text):
            problems.append(f"French text in English: {item}")
    return sorted(set(problems))


# ---------------------------------------------------------------- clipping


def _button_needs(button: QAbstractButton) -> int:
    """The width a button's text and icon need, with the style's margins, without the style's minimum
    width for push buttons (a narrow OK button is not clipped)."""
    hint = button.sizeHint().width()
    if not isinstance(button, QPushButton):
        return hint
    style = button.style()
    content = button.fontMetrics().horizontalAdvance(plain(button.text()))
    if not button.icon().isNull():
        content += button.iconSize().width() + 4
    if button.menu() is not None:
        content += style.pixelMetric(QStyle.PixelMetric.PM_MenuButtonIndicator, None, button)
    margins = 2 * (
        style.pixelMetric(QStyle.PixelMetric.PM_ButtonMargin, None, button)
        + style.pixelMetric(QStyle.PixelMetric.PM_DefaultFrameWidth, None, button)
    )
    return min(hint, content + margins)


def clipped_texts(window: QWidget) -> list[str]:
    """Labels (without word wrap), buttons and tabs of ``window`` narrower (or lower) than their text."""
    problems: list[str] = []
    for widget in _widgets(window):
        where = _path(window, widget)
        if isinstance(widget, QLabel) and widget.text() and not widget.wordWrap():
            hint = widget.sizeHint()
            if hint.width() > widget.width() or hint.height() > widget.height():
                problems.append(
                    f"clipped: {where} {plain(widget.text())!r} needs {hint.width()}x{hint.height()}, "
                    f"has {widget.width()}x{widget.height()}"
                )
        elif isinstance(widget, QAbstractButton) and widget.text():
            needs = _button_needs(widget)
            if needs > widget.width():
                problems.append(
                    f"clipped: {where} {plain(widget.text())!r} needs {needs} px wide, has {widget.width()}"
                )
        elif isinstance(widget, QTabBar):
            for i in range(widget.count()):
                if widget.isTabVisible(i) and widget.tabSizeHint(i).width() > widget.tabRect(i).width():
                    problems.append(
                        f"clipped: {where} tab {plain(widget.tabText(i))!r} needs "
                        f"{widget.tabSizeHint(i).width()} px wide, has {widget.tabRect(i).width()}"
                    )
    return problems
