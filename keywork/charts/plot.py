"""Server-rendered SVG charts people can read (issue 16): a y-axis with a scale and labelled
gridlines, every x-axis label inside the picture, series told apart by colour *and* dash pattern,
marker shape and a label at the line's end, a legend, and gaps where a month has no figure.

Each chart is drawn twice, wide and narrow; the stylesheet shows one (keywork.css), so its words
stay readable on a phone rather than shrunk with a wide picture. Colours and dashes are classes
in keywork.css (the Content-Security-Policy allows no inline style). The page shows the same
figures in a table beside every chart, so nothing depends on seeing it.
"""

import math
from collections.abc import Callable
from dataclasses import dataclass, replace

from django.utils.html import escape


@dataclass(frozen=True)
class Size:
    name: str
    width: int
    height: int
    font: int
    left: int
    right: int  # room for the labels at the lines' ends
    top: int
    bottom: int


WIDE = Size("wide", 720, 320, 13, 48, 100, 28, 32)
NARROW = Size("narrow", 360, 300, 12, 36, 74, 28, 30)
SIZES = (WIDE, NARROW)
# Roughly how wide a character is, as a share of the font size: enough to keep labels apart.
CHARACTER_WIDTH = 0.6
MARKER_SHAPES = ("circle", "square", "triangle", "diamond")
DASHES = ("solid", "long", "dotted", "dash-dot", "short")


@dataclass(frozen=True)
class Series:
    """A line: `colour` names a class in keywork.css (red, amber, green, blue, grey …)."""

    name: str
    colour: str
    values: list


@dataclass(frozen=True)
class Look:
    colour: str
    dash: str | None = None  # None: no line (a marker alone)
    shape: str | None = None  # None: no marker (a line alone)


# A vertical line marking a moment (keywork began, limits recalculated), as drawn by Plot.vertical.
MOMENT = Look("dark", "marker")


@dataclass(frozen=True)
class LegendItem:
    text: str
    look: Look


def nice_ticks(low: float, high: float, most: int = 5, whole: bool = True) -> list[float]:
    """Gridline values from `low` to at least `high`, a round step apart (1, 2, 2.5 or 5 × 10ⁿ)."""
    high = max(high, low + 1)
    raw = (high - low) / most
    magnitude = 10 ** math.floor(math.log10(raw))
    steps = [m * magnitude for m in (1, 2, 2.5, 5, 10)]
    if whole:
        steps = [step for step in steps if step >= 1 and float(step).is_integer()] or [1]
    step = next(step for step in steps if step >= raw)
    first, last = math.floor(low / step) * step, math.ceil(high / step) * step
    return [first + k * step for k in range(round((last - first) / step) + 1)]


def tick_label(value: float) -> str:
    return f"{value:g}"


def text_width(text: str, font: int) -> float:
    return len(text) * font * CHARACTER_WIDTH


