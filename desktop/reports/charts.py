"""Bar charts for the report PDFs (reportlab.graphics), in the shipped fonts, readable in grey."""

from __future__ import annotations

from collections.abc import Callable

from reportlab.graphics.charts.barcharts import HorizontalBarChart, VerticalBarChart
from reportlab.graphics.charts.legends import Legend
from reportlab.graphics.shapes import Drawing, String
from reportlab.lib import colors
from reportlab.pdfbase.pdfmetrics import stringWidth

import desktop.pdf.fonts as fonts
from desktop.domain.enums import Language
from desktop.domain.formats import format_number, format_percent
from desktop.reports.layout import BarChart

#: Dark, medium and light: still told apart on a black-and-white printer.
SERIES_COLOURS = (colors.HexColor("#1f3b6e"), colors.HexColor("#6f9bd1"), colors.HexColor("#c0392b"))
LABEL_SIZE = 8
TITLE_SIZE = 10


def _nice_top(values: list[float]) -> float:
    top = max(values, default=0.0)
    if top <= 5:
        return 5.0
    magnitude = 10 ** (len(str(int(top))) - 1)
    for step in (1, 2, 2.5, 5, 10):
        if top <= step * magnitude:
            return float(step * magnitude)
    return float(top)


def _percent_label(language: Language) -> Callable[[float], str]:
    def label(value: float) -> str:
        return format_percent(value, language)

    return label


def _count_label(language: Language) -> Callable[[float], str]:
    def label(value: float) -> str:
        """Counts are written on their bars, except zero: an empty month stays quiet."""
        return "" if not value else format_number(value, language)

    return label


def _axis_label(language: Language, percent: bool) -> Callable[[float], str]:
    """Whole numbers along the value axis (zero included), with ``%`` written as the language writes it."""

    def label(value: float) -> str:
        whole = int(value)
        return format_percent(whole, language, 0) if percent else format_number(whole, language)

    return label


def _legend(chart: BarChart, x: float, y: float) -> Legend:
    legend = Legend()
    legend.x, legend.y = x, y
    legend.fontName = fonts.REGULAR
    legend.fontSize = LABEL_SIZE
    legend.alignment = "right"
    legend.dxTextSpace = 4
    legend.dx = legend.dy = 8
    legend.boxAnchor = "nw"
    legend.colorNamePairs = [(SERIES_COLOURS[i % 3], s.name) for i, s in enumerate(chart.series)]
    legend.strokeWidth = 0
    # One row: each entry placed after the previous one.
    legend.columnMaximum = 1
    legend.deltax = max(stringWidth(s.name, fonts.REGULAR, LABEL_SIZE) for s in chart.series) + 30
    return legend


def bar_chart(chart: BarChart, width: float) -> Drawing:
    """A drawing ``width`` points wide: title, legend, bars with their values written at their ends."""
    fonts.register_fonts()
    horizontal = chart.horizontal
    count = max(1, len(chart.categories))
    if horizontal:
        label_width = max(stringWidth(c, fonts.REGULAR, LABEL_SIZE) for c in chart.categories) + 10
        plot_height = count * (10 * len(chart.series) + 10)
        height = plot_height + 60
        plot = HorizontalBarChart()
        plot.x, plot.y = label_width, 20
        plot.width, plot.height = width - label_width - 45, plot_height
        plot.categoryAxis.labels.textAnchor = "end"
        plot.categoryAxis.labels.boxAnchor = "e"
        plot.categoryAxis.labels.dx = -4
        # The first category at the top, as in the table below the chart, and within a category
        # the first series on top, as in the legend.
        categories = list(reversed(chart.categories))
        data = [list(reversed([v or 0.0 for v in s.values])) for s in reversed(chart.series)]
    else:
        height = 210
        plot = VerticalBarChart()
        plot.x, plot.y = 40, 45
        plot.width, plot.height = width - 60, height - 95
        plot.categoryAxis.labels.boxAnchor = "ne" if count > 8 else "n"
        plot.categoryAxis.labels.angle = 30 if count > 8 else 0
        plot.categoryAxis.labels.dy = -2
        categories = list(chart.categories)
        data = [[v or 0.0 for v in s.values] for s in chart.series]
    # The renderer starts each drawing in this font; left unset it is Helvetica, never embedded.
    drawing = Drawing(width, height, initialFontName=fonts.REGULAR)
    plot.data = data
    plot.categoryAxis.categoryNames = categories
    for axis in (plot.categoryAxis.labels, plot.valueAxis.labels):
        axis.fontName = fonts.REGULAR
        axis.fontSize = LABEL_SIZE
    plot.valueAxis.valueMin = 0
    plot.valueAxis.valueMax = 100.0 if chart.percent else _nice_top([v for row in data for v in row])
    plot.valueAxis.valueSteps = None
    plot.valueAxis.valueStep = 20 if chart.percent else max(1.0, plot.valueAxis.valueMax / 5)
    plot.valueAxis.labelTextFormat = _axis_label(chart.language, chart.percent)
    plot.valueAxis.visibleGrid = True
    plot.valueAxis.gridStrokeColor = colors.HexColor("#dddddd")
    plot.valueAxis.gridStrokeWidth = 0.5
    plot.barSpacing = 1
    plot.groupSpacing = 6
    plot.barLabelFormat = _percent_label(chart.language) if chart.percent else _count_label(chart.language)
    plot.barLabels.fontName = fonts.REGULAR
    plot.barLabels.fontSize = LABEL_SIZE - 1
    # Written just past the end of each bar, never over it.
    plot.barLabels.boxAnchor = "w" if horizontal else "s"
    plot.barLabels.nudge = 3
    for index in range(len(chart.series)):
        colour = len(chart.series) - 1 - index if horizontal else index
        plot.bars[index].fillColor = SERIES_COLOURS[colour % 3]
        plot.bars[index].strokeColor = None
    drawing.add(plot)
    drawing.add(String(0, height - 12, chart.title, fontName=fonts.BOLD, fontSize=TITLE_SIZE))
    drawing.add(_legend(chart, 0, height - 20))
    return drawing
