"""Draws the application icon's PNG sizes and the Windows .ico from resources/icons/frontdesk.svg.

    .venv/bin/python scripts/make_icons.py

The drawn files are committed beside the SVG (the bundle, the window, the Linux desktop entry and the
Windows installer use them); run this again only after changing the SVG. Qt renders the SVG at each
size (small sizes drawn at their own size stay sharp); Pillow packs those same images into the .ico.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PIL import Image  # noqa: E402
from PySide6.QtCore import Qt  # noqa: E402
from PySide6.QtGui import QGuiApplication, QImage, QPainter  # noqa: E402
from PySide6.QtSvg import QSvgRenderer  # noqa: E402

ICONS = Path(__file__).resolve().parent.parent / "resources" / "icons"
SOURCE = ICONS / "frontdesk.svg"
#: The sizes desktops ask for (hicolor theme folders, taskbars, alt-tab); Windows' .ico takes up to 256.
PNG_SIZES = (16, 24, 32, 48, 64, 128, 256, 512)
ICO_SIZES = (16, 24, 32, 48, 64, 128, 256)


def png_name(size: int) -> str:
    return f"frontdesk-{size}.png"


def render(renderer: QSvgRenderer, size: int) -> Image.Image:
    # Straight (not premultiplied) RGBA, row after row with no padding: the layout Pillow reads.
    image = QImage(size, size, QImage.Format.Format_RGBA8888)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    renderer.render(painter)
    painter.end()
    return Image.frombytes("RGBA", (size, size), bytes(image.constBits()))


def main() -> int:
    _app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])
    renderer = QSvgRenderer(str(SOURCE))
    if not renderer.isValid():
        print(f"make_icons: {SOURCE} is not an SVG Qt can draw", file=sys.stderr)
        return 1
    images = {size: render(renderer, size) for size in PNG_SIZES}
    for size, image in images.items():
        image.save(ICONS / png_name(size), optimize=True)
    largest, *others = (images[size] for size in reversed(ICO_SIZES))
    largest.save(
        ICONS / "frontdesk.ico",
        sizes=[(size, size) for size in ICO_SIZES],
        append_images=others,
    )
    print(f"{len(images)} PNG sizes and frontdesk.ico written to {ICONS}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
