"""Each French privacy policy mirrors its English version: same sections, bullets, paragraphs and contact details."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

import pytest

from desktop.paths import resource_path

POLICIES = resource_path("policies")
NBSP = "\u00a0"

_ENGLISH_FILE = re.compile(r"^(\d{4}-\d{2}-\d{2})\.en\.txt$")
# "2.1 – TITLE", "3.1 TITLE", "4. TITLE": a number, then a title in capitals.
_HEADING = re.compile(r"^(?P<number>\d+(?:\.\d+)*)\.?(?P<separator>\s+(?:[–—-]\s+)?)(?P<title>\S.*)$")
_BULLET = re.compile(r"^(?P<marker>\s*[•◦▪‣*-]\s)")

_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
_URL = re.compile(
    r"(?<![@\w.-])(?:https?://)?[a-z0-9-]+(?:\.[a-z0-9-]+)*\.(?:com|ca|org|net|quebec)\b[^\s»”\"]*", re.I
)
_PHONE = re.compile(r"(?<!\d)(?:1[ -])?\(?\d{3}\)?[ .-]\d{3}-\d{4}(?!\d)")
_POSTAL_CODE = re.compile(r"\b[A-Z]\d[A-Z] ?\d[A-Z]\d\b")
_TOKEN = re.compile(r"[^\W\d_][\w’'-]*|\S")

_MONTHS = dict(
    zip(
        "january february march april may june july august september october november december".split(),
        "janvier février mars avril mai juin juillet août septembre octobre novembre décembre".split(),
        strict=True,
    )
)
_ENGLISH_DATE = re.compile(rf"\b({'|'.join(_MONTHS)}) (\d{{1,2}}), (\d{{4}})\b", re.I)

#: Words and phrases that only an untranslated English sentence would contain.
ENGLISH_ONLY = (
    "the",
    "and",
    "your",
    "you",
    "with",
    "our",
    "this",
    "that",
    "we",
    "of",
    "for",
    "is",
    "are",
    "please",
    "email",
    "personal information",
    "privacy policy",
)


@dataclass
class Section:
    number: str  # "" for the text before the first numbered heading
    paragraphs: int = 0
    bullets: list[str] = field(default_factory=list)  # each bullet's marker with its indentation


def _heading(line: str) -> str | None:
    match = _HEADING.match(line)
    if match is None:
        return None
    title = match["title"]
    return match["number"] if any(c.isalpha() for c in title) and title == title.upper() else None


def _kind(line: str, previous: str) -> str:
    """One line's role: blank, heading, bullet (or its wrapped continuation) or text."""
    if not line.strip():
        return "nbsp" if NBSP in line else "blank"
    if _heading(line) is not None:
        match = _HEADING.match(line)
        assert match is not None
        return f"heading {match['number']} {match['separator'].strip()}".rstrip()
    bullet = _BULLET.match(line)
    if bullet is not None:
        return f"bullet {bullet['marker']!r}"
    if line[0].isspace() and previous.startswith("bullet"):
        return previous
    return "text"


def _kinds(text: str) -> list[str]:
    kinds: list[str] = []
    for line in text.splitlines():
        kinds.append(_kind(line, kinds[-1] if kinds else "blank"))
    return kinds


def parse_policy(text: str) -> list[Section]:
    """Sections in order, each with its paragraph count and bullet markers. A paragraph is a run of text
    lines (a hard line break does not start a new one); blank and no-break-space lines separate."""
    sections = [Section("")]
    previous = "blank"
    for line, kind in zip(text.splitlines(), _kinds(text), strict=True):
        if kind.startswith("heading"):
            sections.append(Section(_heading(line) or ""))
        elif kind.startswith("bullet") and (bullet := _BULLET.match(line)) is not None:
            sections[-1].bullets.append(bullet["marker"])  # a wrapped bullet's next lines have no marker
        elif kind == "text" and previous != "text":
            sections[-1].paragraphs += 1
        previous = kind
    return sections


def layout(text: str) -> list[str]:
    """The blank-line skeleton: each line's kind, a paragraph's wrapped lines counted once."""
    skeleton: list[str] = []
    for kind in _kinds(text):
        if not (kind == "text" and skeleton and skeleton[-1] == "text"):
            skeleton.append(kind)
    return skeleton


def contact_details(text: str) -> list[str]:
    """Emails, URLs, phone numbers and postal codes, in order of appearance, without repeats."""
    found = [
        m.group(0).rstrip(".,;:") for p in (_EMAIL, _URL, _PHONE, _POSTAL_CODE) for m in p.finditer(text)
    ]
    return list(dict.fromkeys(found))


