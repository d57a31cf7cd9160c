"""A report's history: the drafts and the coordinator's remarks stay between the two of them.

The reporting agency reads every draft. The coordinator reads the report from its submission
on: each submission, return and acceptance, never the agency's edits in between.
"""

from camket.accounts import roles
from camket.accounts.rules import framework_of
from camket.frameworks.history import HistoryEntry, Lens, entries_for, windows_of, within
from camket.reports.models import ProgressReport
from camket.reports.scoping import visible_evidence
from camket.reports.services import REPORT_FIELDS

State = ProgressReport.State


def may_see_history(user, report) -> bool:
    """The reporting agency and the framework's coordinators; others see the accepted report
    only."""
    framework = framework_of(report)
    return (framework is not None and roles.coordinates(user, framework)) or writes_report(
        user, report
    )


def writes_report(user, report) -> bool:
    return (
        roles.is_agency_officer(user)
        and report.due_date.indicator.agency_id == roles.agency_of(user).pk
    )


def submitted(record, older) -> bool:
    """A state the agency handed over: submitted, accepted, or returned by the coordinator
    (not the agency's edits after the return)."""
    if record.state in (State.SUBMITTED, State.ACCEPTED):
        return True
    return record.state == State.RETURNED and older is not None and older.state != State.RETURNED


def _blank_draft(record) -> None:
    if record.state == State.DRAFT:
        for name in REPORT_FIELDS:
            setattr(record, name, ProgressReport._meta.get_field(name).get_default())


def report_history(user, report, evidence=None) -> list[HistoryEntry]:
    """`evidence`: the report's files this user may see, when the caller has read them already."""
    if not may_see_history(user, report):
        return []
    if writes_report(user, report):
        lens = evidence_lens = None
    else:
        lens = Lens(shows=submitted, mask=_blank_draft, compare_first=True)
        windows = windows_of(report.history.all(), submitted)
        evidence_lens = Lens(
            shows=lambda record, older: within(windows, record.history_date), compare_first=True
        )
    entries = entries_for(report, user=user, lens=lens)
    if evidence is None:
        evidence = visible_evidence(user).filter(report=report)
    for item in evidence:
        entries += entries_for(item, subject=item.original_name, user=user, lens=evidence_lens)
    return sorted(entries, key=lambda entry: entry.when, reverse=True)