class Plot:
    """One drawing of a chart at one size: scales, axes and the marks on them."""

    def __init__(self, size: Size, labels: list[str], scale_values, band: bool = False, y_title: str = ""):
        self.size, self.labels, self.band, self.y_title = size, labels, band, y_title
        present = [float(value) for value in scale_values if value is not None]
        whole = all(value.is_integer() for value in present)
        self.ticks = nice_ticks(min([0.0, *present]), max([0.0, *present]), whole=whole)
        self.inner_width = size.width - size.left - size.right
        self.baseline = size.height - size.bottom

    def x(self, index: float) -> float:
        count = len(self.labels)
        if self.band:
            return self.size.left + self.inner_width * (index + 0.5) / max(count, 1)
        return self.size.left + self.inner_width * index / max(count - 1, 1)

    def y(self, value: float) -> float:
        low, high = self.ticks[0], self.ticks[-1]
        return self.baseline - (float(value) - low) / (high - low) * (self.baseline - self.size.top)

    def y_axis(self) -> str:
        size = self.size
        parts = [
            f'<text class="keywork-chart__axis-title" x="0" y="{size.font}">{escape(self.y_title)}</text>'
            if self.y_title
            else ""
        ]
        for tick in self.ticks:
            y = self.y(tick)
            kind = "axis" if tick == 0 else "grid"
            parts.append(
                f'<line class="keywork-chart__{kind}" x1="{size.left}" x2="{size.width - size.right}" '
                f'y1="{y:.1f}" y2="{y:.1f}"/><text class="keywork-chart__tick" x="{size.left - 6}" '
                f'y="{y + size.font / 3:.1f}" text-anchor="end">{tick_label(tick)}</text>'
            )
        return "".join(parts)

    def x_axis(self) -> str:
        """As many month labels as fit without touching, always including the latest, each kept
        inside the picture (the first starts at its point, the last ends at it if need be)."""
        size, count = self.size, len(self.labels)
        if not count:
            return ""
        widest = max(text_width(label, size.font) for label in self.labels) + size.font
        per_point = self.inner_width / max(count - (0 if self.band else 1), 1)
        step = max(math.ceil(widest / per_point), 1)
        parts = []
        for index in sorted(range(count - 1, -1, -step)):
            x, half = self.x(index), text_width(self.labels[index], size.font) / 2
            anchor = "start" if x - half < 0 else "end" if x + half > size.width else "middle"
            parts.append(
                f'<text class="keywork-chart__tick" x="{x:.1f}" y="{size.height - 8}" '
                f'text-anchor="{anchor}">{escape(self.labels[index])}</text>'
            )
        return "".join(parts)

    def line(self, values, look: Look, titles: list[str] | None = None) -> str:
        """A line broken wherever a value is missing (a hidden or unknown month is a gap, not a
        straight line across it), with a marker at each point carrying its figure."""
        pieces, piece = [], []
        for index, value in enumerate([*values, None]):
            if value is None:
                if len(piece) > 1:
                    pieces.append(piece)
                piece = []
            else:
                piece.append(f"{self.x(index):.1f},{self.y(value):.1f}")
        parts = [
            f'<polyline class="keywork-chart__line keywork-chart--{look.colour} keywork-chart__dash--{look.dash}" '
            f'points="{" ".join(piece)}"/>'
            for piece in pieces
            if look.dash
        ]
        if look.shape:
            parts += [
                marker(look, self.x(index), self.y(value), titles[index] if titles else None)
                for index, value in enumerate(values)
                if value is not None
            ]
        return "".join(parts)

    def horizontal(self, value: float, look: Look, first: int = 0, last: int | None = None, title: str = "") -> str:
        last = len(self.labels) - 1 if last is None else last
        x1, x2 = (self.x(first - 0.5), self.x(last + 0.5)) if self.band else (self.x(first), self.x(last))
        y = self.y(value)
        return (
            f'<line class="keywork-chart__line keywork-chart--{look.colour} keywork-chart__dash--{look.dash}" '
            f'x1="{x1:.1f}" x2="{x2:.1f}" y1="{y:.1f}" y2="{y:.1f}">{_title(title)}</line>'
        )

    def vertical(self, index: float, text: str) -> str:
        x = self.x(index)
        anchor = "end" if x + text_width(text, self.size.font) > self.size.width - self.size.right else "start"
        return (
            f'<line class="keywork-chart__line keywork-chart--dark keywork-chart__dash--marker" x1="{x:.1f}" '
            f'x2="{x:.1f}" y1="{self.size.top}" '
            f'y2="{self.baseline}"/><text class="keywork-chart__tick" x="{x + (4 if anchor == "start" else -4):.1f}" '
            f'y="{self.size.top - 8}" text-anchor="{anchor}">{escape(text)}</text>'
        )

    def bar(self, index: int, value: float, colour: str, title: str) -> str:
        width = self.inner_width / max(len(self.labels), 1)
        top = self.y(value)
        return (
            f'<rect class="keywork-chart--{colour}" x="{self.x(index) - width / 2 + 1:.1f}" y="{top:.1f}" '
            f'width="{max(width - 2, 1):.1f}" height="{self.baseline - top:.1f}">{_title(title)}</rect>'
        )

    def end_labels(self, labels: list[tuple[float, str]]) -> str:
        """Labels in the right margin beside the lines' ends, moved apart so none overlap."""
        size, gap = self.size, self.size.font + 2
        placed: list[list] = sorted([self.y(value) + size.font / 3, text] for value, text in labels)
        for before, after in zip(placed, placed[1:], strict=False):
            after[0] = max(after[0], before[0] + gap)
        overflow = placed[-1][0] - (self.baseline + size.font / 3) if placed else 0
        if overflow > 0:
            for item in placed:
                item[0] -= overflow
            for after, before in zip(placed[::-1], placed[-2::-1], strict=False):
                before[0] = min(before[0], after[0] - gap)
        x = size.width - size.right + 6
        return "".join(
            f'<text class="keywork-chart__end-label" x="{x}" y="{y:.1f}">{escape(text)}</text>' for y, text in placed
        )


