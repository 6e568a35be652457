"""The footprint of a case file against the data it holds (#18 item 2): the file on disk
(after a checkpoint, the WAL included) and the bytes of the values of its records, as
the materialised data the file could not be smaller than."""

from __future__ import annotations

import sqlalchemy as sa

from caseworker_desktop.domain import model as m
from caseworker_desktop.storage.casefile import CaseFile, db_path
from caseworker_desktop.storage.orm import table_of

TARGET = 5  # the file at most this many times the data


def materialised(conn: sa.Connection) -> int:
    """The bytes of every value of every record (text as UTF-8, numbers as digits)."""
    total = 0
    for cls in m.SYNCABLE:
        table = table_of(cls)
        lengths = " + ".join(f"coalesce(length(CAST({c.name} AS BLOB)), 0)" for c in table.c)
        total += conn.exec_driver_sql(f"SELECT sum({lengths}) FROM {table.name}").scalar() or 0
    return total


def line(case_file: CaseFile) -> str:
    with case_file.engine.connect() as conn:
        conn.connection.dbapi_connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        data = materialised(conn)
        logged = conn.exec_driver_sql("SELECT count(*) FROM change_log").scalar()
    path = db_path(case_file.data_dir)
    size = sum(p.stat().st_size for p in path.parent.glob(path.name + "*"))
    return (
        f"Falldatei {size / 1e6:.1f} MB, Daten der Einträge {data / 1e6:.1f} MB -> "
        f"{size / data:.2f}x (Ziel <= {TARGET}x); Änderungsprotokoll {logged:,} Zeilen"
    )
