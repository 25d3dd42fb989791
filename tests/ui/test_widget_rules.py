"""Clinic rules live in ``desktop.domain``; GUI modules ask it instead of working them out again.

Every module under ``ui/`` is parsed with ``ast`` and refused if it formats a file number itself
(a ``06d`` format or ``zfill(6)``: use ``desktop.domain.file_numbers.format_file_number`` or the record's
``file_number``), computes an age itself (arithmetic on a date of birth, ``relativedelta``: use
``desktop.domain.age``) or counts business days itself (``is_business_day``, the ``holidays`` package,
a loop stepping through days: use ``desktop.domain.business_days``) or writes a time or a phone number
itself (``strftime``, ``display_phone``, the ``phonenumbers`` package: use the staff-language formats of
``ui.kit.i18n``, which ask ``desktop.domain.formats``).
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

UI = Path(__file__).resolve().parents[2] / "ui"

#: A six-digit, zero-padded integer format: ``{:06d}``, ``{n:06}``, ``format(n, "06d")``, ``"%06d"``.
_PADDED_SPEC = re.compile(r"^06d?$")
_PADDED_IN_TEXT = re.compile(r"\{[^{}]*:06d?\}|%06d")
#: Names that hold a date of birth (``date_of_birth``, ``birth_date``, ``born_on``, ``dob``…).
_BIRTH_NAME = re.compile(r"birth|born|(^|_)dob($|_)", re.IGNORECASE)
_BUSINESS_DAY_NAMES = {"is_business_day"}
_AGE_NAMES = {"relativedelta"}
_FORBIDDEN_MODULES = {
    "holidays": "business days",
    "dateutil.relativedelta": "age",
    "phonenumbers": "formats",
    "desktop.domain.validation.display_phone": "formats",
}
#: Calls that write a time or a phone number in one language whatever the person reads.
_FORMAT_NAMES = {"strftime", "display_phone"}


def _names_in(node: ast.AST) -> set[str]:
    """Every plain name and attribute name used inside ``node``."""
    found: set[str] = set()
    for child in ast.walk(node):
        if isinstance(child, ast.Name):
            found.add(child.id)
        elif isinstance(child, ast.Attribute):
            found.add(child.attr)
    return found


def _mentions_birth(node: ast.AST) -> bool:
    return any(_BIRTH_NAME.search(name) for name in _names_in(node))


def _is_call_to(node: ast.AST, name: str) -> bool:
    if not isinstance(node, ast.Call):
        return False
    func = node.func
    return (isinstance(func, ast.Name) and func.id == name) or (
        isinstance(func, ast.Attribute) and func.attr == name
    )


def _steps_by_days(node: ast.AST) -> bool:
    """A ``timedelta(days=...)`` call, the building block of walking a calendar day by day."""
    return (
        isinstance(node, ast.Call)
        and _is_call_to(node, "timedelta")
        and any(keyword.arg == "days" for keyword in node.keywords)
    )


class _RuleFinder(ast.NodeVisitor):
    def __init__(self) -> None:
        self.problems: list[tuple[int, str]] = []
        self._loops = 0

    def _report(self, node: ast.AST, rule: str, detail: str) -> None:
        self.problems.append((getattr(node, "lineno", 0), f"{rule}: {detail}"))

    # ------------------------------------------------------------ file numbers

    def visit_FormattedValue(self, node: ast.FormattedValue) -> None:
        spec = node.format_spec
        if isinstance(spec, ast.JoinedStr) and len(spec.values) == 1:
            part = spec.values[0]
            if isinstance(part, ast.Constant) and _PADDED_SPEC.match(str(part.value)):
                self._report(node, "file number", f"formats with :{part.value}")
        self.generic_visit(node)

    def visit_Constant(self, node: ast.Constant) -> None:
        if isinstance(node.value, str) and _PADDED_IN_TEXT.search(node.value):
            self._report(node, "file number", f"format string {node.value!r}")

    def visit_Call(self, node: ast.Call) -> None:
        if _is_call_to(node, "zfill") and node.args:
            width = node.args[0]
            if isinstance(width, ast.Constant) and width.value == 6:
                self._report(node, "file number", "zfill(6)")
        if _is_call_to(node, "format") and isinstance(node.func, ast.Name) and len(node.args) == 2:
            spec = node.args[1]
            if isinstance(spec, ast.Constant) and _PADDED_SPEC.match(str(spec.value)):
                self._report(node, "file number", f"format(..., {spec.value!r})")
        if _is_call_to(node, "is_business_day"):
            self._report(node, "business days", "calls is_business_day")
        if _is_call_to(node, "relativedelta"):
            self._report(node, "age", "calls relativedelta")
        for name in _FORMAT_NAMES:
            if _is_call_to(node, name):
                self._report(node, "formats", f"calls {name}")
        if self._loops and _steps_by_days(node):
            self._report(node, "business days", "steps through days with timedelta(days=...) in a loop")
        self.generic_visit(node)

    # ------------------------------------------------------------ ages

    def visit_BinOp(self, node: ast.BinOp) -> None:
        if isinstance(node.op, ast.Sub) and (_mentions_birth(node.left) or _mentions_birth(node.right)):
            self._report(node, "age", "arithmetic on a date of birth")
        self.generic_visit(node)

    # ------------------------------------------------------------ imports

    def visit_Import(self, node: ast.Import) -> None:
        for alias in node.names:
            self._check_module(node, alias.name)

    def visit_ImportFrom(self, node: ast.ImportFrom) -> None:
        module = node.module or ""
        self._check_module(node, module)
        for alias in node.names:
            self._check_module(node, f"{module}.{alias.name}")
            if alias.name in _BUSINESS_DAY_NAMES:
                self._report(node, "business days", f"imports {alias.name}")
            if alias.name in _AGE_NAMES:
                self._report(node, "age", f"imports {alias.name}")

    def _check_module(self, node: ast.AST, module: str) -> None:
        for forbidden, rule in _FORBIDDEN_MODULES.items():
            if module == forbidden or module.startswith(forbidden + "."):
                self._report(node, rule, f"imports {module}")

    # ------------------------------------------------------------ loops

    def _visit_loop(self, node: ast.AST) -> None:
        self._loops += 1
        self.generic_visit(node)
        self._loops -= 1

    visit_For = _visit_loop
    visit_While = _visit_loop
    visit_ListComp = _visit_loop
    visit_GeneratorExp = _visit_loop
    visit_SetComp = _visit_loop


def rule_problems(source: str) -> list[str]:
    """Each place in ``source`` where a widget works out a clinic rule itself, as "line N: rule: what"."""
    finder = _RuleFinder()
    finder.visit(ast.parse(source))
    return [f"line {line}: {problem}" for line, problem in sorted(set(finder.problems))]


def test_no_gui_module_works_out_a_clinic_rule_itself() -> None:
    modules = sorted(UI.rglob("*.py"))
    assert modules, UI
    offenders = {
        str(path.relative_to(UI.parent)): problems
        for path in modules
        if (problems := rule_problems(path.read_text(encoding="utf-8")))
    }
    assert not offenders, "Ask desktop.domain (or ui.kit.i18n for formats) instead:\n" + "\n".join(
        f"{module}: {problem}" for module, problems in offenders.items() for problem in problems
    )


# ---------------------------------------------------------------- the checker itself


@pytest.mark.parametrize(
    ("source", "rule"),
    [
        ('name = f"acknowledgment-{record.client_id:06d}.pdf"', "file number"),
        ('text = f"{number:06}"', "file number"),
        ('text = "{:06d}".format(client_id)', "file number"),
        ('text = "%06d" % client_id', "file number"),
        ('text = format(client_id, "06d")', "file number"),
        ("text = str(client_id).zfill(6)", "file number"),
        (
            "age = day.year - born_on.year - ((day.month, day.day) < (born_on.month, born_on.day))",
            "age",
        ),
        ("age = today.year - client.date_of_birth.year", "age"),
        ("days = (today - client.date_of_birth).days // 365", "age"),
        ("from dateutil.relativedelta import relativedelta", "age"),
        ("age = relativedelta(today, birth_date).years", "age"),
        ("from desktop.domain.business_days import is_business_day", "business days"),
        ('text = locked_at.strftime("%H:%M")', "formats"),
        ("from desktop.domain.validation import display_phone", "formats"),
        ("text = display_phone(client.phone)", "formats"),
        ("import phonenumbers", "formats"),
        ("import holidays", "business days"),
        ("if is_business_day(day):\n    count += 1", "business days"),
        (
            "while day != due:\n    day += timedelta(days=1)\n    count += day.weekday() < 5",
            "business days",
        ),
    ],
)
def test_the_checker_finds_a_rule_worked_out_in_a_widget(source: str, rule: str) -> None:
    problems = rule_problems(source)
    assert problems and all(f": {rule}: " in problem for problem in problems), problems


@pytest.mark.parametrize(
    "source",
    [
        "from desktop.domain.file_numbers import format_file_number\ntext = format_file_number(44)",
        'text = f"{record.file_number} {when:%Y%m%d-%H%M} {ratio:.1f} {count:6d}"',
        "from desktop.domain.age import age_on\nage = age_on(client.date_of_birth, today)",
        "age = client.age_on(today)\nborn = format_date(client.date_of_birth)",
        "left = clinic.calendar.days_left(today, due)",
        "due = clinic.calendar.due_date(received)",
        "while slot < end:\n    slot += timedelta(minutes=15)",
        "tomorrow = today + timedelta(days=1)",
        "from ui.kit.i18n import format_phone, format_time\ntext = f'{format_time(at)} {format_phone(phone)}'",
    ],
)
def test_the_checker_accepts_asking_the_domain(source: str) -> None:
    assert rule_problems(source) == []
