"""What a user has to do, by kind of work: the "My work" page, its API and the menu count.

Every group reads through the scoping of the page its rows link to, so nothing is counted
that the user could not open. Counting (`work_counts`) runs one COUNT query per group.
"""

from dataclasses import dataclass, field
from datetime import date, timedelta

from django.conf import settings
from django.db.models import Count, F
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from camket.accounts import roles
from camket.consultations.models import Comment
from camket.consultations.scoping import coordinated_consultations
from camket.frameworks.models import Framework, Recommendation
from camket.frameworks.scoping import coordinated, visible_recommendations
from camket.lib.text import as_one_line
from camket.links.scoping import decidable_links
from camket.plans.scoping import visible_due_dates
from camket.reports.due_dates import due_dates_to_chase
from camket.reports.models import ProgressReport
from camket.reports.scoping import coordinated_reports, visible_reports
from camket.review.models import Assessment
from camket.review.scoping import visible_assessments
from camket.tagging.models import Suggestion
from camket.tagging.scoping import visible_suggestions

ROWS_SHOWN = 50
OPEN_OPINION = [Assessment.State.REQUESTED, Assessment.State.DRAFT]


@dataclass
class Row:
    what: str
    framework: str
    due_on: date | None
    overdue: bool
    url: str
    count: int = 1  # more than one: a row standing for several items (a framework's tags)

    def as_dict(self) -> dict:
        return {
            "what": self.what,
            "framework": self.framework,
            "due_on": self.due_on.isoformat() if self.due_on else None,
            "overdue": self.overdue,
            "url": self.url,
            "count": self.count,
        }


@dataclass
class Group:
    kind: str
    label: str
    count: int
    rows: list[Row] = field(default_factory=list)
    more_url: str = ""  # the full list, when there are more rows than shown

    def as_dict(self) -> dict:
        return {
            "kind": self.kind,
            "label": self.label,
            "count": self.count,
            "items": [row.as_dict() for row in self.rows],
        }


def _label(framework: Framework | None) -> str:
    return framework.label(get_language() or "vi") if framework is not None else ""


def _own_due_dates(user):
    return (
        due_dates_to_chase()
        .filter(
            pk__in=visible_due_dates(user).values("pk"), indicator__agency=roles.agency_of(user)
        )
        .exclude(report__state=ProgressReport.State.RETURNED)
    )


def _due_date_framework(due_date) -> Framework | None:
    indicator = due_date.indicator
    if indicator.action_id:
        return indicator.action.plan.framework
    return indicator.recommendation.framework if indicator.recommendation_id else None


def _due_date_what(due_date) -> str:
    indicator = due_date.indicator
    item = indicator.action if indicator.action_id else indicator.recommendation
    reference = as_one_line(item.reference) if item is not None else ""
    return f"{reference} — {as_one_line(indicator.title)}" if reference else indicator.title


DUE_DATE_RELATED = (
    "indicator",
    "indicator__action",
    "indicator__action__plan__framework",
    "indicator__recommendation",
    "indicator__recommendation__framework",
)


def _due_date_rows(due_dates, today) -> list[Row]:
    return [
        Row(
            _due_date_what(d),
            _label(_due_date_framework(d)),
            d.due_on,
            d.due_on < today,
            reverse("due-date-report", args=[d.pk]),
        )
        for d in due_dates.select_related(*DUE_DATE_RELATED).order_by("due_on", "pk")[:ROWS_SHOWN]
    ]


class Source:
    """One kind of work: who has it, what it counts, how its rows read."""

    kind = ""
    label = ""
    more_url_name = ""

    def applies_to(self, user) -> bool:
        return roles.is_agency_officer(user)

    def queryset(self, user, today):
        raise NotImplementedError

    def rows(self, queryset, today) -> list[Row]:
        raise NotImplementedError

    def count(self, queryset) -> int:
        return queryset.count()


