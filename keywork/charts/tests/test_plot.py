"""Charts people can read: a y-axis scale with labelled gridlines, a legend, series told apart by
dash and marker as well as colour, labels at the lines' ends, every axis label inside the
picture, and a gap where a month has no figure."""

import xml.etree.ElementTree as ET

import pytest

from keywork.charts.plot import CHARACTER_WIDTH, SIZES, Series, line_chart, nice_ticks
from keywork.charts.spc import xmr
from keywork.charts.spc_chart import spc_chart

MONTHS = [
    "Jan 26",
    "Feb 26",
    "Mar 26",
    "Apr 26",
    "May 26",
    "Jun 26",
    "Jul 26",
    "Aug 26",
    "Sep 26",
    "Oct 26",
    "Nov 26",
    "Dec 26",
]


def parsed(html: str) -> ET.Element:
    return ET.fromstring(f"<root>{html}</root>")  # noqa: S314 - markup this code drew, not received


def drawing(root: ET.Element, size_name: str) -> ET.Element:
    return next(svg for svg in root.iter("svg") if f"keywork-chart--{size_name}" in svg.get("class", ""))


def texts(svg: ET.Element, css_class: str) -> list[ET.Element]:
    return [text for text in svg.iter("text") if css_class in text.get("class", "")]


def ratings_chart(**values) -> ET.Element:
    series = [Series(name.capitalize(), name, counts) for name, counts in values.items()]
    return parsed(line_chart("People by rating", "ratings", MONTHS, series, "People"))


@pytest.mark.parametrize(
    ("low", "high", "ticks"),
    [(0, 68, [0, 20, 40, 60, 80]), (0, 7, [0, 2, 4, 6, 8]), (0, 0, [0, 1]), (0, 21, [0, 5, 10, 15, 20, 25])],
)
def test_the_scale_has_round_steps_from_zero_to_above_the_highest_value(low, high, ticks):
    assert nice_ticks(low, high) == ticks


def test_a_scale_of_fractions_has_fractional_steps():
    assert nice_ticks(0, 0.9, whole=False) == pytest.approx([0, 0.2, 0.4, 0.6, 0.8, 1.0])


def test_each_drawing_has_a_labelled_gridline_for_each_step_of_the_scale():
    root = ratings_chart(red=[3, 5, 8, 12, 20, 30, 31, 29, 30, 30, 29, 29])
    for size in SIZES:
        svg = drawing(root, size.name)
        ticks = [text for text in texts(svg, "keywork-chart__tick") if text.get("text-anchor") == "end"]
        assert [text.text for text in ticks][:5] == ["0", "10", "20", "30", "40"]
        gridlines = [line for line in svg.iter("line") if "keywork-chart__grid" in line.get("class", "")]
        assert len(gridlines) == 4  # 10 to 40; 0 is the axis itself
        assert texts(svg, "keywork-chart__axis-title")[0].text == "People"


def test_every_axis_label_is_inside_the_picture_and_the_latest_month_is_labelled():
    root = ratings_chart(red=list(range(12)))
    for size in SIZES:
        svg = drawing(root, size.name)
        width = float(svg.get("viewBox").split()[2])
        labels = [text for text in texts(svg, "keywork-chart__tick") if text.get("text-anchor") != "end"]
        assert labels[-1].text == "Dec 26"
        for text in labels:
            x, extent = float(text.get("x")), len(text.text) * size.font * CHARACTER_WIDTH
            left = {"start": x, "middle": x - extent / 2, "end": x - extent}[text.get("text-anchor")]
            assert left >= 0 and left + extent <= width, text.text
        # Labels a month apart would touch: some are left out, evenly.
        assert len(labels) < len(MONTHS)


def test_series_differ_by_dash_and_marker_shape_as_well_as_colour_and_are_named_at_their_ends():
    root = ratings_chart(red=[1] * 12, amber=[2] * 12, green=[3] * 12, blue=[4] * 12)
    svg = drawing(root, "wide")
    lines = [line.get("class") for line in svg.iter("polyline")]
    dashes = {next(c for c in classes.split() if c.startswith("keywork-chart__dash--")) for classes in lines}
    assert len(dashes) == 4
    shapes = {
        next(c for c in element.get("class").split() if c.startswith("keywork-chart__marker--"))
        for element in svg.iter()
        if "keywork-chart__marker " in element.get("class", "") + " "
    }
    assert len(shapes) == 4
    assert {text.text for text in texts(svg, "keywork-chart__end-label")} == {"Red", "Amber", "Green", "Blue"}


