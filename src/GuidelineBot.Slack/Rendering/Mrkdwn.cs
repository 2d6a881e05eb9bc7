using System.Text;

namespace GuidelineBot.Slack.Rendering;

/// <summary>Slack's text rules: mrkdwn escaping and the Block Kit length limits.</summary>
public static class Mrkdwn
{
    public const int MaxSectionText = 3000;
    public const int MaxBlocks = 50;
    public const int MaxButtonText = 75;
    public const int MaxButtonValue = 2000;
    public const int MaxHeaderText = 150;

    /// <summary>Slack wants exactly these three characters escaped in mrkdwn and nothing else.</summary>
    public static string Escape(string text)
    {
        if (text.AsSpan().IndexOfAny('&', '<', '>') < 0)
        {
            return text;
        }

        var sb = new StringBuilder(text.Length + 16);
        foreach (var c in text)
        {
            sb.Append(c switch
            {
                '&' => "&amp;",
                '<' => "&lt;",
                '>' => "&gt;",
                _ => c.ToString(),
            });
        }

        return sb.ToString();
    }

    /// <summary>Reverses <see cref="Escape"/> (Slack sends message text escaped the same way).</summary>
    public static string Unescape(string text) =>
        text.Replace("&lt;", "<", StringComparison.Ordinal)
            .Replace("&gt;", ">", StringComparison.Ordinal)
            .Replace("&amp;", "&", StringComparison.Ordinal);

    /// <summary>Shortens plain text to <paramref name="max"/> characters, ending with an ellipsis when cut.</summary>
    public static string Truncate(string text, int max)
    {
        if (text.Length <= max)
        {
            return text;
        }

        var cut = max - 1;
        if (cut > 0 && char.IsHighSurrogate(text[cut - 1]))
        {
            cut--;
        }

        return text[..cut] + "…";
    }

    /// <summary>
    /// Shortens already-escaped mrkdwn to <paramref name="max"/> characters like <see cref="Truncate"/>, but never inside
    /// an <c>&amp;…;</c> entity or a <c>&lt;url|text&gt;</c> link or mention: a cut there would leave Slack an unclosed
    /// link (or a broken entity), so the cut moves before it.
    /// </summary>
    public static string TruncateEscaped(string mrkdwn, int max)
    {
        if (mrkdwn.Length <= max)
        {
            return mrkdwn;
        }

        var cut = Math.Max(0, max - 1);
        var open = cut > 0 ? mrkdwn.LastIndexOf('<', cut - 1) : -1;
        if (open >= 0 && mrkdwn.LastIndexOf('>', cut - 1) < open)
        {
            cut = open;
        }

        return mrkdwn[..OutOfEntity(mrkdwn, cut)] + "…";
    }

    /// <summary>
    /// Splits already-escaped mrkdwn into chunks of at most <paramref name="max"/> characters, preferring paragraph
    /// breaks, then line breaks, then spaces; never inside an <c>&amp;…;</c> entity or a surrogate pair.
    /// </summary>
    public static IReadOnlyList<string> Split(string text, int max = MaxSectionText)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(max, 16);
        var chunks = new List<string>();
        var rest = text.Trim();
        while (rest.Length > max)
        {
            var cut = BestCut(rest, max);
            var chunk = rest[..cut].TrimEnd();
            if (chunk.Length > 0)
            {
                chunks.Add(chunk);
            }

            rest = rest[cut..].TrimStart();
        }

        if (rest.Length > 0)
        {
            chunks.Add(rest);
        }

        return chunks;
    }

    private static int BestCut(string text, int max)
    {
        var window = text.AsSpan(0, max + 1);
        foreach (var separator in new[] { "\n\n", "\n", " " })
        {
            var at = window.LastIndexOf(separator.AsSpan(), StringComparison.Ordinal);
            if (at > max / 3)
            {
                return at;
            }
        }

        // One long word: hard cut.
        return OutOfEntity(text, max);
    }

    /// <summary>A cut before <paramref name="cut"/>, stepped back out of an <c>&amp;…;</c> entity or a surrogate pair.</summary>
    private static int OutOfEntity(string text, int cut)
    {
        if (cut <= 0)
        {
            return 0;
        }

        var amp = text.LastIndexOf('&', cut - 1, Math.Min(cut, 6));
        if (amp >= 0 && text.IndexOf(';', amp) >= cut)
        {
            cut = amp;
        }

        return cut < text.Length && char.IsLowSurrogate(text[cut]) ? cut - 1 : cut;
    }
}
