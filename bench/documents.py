"""Documents (#17 part 1) on loopback with the real server process (SQLite): a scan of 20 MB
attached through the service, its content sent to the office chunk by chunk and fetched by
a second laptop of the same caseworker. Baselines measured in the same run:

- attach: the same bytes written in chunks into a fresh SQLCipher file with a raw
  executemany (what encryption and the disk cost anyway);
- upload and download: the same bytes as chunk-sized PUTs to the office that it refuses
  after reading them (what HTTP, authentication and the body limit cost anyway).

    .venv/bin/python bench/documents.py [--mb 20]
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

import httpx

from caseworker_desktop.domain.documents import CHUNK_SIZE
from caseworker_desktop.domain.enums import DocumentKind
from caseworker_desktop.services import NewClient, Services
from caseworker_desktop.storage import vault
from caseworker_desktop.storage.db import connect_raw
from caseworker_desktop.sync.client import SyncClient
from caseworker_desktop.sync.protocol import PROTOCOL_HEADER, PROTOCOL_VERSION
from sync import enrolled_file, start_server


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mb", type=int, default=20)
    args = parser.parse_args()
    data = b"%PDF-1.7\n" + os.urandom(args.mb * 1024 * 1024 - 9)  # scans do not compress
    chunks = [data[i : i + CHUNK_SIZE] for i in range(0, len(data), CHUNK_SIZE)]
    with tempfile.TemporaryDirectory() as tmp_name:
        tmp = Path(tmp_name)
        proc, url, db = start_server(tmp)
        try:
            writer = enrolled_file(tmp, "writer", url, db, clients=0)
            services = Services(writer, document_max_mb=args.mb + 1)
            municipality = services.clients.municipalities()[0]
            _client, case = services.clients.register(
                NewClient(first_name="Olena", last_name="Kovalenko",
                          municipality_id=municipality.id)
            )  # fmt: skip
            scan = tmp / "scan.pdf"
            scan.write_bytes(data)
            start = time.perf_counter()
            services.documents.attach(case.id, scan, kind=DocumentKind.RESIDENCE_PERMIT)
            attach_s = time.perf_counter() - start

            raw = connect_raw(tmp / "raw.db", vault.new_dek())
            raw.execute("CREATE TABLE c (h TEXT, i INTEGER, d BLOB)")
            start = time.perf_counter()
            raw.execute("BEGIN")
            raw.executemany(
                "INSERT INTO c VALUES (?,?,?)", [("h", i, c) for i, c in enumerate(chunks)]
            )
            raw.execute("COMMIT")
            raw_s = time.perf_counter() - start
            raw.close()

            sender = SyncClient(writer)
            sender.push(_report())  # the records first (as every sync does), then the content
            start = time.perf_counter()
            sender.transfer_documents(report := _report())
            upload_s = time.perf_counter() - start
            assert report.documents_sent == 1, report

            reader = enrolled_file(tmp, "reader", url, db, clients=0)
            client = SyncClient(reader)
            client.push(_report())
            client.pull(_report())
            start = time.perf_counter()
            client.transfer_documents(got := _report())
            download_s = time.perf_counter() - start
            assert got.documents_received == 1, got

            with writer.engine.connect() as conn:
                token = writer.state(conn, "device_token")
            headers = {PROTOCOL_HEADER: str(PROTOCOL_VERSION), "Authorization": f"Bearer {token}",
                       "Content-Type": "application/octet-stream"}  # fmt: skip
            with httpx.Client(base_url=url, headers=headers) as http:
                start = time.perf_counter()
                for i, chunk in enumerate(chunks):
                    answer = http.put(f"/documents/{'0' * 32}/content/{i}", content=chunk)
                    assert answer.status_code == 404
                http_s = time.perf_counter() - start
            writer.lock()
            reader.lock()
        finally:
            proc.terminate()
            proc.wait()
    mb = len(data) / (1024 * 1024)
    print(f"Dokumente: {mb:.0f} MB in {len(chunks)} Teilen zu {CHUNK_SIZE // 1024} KiB")
    rows = (
        ("anhängen (Dienst)", attach_s, raw_s, "rohes SQLCipher-executemany"),
        ("hochladen", upload_s, http_s, "gleiche PUTs ohne Speichern"),
        ("herunterladen", download_s, http_s, "gleiche PUTs ohne Speichern"),
    )
    for name, seconds, base, base_name in rows:
        print(f"  {name:<18} {seconds * 1000:7.0f} ms  {mb / seconds:6.1f} MB/s   "
              f"{seconds / base:4.1f}× Basis ({base_name}: {base * 1000:.0f} ms)")  # fmt: skip
    return 0


def _report():
    from caseworker_desktop.sync.client import SyncReport

    return SyncReport()


if __name__ == "__main__":
    sys.exit(main())
