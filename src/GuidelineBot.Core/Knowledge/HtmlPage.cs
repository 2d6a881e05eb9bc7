using System.Text.RegularExpressions;

namespace GuidelineBot.Core.Knowledge;

/// <summary>
/// A whole web page saved as a document ("&lt;!DOCTYPE html&gt;", its <c>&lt;head&gt;</c> with styles and scripts, the site's
/// navigation, a sidebar, the article, the site's footer): only the article is guideline text. What is not is blanked
/// line for line, so every line keeps its number, and the page's markup is then read as a Markdown page's HTML is.
/// </summary>
internal static partial class HtmlPage
{
    /// <summary>A page: it opens with a doctype or an <c>&lt;html&gt;</c> tag.</summary>
    public static bool IsPage(IReadOnlyList<string> lines) =>
        lines.FirstOrDefault(l => !string.IsNullOrWhiteSpace(l)) is { } first && PageStartRegex().IsMatch(first);

    /// <summary>
    /// The page's lines with only its content left: what its <c>&lt;main&gt;</c> (else its <c>&lt;article&gt;</c>, else its
    /// <c>&lt;body&gt;</c>) holds, less scripts, styles, navigation, sidebars, forms and footers.
    /// </summary>
    public static List<string> Content(IReadOnlyList<string> lines)
    {
        var text = string.Join('\n', lines).ToCharArray();
        var page = new string(text);
        var content = new[] { MainRegex(), ArticleRegex(), BodyRegex() }.Select(r => r.Match(page)).FirstOrDefault(m => m.Success)?.Groups["content"];
        var (start, end) = content is null ? (0, page.Length) : (content.Index, content.Index + content.Length);
        Blank(text, 0, start);
        Blank(text, end, text.Length);
        foreach (Match chrome in ChromeRegex().Matches(page, start))
        {
            if (chrome.Index < end)
            {
                Blank(text, chrome.Index, Math.Min(end, chrome.Index + chrome.Length));
            }
        }

        return [.. new string(text).Split('\n')];
    }

    /// <summary>The page's <c>&lt;title&gt;</c>, less the site's name after a bar or a dash ("Visitor Check-In | Cedar Valley School District").</summary>
    public static string? Title(IReadOnlyList<string> lines) =>
        TitleRegex().Match(string.Join('\n', lines)) is { Success: true } title
        && System.Net.WebUtility.HtmlDecode(title.Groups["text"].Value).Split(['|', '–', '—']).First().Trim() is { Length: > 0 } text
            ? text
            : null;

    /// <summary>Spaces over <paramref name="text"/> from <paramref name="from"/> to <paramref name="to"/>, its line breaks kept.</summary>
    private static void Blank(char[] text, int from, int to)
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

    /// <summary>The page's content: its main element's, else its articles', else its body's.</summary>
    [GeneratedRegex(@"<main\b[^>]*>(?<content>.*)</main\s*>", RegexOptions.IgnoreCase | RegexOptions.Singleline)]
    private static partial Regex MainRegex();

    [GeneratedRegex(@"<article\b[^>]*>(?<content>.*)</article\s*>", RegexOptions.IgnoreCase | RegexOptions.Singleline)]
    private static partial Regex ArticleRegex();

    [GeneratedRegex(@"<body\b[^>]*>(?<content>.*?)(?:</body\s*>|$)", RegexOptions.IgnoreCase | RegexOptions.Singleline)]
    private static partial Regex BodyRegex();

    /// <summary>What is no content: a head, a script, a style, a form, navigation, a sidebar, a site's header or footer, a comment.</summary>
    [GeneratedRegex(@"<(?<tag>head|script|style|noscript|template|nav|aside|form|footer|iframe)\b.*?</\k<tag>\s*>|<header\b[^>]*\bsite-header\b.*?</header\s*>|<!--.*?-->",
        RegexOptions.IgnoreCase | RegexOptions.Singleline)]
    private static partial Regex ChromeRegex();

    [GeneratedRegex(@"<title\b[^>]*>(?<text>[^<]*)</title\s*>", RegexOptions.IgnoreCase)]
    private static partial Regex TitleRegex();
}
