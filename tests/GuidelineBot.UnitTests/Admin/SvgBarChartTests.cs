using System.Globalization;
using System.Xml.Linq;
using GuidelineBot.Web.Admin;

namespace GuidelineBot.UnitTests.Admin;

public sealed class SvgBarChartTests
{
    private static readonly XNamespace Svg = "http://www.w3.org/2000/svg";

    private static XElement Draw(IReadOnlyList<string> categories, params ChartSeries[] series) =>
        XElement.Parse(SvgBarChart.Stacked("c1", "Answered vs declined", categories, series));

    private static List<XElement> Segments(XElement svg) => [.. svg.Elements(Svg + "rect").Where(r => r.Element(Svg + "title") is not null)];

    private static double Attr(XElement e, string name) => double.Parse(e.Attribute(name)!.Value, CultureInfo.InvariantCulture);

    [Fact]
    public void Day_labels_are_month_and_day_and_month_and_year_once_the_labelled_days_are_a_month_apart()
    {
        var start = new DateOnly(2025, 12, 7);
        DateOnly[] Days(int count) => [.. Enumerable.Range(0, count).Select(start.AddDays)];

        Assert.Equal(["Dec 7", "Dec 8"], SvgBarChart.DayLabels(Days(2)));
        Assert.Equal("Jan 5", SvgBarChart.DayLabels(Days(90))[29]);
        // A year's chart (366 days from 2025-12-07) was labelled "Dec 7", "Feb 18", …: which year each was, it did not say.
        var year = SvgBarChart.DayLabels(Days(366));
        var labelled = year.Where((_, i) => i % SvgBarChart.LabelEvery(366) == 0).ToList();
        Assert.Equal(["Dec 2025", "Feb 2026", "May 2026", "Jul 2026", "Sep 2026"], labelled);
        Assert.Equal("Jan 5", SvgBarChart.DayLabels(Days(150))[29]);
        Assert.Equal("Jan 2026", SvgBarChart.DayLabels(Days(151))[29]);
    }

    [Fact]
    public void Is_an_accessible_image_titled_and_described_by_its_totals()
    {
        var svg = Draw(["2026-11-29", "2026-11-30"], new ChartSeries("answered", "#2b6cb0", [3, 1]), new ChartSeries("declined", "#c05621", [0, 2]));

        Assert.Equal("img", svg.Attribute("role")!.Value);
        Assert.Equal("c1-title c1-desc", svg.Attribute("aria-labelledby")!.Value);
        Assert.Equal("Answered vs declined", svg.Element(Svg + "title")!.Value);
        Assert.Equal("c1-title", svg.Element(Svg + "title")!.Attribute("id")!.Value);
        Assert.Equal("2026-11-29 to 2026-11-30: 4 answered, 2 declined.", svg.Element(Svg + "desc")!.Value);
        Assert.Equal($"0 0 {SvgBarChart.Width} {SvgBarChart.Height}", svg.Attribute("viewBox")!.Value);
    }

    [Fact]
    public void Draws_one_titled_segment_per_non_zero_value_stacked_in_series_order_with_heights_to_scale()
    {
        var svg = Draw(["d1", "d2"], new ChartSeries("answered", "#111111", [3, 1]), new ChartSeries("declined", "#222222", [0, 2]));
        var segments = Segments(svg);

        Assert.Equal(["d1: 3 answered", "d2: 1 answered", "d2: 2 declined"], segments.Select(s => s.Element(Svg + "title")!.Value));
        var max = SvgBarChart.RoundMaximum(3);
        Assert.Equal(SvgBarChart.PlotHeight * 3 / max, Attr(segments[0], "height"), 2);
        var (answered, declined) = (segments[1], segments[2]);
        Assert.Equal(Attr(answered, "y"), Attr(declined, "y") + Attr(declined, "height"), 2); // declined sits on answered
        Assert.Equal(SvgBarChart.TopMargin + SvgBarChart.PlotHeight, Attr(answered, "y") + Attr(answered, "height"), 2); // on the axis
        Assert.Equal("#222222", declined.Attribute("fill")!.Value);
        Assert.True(Attr(segments[1], "x") > Attr(segments[0], "x"));
    }

    [Fact]
    public void Text_is_encoded_so_names_cannot_inject_markup()
    {
        var svg = SvgBarChart.Stacked("c\"1", "<b>title</b>", ["<d1>"], [new ChartSeries("a&b <script>", "red\" onload=\"x", [1])]);

        var parsed = XElement.Parse(svg);
        Assert.Empty(parsed.Descendants(Svg + "script"));
        Assert.Empty(parsed.Descendants(Svg + "b"));
        Assert.Null(parsed.Descendants().Select(e => e.Attribute("onload")).FirstOrDefault(a => a is not null));
        Assert.Equal("<d1>: 1 a&b <script>", Segments(parsed).Single().Element(Svg + "title")!.Value);
    }

