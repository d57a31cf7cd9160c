"""The register of legal acts: list (filters), detail, add, change, and link or unlink the
instruments and the commitments an act implements. Same services and scoping as the pages."""

from datetime import date

from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404
from ninja import Field, Query, Router, Schema
from ninja.pagination import paginate
from ninja.responses import Status

from camket.api.pagination import BoundedPageNumberPagination
from camket.legislation import services
from camket.legislation.listing import ActFilters, filter_acts, with_commitment_counts
from camket.legislation.scoping import commitment_links, get_act_for_user
from camket.treaties.models import Instrument

router = Router(tags=["legislation"])


class ActFiltersIn(Schema):
    q: str = ""
    kind: str = ""
    status: str = ""
    instrument: str = Field("", description="an instrument's key, e.g. DRUGS-1988")
    archived: bool = False


class ActOut(Schema):
    id: int
    number: str
    kind: str
    title: str
    title_vi: str
    issuing_body: str
    issuing_body_vi: str
    drafting_agency: str | None = Field(None, alias="drafting_agency.code")
    status: str
    adopted_on: date | None
    in_force_on: date | None
    repealed_on: date | None
    url: str
    note: str
    archived: bool
    version: int
    instruments: list[str] = Field(..., description="the keys of the instruments it implements")
    commitment_count: int = Field(0, description="items you may see that it implements")

    @staticmethod
    def resolve_instruments(act) -> list[str]:
        return [instrument.key for instrument in act.instruments.all()]


class CommitmentOut(Schema):
    link: int = Field(..., alias="id")
    item: int = Field(..., alias="item_id")
    framework: str = Field(..., alias="item.framework.slug")
    reference: str = Field(..., alias="item.reference")
    text: str = Field(..., alias="item.text")
    state: str


class ActDetailOut(ActOut):
    commitments: list[CommitmentOut]


class ActIn(Schema):
    number: str = ""
    kind: str
    title: str = ""
    title_vi: str
    issuing_body: str = ""
    issuing_body_vi: str = ""
    drafting_agency: str | None = Field(None, description="the agency's code")
    status: str
    adopted_on: date | None = None
    in_force_on: date | None = None
    repealed_on: date | None = None
    url: str = ""
    note: str = ""
    instruments: list[str] | None = Field(None, description="keys; replaces the list if given")


class ActUpdateIn(ActIn):
    version: int


class VersionIn(Schema):
    version: int


class CommitmentIn(Schema):
    item: str = Field(..., description="SLUG:REF")


def _detail(user, act) -> dict:
    act = with_commitment_counts(user, type(act).objects.filter(pk=act.pk)).get()
    act.commitments = list(commitment_links(user, act))
    return act


def _values(payload: ActIn) -> tuple[dict, list | None]:
    from camket.accounts.models import Agency

    values = payload.dict(exclude={"instruments", "version"})
    code = values.pop("drafting_agency")
    values["drafting_agency"] = (
        get_object_or_404(Agency, code=code, archived=False) if code else None
    )
    instruments = None
    if payload.instruments is not None:
        instruments = [_instrument(key) for key in payload.instruments]
    return values, instruments


def _instrument(key: str) -> Instrument:
    return get_object_or_404(Instrument, key__iexact=key, archived=False)


def _member(request) -> None:
    if not request.user.has_perm("legislation.view_legalact"):
        raise PermissionDenied


@router.get("", response=list[ActOut])
@paginate(BoundedPageNumberPagination)
def list_acts(request, filters: Query[ActFiltersIn]):
    _member(request)
    acts = filter_acts(request.user, ActFilters(**filters.dict()))
    return (
        with_commitment_counts(request.user, acts)
        .select_related("drafting_agency")
        .prefetch_related("instruments")
        .order_by("id")
    )


@router.get("/{int:pk}", response=ActDetailOut)
def get_act(request, pk: int):
    _member(request)
    return _detail(request.user, get_act_for_user(request.user, pk))


@router.post("", response={201: ActDetailOut})
def create_act(request, payload: ActIn):
    _member(request)
    values, instruments = _values(payload)
    act = services.create_act(request.user, values, instruments=instruments)
    return Status(201, _detail(request.user, act))


@router.put("/{int:pk}", response=ActDetailOut)
def update_act(request, pk: int, payload: ActUpdateIn):
    act = get_act_for_user(request.user, pk)
    values, instruments = _values(payload)
    services.update_act(request.user, act, values, version=payload.version, instruments=instruments)
    return _detail(request.user, act)


@router.post("/{int:pk}/instruments/{key}", response=ActDetailOut)
def link_instrument(request, pk: int, key: str, payload: VersionIn):
    act = get_act_for_user(request.user, pk)
    services.link_instrument(request.user, act, _instrument(key), version=payload.version)
    return _detail(request.user, act)


@router.delete("/{int:pk}/instruments/{key}", response=ActDetailOut)
def unlink_instrument(request, pk: int, key: str, version: int):
    act = get_act_for_user(request.user, pk)
    instrument = get_object_or_404(act.instruments.all(), key__iexact=key)
    services.unlink_instrument(request.user, act, instrument, version=version)
    return _detail(request.user, act)


@router.post("/{int:pk}/commitments", response=ActDetailOut)
def link_commitment(request, pk: int, payload: CommitmentIn):
    act = get_act_for_user(request.user, pk)
    services.link_commitment(
        request.user, act, services.find_commitment(request.user, payload.item)
    )
    return _detail(request.user, act)


@router.delete("/{int:pk}/commitments/{item}", response=ActDetailOut)
def unlink_commitment(request, pk: int, item: str):
    act = get_act_for_user(request.user, pk)
    services.unlink_commitment(request.user, act, services.find_commitment(request.user, item))
    return _detail(request.user, act)
