using System.Text.RegularExpressions;

namespace GuidelineBot.Core.Knowledge;

/// <summary>
/// A web page saved as text by a browser or a text browser (Firefox's "Text Files", <c>lynx -dump</c>): its links are
/// numbered marks after their words ("Board Policy 4161.1[14]") with the addresses listed at the end under "References"
/// ("Visible links:", "1. https://…"); the marks go and the list is no text. Where the page's breadcrumb ends on the
/// title under it ("Human Resources > Leaves of Absence > Jury Duty and Court Leave" over "Jury Duty and Court Leave"),
/// everything above the breadcrumb is the site's header (skip link, site name, search, menu) and goes with it.
/// </summary>
internal static partial class SavedWebPage
{
    /// <summary>A list of links holds at least this many addresses.</summary>
    private const int MinLinks = 3;

    /// <summary>A line of a site's header is short (a link, a name, a search box).</summary>
    private const int MaxHeaderLineWords = 8;

    /// <summary>The breadcrumb stands among the first this many lines of text.</summary>
    private const int MaxHeaderLines = 40;

    public static IReadOnlyList<string> WithoutLinksAndHeader(IReadOnlyList<string> lines, int from)
    {
        string[]? result = null;
        var references = Enumerable.Range(from, lines.Count - from).LastOrDefault(k => ReferencesRegex().IsMatch(lines[k]), -1);
        if (references >= 0 && lines.Skip(references + 1).Any(l => LinkListLabelRegex().IsMatch(l)) && lines.Skip(references + 1).Count(l => LinkEntryRegex().IsMatch(l)) >= MinLinks
            && lines.Skip(references + 1).All(l => string.IsNullOrWhiteSpace(l) || LinkEntryRegex().IsMatch(l) || LinkListLabelRegex().IsMatch(l)))
        {
            result = [.. lines];
            for (var k = references; k < result.Length; k++)
            {
                result[k] = "";
            }

            for (var k = from; k < references; k++)
            {
                if (result[k].Contains('[', StringComparison.Ordinal))
                {
                    result[k] = LinkMarkRegex().Replace(result[k], "");
                }
            }
        }

        var text = result ?? lines;
        var top = Enumerable.Range(from, text.Count - from).Where(k => !string.IsNullOrWhiteSpace(text[k])).Take(MaxHeaderLines).ToArray();
        for (var n = 0; n + 1 < top.Length; n++)
        {
            // (Three parts or more, under short lines only: a site's header, not a guide's "Settings > Printers".)
            if (BreadcrumbRegex().Match(text[top[n]]) is { Success: true } crumbs
                && string.Equals(crumbs.Groups["last"].Value.Trim(), text[top[n + 1]].Trim(), StringComparison.OrdinalIgnoreCase)
                && top.Take(n).All(k => PlainTextParser.WordCount(text[k]) <= MaxHeaderLineWords))
            {
                result ??= [.. lines];
                for (var k = from; k <= top[n]; k++)
                {
                    result[k] = "";
                }

                break;
            }
        }

        return result ?? lines;
    }

    /// <summary>
    /// A help centre's article saved from the browser (Zendesk's), known by its "Was this article helpful?": the site's
    /// lines around the article go ("Submit a request", "Sign in", "See more", "3 out of 5 found this helpful", "Follow",
    /// "Article is closed for comments.", …), and so do its lists of other articles ("Articles in this section", "Related
    /// articles", "Recently viewed articles") and its own contents ("In this article:"). Its title is the line over its
    /// author's block ("Renee Castillo's Avatar", "Updated 3 months ago"); what stands above the title goes. An accordion's
    /// "+" or "−" after a question is no word of it.
    /// </summary>
    public static IReadOnlyList<string> WithoutHelpCentrePage(IReadOnlyList<string> lines, int from)
    {
        // (A help centre's export of many articles, each under "Article: …", is read by PlainTextParser's own pass.)
        // (Its question and the site's count of answers to it, both: an ordinary document may ask the question in passing.)
        if (!lines.Skip(from).Any(l => HelpfulRegex().IsMatch(l)) || !lines.Skip(from).Any(l => HelpfulCountRegex().IsMatch(l))
            || lines.Skip(from).Any(l => l.TrimStart().StartsWith("Article:", StringComparison.Ordinal)))
        {
            return lines;
        }

        var result = lines.ToArray();
        var author = -1;
        for (var k = from; k < result.Length; k++)
        {
            if (ArticleListRegex().IsMatch(result[k]))
            {
                // The list's header, the blank lines after it and its items.
                result[k] = "";
                var j = k + 1;
                while (j < result.Length && string.IsNullOrWhiteSpace(result[j]))
                {
                    j++;
                }

                for (; j < result.Length && ListItemRegex().IsMatch(result[j]); j++)
                {
                    result[j] = "";
                }
            }
            else if (AuthorBlockRegex().IsMatch(result[k]))
            {
                author = author < 0 ? k : author;
                result[k] = "";
            }
            else if (SiteLineRegex().IsMatch(result[k]) || HelpfulRegex().IsMatch(result[k]))
            {
                result[k] = "";
            }
            else if (AccordionMarkRegex().Match(result[k]) is { Success: true } mark)
            {
                result[k] = result[k][..mark.Index];
            }
        }

        // The title: the last line with text above the author's block; the site's lines above it go.
        var title = author < 0 ? -1 : Enumerable.Range(from, author - from).LastOrDefault(k => !string.IsNullOrWhiteSpace(result[k]), -1);
        for (var k = from; k < title; k++)
        {
            result[k] = "";
        }

        // The author's name, alone on the line after the avatar.
        if (author >= 0 && author + 1 < result.Length && PlainTextParser.WordCount(result[author + 1]) <= MaxNameWords && !result[author + 1].Trim().EndsWith('.'))
        {
            result[author + 1] = "";
        }

        return result;
    }

