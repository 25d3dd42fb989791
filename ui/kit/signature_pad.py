"""A pad on which a client signs with a mouse, a pen (graphics tablet) or a finger.

Strokes are kept as lists of points in widget coordinates and drawn as smooth
quadratic curves through the midpoints of consecutive samples.  The finished
signature is exported as a PNG with a transparent background, cropped to the ink,
so it can be stamped onto a consent form or a PDF.

The widget is pure: it never touches the database or the file system.
"""

from __future__ import annotations

import math

from PySide6.QtCore import QEvent, QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QFocusEvent,
    QFont,
    QInputDevice,
    QKeyEvent,
    QKeySequence,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QPen,
    QPointingDevice,
    QTabletEvent,
    QTouchEvent,
)
from PySide6.QtWidgets import QSizePolicy, QWidget

from desktop.domain.client_texts import SigningText
from desktop.domain.enums import Language
from ui.kit.retranslate import follow_language
from ui.kit.signature_ink import (
    PX_PER_MM,
    Stroke,
    draw_stroke,
    has_enough_ink,
    ink_bounds,
    ink_length,
    pressure_width,
    render_png,
)

__all__ = ["PX_PER_MM", "SignaturePad"]

_PAPER = QColor(255, 255, 255)
_BORDER = QColor(196, 201, 209)
_BASELINE = QColor(190, 196, 205)
_HINT = QColor(128, 135, 146)

_MOUSE = "mouse"
_TABLET = "tablet"
_TOUCH = "touch"


