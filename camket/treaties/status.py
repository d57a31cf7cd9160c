"""A state's status in every instrument of the catalogue, and the recommendations asking it
to join each one. Shared by `camket treaties status`, the API and the /treaties/ pages.

A recommendation "asks the state to join" an instrument when a live register link (found in
its text or confirmed, not removed) relates it to the instrument with `asks_to_join`, and the
item is about that state: its own state under review, else its framework's.
"""

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date

import pycountry
from django.core.exceptions import ValidationError
from django.db.models import Count, Prefetch, Q, QuerySet
from django.utils.translation import gettext as _

from camket.frameworks.home_state import about_state_condition
from camket.frameworks.models import Recommendation, State
from camket.frameworks.state_order import label_expression
from camket.legislation.models import LegalAct
from camket.lib.folding import fold
from camket.links.models import RegisterLink
from camket.links.registers import live_register_links
from camket.treaties.models import Instrument, Participation

Status = Participation.Status
NOT_JOINED = (Status.SIGNATORY, Status.NOT_PARTY, Status.UNKNOWN)
JOINED_CHOICES = ("yes", "no")


def find_state(code: str) -> State | None:
    """The State row of an ISO3 code; None for a real country camket holds nothing about yet
    (every status is then "unknown"). A code that names no country is refused before the
    database is read."""
    code = (code or "").strip().upper()
    if not (len(code) == 3 and code.isalpha() and pycountry.countries.get(alpha_3=code)):
        raise ValidationError(
            _(
                "“%(code)s” is not the ISO 3166 three-letter code of a state (Viet Nam is VNM). "
                "Look a code up at https://www.iso.org/obp/ui/#search; the states camket holds "
                "are listed in the state picker of the /treaties/ page."
            )
            % {"code": code}
        )
    return State.objects.filter(iso3=code).first()


def known_states() -> QuerySet[State]:
    return (
        State.objects.exclude(iso3__isnull=True)
        .exclude(iso3="")
        .order_by(label_expression(), "name")
    )


@dataclass(frozen=True)
class StatusFilters:
    joined: str = ""  # "yes": parties only; "no": signatories, non-parties, unknown; "": all
    family: str = ""
    asked: bool = False  # only instruments some recommendation asks the state to join
    q: str = ""

    @classmethod
    def from_mapping(cls, data: Mapping, *, default_joined: str = "") -> "StatusFilters":
        joined = data.get("joined", default_joined)
        joined = {"true": "yes", "false": "no", "all": ""}.get(str(joined).lower(), joined)
        family = data.get("family", "") or ""
        return cls(
            joined=joined if joined in JOINED_CHOICES else "",
            family=family if family in Instrument.Family.values else "",
            asked=str(data.get("asked", "")).lower() in {"1", "true", "yes", "on"},
            q=(data.get("q", "") or "").strip()[:200],
        )

    def active(self) -> dict:
        values = {"joined": self.joined, "family": self.family, "asked": self.asked, "q": self.q}
        return {key: value for key, value in values.items() if value}


@dataclass
class StatusRow:
    instrument: Instrument
    participation: Participation | None
    recommendations: int = 0
    reservations: int = 0  # reservations and declarations not withdrawn
    legal_acts: list[LegalAct] = field(default_factory=list)

    @property
    def party(self) -> bool:
        return self.participation is not None and self.participation.party

    @property
    def status(self) -> str:
        return Status.UNKNOWN if self.participation is None else self.participation.status

    @property
    def status_label(self) -> str:
        return Status(self.status).label

    @property
    def date(self) -> date | None:
        return None if self.participation is None else self.participation.status_date

    def as_dict(self) -> dict:
        """The CLI and API contract: these five keys, in this order."""
        return {
            "treaty": self.instrument.key,
            "party": self.party,
            "status": self.status,
            "date": self.date.isoformat() if self.date else None,
            "recommendations": self.recommendations,
        }


def asking_links(state: State | None, user=None) -> QuerySet[RegisterLink]:
    """Live `asks_to_join` links of items about the state; only of items the user may see
    when a user is given (`user=None`: all, as the command line counts). Archived items and
    items of archived frameworks ask nothing any more."""
    if state is None:
        return RegisterLink.objects.none()
    return (
        live_register_links(user)
        .filter(relation=RegisterLink.Relation.ASKS_TO_JOIN, instrument__isnull=False)
        .filter(about_state_condition(state, prefix="item__"))
        .exclude(item__status=Recommendation.Status.ARCHIVED)
        .exclude(item__framework__archived=True)
    )


def ask_counts(state: State | None, user=None) -> dict[int, int]:
    """Instrument id → how many distinct items ask the state to join it, in one query."""
    counted = (
        asking_links(state, user)
        .order_by()
        .values("instrument")
        .annotate(items=Count("item", distinct=True))
    )
    return {row["instrument"]: row["items"] for row in counted}


def asking_items(state: State | None, instrument: Instrument, user=None):
    """The items asking the state to join the instrument (scoped when a user is given)."""
    item_ids = asking_links(state, user).filter(instrument=instrument).values("item")
    return (
        Recommendation.objects.filter(pk__in=item_ids)
        .select_related("framework")
        .order_by("framework__name", "reference", "id")
    )


def catalogue() -> QuerySet[Instrument]:
    return Instrument.objects.filter(archived=False).select_related("parent")


def _matches(instrument: Instrument, words: str) -> bool:
    names = [
        instrument.key,
        instrument.name,
        instrument.name_vi,
        instrument.short_name,
        instrument.short_name_vi,
        *(str(alias) for alias in instrument.aliases or []),
    ]
    return words in fold(" | ".join(names))


def status_rows(
    state: State | None, *, user=None, filters: StatusFilters | None = None
) -> list[StatusRow]:
    """One row per instrument not archived, in catalogue order, filtered. A constant number
    of queries whatever the size of the catalogue."""
    filters = filters or StatusFilters()
    instruments = catalogue().prefetch_related(
        Prefetch(
            "legal_acts",
            queryset=LegalAct.objects.filter(archived=False).order_by("-adopted_on", "title_vi"),
            to_attr="live_legal_acts",
        )
    )
    if filters.family:
        instruments = instruments.filter(family=filters.family)
    participations = {}
    if state is not None:
        participations = {
            p.instrument_id: p
            for p in Participation.objects.filter(state=state).annotate(
                reservations_in_force=Count("reservations", filter=Q(reservations__withdrawn=False))
            )
        }
    counts = ask_counts(state, user)
    words = fold(filters.q)
    rows = []
    for instrument in instruments:
        participation = participations.get(instrument.pk)
        row = StatusRow(
            instrument,
            participation,
            counts.get(instrument.pk, 0),
            getattr(participation, "reservations_in_force", 0),
            instrument.live_legal_acts,
        )
        if filters.joined == "yes" and not row.party:
            continue
        if filters.joined == "no" and row.party:
            continue
        if filters.asked and not row.recommendations:
            continue
        if words and not _matches(instrument, words):
            continue
        rows.append(row)
    return rows
