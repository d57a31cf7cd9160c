"""Indicators and the due dates their reporting schedule generates."""

from datetime import date

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from camket.accounts.permissions import require
from camket.lib.concurrency import save_if_current
from camket.lib.history import attribute_change
from camket.plans.models import DueDate, Indicator
from camket.plans.schedule import periods

INDICATOR_FIELDS = [
    "title",
    "title_en",
    "unit",
    "baseline",
    "target",
    "frequency_months",
    "starts_on",
    "ends_on",
    "archived",
]
SCHEDULE_FIELDS = {"frequency_months", "starts_on", "ends_on", "archived"}
MAX_DUE_DATES = 240


def _check(indicator: Indicator) -> None:
    indicator.full_clean(exclude=["version", "action", "recommendation", "agency"])
    if indicator.ends_on < indicator.starts_on:
        raise ValidationError({"ends_on": _("The schedule ends before it starts.")})
    count = len(periods(indicator.starts_on, indicator.ends_on, indicator.frequency_months))
    if count > MAX_DUE_DATES:
        raise ValidationError(
            {
                "ends_on": _(
                    "This schedule would make %(count)d due dates; the limit is %(limit)d."
                )
                % {"count": count, "limit": MAX_DUE_DATES}
            }
        )


@transaction.atomic
def create_indicator(
    user, values: dict, *, action=None, recommendation=None, agency=None, today: date | None = None
) -> Indicator:
    require(user, "plans.change_indicator")
    if (action is None) == (recommendation is None):
        raise ValidationError(_("An indicator belongs to an action or to a recommendation."))
    require(user, "plans.change_indicator", action or recommendation)
    values = dict(values)
    if action is not None:
        agency = action.lead_agency
        values["starts_on"] = values.get("starts_on") or action.start_on
        values["ends_on"] = values.get("ends_on") or action.target_on
    if agency is None:
        raise ValidationError({"agency": _("Choose the agency that reports on it.")})
    if not values.get("starts_on") or not values.get("ends_on"):
        raise ValidationError({"starts_on": _("Give the first and last dates of the schedule.")})
    indicator = Indicator(
        action=action,
        recommendation=recommendation,
        agency=agency,
        **{k: v for k, v in values.items() if k in INDICATOR_FIELDS},
    )
    _check(indicator)
    attribute_change(indicator, user)
    indicator.save()
    regenerate_due_dates(indicator, user=user, today=today, past_too=True)
    return indicator


@transaction.atomic
def update_indicator(
    user, indicator: Indicator, values: dict, *, version: int | None, today: date | None = None
) -> Indicator:
    require(user, "plans.change_indicator", indicator)
    fields = [name for name in INDICATOR_FIELDS if name in values]
    before = {name: getattr(indicator, name) for name in SCHEDULE_FIELDS}
    for name in fields:
        setattr(indicator, name, values[name])
    _check(indicator)
    save_if_current(indicator, version, fields, user=user)
    if any(getattr(indicator, name) != before[name] for name in SCHEDULE_FIELDS):
        regenerate_due_dates(indicator, user=user, today=today)
    return indicator


def regenerate_due_dates(
    indicator: Indicator, *, user=None, today: date | None = None, past_too: bool = False
) -> dict[str, int]:
    """Bring due dates in line with the schedule.

    Due dates that already have a report, or (unless `past_too`) are before today, are kept as
    they are. Others that the schedule no longer has are archived, not deleted.
    """
    today = today or timezone.localdate()
    wanted = (
        {}
        if indicator.archived
        else {
            p.due_on: p
            for p in periods(indicator.starts_on, indicator.ends_on, indicator.frequency_months)
        }
    )
    existing = {d.due_on: d for d in indicator.due_dates.all()}
    reported = set(indicator.due_dates.filter(report__isnull=False).values_list("pk", flat=True))
    counts = {"created": 0, "archived": 0, "restored": 0}

    def frozen(due_on: date, due_date: DueDate | None = None) -> bool:
        # An archived indicator takes every unreported due date with it, past ones too.
        return (due_date is not None and due_date.pk in reported) or (
            due_on < today and not past_too and not indicator.archived
        )

    for due_on, due_date in existing.items():
        if frozen(due_on, due_date):
            continue
        period = wanted.get(due_on)
        attribute_change(due_date, user)
        if period is None and not due_date.archived:
            due_date.archived = True
            due_date.save(update_fields=["archived"])
            counts["archived"] += 1
        elif period is not None and (due_date.archived or due_date.period_start != period.start):
            due_date.archived, due_date.period_start = False, period.start
            due_date.save(update_fields=["archived", "period_start"])
            counts["restored"] += 1
    for due_on, period in wanted.items():
        if due_on in existing or frozen(due_on):
            continue
        due_date = DueDate(
            indicator=indicator, period_start=period.start, period_end=period.end, due_on=due_on
        )
        attribute_change(due_date, user)
        due_date.save()
        counts["created"] += 1
    return counts
