"""Import a file: parse, validate everything, then write all of it in one transaction or nothing."""

from dataclasses import dataclass, field
from pathlib import Path

from django.db import connection, transaction
from django.utils.translation import gettext as _

from camket.frameworks.models import Framework, Recommendation
from camket.importers.apply import RecordWriter
from camket.importers.detect import parse_file
from camket.importers.models import ImportRun
from camket.importers.records import ParseResult, RowError


@dataclass
class ImportSummary:
    file_name: str
    source: str = ""
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    errors: list[RowError] = field(default_factory=list)
    warnings: list[RowError] = field(default_factory=list)
    frameworks: list[str] = field(default_factory=list)
    dry_run: bool = False
    applied: bool = False

    @property
    def ok(self) -> bool:
        return not self.errors

    def as_dict(self) -> dict:
        return {
            "created": self.created,
            "updated": self.updated,
            "unchanged": self.unchanged,
            "errors": [e.as_dict() for e in self.errors],
        }


ANALYZE_AFTER_ROWS = 1000


class _DryRunRollback(Exception):
    pass


def import_file(
    path: Path | str,
    *,
    raw: bytes | None = None,
    source_name: str = "",
    framework_slug: str | None = None,
    dry_run: bool = False,
    user=None,
    publish: bool = False,
    progress=None,
) -> ImportSummary:
    path = Path(path)
    summary = ImportSummary(file_name=source_name or path.name, dry_run=dry_run)
    parsed = parse_file(path, raw=raw, source_name=summary.file_name)
    summary.source = parsed.source
    summary.warnings = list(parsed.warnings)
    if not parsed.errors and not parsed.records:
        parsed.errors.append(RowError(None, None, _("The file holds no recommendations.")))
    if parsed.errors:
        summary.errors = parsed.errors
        return summary
    framework = None
    if framework_slug:
        framework = Framework.objects.filter(slug=framework_slug).first()
        if framework is None:
            known = ", ".join(Framework.objects.values_list("slug", flat=True)) or _("none yet")
            summary.errors.append(
                RowError(
                    None,
                    None,
                    _("There is no framework “%(slug)s” (known: %(known)s).")
                    % {"slug": framework_slug, "known": known},
                )
            )
            return summary
    missing = [r for r in parsed.records if not (framework or parsed.framework_hint or r.cycle)]
    if missing:
        summary.errors.append(
            RowError(
                missing[0].row,
                None,
                _("The file does not say which framework (cycle) it belongs to: choose one."),
            )
        )
        return summary
    try:
        with transaction.atomic():
            _write(
                parsed, summary, framework=framework, user=user, publish=publish, progress=progress
            )
            if dry_run:
                raise _DryRunRollback
    except _DryRunRollback:
        pass
    summary.applied = not dry_run
    if summary.applied and summary.created + summary.updated >= ANALYZE_AFTER_ROWS:
        refresh_planner_statistics()
    return summary


def refresh_planner_statistics() -> None:
    """After a bulk import, let the database re-plan searches over the new rows."""
    tables = ["frameworks_recommendation", "frameworks_recommendation_recommending_states",
              "frameworks_recommendation_categories"]
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute("ANALYZE " + ", ".join(tables))
        elif connection.vendor == "sqlite":
            for table in tables:
                cursor.execute(f"ANALYZE {table}")


def _write(parsed: ParseResult, summary: ImportSummary, *, framework, user, publish, progress):
    writer = RecordWriter(
        user=user,
        status=Recommendation.Status.PUBLISHED if publish else Recommendation.Status.DRAFT,
        reason=f"Imported from {summary.file_name}",
        progress=progress,
    )
    counts = writer.write(parsed, framework=framework)
    summary.created, summary.updated, summary.unchanged = counts
    summary.frameworks = sorted(writer.framework_slugs)
    summary.warnings.extend(writer.warnings)
    ImportRun.objects.create(
        file_name=summary.file_name[:255],
        source=parsed.source,
        framework_slugs=", ".join(summary.frameworks)[:500],
        created=summary.created,
        updated=summary.updated,
        unchanged=summary.unchanged,
        imported_by=user if getattr(user, "is_authenticated", False) else None,
    )
