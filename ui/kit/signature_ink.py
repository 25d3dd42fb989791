"""The ink of a handwritten signature: strokes, whether they look like a signature, how they are drawn.

Strokes are lists of points in device-independent pixels (nominally 1/96 inch), drawn as smooth
quadratic curves through the midpoints of consecutive samples. Nothing here knows about input events
or widgets: :class:`ui.kit.signature_pad.SignaturePad` collects the strokes and calls these functions.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass, field

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QImage, QPainter, QPainterPath, QPen

__all__ = [
    "INK",
    "PX_PER_MM",
    "Stroke",
    "draw_stroke",
    "has_enough_ink",
    "ink_bounds",
    "ink_length",
    "pressure_width",
    "render_png",
    "smooth_path",
]

# Ink thresholds are expressed in millimetres and converted with this factor so they do not depend
# on how large the pad happens to be laid out.
PX_PER_MM = 96.0 / 25.4

INK = QColor(22, 32, 64)


@dataclass
class Stroke:
    points: list[QPointF] = field(default_factory=list)
    # One pressure value (0..1) per point for pen input; None for mouse and touch.
    pressures: list[float] | None = None

    def length(self) -> float:
        total = 0.0
        for a, b in zip(self.points, self.points[1:], strict=False):
            total += math.hypot(b.x() - a.x(), b.y() - a.y())
        return total


# ---------------------------------------------------------------- measuring


def ink_length(strokes: Sequence[Stroke]) -> float:
    """Total length of the strokes, in pixels."""
    return sum(stroke.length() for stroke in strokes)


def ink_bounds(strokes: Sequence[Stroke]) -> QRectF:
    """Bounding box of the sampled points of the strokes (empty if none)."""
    xs = [p.x() for stroke in strokes for p in stroke.points]
    ys = [p.y() for stroke in strokes for p in stroke.points]
    if not xs:
        return QRectF()
    return QRectF(QPointF(min(xs), min(ys)), QPointF(max(xs), max(ys)))


def has_enough_ink(
    strokes: Sequence[Stroke],
    *,
    min_points: int,
    min_length_mm: float,
    min_extent_mm: float,
    min_thickness_mm: float,
) -> bool:
    """Whether the strokes look like a signature rather than a dot or a scratch."""
    if not strokes:
        return False
    if sum(len(stroke.points) for stroke in strokes) < min_points:
        return False
    if ink_length(strokes) < min_length_mm * PX_PER_MM:
        return False
    bounds = ink_bounds(strokes)
    longer = max(bounds.width(), bounds.height())
    shorter = min(bounds.width(), bounds.height())
    return longer >= min_extent_mm * PX_PER_MM and shorter >= min_thickness_mm * PX_PER_MM


# ---------------------------------------------------------------- drawing


def midpoint(a: QPointF, b: QPointF) -> QPointF:
    return QPointF((a.x() + b.x()) / 2.0, (a.y() + b.y()) / 2.0)


def smooth_path(points: Sequence[QPointF]) -> QPainterPath:
    """A path through ``points`` made of quadratic curves between midpoints.

    Each sample becomes the control point of a curve running from the midpoint before it to the
    midpoint after it, which removes the corners a polyline would show at every sample while still
    passing close to the pen.
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
    path.lineTo(midpoint(points[0], points[1]))
    for i in range(1, len(points) - 1):
        path.quadTo(points[i], midpoint(points[i], points[i + 1]))
    path.lineTo(points[-1])
    return path


def pressure_width(pen_width: float, pressure: float) -> float:
    # Half pressure gives the nominal width; the range is about 0.35x to 1.65x.
    return pen_width * (0.35 + 1.3 * pressure)


def _pen(width: float) -> QPen:
    pen = QPen(INK, width)
    pen.setCapStyle(Qt.PenCapStyle.RoundCap)
    pen.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
    return pen


def draw_stroke(painter: QPainter, stroke: Stroke, pen_width: float) -> None:
    points = stroke.points
    if not points:
        return
    painter.setBrush(Qt.BrushStyle.NoBrush)
    pressures = stroke.pressures
    if pressures is None or len(points) < 3:
        width = pen_width if pressures is None else pressure_width(pen_width, max(pressures))
        painter.setPen(_pen(width))
        if len(points) == 1:
            painter.drawPoint(points[0])
        else:
            painter.drawPath(smooth_path(points))
        return

    # Variable width: draw the same midpoint curves one piece at a time, each with the pressure of
    # its control sample. Round caps hide the seams.
    n = len(points)
    start = points[0]
    for i in range(1, n):
        path = QPainterPath(start)
        if i == n - 1:
            end = points[i]
            path.lineTo(end)
        else:
            end = midpoint(points[i], points[i + 1])
            if i == 1:
                path.lineTo(midpoint(points[0], points[1]))
            path.quadTo(points[i], end)
        painter.setPen(_pen(pressure_width(pen_width, pressures[i])))
        painter.drawPath(path)
        start = end


def render_png(
    strokes: Sequence[Stroke], *, pen_width: float, margin: float, max_width: int, max_scale: float
) -> bytes:
    """The strokes as PNG bytes: transparent background, cropped to the ink plus ``margin``.

    Rendered at up to ``max_scale`` times the on-screen size, never wider than ``max_width`` pixels.
    """
    pad = pressure_width(pen_width, 1.0) / 2.0 + margin
    box = ink_bounds(strokes).adjusted(-pad, -pad, pad, pad)
    scale = min(max_scale, max_width / box.width())
    width = max(1, min(max_width, math.ceil(box.width() * scale)))
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
        for stroke in strokes:
            draw_stroke(painter, stroke, pen_width)
    finally:
        painter.end()

    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    # The stub asks for bytes, but the binding accepts only a str format name.
    if not image.save(buffer, "PNG"):  # type: ignore[call-overload]
        raise RuntimeError("could not encode the signature as PNG")
    buffer.close()
    return bytes(data.data())