    [Fact]
    public void Labels_at_most_the_maximum_number_of_categories()
    {
        var days = Enumerable.Range(1, 90).Select(i => $"day {i}").ToList();
        var svg = Draw(days, new ChartSeries("questions", "#000000", [.. days.Select(_ => 1)]));

        var labels = svg.Elements(Svg + "text").Select(t => t.Value).Where(t => t.StartsWith("day ", StringComparison.Ordinal)).ToList();
        Assert.InRange(labels.Count, 2, SvgBarChart.MaxAxisLabels);
        Assert.Equal("day 1", labels[0]);
        Assert.Equal(90, Segments(svg).Count);
    }

    [Fact]
    public void Short_axis_labels_go_under_the_bars_and_the_full_names_stay_in_the_tooltips()
    {
        var svg = XElement.Parse(SvgBarChart.Stacked("c1", "Questions per day", ["2026-11-29", "2026-11-30"],
            [new ChartSeries("questions", "#000000", [1, 2])], ["Nov 29", "Nov 30"]));

        var texts = svg.Elements(Svg + "text").Select(t => t.Value).ToList();
        Assert.Contains("Nov 29", texts);
        Assert.DoesNotContain("2026-11-29", texts);
        Assert.Equal(["2026-11-29: 1 questions", "2026-11-30: 2 questions"], Segments(svg).Select(s => s.Element(Svg + "title")!.Value));
        Assert.All(svg.Elements(Svg + "text"), t => Assert.Equal(SvgBarChart.FontSize, Attr(t, "font-size")));
    }

    [Theory]
    [InlineData(1, new[] { "0", "1" })]
    [InlineData(4, new[] { "0", "5" })]
    [InlineData(7, new[] { "0", "5", "10" })]
    [InlineData(2, new[] { "0", "1", "2" })]
    public void The_axis_is_marked_in_whole_numbers(int value, string[] ticks)
    {
        var svg = Draw(["d1"], new ChartSeries("q", "#000000", [value]));

        var labels = svg.Elements(Svg + "text").Where(t => t.Attribute("text-anchor")?.Value == "end").Select(t => t.Value);
        Assert.Equal(ticks, labels);
    }

    [Theory]
    [InlineData(9_000, new[] { "0", "5000", "10k" })]
    [InlineData(45_000, new[] { "0", "25k", "50k" })]
    [InlineData(150_000, new[] { "0", "100k", "200k" })]
    [InlineData(3_000_000, new[] { "0", "2.5M", "5M" })]
    public void Large_axis_numbers_are_shortened_to_fit_the_margin(int value, string[] ticks)
    {
        var svg = Draw(["d1"], new ChartSeries("q", "#000000", [value]));

        var labels = svg.Elements(Svg + "text").Where(t => t.Attribute("text-anchor")?.Value == "end").Select(t => t.Value).ToList();
        Assert.Equal(ticks, labels);
        // About 0.6 em a character at the chart's font size: every label fits left of the axis.
        Assert.All(labels, l => Assert.True(l.Length * 0.6 * SvgBarChart.FontSize <= SvgBarChart.LeftMargin - 4, l));
    }

    [Theory]
    [InlineData(0, "0")]
    [InlineData(9_999, "9999")]
    [InlineData(10_000, "10k")]
    [InlineData(25_000, "25k")]
    [InlineData(500_000, "500k")]
    [InlineData(1_000_000, "1M")]
    [InlineData(2_500_000, "2.5M")]
    [InlineData(500_000_000, "500M")]
    [InlineData(1_000_000_000, "1G")]
    public void Tick_labels_are_at_most_four_characters(int value, string label) =>
        Assert.Equal(label, SvgBarChart.TickLabel(value));

    [Fact]
    public void Axis_labels_of_another_count_than_the_categories_are_refused() =>
        Assert.Throws<ArgumentException>(() => SvgBarChart.Stacked("c1", "t", ["d1", "d2"], [new ChartSeries("q", "#000000", [1, 2])], ["d1"]));

    [Fact]
    public void An_empty_range_draws_an_axis_and_no_bars()
    {
        var svg = Draw([], new ChartSeries("questions", "#000000", []));

        Assert.Empty(Segments(svg));
        Assert.Equal("no data: 0 questions.", svg.Element(Svg + "desc")!.Value);
    }

    [Theory]
    [InlineData(0, 1)]
    [InlineData(1, 1)]
    [InlineData(3, 5)]
    [InlineData(7, 10)]
    [InlineData(11, 20)]
    [InlineData(20, 20)]
    [InlineData(21, 50)]
    [InlineData(501, 1000)]
    public void The_axis_tops_out_at_one_two_or_five_times_a_power_of_ten(int value, int top) =>
        Assert.Equal(top, SvgBarChart.RoundMaximum(value));

    [Fact]
    public void A_series_with_the_wrong_number_of_values_is_refused() =>
        Assert.Throws<ArgumentException>(() => Draw(["d1", "d2"], new ChartSeries("questions", "#000000", [1])));
}
