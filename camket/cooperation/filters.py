"""The filters of the agreement and request lists, read the same way by the pages, the
exports, the API and the command."""

from dataclasses import asdict, dataclass

from django.db.models import Q

from camket.cooperation.models import Agreement, CooperationKind, CooperationRequest
from camket.lib.numbers import positive_int


def _choice(value, choices) -> str:
    value = (value or "").strip()
    return value if value in choices else ""


def _partner_filter(queryset, partner: str):
    if not partner:
        return queryset
    return queryset.filter(Q(partner__iso3__iexact=partner) | Q(partner__name__iexact=partner))


@dataclass(frozen=True)
class AgreementFilters:
    partner: str = ""
    kind: str = ""
    status: str = ""
    archived: str = ""

    @classmethod
    def from_mapping(cls, query) -> "AgreementFilters":
        return cls(
            partner=(query.get("partner") or "").strip()[:100],
            kind=_choice(query.get("kind"), CooperationKind.values),
            status=_choice(query.get("status"), Agreement.Status.values),
            archived="1" if query.get("archived") in ("1", "on", "true") else "",
        )

    def active(self) -> dict:
        return {key: value for key, value in asdict(self).items() if value}

    def apply(self, agreements):
        agreements = _partner_filter(agreements, self.partner)
        if self.kind:
            agreements = agreements.filter(kind=self.kind)
        if self.status:
            agreements = agreements.filter(status=self.status)
        if not self.archived:
            agreements = agreements.filter(archived=False)
        return agreements


@dataclass(frozen=True)
class RequestFilters:
    direction: str = ""
    kind: str = ""
    partner: str = ""
    status: str = ""
    year: str = ""
    q: str = ""

    @classmethod
    def from_mapping(cls, query) -> "RequestFilters":
        year = positive_int(query.get("year") or "")
        return cls(
            direction=_choice(query.get("direction"), CooperationRequest.Direction.values),
            kind=_choice(query.get("kind"), CooperationKind.values),
            partner=(query.get("partner") or "").strip()[:100],
            status=_choice(query.get("status"), CooperationRequest.Status.values),
            year=str(year) if year and 1900 < year < 3000 else "",
            q=(query.get("q") or "").strip()[:200],
        )

    def active(self) -> dict:
        return {key: value for key, value in asdict(self).items() if value}

    def apply(self, requests):
        """`requests`: already scoped to the reader (`scoping.visible_requests`)."""
        requests = _partner_filter(requests, self.partner)
        for field in ("direction", "kind", "status"):
            if getattr(self, field):
                requests = requests.filter(**{field: getattr(self, field)})
        if self.year:
            requests = requests.filter(dated_on__year=int(self.year))
        if self.q:
            requests = requests.filter(
                Q(reference__icontains=self.q) | Q(subject__icontains=self.q)
            )
        return requests
