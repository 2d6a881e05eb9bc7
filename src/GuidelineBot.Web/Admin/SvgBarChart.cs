using System.Globalization;
using System.Net;
using System.Text;

namespace GuidelineBot.Web.Admin;

/// <summary>One stacked part of every bar: a name for the legend and the tooltips, a colour, one value per category.</summary>
public sealed record ChartSeries(string Name, string Color, IReadOnlyList<int> Values);

/// <summary>
/// Draws a stacked bar chart as SVG markup on the server (no script, no CDN): one bar per category (day), one segment per
/// series, a y axis from 0 to a round maximum, a legend, and for screen readers a <c>&lt;title&gt;</c> and a
/// <c>&lt;desc&gt;</c> with the totals (the SVG is <c>role="img"</c>) plus a <c>&lt;title&gt;</c> tooltip on every segment.
/// All text is XML-encoded. It scales to its container's width (<c>viewBox</c>); the drawing is about as wide as a chart
/// is on the page (one of three across the dashboard, or a phone's width), so its 12-unit text shows at about 12 px.
/// </summary>
public static class SvgBarChart
{
    public const int Width = 360;
    public const int Height = 200;
    public const int LeftMargin = 34;
    public const int RightMargin = 6;
    public const int TopMargin = 26;
    public const int BottomMargin = 22;

    /// <summary>Size of every text (axis, legend), in drawing units.</summary>
    public const int FontSize = 12;

    /// <summary>At most this many category labels under the axis (every n-th category when there are more).</summary>
    public const int MaxAxisLabels = 5;

    /// <summary>Share of a category's slot the bar fills (the rest is the gap).</summary>
    public const double BarFill = 0.8;

    public static double PlotHeight => Height - TopMargin - BottomMargin;

    public static double PlotWidth => Width - LeftMargin - RightMargin;

    /// <param name="id">Unique on the page: prefixes the ids the aria attributes point at.</param>
    /// <param name="categories">One name per bar (e.g. "2026-11-30"), for the tooltips and the description.</param>
    /// <param name="axisLabels">One short label per bar under the axis (e.g. "Nov 30"); the categories when null.</param>
    public static string Stacked(string id, string title, IReadOnlyList<string> categories, IReadOnlyList<ChartSeries> series,
        IReadOnlyList<string>? axisLabels = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(id);
        ArgumentNullException.ThrowIfNull(categories);
        ArgumentNullException.ThrowIfNull(series);
        if (series.Any(s => s.Values.Count != categories.Count))
        {
            throw new ArgumentException("Every series needs one value per category.", nameof(series));
        }

        axisLabels ??= categories;
        if (axisLabels.Count != categories.Count)
        {
            throw new ArgumentException("Every category needs one axis label.", nameof(axisLabels));
        }

        var totals = categories.Select((_, i) => series.Sum(s => Math.Max(0, s.Values[i]))).ToList();
        var max = RoundMaximum(totals.Count == 0 ? 0 : totals.Max());
        var sb = new StringBuilder();
        sb.Append(CultureInfo.InvariantCulture,
            $"<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {Width} {Height}\" role=\"img\" class=\"chart\" aria-labelledby=\"{Encode(id)}-title {Encode(id)}-desc\">");
        sb.Append(CultureInfo.InvariantCulture, $"<title id=\"{Encode(id)}-title\">{Encode(title)}</title>");
        sb.Append(CultureInfo.InvariantCulture, $"<desc id=\"{Encode(id)}-desc\">{Encode(Describe(categories, series))}</desc>");
        AppendAxis(sb, max);
        AppendLegend(sb, series);

        var slot = categories.Count == 0 ? PlotWidth : PlotWidth / categories.Count;
        var labelEvery = LabelEvery(categories.Count);
        for (var i = 0; i < categories.Count; i++)
        {
            var x = LeftMargin + (i * slot) + (slot * (1 - BarFill) / 2);
            var y = (double)(TopMargin + PlotHeight);
            foreach (var s in series)
            {
                var value = Math.Max(0, s.Values[i]);
                if (value == 0)
                {
                    continue;
                }

                var height = PlotHeight * value / max;
                y -= height;
                sb.Append(CultureInfo.InvariantCulture,
                    $"<rect x=\"{N(x)}\" y=\"{N(y)}\" width=\"{N(slot * BarFill)}\" height=\"{N(height)}\" fill=\"{Encode(s.Color)}\"><title>{Encode($"{categories[i]}: {value} {s.Name}")}</title></rect>");
            }

            if (i % labelEvery == 0)
            {
                sb.Append(CultureInfo.InvariantCulture,
                    $"<text x=\"{N(LeftMargin + (i * slot) + (slot / 2))}\" y=\"{Height - 6}\" text-anchor=\"middle\" font-size=\"{FontSize}\">{Encode(axisLabels[i])}</text>");
            }
        }

        sb.Append("</svg>");
        return sb.ToString();
    }

