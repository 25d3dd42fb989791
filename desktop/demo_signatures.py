"""Hand-drawn-looking signatures for the demo's acknowledgments: a pen line wandering left to right."""

from __future__ import annotations

import io
import random

from PIL import Image, ImageDraw


def signature_png(rng: random.Random) -> bytes:
    image = Image.new("RGBA", (360, 110), (0, 0, 0, 0))
    draw = ImageDraw.Draw(image)
    x, y = 15, 60
    points = [(x, y)]
    for _ in range(28):
        x += rng.randint(6, 14)
        y = max(12, min(98, y + rng.randint(-22, 22)))
        points.append((x, y))
    draw.line(points, fill=(20, 30, 80, 255), width=3, joint="curve")
    buffer = io.BytesIO()
    image.save(buffer, format="PNG")
    return buffer.getvalue()
