"""The instrument catalogue and a state's status in it: the same rows as
`camket treaties status --json`, with recommendation counts scoped to the caller."""

import datetime as dt

from django.shortcuts import get_object_or_404
from ninja import Field, Query, Router, Schema
from ninja.pagination import paginate

from camket.api.pagination import BoundedPageNumberPagination
from camket.api.schemas import RecommendationOut
from camket.frameworks.home_state import home_state_code
from camket.treaties.status import (
    StatusFilters,
    asking_items,
    catalogue,
    find_state,
    status_rows,
)

router = Router(tags=["treaties"])


class InstrumentOut(Schema):
    key: str
    name: str
    name_vi: str
    short_name: str
    short_name_vi: str
    family: str
    parent: str | None = Field(
        None, alias="parent.key", description="the treaty it is a protocol to"
    )
    adopted_on: dt.date | None
    in_force_on: dt.date | None
    depositary: str
    treaty_body: str
    treaty_body_vi: str
    source_url: str


class StatusOut(Schema):
    treaty: str = Field(..., description="the instrument's key")
    party: bool
    status: str = Field(..., description="party, signatory, not_party or unknown")
    date: dt.date | None = Field(
        ..., description="the date of the step the status names: joining, else signing"
    )
    recommendations: int = Field(
        ..., description="recommendations you may see asking the state to ratify or accede to it"
    )
    name: str
    name_vi: str
    family: str


class StatusQuery(Schema):
    state: str = Field("", description="ISO 3166 alpha-3 code; default: the home state")
    joined: bool | None = Field(None, description="true: parties only; false: not parties")
    family: str = ""
    asked: bool = Field(False, description="only instruments some recommendation asks for")
    q: str = Field("", description="words of the key or names, English or Vietnamese")


class StateQuery(Schema):
    state: str = Field("", description="ISO 3166 alpha-3 code; default: the home state")


@router.get("/instruments", response=list[InstrumentOut])
def list_instruments(request):
    return catalogue()


@router.get("/status", response=list[StatusOut])
def state_status(request, query: Query[StatusQuery]):
    filters = StatusFilters.from_mapping(
        {
            "joined": "" if query.joined is None else str(query.joined),
            "family": query.family,
            "asked": str(query.asked),
            "q": query.q,
        }
    )
    state = find_state(query.state or home_state_code())
    return [
        {
            **row.as_dict(),
            "name": row.instrument.name,
            "name_vi": row.instrument.name_vi,
            "family": row.instrument.family,
        }
        for row in status_rows(state, user=request.user, filters=filters)
    ]


@router.get("/instruments/{key}/recommendations", response=list[RecommendationOut])
@paginate(BoundedPageNumberPagination)
def asking_recommendations(request, key: str, query: Query[StateQuery]):
    """The recommendations you may see that ask the state to ratify or accede to it."""
    instrument = get_object_or_404(catalogue(), key=key)
    state = find_state(query.state or home_state_code())
    return (
        asking_items(state, instrument, request.user)
        .select_related("state_under_review")
        .prefetch_related("recommending_states")
    )
