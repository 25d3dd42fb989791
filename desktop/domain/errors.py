"""Typed errors raised by the services. Each carries a message code the GUI shows in the person's language."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from datetime import datetime

from desktop.domain.enums import Language
from desktop.domain.messages import field_name, message


class FrontDeskError(Exception):
    code = "error"

    def __init__(self, code: str | None = None, **params: object) -> None:
        self.code = code or self.code
        self.params = params
        super().__init__(self.message(Language.EN))

    def message(self, language: Language | str = Language.FR) -> str:
        return message(self.code, language, **self.params)


@dataclass(frozen=True)
class FieldError:
    field: str
    code: str
    # Spelled in full: the attribute ``field`` above hides dataclasses.field in the class body.
    params: dict[str, object] = dataclasses.field(default_factory=dict)

    def message(self, language: Language | str = Language.FR) -> str:
        return message(self.code, language, **self.params)


class ValidationError(FrontDeskError):
    code = "validation_failed"

    def __init__(self, errors: list[FieldError]) -> None:
        self.errors = list(errors)
        super().__init__()

    def for_field(self, name: str) -> FieldError | None:
        return next((e for e in self.errors if e.field == name), None)

    def message(self, language: Language | str = Language.FR) -> str:
        details = "; ".join(
            message(
                "field_problem", language, field=field_name(e.field, language), problem=e.message(language)
            )
            for e in self.errors
        )
        return f"{message(self.code, language)} {details}".strip()


class NotFoundError(FrontDeskError):
    code = "not_found"


class PermissionDeniedError(FrontDeskError):
    code = "permission_denied"


class SignInRequiredError(PermissionDeniedError):
    """A command that needs a manager's sign-in was run without one, on a database that has accounts."""

    code = "sign_in_required"


class AuthenticationError(FrontDeskError):
    code = "bad_credentials"


class AccountLockedError(AuthenticationError):
    code = "account_locked"


class StaleVersionError(FrontDeskError):
    """A save based on an older version of a record; carries the current one so nothing is lost."""

    code = "stale_version"

    def __init__(self, current: object, changed_by: str, changed_at: datetime | str) -> None:
        self.current = current
        super().__init__(who=changed_by, when=changed_at)


class PossibleDuplicateError(FrontDeskError):
    code = "possible_duplicate"

    def __init__(self, matches: list[object], file_numbers: list[str]) -> None:
        self.matches = matches
        super().__init__(files=", ".join(file_numbers))


class ConflictError(FrontDeskError):
    """The request contradicts what is recorded (already processed, replayed with other content...)."""


class PolicyVersionExistsError(ConflictError):
    """A policy version with this effective date is already published; published versions never change."""

    code = "policy_version_exists"

    def __init__(self, version: str) -> None:
        super().__init__(version=version)
        self.version = version


class DatabaseBusyError(FrontDeskError):
    code = "database_busy"


class QueryInterruptedError(FrontDeskError):
    """A read stopped by its caller because its answer is no longer wanted (a newer search)."""

    code = "query_interrupted"


class DatabaseUnavailableError(FrontDeskError):
    code = "database_unavailable"


class DatabaseCorruptError(FrontDeskError):
    """The database file is damaged or is not a FrontDesk database; the way out is a backup."""

    code = "database_corrupt"

    def __init__(self, database: str, backup: str | None = None) -> None:
        code = "database_corrupt" if backup else "database_corrupt_no_backup"
        super().__init__(code, database=database, backup=backup or "")
        self.database = database
        self.backup = backup


class NotFrontDeskDatabaseError(DatabaseCorruptError):
    """An existing file, or a server's database, that is not FrontDesk's (another program's): neither
    opened nor changed. ``server_database_not_frontdesk`` words it for a PostgreSQL database."""

    code = "database_not_frontdesk"

    def __init__(self, database: str, code: str = "database_not_frontdesk") -> None:
        FrontDeskError.__init__(self, code, database=database)
        self.database = database
        self.backup = None


class DemoIntoRealDataError(ConflictError):
    """Demo data asked for in a database that holds records the demo did not make, without
    ``--into-existing``; the counts say what is there."""

    code = "demo_into_real_data"

    def __init__(self, clients: int, accounts: int, others: int) -> None:
        super().__init__(clients=clients, accounts=accounts, others=others)
