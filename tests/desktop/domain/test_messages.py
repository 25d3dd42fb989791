"""Every refusal reason exists in French and in English and reaches the person in their language.

The catalog is iterated whole; the codes and fields the code base gives its errors are found in the source
(``desktop/`` and ``ui/``) so a refusal added anywhere without its texts fails here.
"""

from __future__ import annotations

import ast
import re
from datetime import UTC, datetime, time
from pathlib import Path

import pytest

from desktop.domain.enums import Language, Role
from desktop.domain.errors import (
    AccountLockedError,
    FieldError,
    FrontDeskError,
    NotFoundError,
    PermissionDeniedError,
    StaleVersionError,
    ValidationError,
)
from desktop.domain.formats import NBSP, format_datetime
from desktop.domain.messages import (
    EMAIL_PROBLEMS,
    FIELDS,
    MESSAGES,
    EmailProblems,
    Subjects,
    field_name,
    message,
    role_name,
)
from desktop.domain.texts import Text
from desktop.domain.validation import email_problem, validate_client
from tests.desktop.domain.test_validation import TODAY, draft

ROOT = Path(__file__).resolve().parents[3]
#: Words rightly spelt the same in both languages.
SAME_IN_BOTH = {"Province", "Client", "Action", "Note", "Signature", "Port"}
#: Functions whose second argument names a field (``check_text(errors, "city", ...)``).
CHECKS = {"check_text", "check_email", "check_phone", "check_past_date"}
#: English words a French sentence never holds (checked as whole words).
ENGLISH = re.compile(
    r"\b(the|and|is|of|address|missing|not|valid|email|must|field|file|with)\b", re.IGNORECASE
)
FRENCH = re.compile(
    r"\b(le|la|les|est|une?|adresse|manque|courriel|doit|dossier|avec)\b|[éèàç«»]", re.IGNORECASE
)


def error_classes() -> set[str]:
    """The names of every error class that carries a message code."""
    found: set[str] = set()
    pending: list[type[FrontDeskError]] = [FrontDeskError]
    while pending:
        cls = pending.pop()
        found.add(cls.__name__)
        pending += cls.__subclasses__()
    return found


def catalog() -> dict[str, Text]:
    subjects = {name: value for name, value in vars(Subjects).items() if isinstance(value, Text)}
    return {
        **{f"Messages.{k}": v for k, v in MESSAGES.items()},
        **{f"EmailProblems.{k}": v for k, v in EMAIL_PROBLEMS.items()},
        **{f"Fields.{k}": v for k, v in FIELDS.items()},
        **{f"Subjects.{k}": v for k, v in subjects.items()},
    }


def _string(node: ast.AST | None) -> str | None:
    return node.value if isinstance(node, ast.Constant) and isinstance(node.value, str) else None


def codes_and_fields_in_the_source() -> tuple[set[str], set[str]]:
    """The error codes (``FieldError(_, "code")``, ``SomeError("code")``, ``code = "..."`` in an error class)
    and the field names (``FieldError("field", _)``, ``check_text(errors, "field", ...)``) written in the code."""
    codes: set[str] = set()
    fields: set[str] = set()
    errors = error_classes()
    for folder in ("desktop", "ui"):
        for path in sorted((ROOT / folder).rglob("*.py")):
            tree = ast.parse(path.read_text("utf-8"))
            for node in ast.walk(tree):
                if isinstance(node, ast.ClassDef) and node.name in errors:
                    for statement in node.body:
                        if isinstance(statement, ast.Assign) and [
                            t.id for t in statement.targets if isinstance(t, ast.Name)
                        ] == ["code"]:
                            codes.add(_string(statement.value) or "")
                if not isinstance(node, ast.Call):
                    continue
                name = node.func.id if isinstance(node.func, ast.Name) else getattr(node.func, "attr", "")
                args = [_string(a) for a in node.args]
                if name in ("FieldError", "field_error") and len(args) >= 2:
                    fields.add(args[0] or "")
                    codes.add(args[1] or "")
                elif name in CHECKS and len(args) >= 2 and args[1]:
                    fields.add(args[1])
                elif name in errors and args and args[0]:
                    codes.add(args[0])
    codes.discard("")
    fields.discard("")
    return codes, fields


def test_every_text_of_the_catalog_is_in_both_languages_and_they_differ() -> None:
    texts = catalog()
    assert len(texts) > 80
    for where, text in texts.items():
        assert text.fr.strip() and text.en.strip(), where
        if text.fr not in SAME_IN_BOTH:
            assert text.fr != text.en, f"{where}: the French is the English"


def test_every_error_code_and_field_the_code_uses_is_in_the_catalog() -> None:
    codes, fields = codes_and_fields_in_the_source()
    # The scan finds what it should: far fewer means it is broken.
    assert {"required", "invalid_email", "invalid_phone", "not_found", "permission_denied"} <= codes
    assert {"email", "phone", "postal_code", "date_of_birth", "username"} <= fields
    assert sorted(codes - MESSAGES.keys()) == []
    assert sorted(fields - FIELDS.keys()) == []


