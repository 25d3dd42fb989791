"""The French translation of the interface: Qt Linguist sources made from the code, and their compiled form.

    translations.py update       pyside6-lupdate over every ui/**/*.py into resources/translations/frontdesk_fr.ts
    translations.py release      pyside6-lrelease: frontdesk_fr.ts -> frontdesk_fr.qm (committed, so a fresh
                                 clone and the bundle have it)
    translations.py check        exit 1, listing each problem, when the .ts is stale against the code, an entry
                                 is unfinished, a translation's placeholders differ from its source, a
                                 translation equals its source (outside SAME_IN_BOTH), or the .qm is out of date
    translations.py fill F.json  write {context: {source: translation}} into the .ts, marked finished (a plural
                                 source takes a list of forms, singular first), then normalise the file

The .ts keeps no source locations (``-locations none``): it changes only when a string changes, and is the
same on every machine. Adding a string: write it in English through ``tr()``, run ``update``, translate it in
the .ts (Qt Linguist or ``fill``), run ``release``, commit both files.
"""

from __future__ import annotations

import argparse
import json
import re
import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
TRANSLATIONS = ROOT / "resources" / "translations"
TS_FILE = TRANSLATIONS / "frontdesk_fr.ts"
QM_FILE = TRANSLATIONS / "frontdesk_fr.qm"
SOURCE_LANGUAGE = "en"
TARGET_LANGUAGE = "fr_CA"

#: Source strings that are rightly the same in French, reviewed one by one. Strings holding no letter outside
#: their placeholders (``{count}``, ``—``) need no entry.
SAME_IN_BOTH = frozenset(
    {
        # words spelt the same in French
        "Action",
        "Client",
        "&Client",
        "Code",
        "Consultation",
        "Date",
        "Distribution",
        "Documents",
        "Format",
        "Message",
        "Notes",
        "Options",
        "&Organisation",
        "Page {number}",
        "Parent",
        "parent",
        "Province",
        "Rectification",
        "Signature",
        "Total",
        "Type",
        "Version",
        "Zoom",
        "&Zoom",
        # names, formats and keys
        "CSV",
        "F5",
        "FrontDesk",
        "H2X 3Y7",
        "NAM",
        "TREM 8005 1512",
        "OK",
        "PDF",
        # minutes are "min" in both languages
        " min",
        "{name} · {minutes} min",
        "{when}, {minutes} min, {practitioner}",
    }
)

Key = tuple[str, str, str]  # context, source, disambiguating comment


@dataclass(frozen=True)
class Entry:
    context: str
    source: str
    comment: str
    numerus: bool
    finished: bool
    forms: tuple[str, ...]  # one translation, or one per plural form

    @property
    def key(self) -> Key:
        return (self.context, self.source, self.comment)

    def where(self) -> str:
        note = f" [{self.comment}]" if self.comment else ""
        return f"{self.context}: {self.source!r}{note}"


# ---------------------------------------------------------------- the Qt tools


def tool(name: str) -> str:
    """The tool beside this Python (the project's venv), else on PATH."""
    beside = Path(sys.executable).parent / name
    if beside.is_file():
        return str(beside)
    found = shutil.which(name)
    if found is None:
        raise SystemExit(f"translations: {name} not found (run scripts/setup.sh)")
    return found


def ui_sources() -> list[str]:
    """Every Python file of the interface, relative to the project, in a stable order."""
    return sorted(path.relative_to(ROOT).as_posix() for path in (ROOT / "ui").rglob("*.py"))


def run_lupdate(ts_file: Path) -> None:
    command = [
        tool("pyside6-lupdate"),
        *ui_sources(),
        "-no-obsolete",
        "-locations",
        "none",
        "-source-language",
        SOURCE_LANGUAGE,
        "-target-language",
        TARGET_LANGUAGE,
        "-silent",
        "-ts",
        str(ts_file),
    ]
    subprocess.run(command, cwd=ROOT, check=True)


def run_lrelease(ts_file: Path, qm_file: Path) -> None:
    command = [tool("pyside6-lrelease"), "-nounfinished", "-silent", str(ts_file), "-qm", str(qm_file)]
    subprocess.run(command, cwd=ROOT, check=True)


