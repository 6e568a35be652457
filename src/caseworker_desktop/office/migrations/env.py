"""Alembic environment of the office database: run on the connection office.migrate hands in."""

from alembic import context

from caseworker_desktop.office.schema import metadata

connection = context.config.attributes["connection"]
context.configure(connection=connection, target_metadata=metadata)
with context.begin_transaction():
    context.run_migrations()
