"""Importing a district's list of 1,000 clients (#17): the whole import (reading the file,
checking every cell, the duplicates check against the list and the case file, writing in
one transaction) against registering the same people one by one through the service the
window uses (the baseline: the writes alone, without reading or checking a file).

    .venv/bin/python bench/import_list.py [--rows 1000]
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # tests.fixtures

from bench import raw_write
from tests.fixtures.import_lists import excel_list, german_csv, many_people

from caseworker_desktop.services import Services
from caseworker_desktop.storage.casefile import CaseFile

PASSPHRASE = "Benchmark-Passphrase-2026"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=1000)
    args = parser.parse_args()
    people = many_people(args.rows)
    with tempfile.TemporaryDirectory() as tmp_name:
        tmp = Path(tmp_name)
        figures = {}
        lists = {
            "xlsx": excel_list(tmp / "liste.xlsx", people),
            "csv": german_csv(tmp / "liste.csv", people, "utf-8-sig"),
        }
        for kind, path in lists.items():
            cf = CaseFile.create(tmp / f"import-{kind}", username="bench", passphrase=PASSPHRASE)
            services = Services(cf)
            started = time.perf_counter()
            plan = services.imports.plan(path)
            planned = time.perf_counter()
            before = raw_write.rows(cf) if kind == "csv" else None  # (not timed)
            start_write = time.perf_counter()
            result = services.imports.run(plan)
            figures[kind] = (planned - started, time.perf_counter() - start_write)
            assert result.clients == args.rows and not plan.rejected
            if before is not None:  # the physical limit: the same rows written raw
                same_s, same_rows = raw_write.timed(tmp, raw_write.added(cf, before))
            if kind == "csv":  # the baseline: the same people, registered one by one
                new = [row.new for row in plan.rows]
                cf.lock()
                cf = CaseFile.create(tmp / "baseline", username="bench", passphrase=PASSPHRASE)
                services = Services(cf)
                started = time.perf_counter()
                with services.ctx.transaction():
                    for client in new:
                        services.clients.register(client)
                baseline = time.perf_counter() - started
            cf.lock()
    write = figures["csv"][1]
    print(f"writing the import of {args.rows:,} rows: {write:.2f} s; the same {same_rows:,} "
          f"rows written raw {same_s:.2f} s -> {write / same_s:.1f}x (target <= 10x)")  # fmt: skip
    for kind, (check, write) in figures.items():
        total = check + write
        print(f"import of {args.rows:,} rows ({kind}): {total:.2f} s (reading and checking "
              f"{check:.2f} s, writing {write:.2f} s); {total / baseline:.2f}x registering "
              f"them through the service ({baseline:.2f} s); target: seconds")  # fmt: skip
    return 0


if __name__ == "__main__":
    sys.exit(main())
