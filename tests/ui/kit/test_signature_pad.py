"""SignaturePad: mouse, pen and touch input, undo/clear, ink checks and PNG export."""

from __future__ import annotations

import io
import math

import pytest
from PIL import Image
from PySide6.QtCore import QCoreApplication, QEvent, QObject, QPoint, QPointF, Qt, QTranslator
from PySide6.QtGui import QAction, QInputDevice, QKeySequence, QPointingDevice, QTabletEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QVBoxLayout, QWidget

from desktop.domain.enums import Language
from ui.kit.signature_pad import PX_PER_MM, SignaturePad

PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"


@pytest.fixture
def pad(qtbot):
    widget = SignaturePad()
    qtbot.addWidget(widget)
    widget.resize(480, 160)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def scribble(x0: float = 60, y0: float = 100, width: float = 300, loops: int = 6) -> list[QPoint]:
    """A cursive-looking run of loops, like a hurried name."""
    points = []
    steps = 40 * loops
    for i in range(steps + 1):
        t = i / steps
        angle = t * loops * 2 * math.pi
        x = x0 + width * t + 14 * math.cos(angle + math.pi)
        y = y0 - 22 * (0.5 - 0.5 * math.cos(angle)) - 6 * math.sin(3 * t * math.pi)
        points.append(QPoint(round(x), round(y)))
    return points


def mouse_stroke(widget: SignaturePad, points: list[QPoint]) -> None:
    QTest.mousePress(widget, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, points[0])
    for p in points[1:]:
        QTest.mouseMove(widget, p)
    QTest.mouseRelease(widget, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, points[-1])


def stylus() -> QPointingDevice:
    return QPointingDevice(
        "test stylus",
        4242,
        QInputDevice.DeviceType.Stylus,
        QPointingDevice.PointerType.Pen,
        QInputDevice.Capability.Position | QInputDevice.Capability.Pressure,
        1,
        3,
    )


def send_tablet(widget, device, kind: QEvent.Type, pos: QPointF, pressure: float) -> bool:
    pressed = kind != QEvent.Type.TabletRelease
    event = QTabletEvent(
        kind,
        device,
        pos,
        QPointF(widget.mapToGlobal(pos)),
        pressure,
        0.0,
        0.0,
        0.0,
        0.0,
        0.0,
        Qt.KeyboardModifier.NoModifier,
        Qt.MouseButton.LeftButton if kind != QEvent.Type.TabletMove else Qt.MouseButton.NoButton,
        Qt.MouseButton.LeftButton if pressed else Qt.MouseButton.NoButton,
    )
    QApplication.sendEvent(widget, event)
    return event.isAccepted()


def rgba_image(png: bytes) -> Image.Image:
    assert png.startswith(PNG_SIGNATURE)
    image = Image.open(io.BytesIO(png))
    image.load()
    return image


# ---------------------------------------------------------------- input


def test_starts_empty(pad):
    assert pad.is_empty()
    assert pad.stroke_count() == 0
    assert not pad.has_enough_ink()
    assert pad.accessibleName() == "Signature pad"
    assert pad.focusPolicy() & Qt.FocusPolicy.TabFocus
    assert pad.testAttribute(Qt.WidgetAttribute.WA_AcceptTouchEvents)
    assert pad.sizeHint().width() >= 400 and pad.sizeHint().height() >= 120


def test_mouse_stroke_creates_stroke_and_emits_changed(pad, qtbot):
    points = scribble(loops=2)
    with qtbot.waitSignal(pad.changed, timeout=1000):
        mouse_stroke(pad, points)
    assert pad.stroke_count() == 1
    assert not pad.is_empty()
    stroke = pad.strokes()[0]
    assert stroke[0] == QPointF(points[0])
    assert stroke[-1] == QPointF(points[-1])
    assert len(stroke) > 20


def test_changed_is_emitted_once_per_stroke_not_per_move(pad, qtbot):
    emitted = []
    pad.changed.connect(lambda: emitted.append(1))
    mouse_stroke(pad, scribble(loops=1))
    assert emitted == [1]


def test_right_button_does_not_draw(pad):
    QTest.mousePress(pad, Qt.MouseButton.RightButton, Qt.KeyboardModifier.NoModifier, QPoint(50, 50))
    QTest.mouseMove(pad, QPoint(150, 80))
    QTest.mouseRelease(pad, Qt.MouseButton.RightButton, Qt.KeyboardModifier.NoModifier, QPoint(150, 80))
    assert pad.is_empty()


