"""SVG geometry for the dashboard's charts: horizontal (stacked) bars and a donut.

Plain Python: the template only loops over what these functions return. Coordinates are
strings with a dot as the decimal separator, so no locale can change them. Colours come from
the CSS class `st-<status>` (dashboard.css), the same for a status in every chart and legend.
"""

import math
from dataclasses import dataclass, field

WIDTH = 520  # viewBox width of a bar chart
TOTAL_SPACE = 44  # right of the longest bar, for its total
ROW_PITCH = 40
LABEL_BASELINE = 13
BAR_TOP = 18
BAR_HEIGHT = 15
MAX_LABEL = 72  # characters of a row label drawn in the SVG (the table has the full label)


def _n(value: float) -> str:
    return f"{value:.2f}".rstrip("0").rstrip(".")


def _short(label: str) -> str:
    return label if len(label) <= MAX_LABEL else label[:MAX_LABEL - 1].rstrip() + "…"


@dataclass
class LegendItem:
    key: str
    label: str


@dataclass
class Rect:
    key: str
    label: str
    count: int
    url: str
    x: str
    width: str


@dataclass
class BarRow:
    label: str  # as drawn (shortened)
    full_label: str
    total: int
    url: str
    label_y: str
    bar_y: str
    total_x: str
    total_y: str
    rects: list[Rect] = field(default_factory=list)


@dataclass
class BarChart:
    title: str
    width: int
    height: int
    bar_height: int
    rows: list[BarRow]
    legend: list[LegendItem]


def bar_chart(title: str, rows, *, legend=None) -> BarChart:
    """One horizontal bar per row, split into its non-empty segments; all bars share a scale.

    `rows` are the services' `Row`s; `legend` defaults to the segments of the first row.
    """
    rows = list(rows)
    if legend is None:
        legend = [LegendItem(s.key, s.label) for s in rows[0].segments] if rows else []
    longest = max((row.total for row in rows), default=0) or 1
    scale = (WIDTH - TOTAL_SPACE) / longest
    drawn = []
    for index, row in enumerate(rows):
        top = index * ROW_PITCH
        x = 0.0
        rects = []
        for segment in row.segments:
            if not segment.count:
                continue
            width = segment.count * scale
            rects.append(Rect(key=segment.key, label=segment.label, count=segment.count,
                              url=segment.url, x=_n(x), width=_n(width)))
            x += width
        drawn.append(BarRow(label=_short(row.label), full_label=row.label, total=row.total,
                            url=row.url, label_y=_n(top + LABEL_BASELINE),
                            bar_y=_n(top + BAR_TOP), total_x=_n(x + 5),
                            total_y=_n(top + BAR_TOP + BAR_HEIGHT - 3), rects=rects))
    return BarChart(title=title, width=WIDTH, height=max(len(rows), 1) * ROW_PITCH,
                    bar_height=BAR_HEIGHT, rows=drawn, legend=list(legend))


@dataclass
class Arc:
    key: str
    label: str
    count: int
    url: str
    share: float
    dasharray: str  # "<arc length> <rest of the circle>"
    dashoffset: str


@dataclass
class Donut:
    title: str
    size: int
    centre: str
    radius: str
    stroke: int
    arcs: list[Arc]
    legend: list[LegendItem]
    total: int


def donut(title: str, segments, *, size: int = 200, stroke: int = 34) -> Donut:
    """A ring split into the non-empty segments, clockwise from the top (the template rotates
    it by -90°). Each arc is a dashed circle stroke: `dasharray` draws its length,
    `dashoffset` moves it to where the previous arc ended."""
    segments = list(segments)
    total = sum(s.count for s in segments)
    radius = (size - stroke) / 2
    circumference = 2 * math.pi * radius
    arcs = []
    done = 0.0
    for segment in segments:
        if not segment.count:
            continue
        length = circumference * segment.count / total
        arcs.append(Arc(key=segment.key, label=segment.label, count=segment.count,
                        url=segment.url, share=round(100 * segment.count / total, 1),
                        dasharray=f"{_n(length)} {_n(circumference - length)}",
                        dashoffset=_n(-done)))
        done += length
    return Donut(title=title, size=size, centre=_n(size / 2), radius=_n(radius),
                 stroke=stroke, arcs=arcs, total=total,
                 legend=[LegendItem(s.key, s.label) for s in segments])
