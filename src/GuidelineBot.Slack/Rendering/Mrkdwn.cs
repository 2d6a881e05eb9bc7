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

    /// <summary>The longest entity <see cref="Escape"/> writes: <c>&amp;amp;</c>.</summary>
    private const int MaxEntityLength = 5;

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
    /// breaks, then line breaks, then spaces; never inside an <c>&amp;…;</c> entity or a surrogate pair. At most
    /// <paramref name="maxChunks"/> chunks (a message holds no more blocks than <see cref="MaxBlocks"/>): the text after
    /// them is left out, and nothing of it is read, so a very long text costs no more than what is kept.
    /// </summary>
    public static IReadOnlyList<string> Split(string text, int max = MaxSectionText, int maxChunks = MaxBlocks)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(max, 16);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxChunks);
        var chunks = new List<string>();
        var span = text.AsSpan().Trim();
        while (span.Length > max && chunks.Count < maxChunks)
        {
            var cut = BestCut(span, max);
            var chunk = span[..cut].TrimEnd();
            if (chunk.Length > 0)
            {
                chunks.Add(chunk.ToString());
            }

            span = span[cut..].TrimStart();
        }

        if (span.Length > 0 && chunks.Count < maxChunks)
        {
            chunks.Add(span.ToString());
        }

        return chunks;
    }

    private static int BestCut(ReadOnlySpan<char> text, int max)
    {
        var window = text[..(max + 1)];
        foreach (var separator in (ReadOnlySpan<string>)["\n\n", "\n", " "])
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
    private static int OutOfEntity(ReadOnlySpan<char> text, int cut)
    {
        if (cut <= 0)
        {
            return 0;
        }

        // Escaped mrkdwn's only entities are &amp; &lt; &gt;: an '&' up to six characters back, and its ';' within the
        // entity's reach (not searched for through the rest of a long text).
        var from = Math.Max(0, cut - (MaxEntityLength + 1));
        if (text[from..cut].LastIndexOf('&') is var back and >= 0)
        {
            var amp = from + back;
            var semicolon = text[amp..Math.Min(text.Length, amp + MaxEntityLength)].IndexOf(';');
            if (semicolon >= 0 && amp + semicolon >= cut)
            {
                cut = amp;
            }
        }

        return cut < text.Length && char.IsLowSurrogate(text[cut]) ? cut - 1 : cut;
    }
}
