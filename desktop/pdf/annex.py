"""The annex: the full text of the policy version that was presented, verbatim, with its SHA-256,
followed by the summary read at the desk, verbatim, with its own."""

from __future__ import annotations

import re

from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import cm
from reportlab.platypus import CondPageBreak, Flowable, Paragraph, Spacer

from desktop.domain.enums import Language
from desktop.pdf.markup import clean, esc
from desktop.pdf.styles import Rule, Styles
from desktop.pdf.texts import AcknowledgmentText as A
from desktop.pdf.texts import PdfText

_BULLET_LINE = re.compile(r"^[ \t\u00a0]*([•◦▪‣●·*-])[ \t\u00a0]+(.*)$")
_BLANK_LINES = re.compile(r"\n[ \t\u00a0\u2000-\u200b\u202f\u3000]*\n")


def _is_heading_line(line: str) -> bool:
    letters = [c for c in line if c.isalpha()]
    return len(letters) >= 3 and len(line) <= 140 and line == line.upper()


def _policy_groups(lines: list[str]) -> list[tuple[str, list[str]]]:
    """Split a paragraph's lines into bullet items and runs of text lines (headings kept apart)."""
    groups: list[tuple[str, list[str]]] = []
    for line in lines:
        match = _BULLET_LINE.match(line)
        if match:
            groups.append(("bullet", [match.group(1), match.group(2)]))
            continue
        kind = "heading" if _is_heading_line(line) else "text"
        if groups and groups[-1][0] == kind:
            groups[-1][1].append(line)
        else:
            groups.append((kind, [line]))
    return groups


def policy_flowables(text: str, st: Styles) -> list[Flowable]:
    """The policy text, verbatim and escaped, keeping its paragraph and line breaks.

    Blank lines separate paragraphs; single line breaks are kept; lines starting with a bullet
    become indented bullet items; lines written all in capitals are set in bold.
    """
    first_bullet = ParagraphStyle("FDPolicyBulletFirst", parent=st.policy_bullet, spaceBefore=4.5)
    out: list[Flowable] = []
    for block in _BLANK_LINES.split(clean(text).strip("\n")):
        lines = [line.strip(" \u00a0") for line in block.split("\n")]
        lines = [line for line in lines if line.strip(" \u00a0\u202f")]
        for index, (kind, content) in enumerate(_policy_groups(lines)):
            if kind == "bullet":
                bullet, item = content
                style = first_bullet if index == 0 else st.policy_bullet
                out.append(Paragraph(esc(item), style, bulletText=bullet))
            else:
                style = st.policy_heading if kind == "heading" else st.policy
                out.append(Paragraph("<br/>".join(esc(line) for line in content), style))
    return out


def annex(
    policy_text: str,
    policy_sha256: str,
    version: str,
    effective: str,
    lang: Language,
    st: Styles,
    width: float,
) -> list[Flowable]:
    """The annex's heading, the policy's version and fingerprint, the text, and its end mark."""
    story: list[Flowable] = [
        Spacer(1, 10),
        Paragraph(
            esc(A.annex.get(lang)),
            ParagraphStyle("FDAnnex", parent=st.title, fontSize=12.5, leading=16, spaceBefore=0),
        ),
        Paragraph(esc(A.annex_intro.format(lang, version=version, effective=effective)), st.small),
        Paragraph(f"{esc(A.sha256_long.get(lang))}{PdfText.colon.get(lang)}", st.small),
        Paragraph(esc(policy_sha256.lower()), st.mono),
        Rule(width),
    ]
    story += policy_flowables(policy_text, st)
    story.append(CondPageBreak(1.5 * cm))
    story.append(Spacer(1, 8))
    story.append(Paragraph(esc(A.annex_end.get(lang)), st.centered))
    return story


def summary_annex(
    summary_text: str, summary_sha256: str, version: str, lang: Language, st: Styles, width: float
) -> list[Flowable]:
    """The summary as read at the desk: its heading, fingerprint, text and end mark."""
    story: list[Flowable] = [
        CondPageBreak(6 * cm),
        Spacer(1, 14),
        Paragraph(
            esc(A.summary.get(lang)),
            ParagraphStyle("FDSummary", parent=st.title, fontSize=12.5, leading=16, spaceBefore=0),
        ),
        Paragraph(esc(A.summary_intro.format(lang, version=version)), st.small),
        Paragraph(f"{esc(A.sha256_summary.get(lang))}{PdfText.colon.get(lang)}", st.small),
        Paragraph(esc(summary_sha256.lower()), st.mono),
        Rule(width),
    ]
    story += policy_flowables(summary_text, st)
    story.append(CondPageBreak(1.5 * cm))
    story.append(Spacer(1, 8))
    story.append(Paragraph(esc(A.summary_end.get(lang)), st.centered))
    return story