class SignaturePad(QWidget):
    """Captures a handwritten signature.

    Input: left mouse button, pen tip (``QTabletEvent``; pressure modulates the
    line width) or a single finger on a touch screen.  Keyboard: Ctrl+Z (the
    platform Undo shortcut) removes the last stroke, Delete or Backspace clears.

    ``changed`` is emitted whenever the set of strokes changes: after a stroke is
    finished, after ``undo_last_stroke()`` and after ``clear()``.  Undo or clear
    on an already empty pad changes nothing and emits nothing.

    A signature is accepted by ``has_enough_ink()`` only if all of these hold:

    * at least ``MIN_POINTS`` (12) distinct samples in total;
    * total ink length of at least ``MIN_INK_LENGTH_MM`` (30 mm, about 113 px);
    * the ink's bounding box is at least ``MIN_EXTENT_MM`` (12 mm, about 45 px)
      along its longer side and ``MIN_THICKNESS_MM`` (3 mm, about 11 px) along
      its shorter side.

    A dot, a tick or a short dash fails; a scribbled name or initials pass.
    """

    changed = Signal()

    MIN_POINTS = 12
    MIN_INK_LENGTH_MM = 30.0
    MIN_EXTENT_MM = 12.0
    MIN_THICKNESS_MM = 3.0

    PEN_WIDTH = 2.6
    PNG_MAX_WIDTH = 600
    PNG_MAX_SCALE = 2.0
    PNG_MARGIN = 8.0

    # Samples closer than this to the previous one are dropped as jitter.
    _MIN_STEP = 0.75

    def __init__(self, parent: QWidget | None = None, *, language: Language = Language.FR) -> None:
        super().__init__(parent)
        # The signer's language: the line to sign on is written in it, not in the interface's.
        self._language = language
        self._strokes: list[Stroke] = []
        self._current: Stroke | None = None
        self._source: str | None = None
        self._touch_id: int | None = None

        self.setAttribute(Qt.WidgetAttribute.WA_AcceptTouchEvents, True)
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent, True)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setCursor(Qt.CursorShape.CrossCursor)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        follow_language(self, self.retranslate)

    # ------------------------------------------------------------------ API

    def signature_line_text(self) -> str:
        """The words under the line, shown while the pad is blank, in the signer's language."""
        return SigningText.sign_above.get(self._language)

    def clear(self) -> None:
        """Remove every stroke, including one still being drawn."""
        had_ink = bool(self._strokes) or self._current is not None
        self._strokes.clear()
        self._reset_input()
        self.update()
        if had_ink:
            self.changed.emit()

    def undo_last_stroke(self) -> None:
        """Remove the most recently finished stroke."""
        if not self._strokes:
            return
        self._strokes.pop()
        self.update()
        self.changed.emit()

    def is_empty(self) -> bool:
        return not self._strokes

    def stroke_count(self) -> int:
        return len(self._strokes)

    def strokes(self) -> list[list[QPointF]]:
        """Copies of the finished strokes, in widget coordinates."""
        return [[QPointF(p) for p in s.points] for s in self._strokes]

    def ink_length(self) -> float:
        """Total length of all finished strokes, in widget pixels."""
        return ink_length(self._strokes)

    def ink_bounds(self) -> QRectF:
        """Bounding box of the sampled points of all finished strokes (empty if none)."""
        return ink_bounds(self._strokes)

    def has_enough_ink(self) -> bool:
        """Whether the strokes look like a signature rather than a dot or a scratch."""
        return has_enough_ink(
            self._strokes,
            min_points=self.MIN_POINTS,
            min_length_mm=self.MIN_INK_LENGTH_MM,
            min_extent_mm=self.MIN_EXTENT_MM,
            min_thickness_mm=self.MIN_THICKNESS_MM,
        )

    def to_png(self) -> bytes:
        """The signature as PNG bytes: transparent background, cropped to the ink.

        The image is rendered at up to ``PNG_MAX_SCALE`` times the on-screen size
        but never wider than ``PNG_MAX_WIDTH`` pixels.

        Raises ValueError if ``has_enough_ink()`` is false.
        """
        if not self.has_enough_ink():
            raise ValueError("the signature pad does not hold enough ink to be a signature")
        return render_png(
            self._strokes,
            pen_width=self.PEN_WIDTH,
            margin=self.PNG_MARGIN,
            max_width=self.PNG_MAX_WIDTH,
            max_scale=self.PNG_MAX_SCALE,
        )

    # ------------------------------------------------------------- geometry

    def sizeHint(self) -> QSize:
        return QSize(480, 160)

    def minimumSizeHint(self) -> QSize:
        return QSize(240, 100)

    # --------------------------------------------------------------- stroke

    def _begin_stroke(self, source: str, pos: QPointF, pressure: float | None = None) -> None:
        self._source = source
        self._current = Stroke(points=[QPointF(pos)], pressures=None if pressure is None else [pressure])
        self._update_around(pos, pos)

    def _extend_stroke(self, pos: QPointF, pressure: float | None = None) -> None:
        stroke = self._current
        if stroke is None:
            return
        last = stroke.points[-1]
        if math.hypot(pos.x() - last.x(), pos.y() - last.y()) < self._MIN_STEP:
            if stroke.pressures is not None and pressure is not None:
                stroke.pressures[-1] = max(stroke.pressures[-1], pressure)
            return
        stroke.points.append(QPointF(pos))
        if stroke.pressures is not None:
            stroke.pressures.append(stroke.pressures[-1] if pressure is None else pressure)
        # The curve ending at the new midpoint depends on the two previous samples.
        start = stroke.points[-3] if len(stroke.points) >= 3 else last
        self._update_around(start, last, pos)

    def _end_stroke(self, pos: QPointF | None = None, pressure: float | None = None) -> None:
        stroke = self._current
        if stroke is None:
            return
        if pos is not None:
            self._extend_stroke(pos, pressure)
        self._strokes.append(stroke)
        self._reset_input()
        self.update()
        self.changed.emit()

    def _cancel_stroke(self) -> None:
        if self._current is None:
            return
        self._reset_input()
        self.update()

    def _reset_input(self) -> None:
        self._current = None
        self._source = None
        self._touch_id = None

    def _update_around(self, *points: QPointF) -> None:
        margin = self._max_pen_width() + 2.0
        xs = [p.x() for p in points]
        ys = [p.y() for p in points]
        rect = QRectF(QPointF(min(xs), min(ys)), QPointF(max(xs), max(ys)))
        self.update(rect.adjusted(-margin, -margin, margin, margin).toAlignedRect())

    # ---------------------------------------------------------------- mouse

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() != Qt.MouseButton.LeftButton or self._source not in (None, _MOUSE):
            event.ignore()
            return
        self._begin_stroke(_MOUSE, event.position())
        event.accept()

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        if self._source != _MOUSE:
            event.ignore()
            return
        self._extend_stroke(event.position())
        event.accept()

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if self._source != _MOUSE or event.button() != Qt.MouseButton.LeftButton:
            event.ignore()
            return
        self._end_stroke(event.position())
        event.accept()

    # --------------------------------------------------------------- tablet

    def tabletEvent(self, event: QTabletEvent) -> None:
        kind = event.type()
        if event.pointerType() == QPointingDevice.PointerType.Eraser:
            event.accept()
            return
        pressure = min(1.0, max(0.0, event.pressure()))
        if kind == QEvent.Type.TabletPress:
            if event.button() != Qt.MouseButton.LeftButton or self._source not in (None, _TABLET):
                event.ignore()
                return
            self._begin_stroke(_TABLET, event.position(), pressure)
        elif kind == QEvent.Type.TabletMove:
            if self._source != _TABLET:
                # Hovering pen: leave it to Qt, which may turn it into a mouse move.
                event.ignore()
                return
            self._extend_stroke(event.position(), pressure)
        elif kind == QEvent.Type.TabletRelease:
            if self._source != _TABLET:
                event.ignore()
                return
            self._end_stroke(event.position(), None)
        else:
            event.ignore()
            return
        event.accept()

    # ---------------------------------------------------------------- touch

    def _touch_event(self, event: QTouchEvent) -> bool:
        kind = event.type()
        device = event.device()
        if device is not None and device.type() == QInputDevice.DeviceType.TouchPad:
            event.ignore()
            return False
        if kind == QEvent.Type.TouchCancel:
            if self._source == _TOUCH:
                self._cancel_stroke()
            event.accept()
            return True

        points = event.points()
        if self._source is None and points:
            first = points[0]
            self._begin_stroke(_TOUCH, first.position())
            self._touch_id = first.id()
            if first.state() == first.State.Released:
                self._end_stroke()
        elif self._source == _TOUCH:
            for point in points:
                if point.id() != self._touch_id:
                    continue
                if point.state() == point.State.Released or kind == QEvent.Type.TouchEnd:
                    self._end_stroke(point.position())
                else:
                    self._extend_stroke(point.position())
                break
            else:
                if kind == QEvent.Type.TouchEnd:
                    self._end_stroke()
        event.accept()
        return True

    # ------------------------------------------------------------- keyboard

    @staticmethod
    def _is_undo(event: QKeyEvent) -> bool:
        return event.matches(QKeySequence.StandardKey.Undo)

    @staticmethod
    def _is_clear(event: QKeyEvent) -> bool:
        return event.key() in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace) and event.modifiers() in (
            Qt.KeyboardModifier.NoModifier,
            Qt.KeyboardModifier.KeypadModifier,
        )

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if self._is_undo(event):
            self.undo_last_stroke()
            event.accept()
        elif self._is_clear(event):
            self.clear()
            event.accept()
        else:
            super().keyPressEvent(event)

    # --------------------------------------------------------------- events

    def event(self, event: QEvent) -> bool:
        kind = event.type()
        if kind in (
            QEvent.Type.TouchBegin,
            QEvent.Type.TouchUpdate,
            QEvent.Type.TouchEnd,
            QEvent.Type.TouchCancel,
        ):
            return self._touch_event(event)  # type: ignore[arg-type]
        if kind == QEvent.Type.ShortcutOverride:
            # Keep Ctrl+Z and Delete for the pad while it has focus, rather than
            # letting a window-wide shortcut take them.
            if self._is_undo(event) or self._is_clear(event):  # type: ignore[arg-type]
                event.accept()
                return True
        return super().event(event)

    def focusInEvent(self, event: QFocusEvent) -> None:
        super().focusInEvent(event)
        self.update()

    def focusOutEvent(self, event: QFocusEvent) -> None:
        super().focusOutEvent(event)
        self.update()

    def retranslate(self) -> None:
        """The pad's name and how to use it, for the staff's screen reader, in the staff language.

        The line to sign on is the client's text, in the client's language: it does not change here."""
        self.setAccessibleName(self.tr("Signature pad"))
        self.setAccessibleDescription(
            self.tr("Sign with the mouse, a pen or a finger. Ctrl+Z undoes the last stroke; Delete clears.")
        )

    # ------------------------------------------------------------- painting

    def _baseline_y(self) -> float:
        return round(self.height() - max(30.0, self.height() * 0.28)) + 0.5

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        try:
            painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
            painter.setClipRect(event.rect())
            self._paint_paper(painter)
            for stroke in self._strokes:
                self._draw_stroke(painter, stroke)
            if self._current is not None:
                self._draw_stroke(painter, self._current)
        finally:
            painter.end()

    def _paint_paper(self, painter: QPainter) -> None:
        frame = QRectF(self.rect()).adjusted(0.5, 0.5, -0.5, -0.5)
        painter.fillRect(self.rect(), self.palette().window())
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(_PAPER)
        painter.drawRoundedRect(frame, 6.0, 6.0)

        if self.hasFocus():
            border = QPen(self.palette().highlight().color(), 2.0)
            painter.setPen(border)
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRoundedRect(frame.adjusted(0.5, 0.5, -0.5, -0.5), 6.0, 6.0)
        else:
            painter.setPen(QPen(_BORDER, 1.0))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRoundedRect(frame, 6.0, 6.0)

        side = max(16.0, self.width() * 0.05)
        y = self._baseline_y()
        left, right = side, self.width() - side
        painter.setPen(QPen(_BASELINE, 1.0))
        painter.drawLine(QPointF(left, y), QPointF(right, y))

        # A small cross at the start of the line, as on a paper form.
        cross = QPen(_BASELINE, 1.5)
        cross.setCapStyle(Qt.PenCapStyle.RoundCap)
        painter.setPen(cross)
        cx, cy, r = left + 6.0, y - 9.0, 4.0
        painter.drawLine(QPointF(cx - r, cy - r), QPointF(cx + r, cy + r))
        painter.drawLine(QPointF(cx - r, cy + r), QPointF(cx + r, cy - r))

        if not self._strokes and self._current is None:
            font = QFont(self.font())
            if font.pointSizeF() > 0:
                font.setPointSizeF(max(7.0, font.pointSizeF() * 0.9))
            painter.setFont(font)
            painter.setPen(_HINT)
            text_rect = QRectF(left, y + 4.0, right - left, max(0.0, self.height() - y - 6.0))
            painter.drawText(
                text_rect,
                int(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop),
                self.signature_line_text(),
            )

    def _max_pen_width(self) -> float:
        return pressure_width(self.PEN_WIDTH, 1.0)

    def _draw_stroke(self, painter: QPainter, stroke: Stroke) -> None:
        draw_stroke(painter, stroke, self.PEN_WIDTH)