# ---------------------------------------------------------------- reading the .ts


def read_entries(ts_file: Path) -> list[Entry]:
    entries: list[Entry] = []
    for context in ET.parse(ts_file).getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            translation = message.find("translation")
            numerus = message.get("numerus") == "yes"
            if translation is None:
                forms: tuple[str, ...] = ()
                finished = False
            else:
                if numerus:
                    forms = tuple(form.text or "" for form in translation.iter("numerusform"))
                else:
                    forms = (translation.text or "",)
                finished = translation.get("type") not in {"unfinished", "obsolete", "vanished"}
            entries.append(
                Entry(
                    context=name,
                    source=message.findtext("source") or "",
                    comment=message.findtext("comment") or "",
                    numerus=numerus,
                    finished=finished,
                    forms=forms,
                )
            )
    return entries


# ---------------------------------------------------------------- what must survive translation

_BRACES = re.compile(r"\{\{|\}\}")
_FIELD = re.compile(r"\{[^{}]*\}")
_QT_ARG = re.compile(r"%(?:n|L?\d{1,2})")
_TAG = re.compile(r"</?[A-Za-z][^<>]*>")
_ENTITY = re.compile(r"&(?:[A-Za-z]+|#\d+|#x[0-9A-Fa-f]+);")
_ACCELERATOR = re.compile(r"&(?=[^\s&])")


def placeholders(text: str) -> Counter[str]:
    """The parts a translation keeps exactly: format fields, Qt's %n and %1, HTML tags."""
    text = _BRACES.sub("", text)
    found: Counter[str] = Counter(_FIELD.findall(text))
    found.update(_QT_ARG.findall(text))
    found.update(_TAG.findall(text))
    return found


def accelerators(text: str) -> int:
    """Keyboard accelerators: a single ``&`` before a character (``&&`` is a literal ampersand)."""
    return len(_ACCELERATOR.findall(_ENTITY.sub("", text.replace("&&", ""))))


def has_words(text: str) -> bool:
    """Whether any letter is left once placeholders and tags are taken out."""
    bare = _TAG.sub("", _QT_ARG.sub("", _FIELD.sub("", _BRACES.sub("", text))))
    return any(character.isalpha() for character in bare)


def entry_problems(entries: Iterable[Entry], same_in_both: frozenset[str] = SAME_IN_BOTH) -> list[str]:
    """Unfinished entries, placeholders or accelerators that differ, translations equal to their source."""
    problems: list[str] = []
    for entry in entries:
        if not entry.finished or not entry.forms or any(not form.strip() for form in entry.forms):
            problems.append(f"unfinished: {entry.where()}")
            continue
        wanted = placeholders(entry.source)
        for form in entry.forms:
            if placeholders(form) != wanted:
                problems.append(f"placeholders differ: {entry.where()} -> {form!r}")
            source_keys, form_keys = accelerators(entry.source), accelerators(form)
            if source_keys != form_keys or form_keys > 1:
                problems.append(f"accelerators differ: {entry.where()} -> {form!r}")
            if form == entry.source and has_words(form) and entry.source not in same_in_both:
                problems.append(
                    f"translation equals its source (add it to SAME_IN_BOTH if right): {entry.where()}"
                )
    return problems


# ---------------------------------------------------------------- commands


def update() -> None:
    TRANSLATIONS.mkdir(parents=True, exist_ok=True)
    run_lupdate(TS_FILE)


def release() -> None:
    run_lrelease(TS_FILE, QM_FILE)


def stale_problems(ts_file: Path = TS_FILE) -> list[str]:
    """Entries the code has and the .ts lacks, and the reverse: compared as sets, not bytes."""
    with tempfile.TemporaryDirectory() as folder:
        fresh = Path(folder) / ts_file.name
        shutil.copyfile(ts_file, fresh)
        run_lupdate(fresh)
        in_code = {entry.key for entry in read_entries(fresh)}
    in_file = {entry.key for entry in read_entries(ts_file)}
    problems = [f"not in the .ts (run update): {describe(key)}" for key in sorted(in_code - in_file)]
    problems += [f"no longer in the code (run update): {describe(key)}" for key in sorted(in_file - in_code)]
    return problems


