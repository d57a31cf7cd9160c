"""How long an import keeps SQLite's write lock: the time every other writer must wait.

    .venv/bin/python benchmarks/write_lock.py    # SQLite only (PostgreSQL locks rows, not files)

A second connection tries `BEGIN IMMEDIATE` with no busy timeout every 5 ms while the four
UPR Info export files are imported into a throw-away file database; the longest run of
refusals is the longest time a login, a save or an API call would have waited.
"""

import sqlite3
import threading
import time

from support import in_throwaway_database, setup_django, upr_info_exports  # benchmarks/support.py

PROBE_SECONDS = 0.005


class LockProbe(threading.Thread):
    def __init__(self, path: str):
        super().__init__(daemon=True)
        self.path = path
        self.stop = threading.Event()
        self.longest = 0.0
        self.total = 0.0

    def run(self) -> None:
        connection = sqlite3.connect(self.path, timeout=0, isolation_level=None)
        locked_since = None
        while not self.stop.is_set():
            now = time.perf_counter()
            try:
                connection.execute("BEGIN IMMEDIATE")
                connection.execute("ROLLBACK")
                if locked_since is not None:
                    self._locked(now - locked_since)
                    locked_since = None
            except sqlite3.OperationalError:
                locked_since = locked_since if locked_since is not None else now
            time.sleep(PROBE_SECONDS)
        if locked_since is not None:
            self._locked(time.perf_counter() - locked_since)
        connection.close()

    def _locked(self, seconds: float) -> None:
        self.longest = max(self.longest, seconds)
        self.total += seconds


def main() -> int:
    setup_django()
    files = upr_info_exports()
    if not files:
        return 0
    in_throwaway_database(run, files)
    return 0


def run(files, vendor: str) -> None:
    from django.db import connection

    from camket.importers.service import import_file

    if vendor != "sqlite":
        print("write-lock benchmark: SQLite only, skipped")
        return
    connection.ensure_connection()
    probe = LockProbe(connection.settings_dict["NAME"])
    probe.start()
    started = time.perf_counter()
    for path in files:
        summary = import_file(path, publish=True)
        assert summary.ok, summary.errors[:3]
    elapsed = time.perf_counter() - started
    probe.stop.set()
    probe.join()
    print(
        f"import of {len(files)} files: {elapsed:.1f} s; write lock held {probe.total:.1f} s "
        f"in all, longest {probe.longest:.1f} s without a break"
    )


if __name__ == "__main__":
    raise SystemExit(main())
