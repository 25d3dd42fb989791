"""Every bilingual text of the core has its French and its English, with the same placeholders.

The texts are found in the source (every ``Text(...)`` written under ``desktop/``), so a text added
anywhere is checked without being registered; the consent wording, which is data, is checked as
loaded.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from desktop.domain.enums import Channel, Language, Purpose
from desktop.domain.messages import MESSAGES, Messages, message
from desktop.domain.texts import Text, placeholders
from desktop.domain.wording import consent_wording

DESKTOP = Path(__file__).resolve().parents[3] / "desktop"
#: The one place a Text is built from data rather than written out: the consent wording's loader.
LOADERS = {("domain/wording.py", "_text"), ("domain/reminder_wording.py", "read_wording")}


def _literal(node: ast.expr | None) -> str | None:
    return node.value if isinstance(node, ast.Constant) and isinstance(node.value, str) else None


def written_texts() -> tuple[list[tuple[str, str, str]], list[str]]:
    """(where, fr, en) for every ``Text(...)`` in the core's source, and the calls that are not two
    string literals (outside the known loaders)."""
    found: list[tuple[str, str, str]] = []
    unreadable: list[str] = []
    for path in sorted(DESKTOP.rglob("*.py")):
        relative = path.relative_to(DESKTOP).as_posix()
        tree = ast.parse(path.read_text("utf-8"), filename=str(path))
        functions = {
            id(inner): node.name
            for node in ast.walk(tree)
            if isinstance(node, ast.FunctionDef)
            for inner in ast.walk(node)
        }
        for node in ast.walk(tree):
            if not (
                isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id == "Text"
            ):
                continue
            where = f"{relative}:{node.lineno}"
            keywords = {k.arg: k.value for k in node.keywords}
            fr = _literal(node.args[0] if node.args else keywords.get("fr"))
            en = _literal(node.args[1] if len(node.args) > 1 else keywords.get("en"))
            if fr is None or en is None:
                if (relative, functions.get(id(node))) not in LOADERS:
                    unreadable.append(where)
                continue
            found.append((where, fr, en))
    return found, unreadable


def problems(where: str, fr: str, en: str) -> list[str]:
    found = []
    if not fr.strip() or not en.strip():
        found.append(f"{where}: a language is empty ({fr!r} / {en!r})")
    try:
        if placeholders(fr) != placeholders(en):
            found.append(
                f"{where}: placeholders differ: {sorted(placeholders(fr))} / {sorted(placeholders(en))}"
            )
    except ValueError as exc:
        found.append(f"{where}: not a valid format string: {exc}")
    return found


def test_every_text_written_in_the_core_has_both_languages_and_the_same_placeholders() -> None:
    found, unreadable = written_texts()
    assert not unreadable, "Text(...) must be given two string literals:\n" + "\n".join(unreadable)
    # The messages, PDF labels and report texts: far more than this; fewer means the scan is broken.
    assert len(found) > 150
    bad = [problem for entry in found for problem in problems(*entry)]
    assert not bad, "\n".join(bad)


def test_the_consent_wording_has_both_languages_and_the_same_placeholders() -> None:
    wording = consent_wording()
    texts: dict[str, Text] = {"withdrawal": wording.withdrawal}
    for table in ("purposes", "channels", "purpose_labels", "channel_labels"):
        texts |= {f"{table}.{key}": text for key, text in getattr(wording, table).items()}
    assert len(texts) == 1 + 2 * len(Purpose) + 2 * len(Channel)
    bad = [problem for where, text in texts.items() for problem in problems(where, text.fr, text.en)]
    assert not bad, "\n".join(bad)
    # The organisation's and its parent's names come from the clinic's records.
    for purpose, text in wording.purposes.items():
        assert "channel" in placeholders(text.fr) <= {"channel", "organisation", "parent"}, purpose
    assert "parent" in placeholders(wording.purposes[Purpose.PARENT_COMPANY_PROMOTIONS].fr)


def test_the_checks_catch_a_missing_language_and_a_placeholder_left_out() -> None:
    assert problems("x", "Bonjour {name}", "")
    assert problems("x", "Bonjour {name}", "Hello")
    assert problems("x", "Bonjour {nom}", "Hello {name}")
    assert problems("x", "Bonjour {", "Hello {")
    assert not problems("x", "Page {page} de {pages}", "Page {page} of {pages}")
    assert placeholders("{a} {b.c} {d[0]} {{e}} {a:>3}") == {"a", "b", "d"}


def test_a_text_in_each_language() -> None:
    text = Text("Dossier {n}", "File {n}")
    assert text.get(Language.FR) == "Dossier {n}"
    assert text.get(Language.EN) == "File {n}"
    assert text.get("en") == "File {n}"
    assert text.format(Language.FR, n=12) == "Dossier 12"
    assert (text.fr, text.en) == ("Dossier {n}", "File {n}")
    with pytest.raises(ValueError):
        text.get("es")  # type: ignore[arg-type]  # a language the catalog does not have


def test_messages_are_found_by_their_code() -> None:
    assert MESSAGES["too_long"] is Messages.too_long
    assert message("too_long", Language.FR, max=5) == "Trop long : 5 caractères au plus."
    assert message("too_long", "en", max=5) == "Too long: 5 characters at most."
    # An unknown language falls back to French, an unknown code shows the code, a missing value the template.
    assert message("required", "es") == "Ce champ est obligatoire."
    assert message("no_such_code") == "no_such_code"
    assert message("too_long", Language.EN) == "Too long: {max} characters at most."
