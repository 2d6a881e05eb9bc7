using System.Text.RegularExpressions;

namespace GuidelineBot.Core.Knowledge;

/// <summary>
/// A whole web page saved as a document ("&lt;!DOCTYPE html&gt;", its <c>&lt;head&gt;</c> with styles and scripts, the site's
/// navigation, a sidebar, the article, the site's footer): only the article is guideline text. What is not is blanked
/// line for line, so every line keeps its number, and the page's markup is then read as a Markdown page's HTML is.
/// </summary>
internal static partial class HtmlPage
{
    /// <summary>Elements that hold no content, with their content: the head, scripts, styles, forms, navigation, sidebars, footers.</summary>
    private static readonly string[] Chrome = ["head", "script", "style", "noscript", "template", "nav", "aside", "form", "footer", "iframe"];

    /// <summary>A page: it opens with a doctype or an <c>&lt;html&gt;</c> tag.</summary>
    public static bool IsPage(IReadOnlyList<string> lines) =>
        lines.FirstOrDefault(l => !string.IsNullOrWhiteSpace(l)) is { } first && PageStartRegex().IsMatch(first);

    /// <summary>
    /// The page's lines with only its content left: what its <c>&lt;main&gt;</c> (else its <c>&lt;article&gt;</c>, else its
    /// <c>&lt;body&gt;</c>) holds, less comments and the <see cref="Chrome"/> elements; every line starts at the margin, as
    /// indentation means nothing in HTML (and would make Markdown's code blocks).
    /// </summary>
    public static List<string> Content(IReadOnlyList<string> lines)
    {
        var page = string.Join('\n', lines);
        var text = page.ToCharArray();
        var (start, end) = Element(page, "main") ?? Element(page, "article") ?? Element(page, "body") ?? (0, page.Length);
        Blank(text, 0, start);
        Blank(text, end, text.Length);
        BlankAll(text, page, start, end, "<!--", "-->");
        foreach (var tag in Chrome)
        {
            BlankAll(text, page, start, end, "<" + tag, "</" + tag + ">");
        }

        return [.. new string(text).Split('\n').Select(l => l.TrimStart())];
    }

    /// <summary>The page's <c>&lt;title&gt;</c>, less the site's name after a bar or a dash ("Visitor Check-In | Cedar Valley School District").</summary>
    public static string? Title(IReadOnlyList<string> lines) =>
        TitleRegex().Match(string.Join('\n', lines)) is { Success: true } title
        && System.Net.WebUtility.HtmlDecode(title.Groups["text"].Value).Split(['|', '–', '—']).First().Trim() is { Length: > 0 } text
            ? text
            : null;

    /// <summary>Where the content of the first <paramref name="tag"/> element starts and where its last closing tag ends it; null for none.</summary>
    private static (int Start, int End)? Element(string page, string tag)
    {
        var open = OpeningTag(page, "<" + tag, 0);
        var close = page.LastIndexOf("</" + tag, StringComparison.OrdinalIgnoreCase);
        if (open < 0 || close < open)
        {
            return null;
        }

        var content = page.IndexOf('>', open);
        return content < 0 || content > close ? null : (content + 1, close);
    }

    /// <summary>Blanks every <paramref name="opener"/> … <paramref name="closer"/> between <paramref name="from"/> and <paramref name="to"/>; one left open runs to <paramref name="to"/>.</summary>
    private static void BlankAll(char[] text, string page, int from, int to, string opener, string closer)
    {
        for (var at = OpeningTag(page, opener, from); at >= 0 && at < to; at = OpeningTag(page, opener, at + 1))
        {
            var close = page.IndexOf(closer, at, StringComparison.OrdinalIgnoreCase);
            var end = close < 0 ? to : Math.Min(to, close + closer.Length);
            Blank(text, at, end);
            if (end >= to)
            {
                return;
            }

            at = end - 1;
        }
    }

    /// <summary>The next <paramref name="opener"/> at or after <paramref name="from"/> that is the whole tag name ("&lt;nav" but not "&lt;navbar"); -1 for none.</summary>
    private static int OpeningTag(string page, string opener, int from)
    {
        for (var at = page.IndexOf(opener, from, StringComparison.OrdinalIgnoreCase); at >= 0; at = page.IndexOf(opener, at + 1, StringComparison.OrdinalIgnoreCase))
        {
            var after = at + opener.Length;
            if (opener[1] == '!' || after >= page.Length || !char.IsAsciiLetterOrDigit(page[after]) && page[after] != '-')
            {
                return at;
            }
        }

        return -1;
    }

    /// <summary>Spaces over <paramref name="text"/> from <paramref name="from"/> to <paramref name="to"/>, its line breaks kept.</summary>
    internal static void Blank(char[] text, int from, int to)
    {
        for (var i = from; i < to; i++)
        {
            if (text[i] != '\n')
            {
                text[i] = ' ';
            }
        }
    }

    [GeneratedRegex(@"^\s*(?:<!DOCTYPE\s+html\b|<html\b)", RegexOptions.IgnoreCase)]
    private static partial Regex PageStartRegex();

    [GeneratedRegex(@"<title\b[^>]*>(?<text>[^<]*)</title\s*>", RegexOptions.IgnoreCase)]
    private static partial Regex TitleRegex();
}