    /// <summary>Every how many categories one is labelled under the axis, for <paramref name="count"/> categories.</summary>
    public static int LabelEvery(int count) => Math.Max(1, (int)Math.Ceiling(count / (double)MaxAxisLabels));

    /// <summary>
    /// Axis labels for a run of days: "Nov 30"; when the labelled days are a month or more apart (a range of more than 150
    /// days, which may cross a new year), the month and year instead ("Nov 2026"): a year's chart labelled "Dec 7", "Feb
    /// 18", … did not say which year each was.
    /// </summary>
    public static IReadOnlyList<string> DayLabels(IReadOnlyList<DateOnly> days)
    {
        ArgumentNullException.ThrowIfNull(days);
        var format = LabelEvery(days.Count) >= 31 ? "MMM yyyy" : "MMM d";
        return [.. days.Select(d => d.ToString(format, CultureInfo.InvariantCulture))];
    }

    /// <summary>The top of the y axis: the maximum rounded up to 1, 2 or 5 times a power of ten (at least 1).</summary>
    public static int RoundMaximum(int value)
    {
        if (value <= 1)
        {
            return 1;
        }

        var power = (int)Math.Pow(10, Math.Floor(Math.Log10(value)));
        foreach (var step in new[] { 1, 2, 5, 10 })
        {
            if (step * power >= value)
            {
                return step * power;
            }
        }

        return 10 * power;
    }

    /// <summary>What a screen reader says: the range and each series' total.</summary>
    public static string Describe(IReadOnlyList<string> categories, IReadOnlyList<ChartSeries> series)
    {
        ArgumentNullException.ThrowIfNull(categories);
        ArgumentNullException.ThrowIfNull(series);
        var range = categories.Count == 0 ? "no data" : categories.Count == 1 ? categories[0] : $"{categories[0]} to {categories[^1]}";
        return $"{range}: " + string.Join(", ", series.Select(s => $"{s.Values.Sum()} {s.Name}")) + ".";
    }

    /// <summary>Grid lines at 0, the top, and half-way when that is a whole number (counts have no halves).</summary>
    private static void AppendAxis(StringBuilder sb, int max)
    {
        foreach (var tick in max % 2 == 0 ? new[] { 0, max / 2, max } : [0, max])
        {
            var y = TopMargin + PlotHeight - (PlotHeight * tick / max);
            sb.Append(CultureInfo.InvariantCulture,
                $"<line x1=\"{LeftMargin}\" x2=\"{Width - RightMargin}\" y1=\"{N(y)}\" y2=\"{N(y)}\" stroke=\"#c8ccd2\" stroke-width=\"1\"/>");
            sb.Append(CultureInfo.InvariantCulture,
                $"<text x=\"{LeftMargin - 4}\" y=\"{N(y + 4)}\" text-anchor=\"end\" font-size=\"{FontSize}\">{TickLabel(tick)}</text>");
        }
    }

    /// <summary>
    /// A y-axis number in at most four characters, so that it fits the left margin: as it is below 10,000, else in
    /// thousands ("25k"), millions ("1M") or billions ("1G"). The axis' ticks are 1, 2, 2.5 or 5 times a power of ten,
    /// so nothing is lost but trailing zeros (a half-way tick such as 25,000 is "25k"; 2,500,000 is "2.5M").
    /// </summary>
    public static string TickLabel(int value) => value switch
    {
        < 10_000 => value.ToString(CultureInfo.InvariantCulture),
        < 1_000_000 => N(value / 1_000.0) + "k",
        < 1_000_000_000 => N(value / 1_000_000.0) + "M",
        _ => N(value / 1_000_000_000.0) + "G",
    };

    private static void AppendLegend(StringBuilder sb, IReadOnlyList<ChartSeries> series)
    {
        var x = (double)LeftMargin;
        foreach (var s in series)
        {
            sb.Append(CultureInfo.InvariantCulture, $"<rect x=\"{N(x)}\" y=\"5\" width=\"{FontSize}\" height=\"{FontSize}\" fill=\"{Encode(s.Color)}\"/>");
            sb.Append(CultureInfo.InvariantCulture, $"<text x=\"{N(x + FontSize + 3)}\" y=\"15\" font-size=\"{FontSize}\">{Encode(s.Name)}</text>");
            x += FontSize + 3 + (0.6 * FontSize * s.Name.Length) + 14;
        }
    }

    private static string N(double value) => value.ToString("0.##", CultureInfo.InvariantCulture);

    private static string Encode(string text) => WebUtility.HtmlEncode(text);
}