def proper_names(text: str) -> list[tuple[str, ...]]:
    """Runs of two or more capitalised words in running text, each with the spellings that may be looked for:
    a run that opens a sentence may begin with an ordinary word ("At Cliniques Médicales Lacroix")."""
    names: dict[tuple[str, ...], None] = {}
    for line in text.splitlines():
        if not line.strip() or _heading(line) is not None or line == line.upper():
            continue
        run: list[str] = []
        run_opens_sentence = sentence_start = True
        for token in [*_TOKEN.findall(_BULLET.sub("", line)), "."]:
            capitalised = token[0].isalpha() and token[0].isupper() and not token.isupper()
            if capitalised:
                if not run:
                    run_opens_sentence = sentence_start
                run.append(token)
            else:
                # "This Policy" opening a sentence is no name; "At Cliniques Médicales Lacroix" holds one.
                if len(run) >= 3 or (len(run) == 2 and not run_opens_sentence):
                    spellings = [" ".join(run)] + ([" ".join(run[1:])] if run_opens_sentence else [])
                    names[tuple(spellings)] = None
                run = []
            if token[0].isalpha():
                sentence_start = False
            elif token in ".?!":
                sentence_start = True
    return list(names)


def french_dates(text: str) -> list[str]:
    """English prose dates ("April 22, 2020") as a French text writes them ("22 avril 2020")."""
    dates = []
    for month, day, year in _ENGLISH_DATE.findall(text):
        dates.append(f"{'1er' if int(day) == 1 else int(day)} {_MONTHS[month.lower()]} {year}")
    return dates


def english_leaks(french: str) -> list[str]:
    words = " " + " ".join(re.findall(r"\w+", french.lower())) + " "
    return [phrase for phrase in ENGLISH_ONLY if f" {phrase} " in words]


def differences(english: str, french: str) -> list[str]:
    """What the French text lacks or adds compared with the English: empty when they correspond."""
    problems: list[str] = []
    en_sections, fr_sections = parse_policy(english), parse_policy(french)
    en_numbers = [s.number for s in en_sections]
    fr_numbers = [s.number for s in fr_sections]
    if en_numbers != fr_numbers:
        problems.append(f"section numbering differs: English {en_numbers}, French {fr_numbers}")
    for en, fr in zip(en_sections, fr_sections, strict=False):
        where = f"section {en.number or '(preamble)'}"
        if en.number != fr.number:
            where += f"/{fr.number or '(preamble)'}"
        if en.bullets != fr.bullets:
            problems.append(f"{where}: English has bullets {en.bullets}, French {fr.bullets}")
        if en.paragraphs != fr.paragraphs:
            problems.append(f"{where}: English has {en.paragraphs} paragraphs, French {fr.paragraphs}")
    en_layout, fr_layout = layout(english), layout(french)
    if en_layout != fr_layout:
        index = next(
            (i for i, (a, b) in enumerate(zip(en_layout, fr_layout, strict=False)) if a != b),
            min(len(en_layout), len(fr_layout)),
        )
        en_kind = en_layout[index] if index < len(en_layout) else "end of text"
        fr_kind = fr_layout[index] if index < len(fr_layout) else "end of text"
        problems.append(f"layout differs at block {index + 1}: English {en_kind}, French {fr_kind}")
    for detail in contact_details(english):
        if detail not in french:
            problems.append(f"contact detail missing from the French: {detail!r}")
    for spellings in proper_names(english):
        if not any(spelling in french for spelling in spellings):
            problems.append(f"proper name missing from the French: {spellings[0]!r}")
    for date in french_dates(english):
        if not re.search(date.replace(" ", f"[ {NBSP}]"), french):
            problems.append(f"date missing from the French: {date!r}")
    return problems


def translated_versions() -> list[str]:
    versions = []
    for path in sorted(POLICIES.iterdir()):
        match = _ENGLISH_FILE.match(path.name)
        if match and (POLICIES / f"{match.group(1)}.fr.txt").is_file():
            versions.append(match.group(1))
    return versions


def read(version: str, language: str) -> str:
    return (POLICIES / f"{version}.{language}.txt").read_text(encoding="utf-8")


VERSIONS = translated_versions()


def test_the_seed_policy_has_a_french_text() -> None:
    assert "2020-04-22" in VERSIONS


@pytest.mark.parametrize("version", VERSIONS)
def test_french_policy_mirrors_the_english(version: str) -> None:
    assert differences(read(version, "en"), read(version, "fr")) == []


@pytest.mark.parametrize("version", VERSIONS)
def test_no_english_left_in_the_french_policy(version: str) -> None:
    assert english_leaks(read(version, "fr")) == []


@pytest.mark.parametrize("version", VERSIONS)
def test_french_policy_file_is_clean_utf8_ending_with_a_newline(version: str) -> None:
    raw = (POLICIES / f"{version}.fr.txt").read_bytes()
    assert not raw.startswith(b"\xef\xbb\xbf")
    assert b"\r" not in raw
    assert raw.endswith(b"\n") and not raw.endswith(b"\n\n")
    raw.decode("utf-8")


@pytest.mark.parametrize("version", VERSIONS)
def test_french_policy_typography(version: str) -> None:
    """No-break space before « : ; ? ! » and inside guillemets; no English quotation marks."""
    french = read(version, "fr")
    assert re.findall(rf"[^{NBSP}][:;?!](?=\s|$)", french, re.M) == []
    assert re.findall(rf"«(?!{NBSP})|(?<!{NBSP})»", french) == []
    assert not set('“”"') & set(french)


