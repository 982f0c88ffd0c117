"""A measure's timeline as a server-rendered SVG: the values each outlet (or source document)
reported over time, as points with their intervals, and the reference series a user trusts.

Pure functions from plain data to markup, for the review desk's figure-group page. No
scripts, no external assets, no ``style`` attributes (the desk's Content-Security-Policy
allows only its own stylesheet): colours and line dashes are SVG presentation attributes.
Readable without colour: every series has its own marker shape (filled, then hollow once the
shapes run out), reference series are drawn dashed with their own shape, the legend shows the
shapes, and the axes are labelled with dates and values. Every text node and attribute value
is escaped, with bidirectional controls shown as visible ``[U+202E]`` markers.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from html import escape

from claimledger.present.report import plain_inert

# Marker shapes, in the order series get them; after the last, the same shapes hollow.
SHAPES = ("circle", "square", "triangle", "diamond", "triangle-down", "plus", "cross", "star")
REFERENCE_SHAPE = "bar"  # a wide horizontal bar: a reference row's value
# Reference series (one per source) are told apart by their bar (filled or hollow) and the
# dashes of the line joining their rows.
REFERENCE_DASHES = ("6 4", "2 3", "10 3 2 3")
# Colour-blind-safe colours (Okabe and Ito) as a second cue, never the only one.
COLOURS = ("#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9", "#7f3c8d", "#333333")
REFERENCE_COLOUR = "#111111"
MAX_LABEL = 48  # characters of a series' name in the legend (the table has it whole)
MAX_TITLE = 400  # characters of a point's hover text


@dataclass(frozen=True)
class Point:
    """One value at one date: ``day`` (YYYY-MM-DD; None: not drawn), the value stated (None
    for a range), the interval (an open end is None) and the hover text."""

    day: str | None
    value: float | None
    low: float | None
    high: float | None
    label: str


@dataclass(frozen=True)
class Series:
    """The points one outlet, document or reference source gave."""

    name: str
    points: tuple[Point, ...]
    reference: bool = False


@dataclass(frozen=True)
class Marker:
    shape: str
    filled: bool
    colour: str
    dashes: str | None = None  # the line joining a reference series' rows

    @property
    def name(self) -> str:
        """The marker in words, for the table under the chart."""
        if self.shape == REFERENCE_SHAPE:
            line = {"6 4": "dashed", "2 3": "dotted"}.get(self.dashes or "", "dash-dotted")
            return f"{'' if self.filled else 'hollow '}horizontal bar, {line} line"
        return self.shape.replace("-", " ") + ("" if self.filled else ", hollow")


def markers(series: Sequence[Series]) -> list[Marker]:
    """Each series' marker: outlets take the shapes in turn (hollow after the first round),
    reference series the bar."""
    out = []
    n = refs = 0
    for s in series:
        if s.reference:
            dashes = REFERENCE_DASHES[refs % len(REFERENCE_DASHES)]
            filled = refs % 2 == 0
            out.append(Marker(REFERENCE_SHAPE, filled, REFERENCE_COLOUR, dashes))
            refs += 1
            continue
        shape = SHAPES[n % len(SHAPES)]
        filled = (n // len(SHAPES)) % 2 == 0
        out.append(Marker(shape, filled, COLOURS[n % len(COLOURS)]))
        n += 1
    return out


def text(value: str, limit: int | None = None) -> str:
    """Text for an SVG text node or attribute: shortened to ``limit`` characters, bidi
    controls made visible, escaped (quotes too)."""
    if limit is not None and len(value) > limit:
        value = value[: limit - 1] + "…"
    return escape(plain_inert(value), quote=True)


def number(x: float) -> str:
    """A value for an axis or a hover text: 1,500 / 0.25 / 1.2e+09."""
    if abs(x) >= 1e15:
        return f"{x:.3g}"
    if float(x).is_integer():
        return f"{x:,.0f}"
    return f"{x:,.4g}"


def _finite(x: float | None) -> float | None:
    return x if x is not None and math.isfinite(x) else None


def _day(value: str | None) -> date | None:
    if not value:
        return None
    try:
        return date.fromisoformat(value[:10])
    except ValueError:
        return None


def nice_step(span: float, ticks: int = 5) -> float:
    """A round step (1, 2, 2.5 or 5 times a power of ten) giving about ``ticks`` ticks."""
    if span <= 0 or not math.isfinite(span):
        return 1.0
    raw = span / ticks
    power = math.pow(10.0, math.floor(math.log10(raw)))
    for m in (1, 2, 2.5, 5, 10):
        if raw <= m * power:
            return m * power
    return 10 * power


def marker_svg(m: Marker, x: float, y: float, r: float = 5.0) -> str:
    """One marker at (x, y)."""
    fill = m.colour if m.filled else "#ffffff"
    common = f'fill="{fill}" stroke="{m.colour}" stroke-width="1.6"'
    if m.shape == "circle":
        return f'<circle cx="{x:.1f}" cy="{y:.1f}" r="{r:.1f}" {common}/>'
    if m.shape == "square":
        s = r * 0.9
        return (
            f'<rect x="{x - s:.1f}" y="{y - s:.1f}" width="{2 * s:.1f}" '
            f'height="{2 * s:.1f}" {common}/>'
        )
    if m.shape == REFERENCE_SHAPE:
        return (
            f'<rect x="{x - 2 * r:.1f}" y="{y - 2.2:.1f}" width="{4 * r:.1f}" height="4.4" '
            f'fill="{fill}" stroke="{m.colour}" stroke-width="1.2"/>'
        )
    if m.shape in ("plus", "cross"):
        d = r if m.shape == "plus" else r * 0.8
        if m.shape == "plus":
            path = f"M{x - d:.1f},{y:.1f}H{x + d:.1f}M{x:.1f},{y - d:.1f}V{y + d:.1f}"
        else:
            path = (
                f"M{x - d:.1f},{y - d:.1f}L{x + d:.1f},{y + d:.1f}"
                f"M{x - d:.1f},{y + d:.1f}L{x + d:.1f},{y - d:.1f}"
            )
        width = "2.6" if m.filled else "1.4"
        return f'<path d="{path}" fill="none" stroke="{m.colour}" stroke-width="{width}"/>'
    if m.shape == "triangle":
        pts = [(x, y - r * 1.15), (x + r, y + r * 0.75), (x - r, y + r * 0.75)]
    elif m.shape == "triangle-down":
        pts = [(x, y + r * 1.15), (x + r, y - r * 0.75), (x - r, y - r * 0.75)]
    elif m.shape == "diamond":
        pts = [(x, y - r * 1.2), (x + r, y), (x, y + r * 1.2), (x - r, y)]
    else:  # star
        pts = []
        for i in range(10):
            radius = r * 1.25 if i % 2 == 0 else r * 0.55
            angle = math.pi / 2 + i * math.pi / 5
            pts.append((x + radius * math.cos(angle), y - radius * math.sin(angle)))
    points = " ".join(f"{px:.1f},{py:.1f}" for px, py in pts)
    return f'<polygon points="{points}" {common}/>'


def timeline_svg(
    series: Sequence[Series],
    *,
    title: str,
    y_label: str,
    width: int = 760,
    plot_height: int = 300,
) -> str:
    """The chart: one marker per dated point (its interval a vertical bar, an open end
    running to the edge with an arrowhead), reference series joined by a dashed line, axes
    with dates and values, a legend of the shapes; each point's hover text in its <title>.
    An empty string when no point has a date and a value."""
    marks = markers(series)
    drawn: list[tuple[int, date, Point, float | None, float | None, float | None]] = []
    for i, s in enumerate(series):
        for p in s.points:
            day = _day(p.day)
            value, low, high = _finite(p.value), _finite(p.low), _finite(p.high)
            if day is not None and (value is not None or low is not None or high is not None):
                drawn.append((i, day, p, value, low, high))
    if not drawn:
        return ""
    left, right, top = 84, 24, 34
    bottom = 62
    legend_rows = -(-len(series) // 2)
    height = top + plot_height + bottom + legend_rows * 20 + 12
    x0, x1 = left, width - right
    y0, y1 = top + plot_height, top  # y grows downwards: y0 is the bottom

    days = [d for _, d, *_ in drawn]
    first, last = min(days), max(days)
    span = (last - first).days
    pad = 1.0 if span == 0 else max(0.5, span * 0.04)
    d_lo, d_hi = first.toordinal() - pad, last.toordinal() + pad
    numbers = [v for _, _, _, *vals in drawn for v in vals if v is not None]
    v_lo, v_hi = min(0.0, *numbers), max(0.0, *numbers)
    if v_hi == v_lo:
        v_hi = v_lo + 1.0
    step = nice_step(v_hi - v_lo)
    v_lo = math.floor(v_lo / step) * step
    v_hi = math.ceil(v_hi / step) * step
    if v_hi <= max(numbers):  # headroom above the highest value for open intervals
        v_hi += step

    def sx(d: date) -> float:
        return x0 + (d.toordinal() - d_lo) / (d_hi - d_lo) * (x1 - x0)

    def sy(v: float) -> float:
        return y0 - (v - v_lo) / (v_hi - v_lo) * (y0 - y1)

    out = [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="timeline" role="img" '
        f'viewBox="0 0 {width} {height}" width="{width}" height="{height}" '
        f'aria-labelledby="timeline-title timeline-desc" font-family="system-ui, sans-serif" '
        f'font-size="12">',
        f'<title id="timeline-title">{text(title, MAX_TITLE)}</title>',
        f'<desc id="timeline-desc">{len(drawn)} values over time, one marker shape per '
        f"outlet or document; vertical bars are intervals; the table under the chart "
        f"lists the same values.</desc>",
        f'<text x="{x0}" y="{top - 14}" font-weight="600">{text(title, 90)}</text>',
    ]
    # axes, grid and ticks
    out.append('<g class="axes" stroke="#555555" fill="none">')
    out.append(f'<path d="M{x0},{y1}V{y0}H{x1}"/>')
    out.append("</g>")
    ticks = round((v_hi - v_lo) / step)
    out.append('<g class="y-ticks" text-anchor="end">')
    for k in range(ticks + 1):
        v = v_lo + k * step
        y = sy(v)
        out.append(
            f'<line x1="{x0 - 4}" y1="{y:.1f}" x2="{x1}" y2="{y:.1f}" '
            f'stroke="#e5e7eb" stroke-width="1"/>'
            f'<text x="{x0 - 7}" y="{y + 4:.1f}" fill="#333333">{text(number(v))}</text>'
        )
    out.append("</g>")
    out.append('<g class="x-ticks" text-anchor="middle">')
    total_days = max(1, round(d_hi - d_lo))
    every = max(1, math.ceil(total_days / 6))
    tick = first.toordinal() if span == 0 else math.ceil(d_lo)
    tick_days = range(tick, math.floor(d_hi) + 1, every) if span else [first.toordinal()]
    for t in tick_days:
        d = date.fromordinal(t)
        x = sx(d)
        out.append(
            f'<line x1="{x:.1f}" y1="{y0}" x2="{x:.1f}" y2="{y0 + 5}" stroke="#555555"/>'
            f'<text x="{x:.1f}" y="{y0 + 19}" fill="#333333">{d.isoformat()}</text>'
        )
    out.append("</g>")
    out.append(
        f'<text class="axis-label" x="{(x0 + x1) / 2:.1f}" y="{y0 + 40}" text-anchor="middle" '
        f'fill="#111111">date (as of)</text>'
        f'<text class="axis-label" transform="translate(16 {(y0 + y1) / 2:.1f}) rotate(-90)" '
        f'text-anchor="middle" fill="#111111">{text(y_label, 60)}</text>'
    )
    # same-day points of different series side by side
    n = max(1, len(series))
    spread = min(8.0, 40.0 / n)

    def dx(i: int) -> float:
        return (i - (n - 1) / 2) * spread

    # each series' points joined in date order (thin for outlets, dashed for references),
    # drawn under the points
    for i, s in enumerate(series):
        line = sorted(
            (sx(d) + dx(i), sy(v if v is not None else ((lo or 0) + (hi or 0)) / 2))
            for j, d, _, v, lo, hi in drawn
            if j == i and (v is not None or (lo is not None and hi is not None))
        )
        if len({x for x, _ in line}) > 1:
            path = "M" + "L".join(f"{x:.1f},{y:.1f}" for x, y in line)
            look = (
                f'stroke-width="1.5" stroke-dasharray="{marks[i].dashes}"'
                if s.reference
                else 'stroke-width="1" stroke-opacity="0.45"'
            )
            out.append(f'<path d="{path}" fill="none" stroke="{marks[i].colour}" {look}/>')
    # the points
    for i, d, p, value, low, high in drawn:
        m = marks[i]
        x = sx(d) + dx(i)
        parts = [f'<g class="point"><title>{text(p.label, MAX_TITLE)}</title>']
        if low is not None or high is not None:
            ya = sy(low) if low is not None else y0
            yb = sy(high) if high is not None else y1
            if abs(ya - yb) >= 1:
                parts.append(
                    f'<line x1="{x:.1f}" y1="{ya:.1f}" x2="{x:.1f}" y2="{yb:.1f}" '
                    f'stroke="{m.colour}" stroke-width="2"'
                    + (f' stroke-dasharray="{m.dashes}"' if m.dashes else "")
                    + "/>"
                )
                for end, y, open_end in ((low, ya, low is None), (high, yb, high is None)):
                    if open_end:  # runs on past the chart's edge: an arrowhead
                        tip = -5 if y == y1 else 5
                        parts.append(
                            f'<path d="M{x - 4:.1f},{y - tip:.1f}L{x:.1f},{y:.1f}'
                            f'L{x + 4:.1f},{y - tip:.1f}" fill="none" stroke="{m.colour}" '
                            f'stroke-width="1.6"/>'
                        )
                    elif end is not None:
                        parts.append(
                            f'<line x1="{x - 4:.1f}" y1="{y:.1f}" x2="{x + 4:.1f}" '
                            f'y2="{y:.1f}" stroke="{m.colour}" stroke-width="1.6"/>'
                        )
        at: float | None = value
        if at is None and low is not None and high is not None:
            at = (low + high) / 2
        elif at is None:
            at = low if low is not None else high
        if at is not None:
            parts.append(marker_svg(m, x, sy(at)))
        parts.append("</g>")
        out.append("".join(parts))
    # the legend, in two columns under the axis title
    out.append('<g class="legend">')
    column = (x1 - x0) / 2
    for i, s in enumerate(series):
        lx = x0 + (i % 2) * column
        ly = y0 + 56 + (i // 2) * 20
        name = ("reference: " if s.reference else "") + s.name
        sample = ""
        if marks[i].dashes:  # a reference series' line, as drawn
            sample = (
                f'<line x1="{lx - 6:.1f}" y1="{ly:.1f}" x2="{lx + 22:.1f}" y2="{ly:.1f}" '
                f'stroke="{marks[i].colour}" stroke-width="1.5" '
                f'stroke-dasharray="{marks[i].dashes}"/>'
            )
        out.append(
            f"<g>{sample}{marker_svg(marks[i], lx + 8, ly)}"
            f'<text x="{lx + 28:.1f}" y="{ly + 4:.1f}" fill="#111111">'
            f"{text(name, MAX_LABEL)}</text></g>"
        )
    out.append("</g></svg>")
    return "".join(out)
