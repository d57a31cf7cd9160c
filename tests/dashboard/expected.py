"""The dashboard's figures computed the slow, obvious way: Python loops over every object.

Only *which* objects a user may see comes from the scoping functions (tested on their own);
everything counted here is counted without the dashboard's queries.
"""

from collections import Counter, defaultdict
from fractions import Fraction

from camket.frameworks.models import Category, Recommendation
from camket.frameworks.scoping import visible_recommendations
from camket.lib.vocabulary import DRUGS_CRIME, SDG, UPR_INFO_ISSUES
from camket.plans.models import Action, DueDate
from camket.plans.scoping import visible_actions, visible_due_dates
from camket.reports.models import ProgressReport

ACCEPTED = {"supported", "supported_in_part", "already_implemented"}


def share(part: int, whole: int) -> float:
    """Per cent, one decimal, halves rounded up — with exact fractions."""
    if not whole:
        return 0.0
    tenths = Fraction(1000 * part, whole) + Fraction(1, 2)
    return (tenths.numerator // tenths.denominator) / 10


def _plain(counters: dict) -> dict:
    return {str(key): {s: n for s, n in counter.items() if n} for key, counter in counters.items()}


def _committed(r) -> bool:
    """Accepted recommendations; items of frameworks without a response, but for those with
    items below them."""
    if r.framework.has_response:
        return r.response in ACCEPTED
    return not r.children.exists()


def _in_category(r, category) -> bool:
    ids = set()
    for c in r.categories.all():
        ids |= {c.pk, c.parent_id, c.parent.parent_id if c.parent else None}
    return category in ids


def _concerns(r, framework, kind, category) -> bool:
    return (
        (not framework or r.framework.slug == framework)
        and (not kind or r.framework.kind == kind)
        and (not category or _in_category(r, category))
    )


def _recommendations(user, framework, kind="", category=None):
    queryset = Recommendation.objects.select_related("framework").prefetch_related(
        "categories__taxonomy", "categories__parent"
    )
    if user is not None:
        queryset = queryset.filter(pk__in=[r.pk for r in visible_recommendations(user)])
    return [
        r
        for r in queryset
        if _committed(r) and r.status != "archived" and _concerns(r, framework, kind, category)
    ]


def _action_concerns(action, framework, kind, category) -> bool:
    """Each filter holds for the action's plan or one of the items it implements."""
    items = list(action.recommendations.select_related("framework"))
    frameworks = [action.plan.framework, *(r.framework for r in items)]
    return (
        (not framework or any(f.slug == framework for f in frameworks))
        and (not kind or any(f.kind == kind for f in frameworks))
        and (not category or any(_in_category(r, category) for r in items))
    )


def _actions(user, framework, kind="", category=None):
    queryset = Action.objects.select_related("lead_agency", "plan__framework")
    if user is not None:
        queryset = queryset.filter(pk__in=[a.pk for a in visible_actions(user)])
    return [
        a
        for a in queryset
        if a.publication != "archived"
        and not a.plan.archived
        and _action_concerns(a, framework, kind, category)
    ]


def _is_open(due_date) -> bool:
    try:
        state = due_date.report.state
    except ProgressReport.DoesNotExist:
        state = None
    action = due_date.indicator.action
    return (
        not due_date.archived
        and not due_date.indicator.archived
        and (action is None or (action.publication == "published" and not action.plan.archived))
        and state not in ("submitted", "accepted")
    )


def _due_date_concerns(due_date, framework, kind, category) -> bool:
    indicator = due_date.indicator
    if indicator.action is not None:
        return _action_concerns(indicator.action, framework, kind, category)
    return _concerns(indicator.recommendation, framework, kind, category)


def _overdue(user, framework, today, kind="", category=None) -> dict:
    queryset = DueDate.objects.select_related(
        "indicator__agency",
        "indicator__action__plan__framework",
        "indicator__recommendation__framework",
    )
    if user is not None:
        queryset = queryset.filter(pk__in=[d.pk for d in visible_due_dates(user)])
    counts = Counter(
        d.indicator.agency.code
        for d in queryset
        if d.due_on < today and _is_open(d) and _due_date_concerns(d, framework, kind, category)
    )
    return dict(counts)


def expected(user, framework: str, today, kind: str = "", category: int | None = None) -> dict:
    recommendations = _recommendations(user, framework, kind, category)
    headline = Counter(r.implementation or "none" for r in recommendations)
    by_framework, by_theme = defaultdict(Counter), defaultdict(Counter)
    by_kind, by_topic = defaultdict(Counter), defaultdict(Counter)
    by_sdg = {
        goal.code: Counter()
        for goal in Category.objects.filter(taxonomy__slug=SDG, parent__isnull=True)
    }
    for r in recommendations:
        status = r.implementation or "none"
        by_framework[r.framework.slug][status] += 1
        by_kind[r.framework.kind][status] += 1
        categories = list(r.categories.all())
        for theme in {
            c.parent_id or c.pk for c in categories if c.taxonomy.slug == UPR_INFO_ISSUES
        }:
            by_theme[theme][status] += 1
        for subject in {c.parent_id or c.pk for c in categories if c.taxonomy.slug == DRUGS_CRIME}:
            by_topic[subject][status] += 1
        for goal in {
            c.parent.code if c.parent else c.code for c in categories if c.taxonomy.slug == SDG
        }:
            by_sdg[goal][status] += 1
    by_agency = defaultdict(Counter)
    for action in _actions(user, framework, kind, category):
        by_agency[action.lead_agency.code][action.status] += 1
    total = len(recommendations)
    commitments = sum(1 for r in recommendations if not r.framework.has_response)
    return {
        "accepted": total - commitments,
        "commitments": commitments,
        "implemented_share": share(headline["implemented"], total),
        "partly_implemented_share": share(headline["partly_implemented"], total),
        "headline": {s: n for s, n in headline.items() if n},
        "by_framework": _plain(by_framework),
        "by_kind": _plain(by_kind),
        "by_topic": _plain(by_topic),
        "by_agency": _plain(by_agency),
        "by_theme": _plain(by_theme),
        "by_sdg": _plain(by_sdg),
        "overdue_by_agency": _overdue(user, framework, today, kind, category),
    }


def summary(figures) -> dict:
    """The service's figures in the shape of `expected`."""

    def rows(items):
        return {row.key: {s.key: s.count for s in row.segments if s.count} for row in items}

    headline = figures.headline
    return {
        "accepted": headline.accepted,
        "commitments": headline.commitments,
        "implemented_share": headline.implemented_share,
        "partly_implemented_share": headline.partly_implemented_share,
        "headline": {s.key: s.count for s in headline.segments if s.count},
        "by_framework": rows(figures.by_framework),
        "by_kind": rows(figures.by_kind),
        "by_topic": rows(figures.by_topic),
        "by_agency": rows(figures.by_agency),
        "by_theme": rows(figures.by_theme),
        "by_sdg": rows(figures.by_sdg),
        "overdue_by_agency": {row.key: row.total for row in figures.overdue_by_agency},
    }