    /// <summary>
    /// A page's accordion of questions copied out of the browser: each question under the accordion's sign ("+ Who decides
    /// which accommodations a student gets?"), its answer in paragraphs under it. Three or more such questions, and the
    /// sign goes, so each question stands alone over its answer as an FAQ's do; the accordion's own lines ("Expand all |
    /// Collapse all", "Back to top") go, and so does the page's end from its "Was this page helpful?" on (its answers and the site's footer).
    /// </summary>
    public static IReadOnlyList<string> WithoutAccordion(IReadOnlyList<string> lines, int from)
    {
        var questions = Enumerable.Range(from, lines.Count - from).Where(k => AccordionQuestionRegex().IsMatch(lines[k])).ToArray();
        if (questions.Length < MinAccordionQuestions)
        {
            return lines;
        }

        var result = lines.ToArray();
        var lastQuestion = questions[^1];
        for (var k = from; k < result.Length; k++)
        {
            if (AccordionQuestionRegex().Match(result[k]) is { Success: true } question)
            {
                result[k] = question.Groups["question"].Value;
            }
            else if (AccordionLineRegex().IsMatch(result[k]))
            {
                result[k] = "";
            }
            else if (k > lastQuestion && PageHelpfulRegex().IsMatch(result[k]))
            {
                for (var j = k; j < result.Length; j++)
                {
                    result[j] = "";
                }
            }
        }

        return result;
    }

    /// <summary>An accordion shows at least this many questions.</summary>
    private const int MinAccordionQuestions = 3;

    /// <summary>A question under an accordion's sign: "+ Can I read the test aloud to a student?", "▸ Who decides …?".</summary>
    [GeneratedRegex(@"^\s*[+▸▶►⊕]\s+(?<question>\p{Lu}.{0,200}\?)\s*$")]
    private static partial Regex AccordionQuestionRegex();

    /// <summary>An accordion's own controls, and the link back up under each answer.</summary>
    [GeneratedRegex(@"^\s*(?:expand all(?:\s*\|\s*collapse all)?|collapse all|back to top|return to top)\s*$", RegexOptions.IgnoreCase)]
    private static partial Regex AccordionLineRegex();

    /// <summary>A site's question under its page: "Was this page helpful?" (its "Yes" and "No", then the footer, follow).</summary>
    [GeneratedRegex(@"^\s*Was this (?:page|information) helpful\?\s*(?:Yes\s+No)?\s*$", RegexOptions.IgnoreCase)]
    private static partial Regex PageHelpfulRegex();

    /// <summary>
    /// A page saved as text with its text indented and its headings at the margin (as Firefox writes one, three spaces in):
    /// a short line at the margin, over a blank line and indented text, heads a section, though the page also has questions
    /// standing alone (its FAQ's). It is underlined on the blank line under it, as a plain-text heading may be.
    /// </summary>
    public static IReadOnlyList<string> WithMarginHeadings(IReadOnlyList<string> lines, int from)
    {
        var text = Enumerable.Range(from, lines.Count - from).Where(k => !string.IsNullOrWhiteSpace(lines[k])).ToArray();
        if (text.Length == 0 || text.Count(k => lines[k].StartsWith("   ", StringComparison.Ordinal)) < IndentedShare * text.Length)
        {
            return lines;
        }

        // (Not a numbered or lettered clause, nor a sentence wrapped onto lower-case text below it.)
        var headings = text.Skip(1).Where(k => !char.IsWhiteSpace(lines[k][0]) && PlainTextParser.WordCount(lines[k]) <= MaxHeadingWords && !".,;:".Contains(lines[k].TrimEnd()[^1])
                                              && !OutlineMarkRegex().IsMatch(lines[k]) && !NoHeadingRegex().IsMatch(lines[k])
                                              && k + 2 < lines.Count && string.IsNullOrWhiteSpace(lines[k + 1]) && IndentedTextRegex().IsMatch(lines[k + 2]))
            .ToArray();
        if (headings.Length < MinMarginHeadings)
        {
            return lines;
        }

        var result = lines.ToArray();
        foreach (var k in headings)
        {
            result[k + 1] = new string('-', result[k].Trim().Length);
        }

        return result;
    }

