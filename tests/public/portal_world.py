"""A world for the portal's tests: the personas' plan world put on the portal, with a marker
string in every field the public may read (PUBMARK-…) and in every draft or internal one
(SECRET…). A test that crawls the portal fails if a SECRET marker shows anywhere, and also
if a PUBMARK marker is missing (so it cannot pass by showing nothing)."""

from dataclasses import dataclass
from datetime import date

from django.contrib.auth import get_user_model

from camket.frameworks.models import Category, Framework, Recommendation, Taxonomy
from camket.lib.vocabulary import SDG
from camket.plans.models import Action, Plan
from camket.reports import services as reports
from camket.review.models import Assessment
from camket.review.services import make_cluster
from tests.personas import make_recommendation

PDF = b"%PDF-1.4\n%%EOF\n"
PUBLIC_MARKERS = [
    "PUBMARK-FRAMEWORK-DESC",
    "PUBMARK-REASON",
    "PUBMARK-THEME",
    "PUBMARK-ACTION-DESC",
    "PUBMARK-NARRATIVE",
    "PUBMARK-file.pdf",
    "PUBMARK-CHILD",
    "PUBMARK-INDICATOR",
]
SECRET = "SECRET"


@dataclass
class PortalWorld:
    plan_world: object
    framework: Framework
    item: Recommendation  # published, on the portal
    child: Recommendation  # published, below `item`; its reference has a slash
    draft: Recommendation
    action: Action  # published, implements `item`
    draft_action: Action
    public_file: object
    internal_file: object
    archived_file: object
    private_item: Recommendation  # published, in a framework off the portal


def _report(
    world, due_date, narrative: str, *, accept: bool, public: bool, comment: str = ""
) -> object:
    report = reports.save_report(
        world.officer_a,
        due_date,
        {"status": "in_progress", "narrative": narrative, "indicator_value": 40},
        version=None,
        submit=True,
    )
    if accept:
        report = reports.accept_report(
            world.coordinator, report, version=report.version, comment=comment
        )
        if public:
            report = reports.set_report_public(world.coordinator, report, True)
    elif public:
        type(report).objects.filter(pk=report.pk).update(is_public=True)
    return report


def make_portal_world(plan_world) -> PortalWorld:
    world = plan_world.world
    coordinator = world.coordinator
    get_user_model().objects.update(first_name="SECRET-PERSON", last_name="SECRET-SURNAME")
    Framework.objects.filter(pk=world.framework.pk).update(
        public=True,
        description="PUBMARK-FRAMEWORK-DESC",
        levels=[
            {"key": "group", "name": "Group", "name_vi": "Nhóm"},
            {"key": "recommendation", "name": "Recommendation", "name_vi": "Khuyến nghị"},
        ],
    )
    framework = Framework.objects.get(pk=world.framework.pk)
    item = world.published
    theme_taxonomy = Taxonomy.objects.create(slug="themes", name="Themes")
    sdg_taxonomy = Taxonomy.objects.get_or_create(slug=SDG, defaults={"name": "SDG"})[0]
    theme = Category.objects.create(taxonomy=theme_taxonomy, name="PUBMARK-THEME")
    draft_theme = Category.objects.create(taxonomy=theme_taxonomy, name="SECRET-DRAFT-THEME")
    goal = Category.objects.get_or_create(
        taxonomy=sdg_taxonomy, code="16", defaults={"name": "Peace and justice"}
    )[0]
    item.categories.add(theme, goal)
    Recommendation.objects.filter(pk=item.pk).update(
        response_reason="PUBMARK-REASON", imported_values={"text": "SECRET-IMPORTED"}
    )
    child = make_recommendation(
        framework, "A/HRC/1.1", "PUBMARK-CHILD Protect victims.", states=["Japan"]
    )
    Recommendation.objects.filter(pk=child.pk).update(parent=item, level=1)
    draft = world.draft
    Recommendation.objects.filter(pk=draft.pk).update(text="SECRET-DRAFT-ITEM text")
    draft.categories.add(draft_theme)
    Recommendation.objects.filter(pk=world.sent_to_a.pk).update(text="SECRET-SENT-ITEM")
    Assessment.objects.filter(recommendation=world.sent_to_a).update(comment="SECRET-OPINION")
    make_cluster(coordinator, [item, world.sent_to_a], "SECRET-CLUSTER")

    action = plan_world.action_a
    Action.objects.filter(pk=action.pk).update(
        description="PUBMARK-ACTION-DESC",
        budget_source="SECRET-BUDGET",
        status_reason="SECRET-STATUS-REASON",
    )
    Action.objects.filter(pk=plan_world.action_b.pk).update(title="SECRET-DRAFT-ACTION")
    indicator = plan_world.indicator_a
    type(indicator).objects.filter(pk=indicator.pk).update(title="PUBMARK-INDICATOR")
    type(indicator).objects.filter(pk=plan_world.indicator_b.pk).update(
        title="SECRET-DRAFT-INDICATOR"
    )
    first, second, third, *_ = indicator.due_dates.order_by("due_on")
    public_report = _report(
        world, first, "PUBMARK-NARRATIVE", accept=True, public=True, comment="SECRET-REVIEW-COMMENT"
    )
    _report(world, second, "SECRET-NOT-PUBLIC-NARRATIVE", accept=True, public=False)
    _report(world, third, "SECRET-SUBMITTED-NARRATIVE", accept=False, public=True)
    files = {}
    for name, public in (
        ("PUBMARK-file.pdf", True),
        ("SECRET-internal.pdf", False),
        ("SECRET-archived.pdf", True),
    ):
        files[name] = reports.Evidence.objects.create(
            report=public_report,
            original_name=name,
            content_type="application/pdf",
            size=len(PDF),
            sha256="0" * 64,
            uploaded_by=world.officer_a,
            is_public=public,
            archived=name.startswith("SECRET-archived"),
        )
        files[name].file.save(name, _content(name), save=True)

    private = Framework.objects.create(
        slug="private-fw", name="SECRET-PRIVATE-FRAMEWORK", kind="strategy"
    )
    private_item = make_recommendation(private, "P1", "SECRET-PRIVATE-ITEM")
    archived = Framework.objects.create(
        slug="archived-fw",
        name="SECRET-ARCHIVED-FRAMEWORK",
        kind="strategy",
        public=True,
        archived=True,
    )
    make_recommendation(archived, "Z1", "SECRET-ARCHIVED-ITEM")
    old_plan = Plan.objects.create(framework=framework, title="SECRET-ARCHIVED-PLAN", archived=True)
    old_action = Action.objects.create(
        plan=old_plan,
        reference="9",
        title="SECRET-OLD-ACTION",
        lead_agency=world.agency_a,
        publication=Action.Publication.PUBLISHED,
        start_on=date(2025, 1, 1),
    )
    old_action.recommendations.add(item)
    for instance in (item, draft, action):
        instance.refresh_from_db()
    return PortalWorld(
        plan_world=plan_world,
        framework=framework,
        item=item,
        child=child,
        draft=draft,
        action=action,
        draft_action=plan_world.action_b,
        public_file=files["PUBMARK-file.pdf"],
        internal_file=files["SECRET-internal.pdf"],
        archived_file=files["SECRET-archived.pdf"],
        private_item=private_item,
    )


def _content(name: str):
    from django.core.files.base import ContentFile

    return ContentFile(PDF + name.encode())