class OpinionsRequested(Source):
    kind, label, more_url_name = (
        "opinions_requested",
        _("Opinions requested from your agency"),
        "my-assessments",
    )

    def queryset(self, user, today):
        return (
            visible_assessments(user)
            .filter(
                agency=roles.agency_of(user),
                state__in=OPEN_OPINION,
                recommendation__framework__archived=False,
            )
            .exclude(recommendation__status=Recommendation.Status.ARCHIVED)
        )

    def rows(self, queryset, today):
        found = queryset.select_related("recommendation", "recommendation__framework").order_by(
            F("due_on").asc(nulls_last=True), "pk"
        )[:ROWS_SHOWN]
        return [
            Row(
                as_one_line(a.recommendation.reference)
                + " — "
                + as_one_line(a.recommendation.text)[:120],
                _label(a.recommendation.framework),
                a.due_on,
                a.due_on is not None and a.due_on < today,
                reverse("assessment-edit", args=[a.pk]),
            )
            for a in found
        ]


class ReportsOverdue(Source):
    kind, label, more_url_name = "reports_overdue", _("Reports overdue"), "report-queue"

    def queryset(self, user, today):
        return _own_due_dates(user).filter(due_on__lt=today)

    def rows(self, queryset, today):
        return _due_date_rows(queryset, today)


class ReportsDueSoon(Source):
    kind, label, more_url_name = "reports_due_soon", _("Reports due soon"), "report-queue"

    def queryset(self, user, today):
        until = today + timedelta(days=settings.CAMKET_REMIND_DAYS_BEFORE)
        return _own_due_dates(user).filter(due_on__gte=today, due_on__lte=until)

    def rows(self, queryset, today):
        return _due_date_rows(queryset, today)


class ReportsReturned(Source):
    kind, label, more_url_name = (
        "reports_returned",
        _("Reports returned for changes"),
        "report-queue",
    )

    def queryset(self, user, today):
        return visible_reports(user).filter(
            state=ProgressReport.State.RETURNED,
            due_date__in=due_dates_to_chase(),
            due_date__indicator__agency=roles.agency_of(user),
        )

    def rows(self, queryset, today):
        due_dates = due_dates_to_chase().filter(report__in=queryset)
        return _due_date_rows(due_dates, today)


class CoordinatorSource(Source):
    def applies_to(self, user) -> bool:
        return roles.is_coordinator(user)


class OpinionsToDecide(CoordinatorSource):
    kind, label = "opinions_to_decide", _("Opinions received, awaiting your decision")

    def queryset(self, user, today):
        return (
            visible_recommendations(user)
            .filter(
                coordinated(user, "framework"),
                framework__has_response=True,
                response="",
                framework__archived=False,
            )
            .exclude(status=Recommendation.Status.ARCHIVED)
            .filter(
                pk__in=Assessment.objects.filter(state=Assessment.State.SUBMITTED).values(
                    "recommendation_id"
                )
            )
        )

    def rows(self, queryset, today):
        found = queryset.select_related("framework").order_by("framework__name", "pk")
        return [
            Row(
                as_one_line(r.reference) + " — " + as_one_line(r.text)[:120],
                _label(r.framework),
                None,
                False,
                reverse("recommendation-detail", args=[r.pk]),
            )
            for r in found[:ROWS_SHOWN]
        ]


class ReportsToReview(CoordinatorSource):
    kind, label, more_url_name = "reports_to_review", _("Reports to review"), "report-queue"

    def queryset(self, user, today):
        return visible_reports(user).filter(
            coordinated_reports(user), state=ProgressReport.State.SUBMITTED
        )

    def rows(self, queryset, today):
        found = queryset.select_related(*(f"due_date__{name}" for name in DUE_DATE_RELATED))
        return [
            Row(
                _due_date_what(r.due_date),
                _label(_due_date_framework(r.due_date)),
                r.due_date.due_on,
                False,
                reverse("report-review", args=[r.pk]),
            )
            for r in found.order_by("due_date__due_on", "pk")[:ROWS_SHOWN]
        ]