    /// <summary>At least this share of a page's lines with text are indented when its headings are those at the margin.</summary>
    private const double IndentedShare = 0.6;

    /// <summary>A page has at least this many headings at the margin.</summary>
    private const int MinMarginHeadings = 3;

    /// <summary>A heading at the margin is short.</summary>
    private const int MaxHeadingWords = 12;

    /// <summary>An author's name is a few words.</summary>
    private const int MaxNameWords = 4;

    /// <summary>A margin line that heads nothing: a field ("Adopted: June 5, 2019") or a letter's closing ("Sincerely yours").</summary>
    [GeneratedRegex(@"^[^:]{1,40}:\s+\S|^(?:Sincerely|Regards|Best regards|Respectfully|Thank you|Thanks)\b", RegexOptions.IgnoreCase)]
    private static partial Regex NoHeadingRegex();

    /// <summary>A clause's number or letter: "A. ", "3) ", "IV. ".</summary>
    [GeneratedRegex(@"^[A-Z0-9]{1,4}[.)]\s")]
    private static partial Regex OutlineMarkRegex();

    /// <summary>Text indented as a browser indents it, three spaces in, starting a sentence or an item (not a wrapped line's lower-case rest).</summary>
    [GeneratedRegex(@"^   (?:\p{Lu}|\d|\s+[*•-]\s|\s+\d{1,2}\.\s)")]
    private static partial Regex IndentedTextRegex();

    [GeneratedRegex(@"^\s*Was this article helpful\?\s*(?:Yes\s+No)?\s*$")]
    private static partial Regex HelpfulRegex();

    /// <summary>A help centre's answers to its question: "Yes No" under it, "3 out of 5 found this helpful".</summary>
    [GeneratedRegex(@"^\s*(?:Yes\s+No|\d+ out of \d+ found this helpful)\s*$")]
    private static partial Regex HelpfulCountRegex();

    /// <summary>A help centre's list of articles, or an article's own contents.</summary>
    [GeneratedRegex(@"^\s*(?:Articles in this section|Related articles|Recently viewed articles|In this article:?)\s*$", RegexOptions.IgnoreCase)]
    private static partial Regex ArticleListRegex();

    /// <summary>An item of a list as a browser saves it: "     * Who is eligible", "   1. Professional Learning".</summary>
    [GeneratedRegex(@"^\s*(?:[*•-]|\d{1,2}\.)\s+\S")]
    private static partial Regex ListItemRegex();

    /// <summary>The block under an article's title that names its author.</summary>
    [GeneratedRegex(@"^\s*(?:\S.{0,60}'s Avatar|Updated .{1,30} ago|Not yet followed by anyone|Follow)\s*$")]
    private static partial Regex AuthorBlockRegex();

    /// <summary>A help centre's own lines around an article.</summary>
    [GeneratedRegex(@"^\s*(?:Yes No|\d+ out of \d+ found this helpful|Have more questions\? Submit a request|Submit a request|Sign in|See more|Return to top|Comments|\d+ comments?|Article is closed for comments\.|Powered by Zendesk|.{1,80} home page|Search)\s*$")]
    private static partial Regex SiteLineRegex();

    /// <summary>An accordion's mark after a question: "Do these hours count? −", "… early? +".</summary>
    [GeneratedRegex(@"(?<=\?)\s+[+−-]\s*$")]
    private static partial Regex AccordionMarkRegex();

    /// <summary>The heading of the list of links at a saved page's end.</summary>
    [GeneratedRegex(@"^\s*References\s*$")]
    private static partial Regex ReferencesRegex();

    /// <summary>What a text browser writes over its lists of links: "Visible links:", "Hidden links:".</summary>
    [GeneratedRegex(@"^\s*(?:Visible|Hidden) links:?\s*$")]
    private static partial Regex LinkListLabelRegex();

    /// <summary>A numbered address: "  14. https://…", "17. mailto:…".</summary>
    [GeneratedRegex(@"^\s*\d{1,4}\.\s+(?:https?|mailto|file|ftp):\S+\s*$")]
    private static partial Regex LinkEntryRegex();

    /// <summary>A link's numbered mark after its words: "Board Policy 4161.1/4261.1[14]".</summary>
    [GeneratedRegex(@"(?<=\S)\[\d{1,4}\]")]
    private static partial Regex LinkMarkRegex();

    /// <summary>A breadcrumb trail: two or more short parts between "&gt;", "›" or "»", the last one captured.</summary>
    [GeneratedRegex(@"^\s*[^>›»\n]{1,60}(?:\s[>›»]\s[^>›»\n]{1,80}){1,6}\s[>›»]\s(?<last>[^>›»\n]{1,100})$")]
    private static partial Regex BreadcrumbRegex();
}
