"""What every benchmark does first: Django set up on a scratch data folder, and, when the
benchmark writes to a database, a throw-away test database (never your data)."""

import os
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("CAMKET_SHARED_DATA", ROOT.parent / "shared" / "data"))


def setup_django() -> None:
    sys.path.insert(0, str(ROOT))
    scratch = tempfile.mkdtemp(prefix="camket-bench-")
    os.environ.setdefault("CAMKET_DATA_DIR", scratch)
    os.environ.setdefault("CAMKET_TEST_SQLITE_NAME", str(Path(scratch) / "bench.sqlite3"))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "camket.settings")
    import django

    django.setup()


def upr_info_exports() -> list[Path]:
    """The shared UPR Info export files; none (and a line saying so) when they are absent."""
    files = sorted((SHARED / "upr-info").glob("*.csv"))
    if not files:
        print(f"benchmark skipped: no UPR Info export in {SHARED / 'upr-info'}")
    return files


def in_throwaway_database(run, *args) -> None:
    """Call run(*args, vendor) with a fresh test database, destroyed afterwards."""
    from django.db import connection
    from django.test.utils import setup_test_environment

    setup_test_environment()
    old_name = connection.creation.create_test_db(verbosity=0, autoclobber=True)
    try:
        run(*args, connection.vendor)
    finally:
        connection.creation.destroy_test_db(old_name, verbosity=0)
