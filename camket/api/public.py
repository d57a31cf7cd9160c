"""The public API: read-only, no sign-in, the portal's records and fields only (see
camket/public). Answers 404 for everything when the portal is switched off."""

import math
from datetime import date
from decimal import Decimal

from django.http import Http404
from ninja import Field, Query, Router, Schema

from camket.lib.numbers import MAX_ID
from camket.public import queries
from camket.public.cache import cached_value
from camket.public.data import action_data, framework_data, indicator_data, item_data
from camket.public.scoping import portal_enabled

router = Router(tags=["public portal"], auth=None)
PAGE_SIZE = 50


def _check_enabled() -> None:
    if not portal_enabled():
        raise Http404("The public portal is switched off.")


class Level(Schema):
    name: str
    name_vi: str


class PublicFramework(Schema):
    slug: str
    name: str
    name_vi: str
    kind: str
    cycle: int | None
    description: str
    starts_on: date | None
    ends_on: date | None
    levels: list[Level]
    item_count: int | None
    action_count: int | None


class PublicCategory(Schema):
    code: str
    name: str
    name_vi: str


class PublicItem(Schema):
    reference: str
    level: int
    text: str
    text_vi: str
    response: str
    response_reason: str
    implementation: str
    decided_on: date | None
    source_document: str
    recommending_states: list[str]
    themes: list[PublicCategory]
    sdgs: list[PublicCategory]


class PublicFile(Schema):
    id: int
    name: str
    size: int


class PublicProgress(Schema):
    period_start: date
    period_end: date
    status: str
    narrative: str
    indicator_value: Decimal | None
    target: Decimal | None
    files: list[PublicFile]


class PublicIndicator(Schema):
    title: str
    unit: str
    baseline: Decimal | None
    target: Decimal | None
    progress: list[PublicProgress]


class PublicAction(Schema):
    id: int
    reference: str
    title: str
    description: str
    expected_output: str
    lead_agency: str
    co_agencies: list[str]
    start_on: date | None
    target_on: date | None
    status: str
    plan: str
    items: list[str]
    indicators: list[PublicIndicator] | None = None


class PublicItemDetail(PublicItem):
    parents: list[str]
    actions: list[PublicAction]
    indicators: list[PublicIndicator]


class ItemPage(Schema):
    count: int
    page: int
    pages: int
    items: list[PublicItem]


class ActionPage(Schema):
    count: int
    page: int
    pages: int
    items: list[PublicAction]


class ItemQuery(Schema):
    q: str = ""
    response: str = ""
    theme: str = ""
    sdg: str = ""
    implementation: str = ""
    state: str = Field(
        "",
        description="the state under review: an ISO 3166 three-letter code "
        "(VNM) or `all`; empty: the framework's state, else the "
        "home state (a number: `recommending_state`)",
    )
    recommending_state: str = Field("", description="the id of a recommending state")
    page: int = Field(1, ge=1, le=MAX_ID)


class PageQuery(Schema):
    page: int = Field(1, ge=1, le=MAX_ID)


def _page(queryset, number: int, describe) -> dict:
    count = queryset.count()
    start = (number - 1) * PAGE_SIZE
    rows = [describe(record) for record in queryset[start : start + PAGE_SIZE]] if count else []
    return {
        "count": count,
        "page": number,
        "pages": max(math.ceil(count / PAGE_SIZE), 1),
        "items": rows,
    }


@router.get("/frameworks", response=list[PublicFramework], url_name="public_frameworks")
def list_frameworks(request):
    _check_enabled()
    return cached_value(
        "api", request, lambda: [framework_data(f) for f in queries.frameworks_with_counts()]
    )


@router.get("/frameworks/{slug}/items", response=ItemPage, url_name="public_items")
def list_items(request, slug: str, filters: Query[ItemQuery]):
    _check_enabled()

    def compute():
        framework = queries.get_public_framework(slug)
        found = queries.find_items(framework, queries.PortalFilters.from_mapping(filters.dict()))
        return _page(queries.with_listing_details(found), filters.page, item_data)

    return cached_value("api", request, compute)


@router.get(
    "/frameworks/{slug}/items/{path:reference}", response=PublicItemDetail, url_name="public_item"
)
def get_item(request, slug: str, reference: str):
    _check_enabled()

    def compute():
        framework = queries.get_public_framework(slug)
        item = queries.get_public_item(framework, reference)
        return {
            **item_data(item),
            "parents": [parent.reference for parent in queries.public_ancestors(item)],
            "actions": [action_data(a) for a in queries.item_actions(item)],
            "indicators": [indicator_data(i) for i in queries.item_indicators(item)],
        }

    return cached_value("api", request, compute)


@router.get("/frameworks/{slug}/actions", response=ActionPage, url_name="public_actions")
def list_actions(request, slug: str, paging: Query[PageQuery]):
    _check_enabled()

    def compute():
        framework = queries.get_public_framework(slug)
        return _page(queries.framework_actions(framework), paging.page, action_data)

    return cached_value("api", request, compute)


@router.get("/frameworks/{slug}/actions/{int:pk}", response=PublicAction, url_name="public_action")
def get_action(request, slug: str, pk: int):
    _check_enabled()

    def compute():
        framework = queries.get_public_framework(slug)
        action = queries.get_public_action(framework, pk)
        queries.attach_progress([action], queries.public_indicators().filter(action=action))
        return action_data(action)

    return cached_value("api", request, compute)
