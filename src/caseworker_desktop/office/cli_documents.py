"""`caseworker-office documents limit|status`: the size limit of documents (the laptops'
records above it are refused) and how much content the office keeps."""

from __future__ import annotations

import sqlalchemy as sa

from ..domain.documents import megabytes
from . import documents
from . import schema as s
from .cli_common import open_store


def cmd_limit(args) -> int:
    with open_store(args) as store:
        if args.mb is not None:
            with store.write() as conn:
                documents.set_max_mb(conn, args.mb)
                s.audit(conn, "cli", "document_limit", f"mb={args.mb}")
        with store.engine.connect() as conn:
            limit = documents.max_mb(conn)
    print(f"Höchstgröße eines Dokuments: {limit} MB.")
    return 0


def cmd_status(args) -> int:
    with open_store(args) as store, store.engine.connect() as conn:
        blobs = conn.execute(
            sa.select(sa.func.count(), sa.func.coalesce(sa.func.sum(s.document_blobs.c.size), 0))
        ).one()
        checked = conn.execute(sa.select(sa.func.count()).select_from(s.document_content)).scalar()
        pending = conn.execute(
            sa.select(sa.func.count(sa.distinct(s.document_uploads.c.document_id)))
        ).scalar()
    print(f"{checked} Dokumente mit vollständigem Inhalt, {blobs[0]} verschiedene Inhalte "
          f"({megabytes(blobs[1])} MB, versiegelt); {pending} Uploads unvollständig.")  # fmt: skip
    return 0


def add_commands(sub, command) -> None:
    group = sub.add_parser(
        "documents", help="Dokumente: Höchstgröße und gespeicherter Inhalt"
    ).add_subparsers(dest="action", required=True, metavar="AKTION")
    p = command("limit", cmd_limit, "Höchstgröße anzeigen oder setzen", group)
    p.add_argument("--mb", type=int, metavar="MB", help="neue Höchstgröße in MB (Vorgabe 25)")
    command("status", cmd_status, "Wie viel Inhalt das Landratsamt hält", group)
