"""The portal's charts, drawn with the dashboard's SVG geometry (dashboard.charts)."""

from collections import Counter
from urllib.parse import urlencode

from django.urls import reverse
from django.utils.translation import gettext as _

from camket.dashboard import charts
from camket.dashboard.services import Row, Segment
from camket.frameworks.models import Framework, Implementation, Recommendation
from camket.public.queries import NONE


def _status_segments(counts: Counter, url_for) -> list[Segment]:
    segments = [
        Segment(key, str(label), counts.get(key, 0), url_for(key))
        for key, label in Implementation.choices
    ]
    segments.append(Segment(NONE, _("Not planned yet"), counts.get("", 0), url_for(NONE)))
    return segments


def frameworks_chart(frameworks: list[Framework], language: str) -> charts.BarChart:
    """One bar per public framework: its published items split by implementation status."""
    rows = []
    for framework in frameworks:
        base = reverse("public-framework", args=[framework.slug])
        rows.append(
            Row(
                key=framework.slug,
                label=framework.label(language),
                total=framework.item_count,
                url=base,
                segments=_status_segments(
                    framework.implementation,
                    lambda key, base=base: f"{base}?{urlencode({'implementation': key})}",
                ),
            )
        )
    return charts.bar_chart(_("Published items by implementation status"), rows)


def _with(query: dict, name: str, value: str) -> str:
    return "?" + urlencode({**query, name: value})


def response_donut(counts: Counter, query: dict) -> charts.Donut:
    """The current results by the state's response ("none": not yet decided)."""
    segments = [
        Segment(key, str(label), counts.get(key, 0), _with(query, "response", key))
        for key, label in Recommendation.Response.choices
    ]
    segments.append(
        Segment(NONE, _("Not yet decided"), counts.get("", 0), _with(query, "response", NONE))
    )
    return charts.donut(_("Items by response"), segments, size=160, stroke=28)


def implementation_donut(counts: Counter, query: dict) -> charts.Donut:
    """The current results by implementation status ("none": no action yet)."""
    segments = _status_segments(counts, lambda key: _with(query, "implementation", key))
    return charts.donut(_("Items by implementation status"), segments, size=160, stroke=28)