def test_labels_at_the_ends_of_lines_that_end_together_do_not_overlap():
    svg = drawing(ratings_chart(red=[5] * 12, amber=[5] * 12, green=[6] * 12), "narrow")
    ys = sorted(float(text.get("y")) for text in texts(svg, "keywork-chart__end-label"))
    assert all(after - before >= 12 for before, after in zip(ys, ys[1:], strict=False))


def test_the_legend_names_each_series_beside_a_sample_of_its_line_and_marker():
    root = ratings_chart(red=[1] * 12, amber=[2] * 12)
    legend = root.find("ul")
    assert legend.get("aria-label") == "Key"
    items = legend.findall("li")
    assert ["".join(item.itertext()) for item in items] == ["Red", "Amber"]
    assert all(item.find("svg").get("aria-hidden") == "true" for item in items)
    assert all(item.find("svg/polyline") is None and item.find("svg/line") is not None for item in items)


def test_a_month_without_a_figure_is_a_gap_in_the_line_not_a_line_across_it():
    svg = drawing(ratings_chart(red=[1, 2, 3, None, None, 6, 7, 8, 9, None, 11, 12]), "wide")
    pieces = [line.get("points").split() for line in svg.iter("polyline")]
    assert [len(piece) for piece in pieces] == [3, 4, 2]
    markers = [element for element in svg.iter() if "keywork-chart__marker " in element.get("class", "") + " "]
    assert len(markers) == 9  # one for each month with a figure, the lone ones too


def test_each_drawing_is_an_image_named_by_its_title_and_description():
    root = ratings_chart(red=[1] * 12)
    for size in SIZES:
        svg = drawing(root, size.name)
        assert svg.get("role") == "img"
        title_id, desc_id = svg.get("aria-labelledby").split()
        assert svg.find("title").get("id") == title_id and svg.find("title").text == "People by rating"
        assert svg.find("desc").get("id") == desc_id and "Jan 26 to Dec 26" in svg.find("desc").text


def test_the_spc_chart_draws_each_segments_limits_and_marks_special_cause_by_shape_and_words():
    values = [20, 22, 21, 23, 22, 21, 20, 22, 5, 6, 4, 5, 6, 5, 4, 6]
    labels = [f"M{index}" for index in range(16)]
    chart = xmr(values, recalculate_from=8, improvement="lower", target=10)
    svg = drawing(parsed(spc_chart("In hospital", "spc", labels, chart, "People")), "wide")
    means = [line for line in svg.iter("line") if (line.findtext("title") or "").startswith("Mean")]
    assert [line.findtext("title") for line in means] == ["Mean 21.4", "Mean 5.1"]
    assert float(means[0].get("x2")) < float(means[1].get("x1"))  # separate segments
    assert "Limits recalculated" in [text.text for text in svg.iter("text")]
    assert {text.text for text in texts(svg, "keywork-chart__end-label")} == {
        "Mean 5.1",
        "Upper 8.5",
        "Lower 1.7",
        "Target 10",
    }
    # Every point common cause within its own segment: grey circles, said so in words.
    markers = [element for element in svg.iter() if "keywork-chart__marker " in element.get("class", "") + " "]
    assert len(markers) == 16 and all("Common cause variation" in element.findtext("title") for element in markers)


def test_a_special_cause_point_is_a_different_shape_and_named_in_its_title():
    chart = xmr([20, 22, 21, 23, 22, 45], improvement="lower")
    svg = drawing(parsed(spc_chart("In hospital", "spc", MONTHS[:6], chart)), "narrow")
    concerning = [element for element in svg.iter() if "keywork-chart__marker--square" in element.get("class", "")]
    assert [element.findtext("title") for element in concerning] == ["Jun 26: 45. Special cause variation: concerning"]
