"""The database part of a backup: a consistent online copy, its restore, and its row counts.

SQLite is copied with its own online backup API (never the file, which WAL may leave behind
the truth); PostgreSQL with `pg_dump`, inside a snapshot that the row counts also read, so the
manifest describes exactly the dump.
"""

import os
import shutil
import sqlite3
import subprocess
from dataclasses import dataclass
from pathlib import Path

from django.conf import settings
from django.utils.translation import gettext as _

from camket.backup.errors import BackupError, RestoreRefused

SQLITE = "sqlite"
POSTGRESQL = "postgresql"
DUMP_NAMES = {SQLITE: "database/camket.sqlite3", POSTGRESQL: "database/camket.pgdump"}

# Django's OPTIONS for psycopg that libpq also reads from the environment, and under what name.
_LIBPQ_ENVIRONMENT = {
    "host": "PGHOST",
    "port": "PGPORT",
    "dbname": "PGDATABASE",
    "user": "PGUSER",
    "password": "PGPASSWORD",
    "sslmode": "PGSSLMODE",
    "sslrootcert": "PGSSLROOTCERT",
    "sslcert": "PGSSLCERT",
    "sslkey": "PGSSLKEY",
    "sslcrl": "PGSSLCRL",
    "passfile": "PGPASSFILE",
    "service": "PGSERVICE",
    "connect_timeout": "PGCONNECT_TIMEOUT",
    "target_session_attrs": "PGTARGETSESSIONATTRS",
}


@dataclass
class DatabaseState:
    """What the manifest records of a database: rows per table and the migrations applied."""

    row_counts: dict[str, int]
    migrations: dict[str, str]  # app label -> the last migration applied


def vendor_of(db_settings: dict) -> str:
    engine = db_settings["ENGINE"]
    if engine.endswith("sqlite3"):
        return SQLITE
    if engine.endswith("postgresql"):
        return POSTGRESQL
    raise BackupError(
        _("Backups support SQLite and PostgreSQL, not %(engine)s.") % {"engine": engine}
    )


def libpq_parameters(db_settings: dict) -> dict[str, str]:
    parameters = {
        "dbname": db_settings.get("NAME") or "",
        "user": db_settings.get("USER") or "",
        "password": db_settings.get("PASSWORD") or "",
        "host": db_settings.get("HOST") or "",
        "port": str(db_settings.get("PORT") or ""),
    }
    for key, value in (db_settings.get("OPTIONS") or {}).items():
        if key in _LIBPQ_ENVIRONMENT:
            parameters[key] = str(value)
    return {key: value for key, value in parameters.items() if value}


def _pg_environment(db_settings: dict) -> dict[str, str]:
    """The connection for pg_dump/pg_restore, password included, passed where `ps` cannot
    show it: the child's environment."""
    environment = {name: value for name, value in os.environ.items() if not name.startswith("PG")}
    for key, value in libpq_parameters(db_settings).items():
        environment[_LIBPQ_ENVIRONMENT[key]] = value
    return environment


def pg_program(name: str) -> str:
    folder = getattr(settings, "CAMKET_PG_BIN_DIR", "")
    program = str(Path(folder) / name) if folder else shutil.which(name)
    if not program or not Path(program).is_file():
        where = folder or "PATH"
        raise BackupError(
            _(
                "%(program)s was not found in %(where)s: install the PostgreSQL client tools "
                "of the server's version (Debian: postgresql-client), or set CAMKET_PG_BIN_DIR."
            )
            % {"program": name, "where": where}
        )
    return program


def _run(command: list[str], db_settings: dict) -> None:
    done = subprocess.run(  # noqa: S603 - fixed program, arguments built here, no shell
        command, env=_pg_environment(db_settings), capture_output=True, text=True, check=False
    )
    if done.returncode != 0:
        raise BackupError(
            _("%(program)s failed: %(error)s")
            % {"program": Path(command[0]).name, "error": done.stderr.strip()}
        )


