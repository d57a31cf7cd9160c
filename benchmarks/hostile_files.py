"""Prints how long each hostile file's import takes and its peak memory, one subprocess each.

    .venv/bin/python benchmarks/hostile_files.py        (part of `make bench`)

The files are built at run time by tests/importers/hostile.py (zip bombs, a 600 MB cell,
broken XML, a Windows-1258 CSV); the largest real files of ../shared/data are measured beside
them when that folder exists. Each import is a dry run (`import_file(..., dry_run=True)`)
in a fresh Python process, against a throw-away SQLite database migrated once; its peak
resident memory is the child's `ru_maxrss` (resource.getrusage(RUSAGE_CHILDREN)), measured by
an intermediate process so that each figure is that one import's.
"""

import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from support import ROOT, SHARED  # benchmarks/support.py

HERE = Path(__file__).resolve()
BASELINE = "Reference,Text,Cycle\n1.1,Protect journalists.,4\n"


def main() -> int:
    scratch = Path(tempfile.mkdtemp(prefix="camket-bench-hostile-"))
    env = {name: value for name, value in os.environ.items() if name != "DATABASE_URL"}
    # Always the scratch SQLite database, never a configured one.
    env.update(CAMKET_DATA_DIR=str(scratch), DJANGO_SETTINGS_MODULE="camket.settings")
    subprocess.run(
        [sys.executable, "-m", "camket", "migrate", "-v", "0"], env=env, check=True, cwd=ROOT
    )
    files = _files(scratch / "files")
    print("seconds: the import call alone (process start and Django set-up: another ~3 s)")
    print(f"{'file':<42} {'size':>9} {'seconds':>8} {'peak RSS':>9}  result")
    for label, path in files.items():
        done = subprocess.run(
            [sys.executable, str(HERE), "--measure", str(path)],
            env=env,
            capture_output=True,
            text=True,
            cwd=ROOT,
        )
        if done.returncode:
            print(f"{label:<42} failed: {done.stderr.strip().splitlines()[-1:]}")
            continue
        figures = json.loads(done.stdout.strip().splitlines()[-1])
        print(
            f"{label:<42} {path.stat().st_size / 1e6:>7.2f}MB {figures['seconds']:>8.2f} "
            f"{figures['peak_mb']:>7.0f}MB  {figures['result']}"
        )
    return 0


def _files(folder: Path) -> dict[str, Path]:
    sys.path.insert(0, str(ROOT))
    from tests.importers import hostile

    folder.mkdir(parents=True)
    baseline = folder / "baseline.csv"
    baseline.write_text(BASELINE)
    files = {"baseline: a 2-row CSV": baseline, **hostile.build_all(folder)}
    # The worst the default limits let through to a parser: just under each of them.
    files["xlsx: one 45 MB cell (package < 50 MB)"] = hostile.xlsx_huge_cell(
        folder / "45mb-cell.xlsx", chars=45_000_000
    )
    files["xlsx: 99,999 rows (< 100,000)"] = hostile.xlsx_many_rows(
        folder / "99999-rows.xlsx", rows=99_999
    )
    upr = SHARED / "upr-info" / "upr-info-14-17.csv"
    matrix = SHARED / "ohchr-thematic-lists" / "egypt-cycle2-upr20.docx"
    if upr.exists():
        files["real: UPR Info export, 9,598 rows"] = upr
    if matrix.exists():
        files["real: OHCHR matrix (Egypt), 300 rows"] = matrix
    return files


def measure(path: str) -> None:
    """Run one import in a child process; print its time and peak memory as JSON."""
    done = subprocess.run(
        [sys.executable, str(HERE), "--import", path], capture_output=True, text=True, cwd=ROOT
    )
    peak_kb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss  # kilobytes on Linux
    if done.returncode:
        raise SystemExit(done.stderr)
    figures = json.loads(done.stdout.strip().splitlines()[-1])
    print(json.dumps({**figures, "peak_mb": peak_kb / 1024}))


def run_import(path: str) -> None:
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()
    from django.utils import translation

    from camket.importers.service import import_file

    translation.activate("en")

    started = time.perf_counter()
    summary = import_file(path, dry_run=True)
    seconds = time.perf_counter() - started
    if summary.errors:
        result = f"refused: {str(summary.errors[0])[:90]}"
    else:
        result = f"read: {summary.created} new, {len(summary.warnings)} warnings"
    print(json.dumps({"seconds": seconds, "result": result}))


if __name__ == "__main__":
    if sys.argv[1:2] == ["--measure"]:
        measure(sys.argv[2])
    elif sys.argv[1:2] == ["--import"]:
        run_import(sys.argv[2])
    else:
        raise SystemExit(main())
