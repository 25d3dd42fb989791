"""Database layer: typed ORM models, engine set-up and Alembic migrations. Only services import it."""