def connect(db_settings: dict):
    """A plain DB-API connection of its own (not Django's), to any database named by settings."""
    if vendor_of(db_settings) == SQLITE:
        name = str(db_settings["NAME"])
        return sqlite3.connect(name, uri=name.startswith("file:"))
    import psycopg

    try:
        return psycopg.connect(
            conninfo=psycopg.conninfo.make_conninfo(**libpq_parameters(db_settings))
        )
    except psycopg.OperationalError as error:
        raise BackupError(
            _("Cannot connect to the database %(name)s: %(error)s")
            % {"name": db_settings.get("NAME"), "error": str(error).strip()}
        ) from None


def table_names(raw_connection, vendor: str) -> list[str]:
    cursor = raw_connection.cursor()
    if vendor == SQLITE:
        cursor.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
        )
    else:
        cursor.execute(
            "SELECT table_name FROM information_schema.tables"
            " WHERE table_schema = current_schema() AND table_type = 'BASE TABLE'"
        )
    return sorted(row[0] for row in cursor.fetchall())


def quoted(table: str) -> str:
    return '"' + table.replace('"', '""') + '"'


def row_counts(raw_connection, tables: list[str]) -> dict[str, int]:
    cursor = raw_connection.cursor()
    counts = {}
    for table in tables:
        cursor.execute(f"SELECT COUNT(*) FROM {quoted(table)}")  # noqa: S608 - quoted name
        counts[table] = cursor.fetchone()[0]
    return counts


def database_state(raw_connection, vendor: str) -> DatabaseState:
    tables = table_names(raw_connection, vendor)
    migrations: dict[str, str] = {}
    if "django_migrations" in tables:
        cursor = raw_connection.cursor()
        cursor.execute("SELECT app, name FROM django_migrations ORDER BY id")
        for app, name in cursor.fetchall():
            migrations[app] = name
    return DatabaseState(row_counts(raw_connection, tables), migrations)


def dump(connection, destination: Path) -> DatabaseState:
    """Copy the database behind a Django connection into `destination`, while it is in use."""
    vendor = vendor_of(connection.settings_dict)
    if vendor == SQLITE:
        return _dump_sqlite(connection, destination)
    return _dump_postgresql(connection.settings_dict, destination)


def _dump_sqlite(connection, destination: Path) -> DatabaseState:
    connection.ensure_connection()
    copy = sqlite3.connect(destination)
    try:
        # All pages in one step: one read transaction, hence one consistent moment.
        connection.connection.backup(copy, pages=-1)
        return database_state(copy, SQLITE)
    finally:
        copy.close()


def _dump_postgresql(db_settings: dict, destination: Path) -> DatabaseState:
    raw = connect(db_settings)
    try:
        raw.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY")
        snapshot = raw.execute("SELECT pg_export_snapshot()").fetchone()[0]
        state = database_state(raw, POSTGRESQL)
        command = [pg_program("pg_dump"), "--format=custom", f"--snapshot={snapshot}"]
        _run([*command, f"--file={destination}"], db_settings)
        return state
    finally:
        raw.rollback()
        raw.close()


def restore(db_settings: dict, dump_file: Path) -> None:
    """Replace the target database's content by the dump's."""
    if vendor_of(db_settings) == SQLITE:
        _restore_sqlite(db_settings, dump_file)
    else:
        _restore_postgresql(db_settings, dump_file)


def _restore_sqlite(db_settings: dict, dump_file: Path) -> None:
    Path(db_settings["NAME"]).parent.mkdir(parents=True, exist_ok=True)
    source, target = sqlite3.connect(dump_file), connect(db_settings)
    try:
        source.backup(target, pages=-1)
    except sqlite3.DatabaseError as error:
        raise BackupError(
            _("The archive's database could not be restored: %(error)s.") % {"error": error}
        ) from None
    finally:
        source.close()
        target.close()


def _restore_postgresql(db_settings: dict, dump_file: Path) -> None:
    if not db_settings.get("NAME"):
        raise RestoreRefused(_("DATABASE_URL names no database to restore into."))
    command = [
        pg_program("pg_restore"),
        "--clean",
        "--if-exists",
        "--no-owner",
        "--no-privileges",
        "--single-transaction",  # all or nothing: a failed restore leaves the target as it was
        f"--dbname={db_settings['NAME']}",
        str(dump_file),
    ]
    _run(command, db_settings)
