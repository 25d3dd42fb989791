"""A pad on which a client signs with a mouse, a pen (graphics tablet) or a finger.

Strokes are kept as lists of points in widget coordinates and drawn as smooth
quadratic curves through the midpoints of consecutive samples.  The finished
signature is exported as a PNG with a transparent background, cropped to the ink,
so it can be stamped onto a consent form or a PDF.

The widget is pure: it never touches the database or the file system.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass, field

from PySide6.QtCore import QBuffer, QByteArray, QEvent, QIODevice, QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QFocusEvent,
    QFont,
    QImage,
    QInputDevice,
    QKeyEvent,
    QKeySequence,
    QMouseEvent,
    QPainter,
    QPainterPath,
    QPaintEvent,
    QPen,
    QPointingDevice,
    QTabletEvent,
    QTouchEvent,
)
from PySide6.QtWidgets import QSizePolicy, QWidget

__all__ = ["SignaturePad"]

# Widget coordinates are device-independent pixels, nominally 1/96 inch.  Ink
# thresholds are expressed in millimetres and converted with this factor so they
# do not depend on how large the pad happens to be laid out.
PX_PER_MM = 96.0 / 25.4

_PAPER = QColor(255, 255, 255)
_BORDER = QColor(196, 201, 209)
_BASELINE = QColor(190, 196, 205)
_HINT = QColor(128, 135, 146)
_INK = QColor(22, 32, 64)

_MOUSE = "mouse"
_TABLET = "tablet"
_TOUCH = "touch"


@dataclass
class _Stroke:
    points: list[QPointF] = field(default_factory=list)
    # One pressure value (0..1) per point for pen input; None for mouse and touch.
    pressures: list[float] | None = None

    def length(self) -> float:
        total = 0.0
        for a, b in zip(self.points, self.points[1:], strict=False):
            total += math.hypot(b.x() - a.x(), b.y() - a.y())
        return total


def _midpoint(a: QPointF, b: QPointF) -> QPointF:
    return QPointF((a.x() + b.x()) / 2.0, (a.y() + b.y()) / 2.0)


def _smooth_path(points: Sequence[QPointF]) -> QPainterPath:
    """A path through ``points`` made of quadratic curves between midpoints.

    Each sample becomes the control point of a curve running from the midpoint
    before it to the midpoint after it, which removes the corners a polyline
    would show at every sample while still passing close to the pen.
    """
    path = QPainterPath()
    if not points:
        return path
    path.moveTo(points[0])
    if len(points) == 1:
        path.lineTo(points[0])
        return path
    if len(points) == 2:
        path.lineTo(points[1])
        return path
    path.lineTo(_midpoint(points[0], points[1]))
    for i in range(1, len(points) - 1):
        path.quadTo(points[i], _midpoint(points[i], points[i + 1]))
    path.lineTo(points[-1])
    return path


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

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._strokes: list[_Stroke] = []
        self._current: _Stroke | None = None
        self._source: str | None = None
        self._touch_id: int | None = None

        self.setAttribute(Qt.WidgetAttribute.WA_AcceptTouchEvents, True)
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent, True)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setCursor(Qt.CursorShape.CrossCursor)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self._retranslate()

    # ------------------------------------------------------------------ API

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
        return sum(s.length() for s in self._strokes)

    def ink_bounds(self) -> QRectF:
        """Bounding box of the sampled points of all finished strokes (empty if none)."""
        xs = [p.x() for s in self._strokes for p in s.points]
        ys = [p.y() for s in self._strokes for p in s.points]
        if not xs:
            return QRectF()
        return QRectF(QPointF(min(xs), min(ys)), QPointF(max(xs), max(ys)))

    def has_enough_ink(self) -> bool:
        """Whether the strokes look like a signature rather than a dot or a scratch."""
        if not self._strokes:
            return False
        if sum(len(s.points) for s in self._strokes) < self.MIN_POINTS:
            return False
        if self.ink_length() < self.MIN_INK_LENGTH_MM * PX_PER_MM:
            return False
        bounds = self.ink_bounds()
        longer = max(bounds.width(), bounds.height())
        shorter = min(bounds.width(), bounds.height())
        return longer >= self.MIN_EXTENT_MM * PX_PER_MM and shorter >= self.MIN_THICKNESS_MM * PX_PER_MM

    def to_png(self) -> bytes:
        """The signature as PNG bytes: transparent background, cropped to the ink.

        The image is rendered at up to ``PNG_MAX_SCALE`` times the on-screen size
        but never wider than ``PNG_MAX_WIDTH`` pixels.

        Raises ValueError if ``has_enough_ink()`` is false.
        """
        if not self.has_enough_ink():
            raise ValueError("the signature pad does not hold enough ink to be a signature")

        pad = self._max_pen_width() / 2.0 + self.PNG_MARGIN
        box = self.ink_bounds().adjusted(-pad, -pad, pad, pad)
        scale = min(self.PNG_MAX_SCALE, self.PNG_MAX_WIDTH / box.width())
        width = max(1, min(self.PNG_MAX_WIDTH, math.ceil(box.width() * scale)))
        height = max(1, math.ceil(box.height() * scale))

        image = QImage(width, height, QImage.Format.Format_ARGB32)
        image.fill(Qt.GlobalColor.transparent)
        dots_per_metre = round(96.0 * scale / 0.0254)
        image.setDotsPerMeterX(dots_per_metre)
        image.setDotsPerMeterY(dots_per_metre)

        painter = QPainter(image)
        try:
            painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
            painter.scale(scale, scale)
            painter.translate(-box.left(), -box.top())
            for stroke in self._strokes:
                self._draw_stroke(painter, stroke)
        finally:
            painter.end()

        data = QByteArray()
        buffer = QBuffer(data)
        buffer.open(QIODevice.OpenModeFlag.WriteOnly)
        if not image.save(buffer, "PNG"):
            raise RuntimeError("could not encode the signature as PNG")
        buffer.close()
        return bytes(data.data())

    # ------------------------------------------------------------- geometry

    def sizeHint(self) -> QSize:
        return QSize(480, 160)

    def minimumSizeHint(self) -> QSize:
        return QSize(240, 100)

    # --------------------------------------------------------------- stroke

    def _begin_stroke(self, source: str, pos: QPointF, pressure: float | None = None) -> None:
        self._source = source
        self._current = _Stroke(points=[QPointF(pos)], pressures=None if pressure is None else [pressure])
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

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
            self.update()
        super().changeEvent(event)

    def focusInEvent(self, event: QFocusEvent) -> None:
        super().focusInEvent(event)
        self.update()

    def focusOutEvent(self, event: QFocusEvent) -> None:
        super().focusOutEvent(event)
        self.update()

    def _retranslate(self) -> None:
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
                self.tr("Sign above this line"),
            )

    def _pen(self, width: float) -> QPen:
        pen = QPen(_INK, width)
        pen.setCapStyle(Qt.PenCapStyle.RoundCap)
        pen.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
        return pen

    @classmethod
    def _pressure_width(cls, pressure: float) -> float:
        # Half pressure gives the nominal width; the range is about 0.35x to 1.65x.
        return cls.PEN_WIDTH * (0.35 + 1.3 * pressure)

    def _max_pen_width(self) -> float:
        return self._pressure_width(1.0)

    def _draw_stroke(self, painter: QPainter, stroke: _Stroke) -> None:
        points = stroke.points
        if not points:
            return
        painter.setBrush(Qt.BrushStyle.NoBrush)
        pressures = stroke.pressures
        if pressures is None or len(points) < 3:
            width = self.PEN_WIDTH if pressures is None else self._pressure_width(max(pressures))
            painter.setPen(self._pen(width))
            if len(points) == 1:
                painter.drawPoint(points[0])
            else:
                painter.drawPath(_smooth_path(points))
            return

        # Variable width: draw the same midpoint curves one piece at a time,
        # each with the pressure of its control sample.  Round caps hide the seams.
        n = len(points)
        start = points[0]
        for i in range(1, n):
            path = QPainterPath(start)
            if i == n - 1:
                end = points[i]
                path.lineTo(end)
                width = self._pressure_width(pressures[i])
            else:
                end = _midpoint(points[i], points[i + 1])
                if i == 1:
                    path.lineTo(_midpoint(points[0], points[1]))
                path.quadTo(points[i], end)
                width = self._pressure_width(pressures[i])
            painter.setPen(self._pen(width))
            painter.drawPath(path)
            start = end
