"""The work of a coordinator: opinions to decide, reports to review, suggested tags and links,
and consultation comments to moderate, in the frameworks they coordinate."""

from django.db.models import Count
from django.urls import reverse
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from camket.accounts import roles
from camket.consultations.models import Comment
from camket.consultations.scoping import coordinated_consultations
from camket.frameworks.models import Framework, Recommendation
from camket.frameworks.scoping import coordinated, visible_recommendations
from camket.inbox.sources import (
    DUE_DATE_RELATED,
    ROWS_SHOWN,
    Row,
    Source,
    due_date_framework,
    due_date_what,
    framework_label,
)
from camket.lib.text import as_one_line
from camket.links.scoping import decidable_links
from camket.reports.models import ProgressReport
from camket.reports.scoping import coordinated_reports, visible_reports
from camket.review.models import Assessment
from camket.tagging.models import Suggestion
from camket.tagging.scoping import visible_suggestions


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
                framework_label(r.framework),
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
                due_date_what(r.due_date),
                framework_label(due_date_framework(r.due_date)),
                r.due_date.due_on,
                False,
                reverse("report-review", args=[r.pk]),
            )
            for r in found.order_by("due_date__due_on", "pk")[:ROWS_SHOWN]
        ]


class PerFramework(CoordinatorSource):
    """Work counted by item and shown as one row per framework, linking to its list."""

    framework_path = ""
    row_text: str | Promise = ""
    row_per_item = False

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
                    framework_label(framework),
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
    row_per_item = False

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
                framework_label(frameworks.get(row["consultation__framework"])),
                None,
                False,
                reverse("consultation-detail", args=[row["consultation"]]),
                count=row["items"],
            )
            for row in per_consultation
        ][:ROWS_SHOWN]
