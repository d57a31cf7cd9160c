"""Where a restore writes, and whether something is already there."""

from dataclasses import dataclass
from pathlib import Path

from django.apps import apps
from django.conf import settings
from django.db import connection
from django.utils.translation import gettext as _

from camket.backup import databases

# Tables a fresh `camket migrate` fills with the shipped catalogues: rows there are not data
# someone entered, so they do not make a target "not empty".
SHIPPED_MODELS = {
    "frameworks.Taxonomy",
    "frameworks.Category",
    "frameworks.State",
    "glossary.GlossaryTerm",
    "treaties.Instrument",
    "treaties.Reservation",
    "treaties.Participation",
}
# A refusal names this many tables with rows, then says how many more.
SHOWN_TABLES = 5


@dataclass
class Target:
    database: dict  # a DATABASES entry
    data_dir: Path
    media_root: Path
    models_dir: Path

    @classmethod
    def from_settings(cls) -> "Target":
        return cls(
            database=dict(connection.settings_dict),
            data_dir=Path(settings.DATA_DIR),
            media_root=Path(settings.MEDIA_ROOT),
            models_dir=Path(settings.MODELS_DIR),
        )

    @property
    def vendor(self) -> str:
        return databases.vendor_of(self.database)


def _shipped_tables() -> set[str]:
    tables = set()
    for label in SHIPPED_MODELS:
        model = apps.get_model(label)
        tables.add(model._meta.db_table)
        history = getattr(model, "history", None)
        if history is not None:
            tables.add(history.model._meta.db_table)
        tables.update(
            field.remote_field.through._meta.db_table for field in model._meta.many_to_many
        )
    return tables


def data_tables() -> set[str]:
    """Tables of people's data: every camket model's, and the user accounts and groups."""
    shipped = _shipped_tables()
    tables = set()
    for model in apps.get_models(include_auto_created=True):
        config = model._meta.app_config
        if config.name.startswith("camket.") or model._meta.label in ("auth.User", "auth.Group"):
            tables.add(model._meta.db_table)
    return tables - shipped


def data_found(target: Target) -> list[str]:
    """What makes the target not empty, in words; empty list if it is empty."""
    found = []
    if target.vendor == databases.SQLITE and not Path(target.database["NAME"]).exists():
        tables_with_rows = {}
    else:
        raw = databases.connect(target.database)
        try:
            present = set(databases.table_names(raw, target.vendor)) & data_tables()
            counts = databases.row_counts(raw, sorted(present))
        finally:
            raw.close()
        tables_with_rows = {table: rows for table, rows in counts.items() if rows}
    if tables_with_rows:
        listed = [f"{table} ({rows})" for table, rows in sorted(tables_with_rows.items())]
        if len(listed) > SHOWN_TABLES:
            listed[SHOWN_TABLES:] = [_("%(count)d more") % {"count": len(listed) - SHOWN_TABLES}]
        found.append(_("rows in %(tables)s") % {"tables": ", ".join(listed)})
    for folder in (target.media_root, target.models_dir):
        if folder.is_dir() and any(path.is_file() for path in folder.rglob("*")):
            found.append(_("files in %(folder)s") % {"folder": folder})
    return found


def unknown_migrations(migrations: dict[str, str]) -> list[str]:
    from django.db.migrations.loader import MigrationLoader

    known = MigrationLoader(None, ignore_no_migrations=True).disk_migrations
    return [f"{app}.{name}" for app, name in sorted(migrations.items()) if (app, name) not in known]
