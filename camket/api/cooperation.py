"""Bilateral agreements and cooperation requests in the API: the same services and scoping as
the pages. A request the token's user may not see answers 404, like one that does not exist."""

from datetime import date, datetime

from django.core.exceptions import PermissionDenied
from django.http import Http404
from ninja import Field, Query, Router, Schema

from camket.api.schemas import HistoryOut, Id
from camket.cooperation import rules, services, summary
from camket.cooperation.filters import AgreementFilters, RequestFilters
from camket.cooperation.models import CooperationRequest
from camket.cooperation.scoping import (
    get_agreement_for_user,
    get_request_for_user,
    visible_agreements,
    visible_requests,
)
from camket.frameworks.history import entries_for
from camket.public.scoping import portal_enabled
from camket.treaties.models import Instrument

router = Router(tags=["cooperation"])
public_router = Router(tags=["public portal"], auth=None)


def _reader(request) -> None:
    if not rules.reads_agreements(request.user):
        raise PermissionDenied


class AgreementOut(Schema):
    id: int
    partner: str = Field(..., alias="partner.name")
    partner_iso3: str | None = Field(None, alias="partner.iso3")
    kind: str
    title: str
    title_vi: str
    status: str
    signed_on: date | None
    ratified_on: date | None
    in_force_on: date | None
    terminated_on: date | None
    central_authority: str | None = Field(None, alias="central_authority.code")
    note: str
    archived: bool
    version: int


class AgreementIn(Schema):
    partner: str = Field(..., description="ISO3 code or name of the partner state")
    kind: str
    status: str
    title: str = ""
    title_vi: str = ""
    signed_on: date | None = None
    ratified_on: date | None = None
    in_force_on: date | None = None
    terminated_on: date | None = None
    central_authority: str = Field("", description="an agency's code")
    note: str = ""


class AgreementChange(AgreementIn):
    """A change: the fields left out keep their value (an explicit empty value clears one);
    `version`, the version edited, is required: 409 when someone saved in between."""

    partner: str = Field("", description="ISO3 code or name of the partner state")
    kind: str = ""
    status: str = ""
    version: int


class AgreementQuery(Schema):
    partner: str = ""
    kind: str = ""
    status: str = ""
    archived: str = ""


def _given(payload: Schema, *, changing: bool) -> set[str]:
    """The fields to apply: on a change only those the body names, else all of them."""
    return set(payload.model_fields_set if changing else type(payload).model_fields)


def _agreement_values(payload: AgreementIn, *, changing: bool = False) -> dict:
    given = _given(payload, changing=changing)
    values = payload.dict(include=given - {"version", "partner", "central_authority"})
    if "partner" in given:
        values["partner"] = services.partner_from(payload.partner)
    if "central_authority" in given:
        values["central_authority"] = (
            services.agency_from(payload.central_authority) if payload.central_authority else None
        )
    return values


@router.get("/agreements", response=list[AgreementOut])
def list_agreements(request, filters: Query[AgreementQuery]):
    _reader(request)
    return AgreementFilters.from_mapping(filters.dict()).apply(
        visible_agreements(request.user, include_archived=True)
    )


@router.get("/agreements/{int:pk}", response=AgreementOut)
def get_agreement(request, pk: int):
    _reader(request)
    return get_agreement_for_user(request.user, pk)


@router.get("/agreements/{int:pk}/history", response=list[HistoryOut])
def agreement_history(request, pk: int):
    _reader(request)
    return entries_for(get_agreement_for_user(request.user, pk), user=request.user)


@router.post("/agreements", response=AgreementOut)
def create_agreement(request, payload: AgreementIn):
    _reader(request)
    return services.create_agreement(request.user, _agreement_values(payload))


@router.put("/agreements/{int:pk}", response=AgreementOut)
def update_agreement(request, pk: int, payload: AgreementChange):
    _reader(request)
    agreement = get_agreement_for_user(request.user, pk)
    return services.update_agreement(
        request.user, agreement, _agreement_values(payload, changing=True), version=payload.version
    )