class PerFramework(CoordinatorSource):
    """Work counted by item and shown as one row per framework, linking to its list."""

    framework_path = ""
    row_text = ""

    def rows(self, queryset, today):
        per_framework = (
            queryset.order_by()
            .values(self.framework_path)
            .annotate(items=Count("pk", distinct=True))
        )
        frameworks = Framework.objects.in_bulk([row[self.framework_path] for row in per_framework])
        rows = []
        for row in per_framework:
            framework = frameworks[row[self.framework_path]]
            rows.append(
                Row(
                    str(self.row_text) % {"count": row["items"]},
                    _label(framework),
                    None,
                    False,
                    self.url(framework),
                    count=row["items"],
                )
            )
        return sorted(rows, key=lambda row: row.framework)[:ROWS_SHOWN]

    def url(self, framework) -> str:
        raise NotImplementedError


class TagSuggestions(PerFramework):
    kind, label = "tag_suggestions", _("Suggested tags to decide")
    framework_path = "recommendation__framework"
    row_text = _("%(count)d suggested tag(s)")

    def queryset(self, user, today):
        return visible_suggestions(user).filter(
            coordinated(user, "recommendation__framework"), state=Suggestion.State.PENDING
        )

    def url(self, framework):
        return reverse("suggestion-list") + f"?framework={framework.slug}"


class LinkSuggestions(PerFramework):
    kind, label = "link_suggestions", _("Suggested links to decide")
    framework_path = "source__framework"
    row_text = _("%(count)d suggested link(s)")

    def queryset(self, user, today):
        return decidable_links(user).filter(state="suggested")

    def url(self, framework):
        return reverse("link-suggestions")


class CommentsToModerate(CoordinatorSource):
    kind, label = "comments_to_moderate", _("Consultation comments to moderate")

    def queryset(self, user, today):
        return Comment.objects.filter(
            consultation__in=coordinated_consultations(user), state=Comment.State.PENDING
        )

    def rows(self, queryset, today):
        per_consultation = (
            queryset.order_by()
            .values("consultation", "consultation__title", "consultation__framework")
            .annotate(items=Count("pk"))
        )
        frameworks = Framework.objects.in_bulk(
            [row["consultation__framework"] for row in per_consultation]
        )
        return [
            Row(
                f"{row['consultation__title']} — "
                + str(_("%(count)d comment(s)") % {"count": row["items"]}),
                _label(frameworks.get(row["consultation__framework"])),
                None,
                False,
                reverse("consultation-detail", args=[row["consultation"]]),
                count=row["items"],
            )
            for row in per_consultation
        ][:ROWS_SHOWN]


SOURCES = [
    OpinionsRequested(),
    ReportsOverdue(),
    ReportsDueSoon(),
    ReportsReturned(),
    OpinionsToDecide(),
    ReportsToReview(),
    TagSuggestions(),
    LinkSuggestions(),
    CommentsToModerate(),
]


def _sources(user):
    return [source for source in SOURCES if source.applies_to(user)]


def work_for(user, *, today: date | None = None) -> list[Group]:
    """The user's groups of work, each with its count and first rows (sorted by due date)."""
    today = today or timezone.localdate()
    groups = []
    for source in _sources(user):
        queryset = source.queryset(user, today)
        count = source.count(queryset)
        rows = source.rows(queryset, today) if count else []
        more_url = (
            reverse(source.more_url_name) if (source.more_url_name and count > len(rows)) else ""
        )
        groups.append(Group(source.kind, str(source.label), count, rows, more_url))
    return groups


def work_counts(user, *, today: date | None = None) -> dict[str, int]:
    today = today or timezone.localdate()
    return {source.kind: source.count(source.queryset(user, today)) for source in _sources(user)}


def open_work_count(user) -> int:
    return sum(work_counts(user).values()) if roles.can_read(user) else 0