# The comparison itself, on the seed policy: it reads the real structure and reports what a copy lacks.

SEED = "2020-04-22"


def test_the_parser_reads_the_seed_policy_structure() -> None:
    sections = parse_policy(read(SEED, "en"))
    numbers = ["", "1", "2", "2.1", "2.2", "2.3", "3", "3.1", "3.1", "3.2", "4", "5", "6", "7"]
    assert [s.number for s in sections] == numbers  # the English repeats 3.1; the French follows it
    assert [len(s.bullets) for s in sections] == [0, 0, 0, 5, 7, 5, 0, 0, 7, 3, 0, 0, 0, 0]
    assert {marker for s in sections for marker in s.bullets} == {"  • "}
    assert [s.paragraphs for s in sections] == [5, 2, 1, 1, 1, 2, 1, 2, 1, 1, 1, 2, 1, 2]
    assert contact_details(read(SEED, "en")) == [
        "info@cliniqueslacroix.ca",
        "cliniquesmedicaleslacroix.com",
        "1 855 841-1911",
        "G1S 2L6",
    ]
    assert ("Groupe Médical Lacroix",) in proper_names(read(SEED, "en"))
    assert french_dates(read(SEED, "en")) == ["22 avril 2020"]


def _changed(text: str, old: str, new: str) -> str:
    """``text`` with ``old`` replaced, making sure the mutation happened."""
    assert old in text, old
    return text.replace(old, new)


def _without_line(text: str, predicate) -> str:
    lines = text.split("\n")
    index = next(i for i, line in enumerate(lines) if predicate(line))
    return "\n".join(lines[:index] + lines[index + 1 :])


def _without_section(text: str, number: str) -> str:
    """The text with the section numbered ``number`` removed, up to the next heading."""
    lines = text.split("\n")
    start = next(i for i, line in enumerate(lines) if _heading(line) == number)
    end = next((i for i in range(start + 1, len(lines)) if _heading(lines[i]) is not None), len(lines))
    return "\n".join(lines[:start] + lines[end:])


def test_an_unchanged_copy_shows_no_difference() -> None:
    french = read(SEED, "fr")
    assert differences(french, french) == []


def test_a_dropped_bullet_is_reported() -> None:
    english, french = read(SEED, "en"), read(SEED, "fr")
    mutated = _without_line(french, lambda line: line.startswith("  • Date de naissance"))
    problems = differences(english, mutated)
    assert any(p.startswith("section 2.2: English has bullets") for p in problems), problems


def test_a_bullet_marker_changed_is_reported() -> None:
    english, french = read(SEED, "en"), read(SEED, "fr")
    mutated = _changed(french, f"  • Adresse{NBSP};", f"  - Adresse{NBSP};")
    assert any(p.startswith("section 2.2: English has bullets") for p in differences(english, mutated))


def test_a_dropped_section_is_reported() -> None:
    english, french = read(SEED, "en"), read(SEED, "fr")
    problems = differences(english, _without_section(french, "3.2"))
    assert any(p.startswith("section numbering differs") for p in problems), problems


def test_a_dropped_paragraph_is_reported() -> None:
    english, french = read(SEED, "en"), read(SEED, "fr")
    mutated = _without_line(french, lambda line: line.startswith("Veuillez noter que vous pouvez"))
    problems = differences(english, mutated)
    assert "section 3.1: English has 2 paragraphs, French 1" in problems, problems


def test_a_missing_separator_line_is_reported() -> None:
    english, french = read(SEED, "en"), read(SEED, "fr")
    mutated = _changed(french, f"\n{NBSP}\n\n6 –", "\n6 –")
    assert any(p.startswith("layout differs") for p in differences(english, mutated))


def test_changed_contact_details_are_reported() -> None:
    english, french = read(SEED, "en"), read(SEED, "fr")
    mutated = _changed(french, "info@cliniqueslacroix.ca", "info@cliniqueslacroix.com")
    mutated = _changed(mutated, "G1S 2L6", "G1S2L6")
    problems = differences(english, mutated)
    assert "contact detail missing from the French: 'info@cliniqueslacroix.ca'" in problems, problems
    assert "contact detail missing from the French: 'G1S 2L6'" in problems, problems


def test_a_translated_proper_name_or_a_missing_date_is_reported() -> None:
    english, french = read(SEED, "en"), read(SEED, "fr")
    mutated = _changed(french, "Groupe Médical Lacroix", "groupe médical Lacroix")
    mutated = _changed(mutated, "22 avril 2020", "22/04/2020")
    problems = differences(english, mutated)
    assert "proper name missing from the French: 'Groupe Médical Lacroix'" in problems, problems
    assert "date missing from the French: '22 avril 2020'" in problems, problems


def test_english_words_left_in_the_french_are_reported() -> None:
    french = _changed(read(SEED, "fr"), "Renseignements médicaux.", "Medical information and the like.")
    assert english_leaks(french) == ["the", "and"]
    assert english_leaks("Your personal information, with care.") == ["your", "with", "personal information"]
