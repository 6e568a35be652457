"""Alembic environment: always run on the connection handed in by storage.migrate."""

from alembic import context

from caseworker_desktop.storage.orm import metadata

connection = context.config.attributes["connection"]
context.configure(
    connection=connection,
    target_metadata=metadata,
    render_as_batch=True,  # SQLite cannot ALTER most things; batch mode copies tables
)
with context.begin_transaction():
    context.run_migrations()
