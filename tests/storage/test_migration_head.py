"""The start checks the schema without Alembic (storage.migrate): its reading of the
scripts names the same head as Alembic's, for the case file and the office, and a fresh
start at head does not import Alembic at all."""

from __future__ import annotations

import subprocess
import sys

from alembic.script import ScriptDirectory

from caseworker_desktop.office import migrate as office_migrate
from caseworker_desktop.storage import migrate
from tests.conftest import PASSPHRASE


def test_the_head_read_from_the_scripts_is_alembics():
    for directory in (migrate.MIGRATIONS_DIR, office_migrate.MIGRATIONS_DIR):
        script = ScriptDirectory.from_config(migrate.alembic_config(directory))
        assert migrate.head_revision(directory) == script.get_current_head()


def test_opening_a_file_at_head_does_not_import_alembic(case_file, data_dir):
    case_file.lock()
    probe = (
        "import sys\n"
        "from caseworker_desktop.storage.casefile import CaseFile\n"
        "CaseFile.open(sys.argv[1], sys.argv[2]).lock()\n"
        "print('alembic' in sys.modules)\n"
    )
    out = subprocess.run([sys.executable, "-c", probe, str(data_dir), PASSPHRASE],
                         capture_output=True, text=True, check=True)  # fmt: skip
    assert out.stdout.strip() == "False"
