import hashlib
from pathlib import Path

import pytest
from django.db import connection

from camket.backup import databases
from camket.backup.target_state import Target

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


@pytest.fixture
def small_world(plan_world, settings):
    """The personas' plan world with a submitted report, its evidence file and a model file."""
    from camket.reports import services

    world = plan_world.world
    due = plan_world.indicator_a.due_dates.order_by("due_on").first()
    evidence = services.add_evidence(world.officer_a, due, "attendance.pdf", PDF, is_public=True)
    services.save_report(
        world.officer_a,
        due,
        {"status": "implemented", "narrative": "All officers trained.", "indicator_value": 120},
        version=evidence.report.version,
        submit=True,
    )
    model_file = Path(settings.MODELS_DIR) / "tagging" / "2026-01-01" / "model.joblib"
    model_file.parent.mkdir(parents=True)
    model_file.write_bytes(bytes(range(256)) * 40)
    return evidence


@pytest.fixture
def restore_target(tmp_path):
    """An empty database and data directory of the test database's vendor."""
    folder = tmp_path / "target"
    source = connection.settings_dict
    if databases.vendor_of(source) == databases.SQLITE:
        database = {"ENGINE": source["ENGINE"], "NAME": str(folder / "camket.sqlite3")}
        yield _target(folder, database)
        return
    # One per xdist worker: the test database's own name (test_camket_gw0 …) is unique.
    name = f"{source['NAME']}_restore"
    with connection.cursor() as cursor:
        cursor.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        cursor.execute(f'CREATE DATABASE "{name}"')
    try:
        yield _target(folder, {**source, "NAME": name})
    finally:
        with connection.cursor() as cursor:
            cursor.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def _target(folder: Path, database: dict) -> Target:
    return Target(database, folder, folder / "uploads", folder / "models")


def file_digests(folder: Path) -> dict[str, str]:
    return {
        path.relative_to(folder).as_posix(): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in sorted(folder.rglob("*"))
        if path.is_file()
    }


def table_contents(db_settings: dict) -> dict[str, list[tuple]]:
    """Every row of every table, in a fixed order; plus the sequences' positions."""
    vendor = databases.vendor_of(db_settings)
    raw = databases.connect(db_settings)
    try:
        cursor = raw.cursor()
        contents = {}
        for table in databases.table_names(raw, vendor):
            cursor.execute(f"SELECT * FROM {databases.quoted(table)}")  # noqa: S608
            contents[table] = sorted(cursor.fetchall(), key=repr)
        if vendor == databases.SQLITE:
            cursor.execute("SELECT name, seq FROM sqlite_sequence ORDER BY name")
        else:
            cursor.execute(
                "SELECT sequencename, last_value FROM pg_sequences"
                " WHERE schemaname = current_schema() ORDER BY sequencename"
            )
        contents["(sequences)"] = cursor.fetchall()
        return contents
    finally:
        raw.close()
