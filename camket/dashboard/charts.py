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
    return label if len(label) <= MAX_LABEL else label[: MAX_LABEL - 1].rstrip() + "…"


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
            rects.append(
                Rect(
                    key=segment.key,
                    label=segment.label,
                    count=segment.count,
                    url=segment.url,
                    x=_n(x),
                    width=_n(width),
                )
            )
            x += width
        drawn.append(
            BarRow(
                label=_short(row.label),
                full_label=row.label,
                total=row.total,
                url=row.url,
                label_y=_n(top + LABEL_BASELINE),
                bar_y=_n(top + BAR_TOP),
                total_x=_n(x + 5),
                total_y=_n(top + BAR_TOP + BAR_HEIGHT - 3),
                rects=rects,
            )
        )
    return BarChart(
        title=title,
        width=WIDTH,
        height=max(len(rows), 1) * ROW_PITCH,
        bar_height=BAR_HEIGHT,
        rows=drawn,
        legend=list(legend),
    )


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
        arcs.append(
            Arc(
                key=segment.key,
                label=segment.label,
                count=segment.count,
                url=segment.url,
                share=round(100 * segment.count / total, 1),
                dasharray=f"{_n(length)} {_n(circumference - length)}",
                dashoffset=_n(-done),
            )
        )
        done += length
    return Donut(
        title=title,
        size=size,
        centre=_n(size / 2),
        radius=_n(radius),
        stroke=stroke,
        arcs=arcs,
        total=total,
        legend=[LegendItem(s.key, s.label) for s in segments],
    )


LINE_WIDTH = 520  # viewBox of a line chart
LINE_HEIGHT = 220
PLOT_LEFT = 56  # room for the values on the vertical axis
PLOT_RIGHT = 12
PLOT_TOP = 12
PLOT_BOTTOM = 32  # room for the dates under the horizontal axis
TICKS = 4


@dataclass
class Tick:
    label: str
    y: str


@dataclass
class Dot:
    x: str
    y: str
    label: str  # the date and the value, for its tooltip
    accepted: bool


@dataclass
class Level:
    """A horizontal line across the plot: the baseline or the target."""

    key: str
    label: str
    y: str
    label_y: str


@dataclass
class DateLabel:
    x: str
    label: str
    anchor: str  # text-anchor: the first and last dates stay inside the plot


@dataclass
class LineChart:
    width: int
    height: int
    left: int
    right: str
    top: int
    bottom: str
    path: str  # the polyline's points, "" under two values
    dots: list[Dot]
    ticks: list[Tick]
    levels: list[Level]
    dates: list[DateLabel]


def _nice_ceiling(value: float) -> float:
    """The smallest of 1, 2, 2.5, 5 × 10ⁿ that is at least `value` (a round top for the axis)."""
    if value <= 0:
        return 1.0
    power = 10 ** math.floor(math.log10(value))
    for step in (1, 2, 2.5, 5, 10):
        if step * power >= value:
            return step * power
    return 10 * power


def line_chart(points, *, levels=(), date_format=str) -> LineChart:
    """Values over time: `points` are (date, value, label, accepted) oldest first, `levels`
    (key, label, value) horizontal lines such as the baseline and the target. The vertical axis
    starts at zero (indicator values are never negative); dates are placed in proportion to
    the time between them, a single one in the middle."""
    points = list(points)
    levels = [(key, label, float(value)) for key, label, value in levels if value is not None]
    highest = max([float(p[1]) for p in points] + [value for _, _, value in levels] + [0.0])
    top_value = _nice_ceiling(highest)
    plot_width = LINE_WIDTH - PLOT_LEFT - PLOT_RIGHT
    plot_height = LINE_HEIGHT - PLOT_TOP - PLOT_BOTTOM
    bottom = PLOT_TOP + plot_height

    def y(value: float) -> float:
        return bottom - plot_height * value / top_value

    days = [p[0].toordinal() for p in points]
    span = (max(days) - min(days)) if days else 0

    def x(day: int) -> float:
        if not span:
            return PLOT_LEFT + plot_width / 2
        return PLOT_LEFT + plot_width * (day - min(days)) / span

    dots = [
        Dot(x=_n(x(day)), y=_n(y(float(value))), label=label, accepted=accepted)
        for day, (_, value, label, accepted) in zip(days, points, strict=True)
    ]
    path = " ".join(f"{dot.x},{dot.y}" for dot in dots) if len(dots) > 1 else ""
    ticks = [
        Tick(label=_n(top_value * i / TICKS), y=_n(y(top_value * i / TICKS)))
        for i in range(TICKS + 1)
    ]
    drawn_levels = [
        Level(key=key, label=label, y=_n(y(value)), label_y=_n(y(value) - 4))
        for key, label, value in levels
    ]
    shown = points if len(points) <= 6 else [points[0], points[len(points) // 2], points[-1]]

    def anchor(index: int) -> str:
        if len(shown) == 1 or 0 < index < len(shown) - 1:
            return "middle"
        return "start" if index == 0 else "end"

    dates = [
        DateLabel(x=_n(x(p[0].toordinal())), label=date_format(p[0]), anchor=anchor(i))
        for i, p in enumerate(shown)
    ]
    return LineChart(
        width=LINE_WIDTH,
        height=LINE_HEIGHT,
        left=PLOT_LEFT,
        right=_n(LINE_WIDTH - PLOT_RIGHT),
        top=PLOT_TOP,
        bottom=_n(bottom),
        path=path,
        dots=dots,
        ticks=ticks,
        levels=drawn_levels,
        dates=dates,
    )
