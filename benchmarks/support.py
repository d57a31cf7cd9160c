"""What every benchmark does first: Django set up on a scratch data folder, and, when the
benchmark writes to a database, a throw-away test database (never your data)."""

import os
import sys
import tempfile
import time
from datetime import date
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


def import_all(paths) -> float:
    """Import each file (published) through the real import service; the seconds it took."""
    from camket.importers.service import import_file

    started = time.perf_counter()
    for path in paths:
        summary = import_file(path, publish=True)
        assert summary.ok, summary.errors[:3]
    return time.perf_counter() - started


def quarterly_indicators(actions, *, batch_size=None):
    """Two indicators per action, reported quarterly over 2025–2026: (indicators, due dates)."""
    from camket.plans.models import DueDate, Indicator
    from camket.plans.schedule import periods

    indicators = Indicator.objects.bulk_create(
        Indicator(
            action=a,
            agency=a.lead_agency,
            title=f"Indicator {i}",
            frequency_months=3,
            starts_on=date(2025, 1, 1),
            ends_on=date(2026, 12, 31),
        )
        for a in actions
        for i in range(2)
    )
    schedule = periods(date(2025, 1, 1), date(2026, 12, 31), 3)
    due_dates = DueDate.objects.bulk_create(
        (
            DueDate(indicator=ind, period_start=p.start, period_end=p.end, due_on=p.due_on)
            for ind in indicators
            for p in schedule
        ),
        batch_size=batch_size,
    )
    return indicators, due_dates