def test_pen_stroke_via_tablet_events(pad, qtbot):
    device = stylus()
    points = [QPointF(p) for p in scribble(loops=3)]
    with qtbot.waitSignal(pad.changed, timeout=1000):
        assert send_tablet(pad, device, QEvent.Type.TabletPress, points[0], 0.2)
        for i, p in enumerate(points[1:], start=1):
            assert send_tablet(pad, device, QEvent.Type.TabletMove, p, 0.2 + 0.7 * i / len(points))
        assert send_tablet(pad, device, QEvent.Type.TabletRelease, points[-1], 0.0)
    assert pad.stroke_count() == 1
    assert pad.strokes()[0][0] == points[0]
    assert pad.has_enough_ink()
    assert rgba_image(pad.to_png()).mode == "RGBA"


def test_hovering_pen_does_not_draw(pad):
    device = stylus()
    assert not send_tablet(pad, device, QEvent.Type.TabletMove, QPointF(40, 40), 0.0)
    assert pad.is_empty()


class EventRecorder(QObject):
    def __init__(self) -> None:
        super().__init__()
        self.types: list[QEvent.Type] = []

    def eventFilter(self, watched, event) -> bool:
        self.types.append(event.type())
        return False


def test_touch_stroke(pad, qtbot):
    device = QTest.createTouchDevice()
    points = scribble(loops=2)
    recorder = EventRecorder()
    pad.installEventFilter(recorder)
    with qtbot.waitSignal(pad.changed, timeout=1000):
        QTest.touchEvent(pad, device).press(0, points[0], pad).commit()
        for p in points[1:]:
            QTest.touchEvent(pad, device).move(0, p, pad).commit()
        QTest.touchEvent(pad, device).release(0, points[-1], pad).commit()
    pad.removeEventFilter(recorder)
    # Drawn from the touch events themselves, not from mouse events synthesized from them.
    assert QEvent.Type.TouchBegin in recorder.types
    assert QEvent.Type.TouchEnd in recorder.types
    assert QEvent.Type.MouseButtonPress not in recorder.types
    assert pad.stroke_count() == 1
    stroke = pad.strokes()[0]
    assert stroke[0] == QPointF(points[0])
    assert stroke[-1] == QPointF(points[-1])
    assert len(stroke) > 20


# ------------------------------------------------------------ undo/clear


def test_undo_removes_last_stroke(pad, qtbot):
    first, second = scribble(x0=40, loops=2), scribble(x0=260, width=150, loops=2)
    mouse_stroke(pad, first)
    mouse_stroke(pad, second)
    assert pad.stroke_count() == 2
    with qtbot.waitSignal(pad.changed, timeout=1000):
        pad.undo_last_stroke()
    assert pad.stroke_count() == 1
    assert pad.strokes()[0][0] == QPointF(first[0])


def test_clear_empties(pad, qtbot):
    mouse_stroke(pad, scribble())
    mouse_stroke(pad, scribble(y0=120))
    with qtbot.waitSignal(pad.changed, timeout=1000):
        pad.clear()
    assert pad.is_empty()
    assert pad.stroke_count() == 0
    assert not pad.has_enough_ink()


def test_undo_and_clear_on_empty_pad_are_quiet(pad, qtbot):
    with qtbot.assertNotEmitted(pad.changed):
        pad.undo_last_stroke()
        pad.clear()
    assert pad.is_empty()


