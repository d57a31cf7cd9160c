"""The counted items by implementation status: the headline, and a row per framework and per
kind of framework, all three from the items' counts by framework (`indexed.py`)."""

from dataclasses import dataclass, field

from django.utils.translation import get_language

from camket.dashboard.rows import (
    NO_ACTION,
    RECOMMENDATION_STATUSES,
    Row,
    Segment,
    list_url,
    row,
    segments,
    share,
)
from camket.frameworks.models import Framework, Implementation


@dataclass
class Headline:
    total: int  # accepted recommendations and commitments: the shares are of this
    accepted: int  # accepted recommendations (frameworks whose items receive a response)
    commitments: int  # items of frameworks whose items receive none
    implemented: int
    implemented_share: float  # per cent of the total, one decimal
    partly_implemented: int
    partly_implemented_share: float
    in_progress: int
    not_started: int
    not_implemented: int
    no_action: int
    url: str
    segments: list[Segment] = field(default_factory=list)


@dataclass
class ItemFigures:
    headline: Headline
    by_framework: list[Row]
    by_kind: list[Row]


def _add(counts: dict, key, status: str, n: int) -> None:
    by_status = counts.setdefault(key, {})
    by_status[status] = by_status.get(status, 0) + n


def item_figures(by_framework: dict[int, dict[str, int]], params: dict) -> ItemFigures:
    """`by_framework`: the counted items, {framework id: {status: n}}; `params`: the filters,
    for the lists behind the figures."""
    frameworks = list(
        Framework.objects.filter(pk__in=list(by_framework)).order_by("-cycle", "name")
    )
    totals: dict[str, int] = {}
    by_kind: dict[str, dict[str, int]] = {}
    by_response = {True: 0, False: 0}
    for framework in frameworks:
        for status, n in by_framework[framework.pk].items():
            totals[status] = totals.get(status, 0) + n
            _add(by_kind, framework.kind, status, n)
            by_response[bool(framework.has_response)] += n
    return ItemFigures(
        headline=_headline(totals, by_response, params),
        by_framework=_framework_rows(frameworks, by_framework, params),
        by_kind=_kind_rows(by_kind, params),
    )


def _headline(totals: dict[str, int], by_response: dict[bool, int], params: dict) -> Headline:
    whole = sum(totals.values())

    def n(key):
        return totals.get(key, 0)

    return Headline(
        total=whole,
        accepted=by_response[True],
        commitments=by_response[False],
        implemented=n(Implementation.IMPLEMENTED),
        implemented_share=share(n(Implementation.IMPLEMENTED), whole),
        partly_implemented=n(Implementation.PARTLY_IMPLEMENTED),
        partly_implemented_share=share(n(Implementation.PARTLY_IMPLEMENTED), whole),
        in_progress=n(Implementation.IN_PROGRESS),
        not_started=n(Implementation.NOT_STARTED),
        not_implemented=n(Implementation.NOT_IMPLEMENTED),
        no_action=n(NO_ACTION),
        url=list_url("recommendation-list", **params),
        segments=segments(totals, RECOMMENDATION_STATUSES, "recommendation-list", **params),
    )


def _framework_rows(frameworks: list[Framework], counts: dict, params: dict) -> list[Row]:
    language = get_language() or "vi"
    return [
        row(
            f.slug,
            f.label(language),
            counts[f.pk],
            RECOMMENDATION_STATUSES,
            "recommendation-list",
            **{**params, "framework": f.slug},
        )
        for f in frameworks
    ]


def _kind_rows(counts: dict, params: dict) -> list[Row]:
    return [
        row(
            value,
            str(label),
            counts[value],
            RECOMMENDATION_STATUSES,
            "recommendation-list",
            **{**params, "kind": value},
        )
        for value, label in Framework.Kind.choices
        if value in counts
    ]