def compiled_problems(ts_file: Path = TS_FILE, qm_file: Path = QM_FILE) -> list[str]:
    if not qm_file.is_file():
        return [f"{qm_file.name} is missing (run release)"]
    with tempfile.TemporaryDirectory() as folder:
        fresh = Path(folder) / qm_file.name
        run_lrelease(ts_file, fresh)
        if fresh.read_bytes() != qm_file.read_bytes():
            return [f"{qm_file.name} is older than {ts_file.name} (run release)"]
    return []


def check(ts_file: Path = TS_FILE, qm_file: Path = QM_FILE) -> list[str]:
    """Every problem found; an empty list when the translation is complete and up to date."""
    if not ts_file.is_file():
        return [f"{ts_file.name} is missing (run update)"]
    problems = stale_problems(ts_file)
    problems += entry_problems(read_entries(ts_file))
    problems += compiled_problems(ts_file, qm_file)
    return problems


def describe(key: Key) -> str:
    context, source, comment = key
    return f"{context}: {source!r}" + (f" [{comment}]" if comment else "")


def fill(json_file: Path, ts_file: Path = TS_FILE) -> list[str]:
    """Write the translations of ``json_file`` into the .ts, finished; return the sources it did not find."""
    wanted: dict[str, dict[str, str | list[str]]] = json.loads(json_file.read_text(encoding="utf-8"))
    tree = ET.parse(ts_file)
    used: set[tuple[str, str]] = set()
    for context in tree.getroot().iter("context"):
        name = context.findtext("name") or ""
        texts = wanted.get(name, {})
        for message in context.iter("message"):
            source = message.findtext("source") or ""
            if source not in texts:
                continue
            used.add((name, source))
            value = texts[source]
            translation = message.find("translation")
            if translation is None:
                translation = ET.SubElement(message, "translation")
            translation.attrib.pop("type", None)
            if message.get("numerus") == "yes":
                forms = translation.findall("numerusform") or [ET.SubElement(translation, "numerusform")]
                values = [value] * len(forms) if isinstance(value, str) else list(value)
                if len(values) != len(forms):
                    raise SystemExit(f"translations: {name}: {source!r} needs {len(forms)} plural forms")
                for form, text in zip(forms, values, strict=True):
                    form.text = text
            else:
                if not isinstance(value, str):
                    raise SystemExit(f"translations: {name}: {source!r} takes one translation, not a list")
                translation.text = value
    header = '<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n'
    ts_file.write_text(header + ET.tostring(tree.getroot(), encoding="unicode") + "\n", encoding="utf-8")
    run_lupdate(ts_file)  # back to lupdate's own layout
    return [
        describe((name, source, ""))
        for name, texts in wanted.items()
        for source in texts
        if (name, source) not in used
    ]


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    commands = parser.add_subparsers(dest="command", required=True)
    commands.add_parser("update", help="extract the strings of ui/ into the .ts")
    commands.add_parser("release", help="compile the .ts into the .qm")
    commands.add_parser("check", help="fail on a stale, unfinished or inconsistent translation")
    filling = commands.add_parser("fill", help="write translations from a JSON file into the .ts")
    filling.add_argument("json_file", type=Path)
    arguments = parser.parse_args(argv)
    if arguments.command == "update":
        update()
    elif arguments.command == "release":
        release()
    elif arguments.command == "fill":
        unknown = fill(arguments.json_file)
        if unknown:
            print("translations: not in the .ts (left out):", *unknown, sep="\n  ", file=sys.stderr)
            return 1
    else:
        problems = check()
        if problems:
            print(
                f"translations: {len(problems)} problem(s) in {TS_FILE.relative_to(ROOT)}:", file=sys.stderr
            )
            print(*problems, sep="\n", file=sys.stderr)
            return 1
        print(f"translations: {TS_FILE.relative_to(ROOT)} and {QM_FILE.name} are complete and up to date")
    return 0


if __name__ == "__main__":
    sys.exit(main())
