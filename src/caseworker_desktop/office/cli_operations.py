"""`caseworker-office serve`, `backup` and `restore` (office/operations.py, backup.py)."""

from __future__ import annotations

import logging
import os
from pathlib import Path

from . import auth, backup
from .cli_common import open_store, read_file


def cmd_serve(args) -> int:
    import uvicorn

    from .api import create_app
    from .operations import configure_request_log, networks, settle_heap

    logging.basicConfig(
        level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s: %(message)s"
    )
    configure_request_log()
    metrics_from = networks(args.metrics_from) if args.metrics_from else ()
    if args.workers > 1 and args.db.startswith("sqlite"):
        raise auth.OfficeError(
            "Mehrere Prozesse (--workers) gehen nur mit PostgreSQL: SQLite hat einen Schreiber."
        )
    if bool(args.tls_cert) != bool(args.tls_key):
        raise auth.OfficeError("Für TLS braucht es beides: --tls-cert und --tls-key.")
    tls = {}
    with open_store(args) as store:
        store.serve_checkpoints()  # SQLite: off the request path
        if args.tls_cert:
            pin = store.pin_certificate(read_file(args.tls_cert, "Das Zertifikat"))
            read_file(args.tls_key, "Der Schlüssel")
            tls = {"ssl_certfile": args.tls_cert, "ssl_keyfile": args.tls_key}
            print(f"Fingerabdruck des Schlüssels: {pin.hex()}")
        scheme = "https" if tls else "http"
        print(f"Server des Landratsamts: {scheme}://{args.host}:{args.port} (Strg+C beendet).")
        if args.workers > 1:  # every worker builds its own app (office/api.py)
            app = "caseworker_desktop.office.api:app_from_environment"
            os.environ.update(worker_environment(args, store))
        else:
            app = create_app(store, metrics_from=metrics_from)
            settle_heap()
        uvicorn.run(
            app,
            factory=args.workers > 1,
            workers=args.workers,
            host=args.host,
            port=args.port,
            log_level="info",
            access_log=False,  # the JSON request lines replace uvicorn's access log
            **tls,
            # X-Forwarded-For names the client only when a proxy of ours set it: from any
            # other address it is a claim of the caller (and would dodge the rate limit).
            proxy_headers=bool(args.trusted_proxy),
            forwarded_allow_ips=",".join(args.trusted_proxy) if args.trusted_proxy else "",
        )
    return 0


def worker_environment(args, store) -> dict[str, str]:
    """What the worker processes of `serve --workers N` build their apps from."""
    import tempfile

    return {
        "CASEWORKER_OFFICE_DB": args.db,
        "CASEWORKER_OFFICE_KEY_FILE": str(store.keys_path),
        "CASEWORKER_OFFICE_METRICS_FROM": ",".join(args.metrics_from),
        "PROMETHEUS_MULTIPROC_DIR": tempfile.mkdtemp(prefix="caseworker-metrics-"),
    }


def cmd_backup(args) -> int:
    out = Path(args.out)
    with open_store(args) as store:
        backup.backup(store, out)
    print(f"Sicherung geschrieben: {out} (nur mit der Schlüsseldatei des Landratsamts lesbar)")
    return 0


def cmd_restore(args) -> int:
    backup.restore(args.db, Path(args.source), key_file=args.key_file, replace=args.replace)
    print(
        "Sicherung zurückgespielt. Die Laptops senden beim nächsten Abgleich alles erneut, "
        "was dem Landratsamt seitdem fehlt."
    )
    return 0


def add_commands(command) -> None:
    p = command("backup", cmd_backup, "Datenbank sichern (SQLite: verschlüsselte Kopie; pg_dump)")
    p.add_argument("--out", required=True, metavar="DATEI", help="Zieldatei (neu)")
    p = command("restore", cmd_restore, "Sicherung zurückspielen (Server vorher anhalten)")
    p.add_argument("--from", dest="source", required=True, metavar="DATEI", help="Sicherung")
    p.add_argument("--replace", action="store_true", help="eine nicht leere Datenbank ersetzen")
