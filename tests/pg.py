"""A throwaway PostgreSQL cluster in a temporary directory, for the office tests and the
load benchmark (bench/load.py). initdb refuses to run as root, so as root it runs as the
`postgres` system user (created by the postgresql package)."""

from __future__ import annotations

import glob
import os
import shutil
import socket
import subprocess
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

MISSING = (
    "PostgreSQL fehlt (/usr/lib/postgresql/*/bin/initdb): die Server-Tests laufen "
    "auch gegen PostgreSQL. Bitte `bash tools/system-deps.sh` ausführen."
)


class PostgresMissing(RuntimeError):
    pass


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@contextmanager
def postgres_cluster(dbname: str = "office_test", *settings: str) -> Iterator[str]:
    """Start a cluster with one database, yield its SQLAlchemy URL, stop and delete it.
    Durability is off (fsync, synchronous_commit): the cluster dies with the run anyway."""
    initdbs = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"))
    if not initdbs:
        raise PostgresMissing(MISSING)
    bindir = Path(initdbs[-1]).parent
    root = Path(tempfile.mkdtemp(prefix="office-pg-"))
    as_postgres: list[str] = []
    if os.geteuid() == 0:
        shutil.chown(root, "postgres", "postgres")
        as_postgres = ["runuser", "-u", "postgres", "--"]
    data, port = root / "data", free_port()

    def run(*cmd: str) -> None:
        subprocess.run([*as_postgres, *cmd], check=True, capture_output=True, timeout=120)

    run(str(bindir / "initdb"), "-D", str(data), "-U", "postgres", "--auth=trust",
        "-E", "UTF8", "--locale=C", "--no-sync")  # fmt: skip
    options = (
        f"-p {port} -k {root} -c listen_addresses=127.0.0.1 "
        "-c fsync=off -c synchronous_commit=off -c full_page_writes=off "
        + " ".join(f"-c {s}" for s in settings)
    )
    try:
        run(str(bindir / "pg_ctl"), "-D", str(data), "-l", str(root / "log"), "-w", "-o",
            options, "start")  # fmt: skip
        run(str(bindir / "createdb"), "-h", str(root), "-p", str(port), "-U", "postgres",
            dbname)  # fmt: skip
        yield f"postgresql+psycopg://postgres@/{dbname}?host={root}&port={port}"
    finally:
        subprocess.run(
            [*as_postgres, str(bindir / "pg_ctl"), "-D", str(data), "-m", "immediate", "-w",
             "stop"],
            capture_output=True,
            timeout=120,
        )  # fmt: skip
        shutil.rmtree(root, ignore_errors=True)


def reset_database(url: str) -> None:
    """Empty a test database completely (tables, sequences, Alembic's version)."""
    import sqlalchemy as sa

    engine = sa.create_engine(url)
    try:
        with engine.begin() as conn:
            conn.exec_driver_sql("DROP SCHEMA public CASCADE")
            conn.exec_driver_sql("CREATE SCHEMA public")
    finally:
        engine.dispose()
