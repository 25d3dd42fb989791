"""The schema revisions this version of FrontDesk ships, read without touching any database."""

from __future__ import annotations

from functools import cache

from alembic.config import Config
from alembic.script import ScriptDirectory

from desktop.db.migrate import MIGRATIONS_DIR


@cache
def _script() -> ScriptDirectory:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    return ScriptDirectory.from_config(config)


def newest_revision() -> str | None:
    return _script().get_current_head()


def known_revisions() -> frozenset[str]:
    return frozenset(script.revision for script in _script().walk_revisions())


def known_revision(revision: str | None) -> bool:
    return revision is not None and revision in known_revisions()