def marker(look: Look, x: float, y: float, title: str | None = None, radius: float = 4) -> str:
    r = radius
    shapes = {
        "circle": f'<circle cx="{x:.1f}" cy="{y:.1f}" r="{r}"',
        "square": f'<rect x="{x - r:.1f}" y="{y - r:.1f}" width="{2 * r}" height="{2 * r}"',
        "triangle": f'<path d="M{x:.1f} {y - r - 1:.1f}L{x + r + 1:.1f} {y + r:.1f}L{x - r - 1:.1f} {y + r:.1f}Z"',
        "diamond": f'<path d="M{x:.1f} {y - r - 1:.1f}L{x + r + 1:.1f} {y:.1f}'
        f'L{x:.1f} {y + r + 1:.1f}L{x - r - 1:.1f} {y:.1f}Z"',
    }
    element = shapes[look.shape].split(" ", 1)[0][1:]
    return (
        f'{shapes[look.shape]} class="keywork-chart__marker keywork-chart__marker--{look.shape} '
        f'keywork-chart--{look.colour}">{_title(title)}</{element}>'
    )


def _title(text: str | None) -> str:
    return f"<title>{escape(text)}</title>" if text else ""


def chart(
    title: str,
    chart_id: str,
    description: str,
    labels: list[str],
    scale_values,
    draw: Callable[[Plot], list[str]],
    legend: list[LegendItem],
    band: bool = False,
    y_title: str = "",
    end_labels: bool = True,
) -> str:
    """The chart at each size (the stylesheet shows one), then its legend. Without `end_labels`
    the right margin kept for them is given to the plot."""
    drawings = []
    for size in SIZES:
        size = size if end_labels else replace(size, right=16)
        plot = Plot(size, labels, scale_values, band, y_title)
        ids = f"{chart_id}-{size.name}"
        drawings.append(
            f'<svg viewBox="0 0 {size.width} {size.height}" role="img" aria-labelledby="{ids}-title {ids}-desc" '
            f'font-size="{size.font}" class="keywork-chart keywork-chart--{size.name}">'
            f'<title id="{ids}-title">{escape(title)}</title>'
            f'<desc id="{ids}-desc">{escape(description)}</desc>'
            f"{plot.y_axis()}{''.join(draw(plot))}{plot.x_axis()}</svg>"
        )
    return "".join(drawings) + legend_list(legend)


def legend_list(items: list[LegendItem]) -> str:
    """The key, as words on the page (readable at any width) beside a sample of each line or mark."""
    entries = []
    for item in items:
        look = item.look
        sample = (
            f'<line class="keywork-chart__line keywork-chart--{look.colour} keywork-chart__dash--{look.dash}" '
            f'x1="2" x2="34" y1="8" y2="8"/>'
            if look.dash
            else ""
        )
        sample += marker(look, 18, 8) if look.shape else ""
        entries.append(
            f'<li class="keywork-legend__item"><svg class="keywork-legend__sample" viewBox="0 0 36 16" '
            f'aria-hidden="true" focusable="false">{sample}</svg>{escape(item.text)}</li>'
        )
    return f'<ul class="keywork-legend" aria-label="Key">{"".join(entries)}</ul>'


def line_chart(title: str, chart_id: str, labels: list[str], series: list[Series], y_title: str = "") -> str:
    """One line per series, each with its own dash and marker as well as colour, and its name at
    its end."""
    looks = [
        Look(s.colour, DASHES[i % len(DASHES)], MARKER_SHAPES[i % len(MARKER_SHAPES)]) for i, s in enumerate(series)
    ]

    def draw(plot: Plot) -> list[str]:
        parts = [
            plot.line(
                s.values, look, [f"{s.name}, {label}: {_figure(v)}" for label, v in zip(labels, s.values, strict=True)]
            )
            for s, look in zip(series, looks, strict=True)
        ]
        ends = [(_last(s.values), s.name) for s in series if _last(s.values) is not None]
        return [*parts, plot.end_labels(ends)]

    description = f"{', '.join(s.name for s in series)}, each month from {labels[0]} to {labels[-1]}." if labels else ""
    values = [v for s in series for v in s.values]
    legend = [LegendItem(s.name, look) for s, look in zip(series, looks, strict=True)]
    return chart(title, chart_id, description, labels, values, draw, legend, y_title=y_title)


def _titles(series: Series, labels: list[str]) -> list[str]:
    return [f"{series.name}, {label}: {_figure(value)}" for label, value in zip(labels, series.values, strict=True)]


def _last(values):
    return next((value for value in reversed(values) if value is not None), None)


def _figure(value) -> str:
    return "not shown" if value is None else tick_label(float(value))
