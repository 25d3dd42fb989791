"""One typed mechanism for the core's bilingual texts.

Every sentence or label the core prints or shows (error messages, PDF labels, report texts) is a
:class:`Text` holding its French and its English, written side by side where it is used. Texts are
grouped in plain namespace classes (``class CoverageText: title = Text(...)``), so mypy checks each
name a caller asks for, and ``tests/desktop/domain/test_texts.py`` checks that every Text in the core
has both languages and the same ``str.format`` placeholders in each.
"""

from __future__ import annotations

import string
from dataclasses import dataclass, replace

from desktop.domain.enums import Language


@dataclass(frozen=True, slots=True)
class Text:
    """One text in French (first: the Quebec rule) and English."""

    fr: str
    en: str

    def get(self, language: Language) -> str:
        """The text in ``language`` (a plain "fr" or "en" also works: the enum is a StrEnum)."""
        if language == Language.FR:
            return self.fr
        if language == Language.EN:
            return self.en
        raise ValueError(f"unsupported language: {language!r}")

    def format(self, language: Language, /, **values: object) -> str:
        return self.get(language).format(**values)

    def filled(self, **values: object) -> Text:
        """The same text with its placeholders filled in both languages, still to be read in one of them
        (an error's parameter: "client 12" / "dossier client 12")."""
        return replace(self, fr=self.fr.format(**values), en=self.en.format(**values))


def placeholders(template: str) -> frozenset[str]:
    """The names of the ``str.format`` fields in ``template`` (``{max}`` -> ``max``)."""
    return frozenset(
        field.split(".")[0].split("[")[0]
        for _, field, _, _ in string.Formatter().parse(template)
        if field is not None
    )