def test_every_email_problem_reads_as_its_language() -> None:
    for name, text in EMAIL_PROBLEMS.items():
        assert not ENGLISH.search(text.fr), f"{name}: English in {text.fr!r}"
        assert not FRENCH.search(text.en), f"{name}: French in {text.en!r}"


@pytest.mark.parametrize(
    ("typed", "problem"),
    [
        ("   ", EmailProblems.empty),
        ("zoe", EmailProblems.no_at),
        ("zoe.cote.example.com", EmailProblems.no_at),
        ("@example.com", EmailProblems.nothing_before_at),
        ("zoe@", EmailProblems.no_domain),
        ("zoe@@example.com", EmailProblems.several_at),
        ("zoe@example", EmailProblems.invalid_domain),
        ("zoe@-example.com", EmailProblems.invalid_domain),
        ("zoe@localhost", EmailProblems.invalid_domain),
        ("zoe @example.com", EmailProblems.invalid_characters),
        ("zoe@exa mple.com", EmailProblems.invalid_characters),
        ("zoe,cote@example.com", EmailProblems.invalid_characters),
        ("zoe@exa_mple.com", EmailProblems.invalid_characters),
        ("zoe\u200b@example.com", EmailProblems.invalid_characters),
        ("z" * 65 + "@example.com", EmailProblems.too_long),
        ("zoe@" + "a" * 250 + ".ca", EmailProblems.too_long),
        ("zoe.@example.com", EmailProblems.dots),
        (".zoe@example.com", EmailProblems.dots),
        ("zoe..cote@example.com", EmailProblems.dots),
        ("zoe@example..com", EmailProblems.dots),
        ("zoe@example.com.", EmailProblems.dots),
        ("<zoe@example.com>", EmailProblems.invalid_characters),
    ],
)
def test_a_bad_email_is_refused_with_its_reason_in_french_and_in_english(typed: str, problem: Text) -> None:
    assert email_problem(typed) is problem
    if not typed.strip():
        return  # an empty email is no error on a client file: it is optional
    with pytest.raises(ValidationError) as caught:
        validate_client(draft(email=typed), today=TODAY)
    error = caught.value.for_field("email")
    assert error is not None and error.code == "invalid_email"
    french, english = error.message(Language.FR), error.message(Language.EN)
    assert french == f"Adresse courriel invalide : {problem.fr}"
    assert english == f"Invalid email address: {problem.en}"
    assert not ENGLISH.search(french), french
    assert not FRENCH.search(english), english
    whole = caught.value.message(Language.FR)
    assert whole.startswith("Certains champs sont à corriger. Courriel : Adresse courriel invalide")


def test_good_emails_pass() -> None:
    for typed in ("zoe@example.com", " Zoe.Cote@Clinique.QC.CA ", "zoé@exemple.ca", "a+b@x.co"):
        assert email_problem(typed) is None, typed


def test_the_validators_english_reason_stays_in_the_log(caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level("INFO", logger="desktop.domain.validation")
    assert email_problem("zoe@example") is EmailProblems.invalid_domain
    assert any("refused" in record.getMessage() for record in caplog.records)


def test_field_names_and_roles_are_read_in_the_persons_language() -> None:
    assert field_name("postal_code", Language.FR) == "Code postal"
    assert field_name("postal_code", Language.EN) == "Postal code"
    assert field_name("no_such_field", Language.FR) == "no_such_field"
    refused = ValidationError([FieldError("last_name", "required")])
    assert refused.message(Language.FR) == "Certains champs sont à corriger. Nom : Ce champ est obligatoire."
    assert refused.message(Language.EN) == "Some fields need correcting. Last name: This field is required."
    denied = PermissionDeniedError(role=role_name(Role.RECEPTIONIST))
    assert denied.message(Language.FR) == "Votre rôle (réceptionniste) ne permet pas cette action."
    assert denied.message(Language.EN) == "Your role (receptionist) does not allow this action."
    assert role_name(None) is Subjects.system
    assert all(role_name(role).fr != role_name(role).en for role in Role)


def test_parameters_are_written_in_the_persons_language() -> None:
    missing = NotFoundError(what=Subjects.file.filled(number="000123"))
    assert missing.message(Language.FR) == "Introuvable : dossier 000123."
    assert missing.message(Language.EN) == "Not found: file 000123."
    assert str(missing) == "Not found: file 000123."  # the log's form, in English
    locked = AccountLockedError(until=time(16, 29))
    assert locked.message(Language.FR).endswith(f"Réessayez après 16{NBSP}h{NBSP}29.")
    assert locked.message(Language.EN).endswith("Try again after 16:29.")
    when = datetime(2026, 11, 24, 21, 29, tzinfo=UTC)
    stale = StaleVersionError(object(), "Julie Tremblay", when)
    assert format_datetime(when, Language.FR) in stale.message(Language.FR)
    assert format_datetime(when, Language.EN) in stale.message(Language.EN)
    assert message("duplicate_choice", Language.FR) != message("duplicate_choice", Language.EN)


def test_an_unknown_code_still_shows_something() -> None:
    assert FrontDeskError("no_such_code").message(Language.FR) == "no_such_code"
