"""Going around the application, as someone with the database file or a server login could."""

from __future__ import annotations

from sqlalchemy import Engine, text


def drop_append_only_trigger(engine: Engine, table: str) -> None:
    with engine.begin() as connection:
        if engine.dialect.name == "sqlite":
            connection.exec_driver_sql(f"DROP TRIGGER {table}_no_update")
            connection.exec_driver_sql(f"DROP TRIGGER {table}_no_delete")
        else:
            connection.exec_driver_sql(f"DROP TRIGGER {table}_append_only ON {table}")


def audit_ids(engine: Engine) -> list[int]:
    with engine.connect() as connection:
        return list(connection.execute(text("SELECT id FROM audit_records ORDER BY id")).scalars())


def edit_audit_detail(engine: Engine, record_id: int, detail: str) -> None:
    with engine.begin() as connection:
        connection.execute(
            text("UPDATE audit_records SET detail = :d WHERE id = :id"), {"d": detail, "id": record_id}
        )


def delete_audit_record(engine: Engine, record_id: int) -> None:
    with engine.begin() as connection:
        connection.execute(text("DELETE FROM audit_records WHERE id = :id"), {"id": record_id})


def recreate_append_only_trigger(engine: Engine, table: str) -> None:
    """The trigger put back exactly as FrontDesk defines it: only the ledgers' content tells."""
    from desktop.maintenance.ledger_checks import postgres_guard_sql, sqlite_trigger_sql

    with engine.begin() as connection:
        if engine.dialect.name == "sqlite":
            for operation in ("UPDATE", "DELETE"):
                connection.exec_driver_sql(sqlite_trigger_sql(table, operation))
        else:
            connection.exec_driver_sql(postgres_guard_sql(table))


def around_trigger(engine: Engine, table: str, statement: str, **params: object) -> None:
    """Drop the table's trigger, run ``statement``, put the trigger back."""
    drop_append_only_trigger(engine, table)
    with engine.begin() as connection:
        connection.execute(text(statement), params)
    recreate_append_only_trigger(engine, table)
