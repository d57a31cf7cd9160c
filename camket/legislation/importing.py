"""Importing a register of legal acts from a CSV or XLSX file.

Columns: number, kind, title_vi, title, issuing_body, status, adopted, in_force, repealed, url,
instruments (catalogue keys separated by ";"), commitments (items as SLUG:REF separated by ";").
An agency's member who imports adds acts
drafted by their agency; the coordinating ministry's coordinators add any act. Every row is
checked first; one problem anywhere and nothing is written, and each problem is
told as "row N, column X". A row whose number is already in the register updates that act; a
row without a number updates the act without a number of the same kind, Vietnamese title (any
case) and adoption date, and is refused if two acts match. A row that changes nothing writes
nothing and needs no permission, so the register's export imports back as it is. Instruments
and commitments are added to those the act has, never taken away (a link a person made is not
undone by a file)."""

from dataclasses import dataclass, field
from pathlib import Path

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils.translation import gettext as _

from camket.importers.limits import LimitExceeded
from camket.importers.records import RowError
from camket.importers.tabular.reading import UnreadableFile, match_columns, read_table
from camket.legislation import services
from camket.legislation.law_rows import REQUIRED, PlannedAct, RowChecker
from camket.legislation.models import LegalAct

COLUMNS = {
    "number": ("number", "số", "so hieu", "số hiệu"),
    "kind": ("kind", "loại", "loai van ban"),
    "title_vi": ("title_vi", "title vi", "tên", "tên văn bản", "ten van ban"),
    "title": ("title", "english title", "title en"),
    "issuing_body": ("issuing_body", "issuing body", "cơ quan ban hành"),
    "status": ("status", "trạng thái"),
    "adopted": ("adopted", "adopted on", "ngày ban hành", "ngày thông qua"),
    "in_force": ("in_force", "in force", "ngày hiệu lực", "ngày có hiệu lực"),
    "repealed": ("repealed", "repealed on", "ngày hết hiệu lực"),
    "url": ("url", "link", "official text"),
    "instruments": ("instruments", "điều ước"),
    "commitments": ("commitments", "cam kết"),
}


@dataclass
class LawImport:
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    instrument_links: int = 0
    commitment_links: int = 0
    dry_run: bool = False
    errors: list[RowError] = field(default_factory=list)

    def as_dict(self) -> dict:
        return {
            "created": self.created,
            "updated": self.updated,
            "unchanged": self.unchanged,
            "instrument_links": self.instrument_links,
            "commitment_links": self.commitment_links,
            "dry_run": self.dry_run,
            "errors": [str(error) for error in self.errors],
        }


def import_laws(
    path: Path, raw: bytes | None = None, *, user=None, dry_run: bool = False
) -> LawImport:
    """Check every row, then (unless `dry_run` or any row is wrong) write them all in one
    transaction, through the services: the history names `user`."""
    outcome = LawImport(dry_run=dry_run)
    if user is not None and not user.has_perm("legislation.add_legalact"):
        raise PermissionDenied(_("You are not allowed to do this."))
    try:
        table = read_table(Path(path), raw)
    except (UnreadableFile, LimitExceeded) as error:
        outcome.errors.append(error.as_row_error())
        return outcome
    outcome.errors.extend(table.errors)
    mapping, _unknown = match_columns(table.headers, COLUMNS)
    for column in REQUIRED:
        if column not in mapping:
            outcome.errors.append(RowError(1, column, _("This column is missing.")))
    if outcome.errors:
        return outcome
    checker = RowChecker(user, mapping, outcome.errors)
    planned = [
        p
        for p in (
            checker.plan(row, cells) for row, cells in table.rows if any(c.strip() for c in cells)
        )
        if p is not None
    ]
    if outcome.errors:
        return outcome
    with transaction.atomic():
        for plan in planned:
            _apply(user, plan, outcome)
        if dry_run:
            transaction.set_rollback(True)
    return outcome


def _apply(user, plan: PlannedAct, outcome: LawImport) -> None:
    if plan.act is None:
        act = services.create_act(user, {**plan.values, "drafting_agency": plan.drafting_agency})
        outcome.created += 1
    elif plan.values:
        act = LegalAct.objects.get(pk=plan.act.pk)
        act = services.update_act(user, act, plan.values, version=act.version)
        outcome.updated += 1
    else:
        act = plan.act
        if not (plan.instruments or plan.commitments):
            outcome.unchanged += 1
    for instrument in plan.instruments:
        act = services.link_instrument(user, act, instrument, version=act.version)
        outcome.instrument_links += 1
    for item in plan.commitments:
        services.link_commitment(user, act, item)
        outcome.commitment_links += 1