def test_keyboard_undo_and_clear(pad, qtbot):
    mouse_stroke(pad, scribble(loops=1))
    mouse_stroke(pad, scribble(y0=130, loops=1))
    pad.setFocus()
    QTest.keyClick(pad, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert pad.stroke_count() == 1
    QTest.keyClick(pad, Qt.Key.Key_Delete)
    assert pad.is_empty()
    mouse_stroke(pad, scribble(loops=1))
    QTest.keyClick(pad, Qt.Key.Key_Backspace)
    assert pad.is_empty()


# ------------------------------------------------------------------ ink


def test_single_click_is_refused(pad):
    QTest.mouseClick(pad, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, QPoint(200, 80))
    assert pad.stroke_count() == 1
    assert not pad.has_enough_ink()
    with pytest.raises(ValueError):
        pad.to_png()


def test_tiny_scratch_is_refused(pad):
    scratch = [QPoint(200 + dx, 80 + dy) for dx, dy in [(0, 0), (3, 1), (6, 3), (4, 5), (8, 6), (10, 4)]]
    mouse_stroke(pad, scratch)
    assert pad.stroke_count() == 1
    assert not pad.has_enough_ink()
    with pytest.raises(ValueError):
        pad.to_png()


def test_many_tiny_dots_are_refused(pad):
    for i in range(15):
        QTest.mouseClick(
            pad, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, QPoint(100 + 3 * i, 80)
        )
    assert pad.stroke_count() == 15
    assert not pad.has_enough_ink()


def test_flat_dash_is_refused(pad):
    mouse_stroke(pad, [QPoint(x, 90) for x in range(100, 300, 5)])
    assert pad.ink_length() > pad.MIN_INK_LENGTH_MM * PX_PER_MM
    assert not pad.has_enough_ink()


def test_short_initials_are_accepted(pad):
    mouse_stroke(pad, scribble(x0=150, width=60, loops=2))
    assert pad.has_enough_ink()


def test_scribble_exports_transparent_png(pad):
    mouse_stroke(pad, scribble())
    assert pad.has_enough_ink()
    png = pad.to_png()
    assert isinstance(png, bytes)
    assert png.startswith(PNG_SIGNATURE)

    image = rgba_image(png)
    assert image.mode == "RGBA"
    width, height = image.size
    assert 0 < width <= pad.PNG_MAX_WIDTH
    assert height > 0

    for corner in [(0, 0), (width - 1, 0), (0, height - 1), (width - 1, height - 1)]:
        assert image.getpixel(corner)[3] == 0

    access = image.load()
    pixels = [access[x, y] for y in range(height) for x in range(width)]
    ink = [p for p in pixels if p[3] == 255 and max(p[:3]) < 90]
    assert len(ink) > 200
    # Mostly transparent paper, not a filled rectangle.
    assert sum(1 for p in pixels if p[3] == 0) > len(pixels) // 2


def test_png_is_cropped_to_the_ink(pad):
    mouse_stroke(pad, scribble(x0=80, width=100, loops=3))
    image = rgba_image(pad.to_png())
    bounds = pad.ink_bounds()
    aspect = bounds.width() / bounds.height()
    assert image.width / image.height == pytest.approx(aspect, rel=0.35)
    # Ink reaches close to every edge once the margin is accounted for.
    alpha = image.getchannel("A")
    left, top, right, bottom = alpha.getbbox()
    assert left < image.width * 0.2 and right > image.width * 0.8
    assert top < image.height * 0.4 and bottom > image.height * 0.6


def test_png_width_is_capped(qtbot):
    wide = SignaturePad()
    qtbot.addWidget(wide)
    wide.resize(1400, 300)
    wide.show()
    qtbot.waitExposed(wide)
    mouse_stroke(wide, scribble(x0=40, y0=200, width=1300, loops=12))
    image = rgba_image(wide.to_png())
    assert image.width <= SignaturePad.PNG_MAX_WIDTH
    assert image.width >= SignaturePad.PNG_MAX_WIDTH - 1


class RecordingTranslator(QTranslator):
    def __init__(self) -> None:
        super().__init__()
        self.requests: list[tuple[str, str]] = []

    def isEmpty(self) -> bool:
        return False

    def translate(self, context, source_text, disambiguation=None, n=-1):
        self.requests.append((context, source_text))
        return {
            "Sign above this line": "Signez au-dessus de la ligne",
            "Signature pad": "Zone de signature",
        }.get(source_text, "")


def test_texts_go_through_the_translator(pad, qtbot, monkeypatch):
    """The staff's words follow the interface language; the line to sign on follows the signer's
    (French by default), never the translator, and is drawn only while the pad is blank."""
    drawn: list[str] = []
    line_text = pad.signature_line_text

    def recorded() -> str:
        drawn.append(line_text())
        return drawn[-1]

    monkeypatch.setattr(pad, "signature_line_text", recorded)
    translator = RecordingTranslator()
    QCoreApplication.installTranslator(translator)
    try:
        qtbot.waitUntil(lambda: pad.accessibleName() == "Zone de signature", timeout=1000)
        pad.grab()
        assert drawn and set(drawn) == {"Signez au-dessus de cette ligne"}
        assert ("SignaturePad", "Sign above this line") not in translator.requests
        drawn.clear()
        mouse_stroke(pad, scribble(loops=1))
        pad.grab()
        assert drawn == []
    finally:
        QCoreApplication.removeTranslator(translator)
    qtbot.waitUntil(lambda: pad.accessibleName() == "Signature pad", timeout=1000)


def test_the_line_to_sign_on_is_in_the_signers_language(qtbot):
    for language, words in ((Language.FR, "Signez au-dessus de cette ligne"), (Language.EN, "Sign above this line")):
        pad = SignaturePad(language=language)
        qtbot.addWidget(pad)
        assert pad.signature_line_text() == words


def test_pad_keeps_ctrl_z_from_a_window_wide_undo_action(qtbot):
    window = QWidget()
    qtbot.addWidget(window)
    window_undo = QAction("Undo", window)
    window_undo.setShortcut(QKeySequence(QKeySequence.StandardKey.Undo))
    window.addAction(window_undo)
    triggered = []
    window_undo.triggered.connect(lambda: triggered.append(1))
    layout = QVBoxLayout(window)
    pad = SignaturePad()
    layout.addWidget(pad)
    window.resize(500, 200)
    window.show()
    qtbot.waitExposed(window)

    mouse_stroke(pad, scribble(loops=1))
    pad.setFocus()
    qtbot.waitUntil(pad.hasFocus, timeout=1000)
    QTest.keyClick(pad, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert pad.is_empty()
    assert triggered == []