class RequestOut(Schema):
    id: int
    direction: str
    kind: str
    partner: str = Field(..., alias="partner.name")
    partner_iso3: str | None = Field(None, alias="partner.iso3")
    agreement: int | None = Field(None, alias="agreement_id")
    instrument: str | None = Field(None, alias="instrument.key")
    basis_note: str
    reference: str
    subject: str
    dated_on: date
    status: str
    closed_on: date | None
    responsible_agency: str = Field(..., alias="responsible_agency.code")
    handling_agencies: list[str]
    version: int
    modified: datetime

    @staticmethod
    def resolve_handling_agencies(obj):
        return [agency.code for agency in obj.handling_agencies.all()]


class RequestIn(Schema):
    direction: str
    kind: str
    partner: str = Field(..., description="ISO3 code or name of the partner state")
    dated_on: date
    status: str = CooperationRequest.Status.OPEN
    closed_on: date | None = None
    agreement: Id | None = None
    instrument: str = Field("", description="an instrument's key, e.g. UNTOC")
    basis_note: str = ""
    reference: str = ""
    subject: str = ""
    responsible_agency: str = Field(
        "", description="an agency's code (coordinators only); empty: the user's own agency"
    )
    handling_agencies: list[str] = []


class RequestChange(RequestIn):
    """A change: the fields left out keep their value (`handling_agencies: []` clears the
    list, leaving it out keeps it); `version` is required: 409 when someone saved in between."""

    direction: str = ""
    kind: str = ""
    partner: str = Field("", description="ISO3 code or name of the partner state")
    dated_on: date | None = None
    status: str = ""
    version: int


class RequestQuery(Schema):
    direction: str = ""
    kind: str = ""
    partner: str = ""
    status: str = ""
    year: str = ""
    q: str = ""


def _request_values(
    user, payload: RequestIn, *, changing: bool = False
) -> tuple[dict, list | None]:
    """The model values and the handling agencies (None: leave them as they are)."""
    given = _given(payload, changing=changing)
    values = payload.dict(
        include=given
        - {
            "version",
            "partner",
            "agreement",
            "instrument",
            "responsible_agency",
            "handling_agencies",
        }
    )
    if "partner" in given:
        values["partner"] = services.partner_from(payload.partner)
    if "agreement" in given:
        values["agreement"] = (
            get_agreement_for_user(user, payload.agreement) if payload.agreement else None
        )
    if "instrument" in given:
        values["instrument"] = None
        if payload.instrument:
            values["instrument"] = Instrument.objects.filter(key=payload.instrument).first()
            if values["instrument"] is None:
                raise Http404("No such instrument.")
    if payload.responsible_agency:
        values["responsible_agency"] = services.agency_from(payload.responsible_agency)
    if "handling_agencies" not in given:
        return values, None
    return values, [services.agency_from(code) for code in payload.handling_agencies]


@router.get("/requests", response=list[RequestOut])
def list_requests(request, filters: Query[RequestQuery]):
    _reader(request)
    return (
        RequestFilters.from_mapping(filters.dict())
        .apply(visible_requests(request.user))
        .prefetch_related("handling_agencies")
    )


@router.get("/requests/{int:pk}", response=RequestOut)
def get_request(request, pk: int):
    return get_request_for_user(request.user, pk)


@router.get("/requests/{int:pk}/history", response=list[HistoryOut])
def request_history(request, pk: int):
    return entries_for(get_request_for_user(request.user, pk), user=request.user)


@router.post("/requests", response=RequestOut)
def create_request(request, payload: RequestIn):
    values, handlers = _request_values(request.user, payload)
    return services.create_request(request.user, values, handling_agencies=handlers)


@router.put("/requests/{int:pk}", response=RequestOut)
def update_request(request, pk: int, payload: RequestChange):
    found = get_request_for_user(request.user, pk)
    values, handlers = _request_values(request.user, payload, changing=True)
    return services.update_request(
        request.user, found, values, version=payload.version, handling_agencies=handlers
    )


class SummaryQuery(Schema):
    year: int | None = Field(None, ge=1900, le=2999)


@router.get(
    "/summary",
    summary="Yearly counts: by type over all requests; by partner and "
    "status over the requests the user's agency handles",
)
def internal_summary(request, query: Query[SummaryQuery]):
    _reader(request)
    return summary.internal_summary(request.user, query.year)


@public_router.get("/summary", summary="Yearly counts per direction and type (public)")
def public_summary(request, query: Query[SummaryQuery]):
    if not portal_enabled():
        raise Http404("The public portal is switched off.")
    return summary.public_summary(query.year)
