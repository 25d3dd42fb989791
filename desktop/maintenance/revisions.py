"""The schema revisions this version of FrontDesk ships, read without touching any database."""

from __future__ import annotations

from functools import cache
from typing import TYPE_CHECKING

from desktop.db.migrate import MIGRATIONS_DIR, shipped_head

if TYPE_CHECKING:
    from alembic.script import ScriptDirectory


@cache
def _script() -> ScriptDirectory:
    # Imported here: Alembic loads only when the whole history is asked for, not at every start.
    from alembic.config import Config
    from alembic.script import ScriptDirectory

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    return ScriptDirectory.from_config(config)


def newest_revision() -> str | None:
    return shipped_head()


def known_revisions() -> frozenset[str]:
    return frozenset(script.revision for script in _script().walk_revisions())


def known_revision(revision: str | None) -> bool:
    if revision is not None and revision == shipped_head():
        return True  # the common case, answered without loading Alembic
    return revision is not None and revision in known_revisions()
