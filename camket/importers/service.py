"""Import a file: parse, validate everything, then write all of it in one transaction or nothing."""

import logging
import time
from dataclasses import dataclass, field
from pathlib import Path

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils.translation import gettext as _

from camket.accounts.permissions import require
from camket.frameworks.models import Framework, Recommendation
from camket.importers.apply import write_plans
from camket.importers.detect import parse_file
from camket.importers.existing import IMPORT_REASON_PREFIX
from camket.importers.hooks import run_after_import
from camket.importers.models import ImportRun
from camket.importers.plan import Planner, RecordChange
from camket.importers.records import RowError
from camket.importers.statistics import statistics_after_import
from camket.lib.collection import collector_paused

IMPORT_PERMISSION = "frameworks.import_recommendations"

logger = logging.getLogger(__name__)


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
    # per existing recommendation: the fields the import changes, and those it keeps
    changes: list[RecordChange] = field(default_factory=list)
    dry_run: bool = False
    overwrite: bool = False
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


def import_file(path: Path | str, **options) -> ImportSummary:
    """Import `path` (see _import_file) and log what came of it, with the time it took."""
    started = time.monotonic()
    name = options.get("source_name") or Path(path).name
    try:
        with collector_paused():
            summary = _import_file(path, **options)
    except PermissionDenied:
        logger.warning("Import of %s refused: the user may not import there.", name)
        raise
    except Exception:
        logger.exception("Import of %s failed after %.1f s.", name, time.monotonic() - started)
        raise
    seconds = time.monotonic() - started
    if summary.errors:
        logger.warning(
            "Import of %s refused: %d error(s), first: %s (%.1f s).",
            summary.file_name,
            len(summary.errors),
            summary.errors[0].message,
            seconds,
        )
    else:
        logger.info(
            "Import of %s%s into %s: %d created, %d updated, %d unchanged in %.1f s.",
            summary.file_name,
            " (dry run)" if summary.dry_run else "",
            ", ".join(summary.frameworks) or "-",
            summary.created,
            summary.updated,
            summary.unchanged,
            seconds,
        )
    return summary


def _import_file(
    path: Path | str,
    *,
    raw: bytes | None = None,
    source_name: str = "",
    framework_slug: str | None = None,
    dry_run: bool = False,
    user=None,
    publish: bool = False,
    overwrite: bool = False,
    progress=None,
    encoding: str | None = None,
) -> ImportSummary:
    """Parse and plan by reading only, then write in one short transaction (none for a dry run).

    `user` None is a system import (the command line without --user); a user must hold the
    import permission for every framework the file writes into (PermissionDenied otherwise):
    coordinate it, or, for a framework the import creates (it names no coordinating agency),
    be of the coordinating ministry. `overwrite` replaces what people changed in camket since
    the last import (decisions, tags, links, edited fields) with the file's values.
    """
    if user is not None:
        require(user, IMPORT_PERMISSION)
    path = Path(path)
    summary = ImportSummary(
        file_name=source_name or path.name, dry_run=dry_run, overwrite=overwrite
    )
    parsed = parse_file(path, raw=raw, source_name=summary.file_name, encoding=encoding)
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
        if user is not None:
            require(user, IMPORT_PERMISSION, framework)
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
    planner = Planner(
        status=Recommendation.Status.PUBLISHED if publish else Recommendation.Status.DRAFT,
        overwrite=overwrite,
        progress=progress,
    )
    plans = planner.plan(parsed, framework)
    if planner.errors:  # the tree the file makes cannot be
        summary.errors = planner.errors
        return summary
    if user is not None:
        for plan in plans:  # a file may name its frameworks (UPR cycles) itself
            require(user, IMPORT_PERMISSION, plan.framework)
    if not dry_run:
        with transaction.atomic():
            plans = write_plans(plans, planner, user=user, reason=import_reason(summary, user))
            run_after_import(
                written_item_ids(plans), [pk for plan in plans for pk in plan.created_ids]
            )
            _record_run(summary, parsed.source, plans, user)
            if written_count(plans) >= ANALYZE_AFTER_ROWS:
                statistics_after_import()
    summary.created = sum(len(plan.new) for plan in plans)
    summary.updated = sum(1 for plan in plans for update in plan.updates if update.visible)
    summary.unchanged = sum(plan.unchanged for plan in plans)
    summary.frameworks = sorted({plan.framework.slug for plan in plans})
    summary.changes = [change for plan in plans for change in plan.report]
    summary.warnings.extend(planner.warnings)
    summary.applied = not dry_run
    return summary


def written_count(plans) -> int:
    """How many items the plans create or visibly change."""
    return sum(len(plan.new) + sum(1 for u in plan.updates if u.visible) for plan in plans)


TEXT_FIELDS = {"text", "text_vi"}


def written_item_ids(plans) -> list[int]:
    """The items an import created, and those whose text it changed: what others re-read."""
    return [
        *(pk for plan in plans for pk in plan.created_ids),
        *(
            update.recommendation.pk
            for plan in plans
            for update in plan.updates
            if TEXT_FIELDS & set(update.merged.fields)
        ),
    ]


def import_reason(summary: ImportSummary, user) -> str:
    """The history's reason; a system import (no user) says so, since history names nobody."""
    suffix = " (system import, no user)" if user is None else ""
    return IMPORT_REASON_PREFIX + summary.file_name + suffix


def _record_run(summary: ImportSummary, source: str, plans, user) -> None:
    ImportRun.objects.create(
        file_name=summary.file_name[:255],
        source=source,
        framework_slugs=", ".join(sorted({p.framework.slug for p in plans}))[:500],
        created=sum(len(plan.new) for plan in plans),
        updated=sum(1 for plan in plans for update in plan.updates if update.visible),
        unchanged=sum(plan.unchanged for plan in plans),
        imported_by=user if getattr(user, "is_authenticated", False) else None,
    )
