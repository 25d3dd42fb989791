"""The signature as printed: the pad's PNG trimmed to its ink, on white, scaled into its box."""

from __future__ import annotations

import io

from PIL import Image as PILImage
from reportlab.lib.units import cm
from reportlab.lib.utils import ImageReader
from reportlab.platypus import Flowable

SIGNATURE_BOX = (7.5 * cm, 2.8 * cm)
#: Larger images are refused before they are decoded (a hostile PNG could exhaust memory).
MAX_SIGNATURE_PIXELS = 25_000_000


class SignatureImage(Flowable):
    """The trimmed signature, drawn from the decoded image itself (no PNG written and read again)."""

    def __init__(self, image: PILImage.Image, width: float, height: float) -> None:
        super().__init__()
        self.image = ImageReader(image)
        self.drawWidth = width
        self.drawHeight = height
        self.hAlign = "CENTER"

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:  # noqa: N803
        return self.drawWidth, self.drawHeight

    def draw(self) -> None:
        self.canv.drawImage(self.image, 0, 0, self.drawWidth, self.drawHeight)


def signature_image(png: bytes) -> SignatureImage:
    """The signature trimmed to its ink, flattened on white, scaled into the signature box."""
    try:
        with PILImage.open(io.BytesIO(png)) as source:
            if source.format != "PNG":
                raise ValueError("signature_png is not a PNG image")
            if source.width * source.height > MAX_SIGNATURE_PIXELS:
                raise ValueError("signature_png is too large")
            rgba = source.convert("RGBA")
    except (OSError, PILImage.DecompressionBombError) as exc:
        raise ValueError(f"signature_png cannot be read: {exc}") from exc
    flat = PILImage.new("RGB", rgba.size, (255, 255, 255))
    flat.paste(rgba, mask=rgba.getchannel("A"))
    ink = flat.convert("L").point(lambda v: 255 if v < 235 else 0)
    box = ink.getbbox()
    if box is None:
        raise ValueError("signature_png is blank")
    pad_x = max(1, round(0.03 * (box[2] - box[0])))
    pad_y = max(1, round(0.06 * (box[3] - box[1])))
    box = (
        max(0, box[0] - pad_x),
        max(0, box[1] - pad_y),
        min(flat.width, box[2] + pad_x),
        min(flat.height, box[3] + pad_y),
    )
    cropped = flat.crop(box)
    max_w, max_h = SIGNATURE_BOX
    max_w -= 8
    max_h -= 8
    scale = min(max_w / cropped.width, max_h / cropped.height)
    return SignatureImage(cropped, cropped.width * scale, cropped.height * scale)
