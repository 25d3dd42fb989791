"""The acknowledgment's page geometry, paragraph styles and table style, in the shipped fonts."""

from __future__ import annotations

from dataclasses import dataclass

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_LEFT
from reportlab.lib.pagesizes import LETTER
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import cm
from reportlab.platypus import Flowable, TableStyle

import desktop.pdf.fonts as fonts

#: US Letter, as Quebec clinics print on Letter.
PAGE_SIZE = LETTER
MARGIN_X = 2.0 * cm
MARGIN_TOP = 2.0 * cm
MARGIN_BOTTOM = 2.2 * cm
#: The printable width between the margins.
FRAME_WIDTH = PAGE_SIZE[0] - 2 * MARGIN_X

#: One reportlab table-style command: ("GRID", (0, 0), (-1, -1), 0.5, colour) and the like.
TableCommand = tuple[object, ...]


@dataclass(frozen=True)
class Styles:
    body: ParagraphStyle
    small: ParagraphStyle
    muted: ParagraphStyle
    title: ParagraphStyle
    clinic: ParagraphStyle
    heading: ParagraphStyle
    label: ParagraphStyle
    cell: ParagraphStyle
    cell_bold: ParagraphStyle
    mono: ParagraphStyle
    code: ParagraphStyle
    banner: ParagraphStyle
    bullet: ParagraphStyle
    policy: ParagraphStyle
    policy_heading: ParagraphStyle
    policy_bullet: ParagraphStyle
    centered: ParagraphStyle
    tiny: ParagraphStyle
    heading_loose: ParagraphStyle
    tiny_mono: ParagraphStyle


def make_styles() -> Styles:
    ink = colors.HexColor("#111111")
    grey = colors.HexColor("#4a4a4a")
    base = ParagraphStyle(
        "FDBody",
        fontName=fonts.REGULAR,
        fontSize=10,
        leading=13.2,
        textColor=ink,
        bulletFontName=fonts.REGULAR,
        alignment=TA_LEFT,
        splitLongWords=1,
        spaceAfter=0,
    )

    def derive(name: str, **kw: object) -> ParagraphStyle:
        return ParagraphStyle(name, parent=base, **kw)

    policy = derive("FDPolicy", fontSize=8.8, leading=11.4, spaceBefore=4.5)
    return Styles(
        body=derive("FDBodyP", spaceAfter=4),
        small=derive("FDSmall", fontSize=8.5, leading=10.8),
        muted=derive("FDMuted", fontSize=8.5, leading=10.8, textColor=grey),
        title=derive("FDTitle", fontName=fonts.BOLD, fontSize=15, leading=19, spaceBefore=5, spaceAfter=3),
        clinic=derive("FDClinic", fontName=fonts.BOLD, fontSize=13, leading=16),
        heading=derive(
            "FDHeading",
            fontName=fonts.BOLD,
            fontSize=11,
            leading=14,
            spaceBefore=8,
            spaceAfter=3,
            keepWithNext=1,
        ),
        label=derive("FDLabel", fontSize=9, leading=11.5, textColor=grey),
        cell=derive("FDCell", fontSize=9.5, leading=12),
        cell_bold=derive("FDCellBold", fontName=fonts.BOLD, fontSize=9.5, leading=12),
        mono=derive("FDMono", fontName=fonts.MONO, fontSize=8.6, leading=11, splitLongWords=1),
        code=derive("FDCode", fontName=fonts.MONO, fontSize=15, leading=19),
        banner=derive("FDBanner", fontName=fonts.BOLD, fontSize=11.5, leading=15, alignment=TA_CENTER),
        bullet=derive("FDBullet", leftIndent=16, bulletIndent=5, spaceBefore=1),
        policy=policy,
        policy_heading=ParagraphStyle(
            "FDPolicyHeading", parent=policy, fontName=fonts.BOLD, spaceBefore=7, keepWithNext=1
        ),
        policy_bullet=ParagraphStyle(
            "FDPolicyBullet",
            parent=policy,
            leftIndent=16,
            bulletIndent=5,
            spaceBefore=1.2,
            bulletFontName=fonts.REGULAR,
        ),
        centered=derive("FDCentered", fontSize=8.5, leading=10.8, alignment=TA_CENTER, textColor=grey),
        heading_loose=derive(
            "FDHeadingLoose", fontName=fonts.BOLD, fontSize=11, leading=14, spaceBefore=8, spaceAfter=3
        ),
        tiny=derive("FDTiny", fontSize=7, leading=8.6, textColor=grey),
        tiny_mono=derive("FDTinyMono", fontName=fonts.MONO, fontSize=6.6, leading=8.4, textColor=grey),
    )


def table_style(*extra: TableCommand) -> TableStyle:
    return TableStyle(
        [
            ("FONTNAME", (0, 0), (-1, -1), fonts.REGULAR),
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("LEFTPADDING", (0, 0), (-1, -1), 4),
            ("RIGHTPADDING", (0, 0), (-1, -1), 4),
            ("TOPPADDING", (0, 0), (-1, -1), 2.5),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 2.5),
            *extra,
        ]
    )


class Rule(Flowable):
    """A thin horizontal line across the frame."""

    def __init__(self, width: float, thickness: float = 0.6, space: float = 4) -> None:
        super().__init__()
        self.width = width
        self.thickness = thickness
        self.space = space

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:  # noqa: N803
        return self.width, self.thickness + 2 * self.space

    def draw(self) -> None:
        self.canv.setStrokeColor(colors.HexColor("#777777"))
        self.canv.setLineWidth(self.thickness)
        y = self.space + self.thickness / 2
        self.canv.line(0, y, self.width, y)
