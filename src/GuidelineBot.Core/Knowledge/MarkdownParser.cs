using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using Markdig;
using Markdig.Extensions.Emoji;
using Markdig.Extensions.EmphasisExtras;
using Markdig.Extensions.Footnotes;
using Markdig.Extensions.Tables;
using Markdig.Parsers;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace GuidelineBot.Core.Knowledge;

/// <summary>
/// Markdown documents, read with Markdig (CommonMark, GitHub pipe tables): <c># Title</c>, headings as sections (text
/// before the first one is the introduction), bullets (nested items stay under their parent), paragraphs, block quotes,
/// code blocks, tables (a passage per row); emphasis, code spans, links and HTML tags are reduced to their text so that
/// matching and quoting see plain words. A paragraph or top-level list item that starts with a bold question, a
/// <c>Q:</c> line and a bold line on its own head a section too.
/// </summary>
internal sealed partial class MarkdownParser
{
    /// <summary>The reading of a document: CommonMark with GitHub's tables and ~~strikethrough~~, inlines keeping their lines.</summary>
    private static readonly MarkdownPipeline Pipeline = CreatePipeline(htmlBlocks: true);

    /// <summary>The reading of an HTML block's lines (<c>&lt;details&gt;</c>): the text between its tags, as Markdown.</summary>
    private static readonly MarkdownPipeline HtmlContentPipeline = CreatePipeline(htmlBlocks: false);

    private readonly IReadOnlyList<string> _lines;
    private readonly int _bodyStart;
    private readonly HashSet<int> _atxHeadingLines;

    /// <summary>
    /// The document has no headings but its title and two paragraphs or more that open with a question on its own line
    /// ("Can I wear jeans?" with the answer under it): those questions head its sections.
    /// </summary>
    private readonly bool _plainQuestions;
    /// <summary>The line of a title written in bold, in a document with no <c># Title</c> (<see cref="BoldTitleLine"/>).</summary>
    private readonly int? _boldTitleLine;

    /// <summary>The document asks its questions as numbered items, each over its answer's paragraph (<see cref="IsNumberedQuestion"/>), two or more.</summary>
    private readonly bool _numberedQuestions;

    /// <summary>
    /// A document written as one numbered outline (as Google Docs exports a multilevel list), with no heading under its
    /// title: the top-level items that are only a name in bold over items of their own ("1. **Purpose**" over "    1. These
    /// guidelines …"), two or more, head sections.
    /// </summary>
    private readonly HashSet<ListItemBlock> _outlineHeadings;

    /// <summary>
    /// Toggles as Notion exports them: items at the margin that are only a question, over their answer's paragraphs
    /// indented under them ("- Can I use my phone on duty?" / "    Only for school business …"), two or more. Each heads a
    /// section, under the <c>##</c> heading it sits in, as a <c>&lt;details&gt;</c> toggle does.
    /// </summary>
    private readonly HashSet<ListItemBlock> _toggleQuestions;

    /// <summary>The document has one level-1 heading (<c># …</c> or <c>&lt;h1&gt;</c>): its name, even under a line or two of text.</summary>
    private readonly bool _oneTitleHeading;

    /// <summary>
    /// A board's cards exported to Markdown (a Trello power-up's: "### Card" over "#### Checklist" and "#### Comments"): the
    /// parts' labels, repeated card after card, head no sections; what they hold is the card's.
    /// </summary>
    private readonly bool _cardParts;

    private readonly List<ParsedSection> _sections = [];
    private string? _title;
    private string _heading = DocumentParser.IntroductionHeading;
    private string? _parent;
    private string? _currentH2;
    private bool _isIntro = true;

    /// <summary>The heading that names the document has been read: a later <c># …</c> heads a section.</summary>
    private bool _titleHeadingRead;
    private int _start;
    private int _last;
    private int _cursor;
    private bool _sawText;
    private PassageBuilder _builder = new();

    /// <summary>The level of the toggles since the last heading: under a <c>##</c> they are its sub-sections, else sections of their own, each the next one's sibling.</summary>
    private int? _toggleLevel;

    private MarkdownParser(IReadOnlyList<string> lines, FrontMatter front, MarkdownDocument document)
    {
        _lines = lines;
        _atxHeadingLines = document.OfType<HeadingBlock>().Where(h => !h.IsSetext).Select(h => h.Line + front.BodyStartIndex + 1).ToHashSet();
        _bodyStart = front.BodyStartIndex;
        _plainQuestions = !document.Descendants<HeadingBlock>().Skip(1).Any()
                          && document.OfType<ParagraphBlock>().Count(p => DocumentParser.IsQuestionLine(lines, p.Line + front.BodyStartIndex)) >= 2;
        _title = front.Title;
        _numberedQuestions = document.Descendants<ListBlock>().Count(IsNumberedQuestion) >= 2;
        _outlineHeadings = document.Descendants<HeadingBlock>().Any(h => h.Level > 1)
            ? []
            : document.OfType<ListBlock>().Where(l => l.IsOrdered).SelectMany(l => l.OfType<ListItemBlock>()).Where(IsOutlineHeading).ToHashSet();
        if (_outlineHeadings.Count < 2)
        {
            _outlineHeadings.Clear();
        }

        _toggleQuestions = document.OfType<ListBlock>().SelectMany(l => l.OfType<ListItemBlock>()).Where(IsToggleQuestion).ToHashSet();
        if (_toggleQuestions.Count < 2)
        {
            _toggleQuestions.Clear();
        }
        _cardParts = document.OfType<HeadingBlock>().Count(h => h.Level >= 3 && h.Inline is { } label && CardPartRegex().IsMatch(Render(label))) >= MinCardParts;
        _oneTitleHeading = document.OfType<HeadingBlock>().Count(h => h.Level == 1)
                           + document.OfType<HtmlBlock>().Count(h => HtmlHeadingRegex().Match(string.Join('\n', HtmlText(h))) is { Success: true } t && t.Groups["level"].Value == "1") == 1;
        // A title in bold where no "# Title" is one: none at all, or several that part the document ("# Part 1 — Buying").
        _boldTitleLine = front.Title is null && (!document.Descendants<HeadingBlock>().Any(h => h.Level == 1) || !_oneTitleHeading)
            ? BoldTitleLine(document, lines, front.BodyStartIndex)
            : null;
        _start = _bodyStart + 1;
        _last = _start;
        _cursor = _bodyStart;
    }

    /// <summary>
    /// Where a block stands: the source lines before the text it was parsed from, whether it is quoted, how deep in lists,
    /// the list item it opens, if any, and whether it is an item under an outline's heading item (read as a list at the
    /// margin though indented).
    /// </summary>
    private readonly record struct Place(int Offset, bool Quoted, int ListDepth, Item? Item = null, bool Outline = false);

    /// <summary>The list item whose first line a block is: its nesting level for the passage and its number, if numbered.</summary>
    private sealed record Item(int Level, string? Number, bool TopLevel);

    /// <summary>
    /// A document exported with its title in bold rather than as <c># Title</c> (a wiki page under its breadcrumb, a
    /// district's name over "**Administrative Procedure AP 3516.2 - Lockdown, Evacuation and Fire Drills**"): the first
    /// bold line before any heading, within its first few paragraphs, that names a kind of document; failing one, that
    /// reads as a title (title case, four words or more, no number or date: not "**Effective 1 September**"; not an
    /// organisation's name).
    /// </summary>
    private static int? BoldTitleLine(MarkdownDocument document, IReadOnlyList<string> lines, int offset)
    {
        var block = TitleBlockLines(document, offset, MaxTitleBlockParagraphs);
        var bold = BoldLines(block, lines);
        // A coded name ("**Administrative Regulation 4161.8**") gives way to the subject in bold under it ("**Family and
        // Medical Leave …**"), as in plain text.
        var named = bold.FindIndex(l => PlainTextParser.NamesDocument(l.Text));
        if (named >= 0 && bold[named].Text.Any(char.IsDigit)
            && BoldLines(TitleBlockLines(document, offset, MaxTitleBlockParagraphs + 1), lines).SkipWhile(l => l.Number <= bold[named].Number).FirstOrDefault(l => PlainTextParser.ReadsAsTitle(l.Text) && !l.Text.Any(char.IsDigit) && !OrganisationRegex().IsMatch(l.Text)) is { Text: not null } subject)
        {
            return subject.Number;
        }

        return bold.Where(l => PlainTextParser.NamesDocument(l.Text)).Select(l => (int?)l.Number).FirstOrDefault()
               ?? bold.Where(l => PlainTextParser.ReadsAsTitle(l.Text) && !OrganisationRegex().IsMatch(l.Text)).Select(l => (int?)l.Number).FirstOrDefault()
               // With no line in bold there either, a plain line that names a kind of document, in title case
               // ("Standard Operating Procedure FS-07: After-Hours Building Access and Intrusion Alarms").
               ?? (bold.Count == 0
                   ? block.Where(l => l.First is LiteralInline && Clean(l.Text) is var text && PlainTextParser.NamesDocument(text) && PlainTextParser.IsTitleCased(text))
                       .Select(l => (int?)l.Number).FirstOrDefault()
                   : null);
    }

    /// <summary>The lines of the first few paragraphs above the first heading, where a title without <c>#</c> stands.</summary>
    private static List<LineText> TitleBlockLines(MarkdownDocument document, int offset, int paragraphs) =>
        [.. document.TakeWhile(b => b is not HeadingBlock).OfType<ParagraphBlock>().Take(paragraphs)
            .SelectMany(p => p.Inline is null ? [] : LineTexts(p.Inline, offset))];

    /// <summary>The lines of a title block that are all in bold (<c>**…**</c> or HTML's tags), with their 1-based numbers.</summary>
    private static List<(int Number, string Text)> BoldLines(List<LineText> block, IReadOnlyList<string> lines) =>
        [.. block.Where(l => l.First is EmphasisInline { DelimiterCount: 2, DelimiterChar: '*' or '_', NextSibling: null or LineBreakInline }
                             || l.First is HtmlInline && HtmlBoldLineRegex().IsMatch(lines[l.Number - 1]))
            .Select(l => (l.Number, Text: Clean(l.Text)))];

    /// <summary>A line in bold written with HTML's tags, as an editor's export writes it: "&lt;b&gt;Key and Building Access Procedures&lt;/b&gt;&lt;br&gt;".</summary>
    [GeneratedRegex(@"^\s*<(?<tag>b|strong)>[^<]+</\k<tag>>\s*(?:<br\s*/?>)?\s*$", RegexOptions.IgnoreCase)]
    private static partial Regex HtmlBoldLineRegex();

    /// <summary>An organisation's name, which heads a document without naming it ("**Cedar Ridge Unified School District**").</summary>
    [GeneratedRegex(@"\b(?:district|schools?|academy|college|university|department|office)\s*$", RegexOptions.IgnoreCase)]
    private static partial Regex OrganisationRegex();

    /// <summary>How many paragraphs above the first heading may hold a title in bold (breadcrumb, organisation, title).</summary>
    private const int MaxTitleBlockParagraphs = 3;

    public static ParsedDocument Parse(string content)
    {
        var lines = DocumentParser.SplitLines(content);
        var front = FrontMatter.Parse(lines);
        if (HtmlPage.IsPage(lines))
        {
            // A whole web page: its article, titled by its first heading, else by the page's title.
            var title = HtmlPage.Title(lines);
            lines = HtmlPage.Content(lines);
            front = lines.Any(l => l.Contains("<h1", StringComparison.OrdinalIgnoreCase)) ? front : front with { Title = title };
        }

        var body = lines.Skip(front.BodyStartIndex).ToList();
        body = MarpSlides.IsMarp([.. lines.Take(front.BodyStartIndex)]) ? MarpSlides.WithSpeakerNotes(body) : body;
        // A web page clipped by MarkDownload (its front matter names the page's address) loses the site around it.
        body = front.Metadata.SourceUrl is null ? body : WebClip.WithoutPageChrome(body);
        var document = ParseMarkdown(string.Join('\n', AsMarkdown(body)), Pipeline);
        var parser = new MarkdownParser(lines, front, document);
        var place = new Place(front.BodyStartIndex, false, 0);
        parser.Blocks(document, place);
        // A note nothing refers to: Markdig leaves it out of the notes; its text stays, at the end, where it was written.
        foreach (var orphan in document.Descendants<FootnoteLinkReferenceDefinition>().Select(d => d.Footnote).Where(n => n.Links.Count == 0))
        {
            parser.Blocks(orphan, place);
        }

        return parser.Finish(front);
    }

    /// <summary>
    /// The body's lines as Markdig should read them, their numbers unchanged. A page of a Jekyll site loses its Liquid tags
    /// and kramdown's attribute lists. A page written in a wiki's markup (DokuWiki, MediaWiki, Org mode, AsciiDoc, Confluence) though
    /// saved as Markdown is read as the Markdown it stands for.
    /// </summary>
    private static IReadOnlyList<string> AsMarkdown(List<string> body)
    {
        // A wiki's page copied into a file (DokuWiki, MediaWiki, Org mode, AsciiDoc): its Markdown, before its "{{templates}}" are taken for Liquid's.
        if (WikiMarkup.IsDokuWiki(body))
        {
            return WikiMarkup.FromDokuWiki(body);
        }

        if (WikiMarkup.IsMediaWiki(body))
        {
            return WikiMarkup.FromMediaWiki(body);
        }

        if (WikiMarkup.IsOrg(body))
        {
            return WikiMarkup.FromOrg(body);
        }

        if (AsciiDocMarkup.IsAsciiDoc(body, textFile: false))
        {
            return AsciiDocMarkup.FromAsciiDoc(body);
        }

        // The "Docs to Markdown" add-on's red alerts around a converted Google Doc ("<p style=\"color: red; font-weight: bold\">>>>>>
        // gd2md-html alert: …", "Links to alert messages:", "<a href=\"#gdcalert1\">alert1</a>") are no text of the document.
        if (body.Any(l => l.Contains("gd2md-html", StringComparison.Ordinal)))
        {
            body = [.. body.Select(l => l.Contains("gd2md-html", StringComparison.Ordinal) || l.Contains("#gdcalert", StringComparison.Ordinal)
                                        || l.Contains("style=\"color: red; font-weight: bold\"", StringComparison.Ordinal) ? "" : l)];
        }

        if (OutlinerMarkup.IsOutline(body))
        {
            body = OutlinerMarkup.FromOutline(body);
        }

        if (ConfluenceExport.IsConfluence(body))
        {
            body = ConfluenceExport.FromConfluence(body);
        }

        if (MkDocsMarkup.IsMkDocs(body))
        {
            body = MkDocsMarkup.FromMkDocs(body);
        }

        body = PandocTables.FromPandocTables(body);
        body = NotebookMarkup.WithoutStylesAndPrompts(body);
        body = FaqQuestions.WithQuestionsAsHeadings(body);

        // A page of a Jekyll site: its Liquid tags are no text ("{{ site.district_name }}"), but a callout's content is
        // ("{% include callout.html content=\"No trip leaves without Form FT-1.\" %}"); kramdown's attribute lines ("{: .note }") go.
        // A Docusaurus admonition's fences go ("::: warning Don't book before approval" … ":::"), its title stays a line of its own.
        // A tab of a tabbed box (GitBook's "{% tab title=…", Docusaurus's "<TabItem label=…>", Hugo's "{{< tab header=… >}}")
        // labels each paragraph and item in it ("Elementary: Students under 13 …"); a GitBook link card to another page
        // ("{% content-ref %}") is no text.
        var (fenced, linkCard) = (false, false);
        string? tabLabel = null;
        string? listLabel = null;
        for (var k = 0; k < body.Count; k++)
        {
            if (FenceRegex().IsMatch(body[k]))
            {
                fenced = !fenced;
            }

            // Pandoc's size of an image ("![](media/image1.png){width="1.4in"" over "height="0.7in"}") is no text.
            if (!fenced && body[k].Contains("){", StringComparison.Ordinal) && ImageAttributesRegex().Match(body[k]) is { Success: true } size)
            {
                body[k] = body[k][..size.Index] + body[k][(size.Index + size.Length)..];
                if (!size.Value.EndsWith('}') && k + 1 < body.Count && body[k + 1].IndexOf('}', StringComparison.Ordinal) is var close and >= 0 && !body[k + 1][..close].Contains('{', StringComparison.Ordinal))
                {
                    body[k + 1] = body[k + 1][(close + 1)..];
                }
            }

            // Docsify's tip and warning paragraphs ("?> Clubs must be open …", "!> Never open a bank account …") are their text,
            // and its attributes after a heading ("## Advisor Role and Stipends :id=advisor-stipends") no words of it.
            if (!fenced && body[k].Length > 2 && body[k][1] == '>' && body[k][0] is '?' or '!' && body[k][2] == ' ')
            {
                body[k] = body[k][3..];
            }
            else if (!fenced && body[k].StartsWith('#') && body[k].Contains(" :", StringComparison.Ordinal))
            {
                body[k] = WithoutDocsifyAttributes(body[k]);
            }

            // A heading typed without its space ("##Read-Alouds and Book Talks", as Typora and other editors render it) standing
            // as a paragraph of its own is a heading; a tag line ("#policy #student-health") is not.
            if (!fenced && body[k].StartsWith('#') && UnspacedHeadingRegex().Match(body[k]) is { Success: true } unspaced
                && (k == 0 || string.IsNullOrWhiteSpace(body[k - 1])) && (k + 1 == body.Count || string.IsNullOrWhiteSpace(body[k + 1])))
            {
                body[k] = unspaced.Groups["marks"].Value + " " + unspaced.Groups["text"].Value;
            }

            if (!fenced && TabRegex().Match(body[k]) is { Success: true } tab)
            {
                (tabLabel, body[k]) = (tab.Groups["title"].Value.Trim(), "");
                continue;
            }

            if (TabEndRegex().IsMatch(body[k]) || AtxHeadingRegex().IsMatch(body[k]))
            {
                tabLabel = null;
            }
            else if (tabLabel is not null && !fenced && !FenceRegex().IsMatch(body[k]) && !LinkDefinitionRegex().IsMatch(body[k])
                     && BlockStartRegex().Match(body[k]) is var start && start.Length < body[k].Length && body[k][start.Length] is not ('|' or '<' or '>')
                     && (start.Groups["mark"].Success || start.Length < 4)
                     && (string.IsNullOrWhiteSpace(body[k - 1]) || start.Groups["mark"].Success)
                     && !body[k].AsSpan(start.Length).StartsWith(tabLabel, StringComparison.OrdinalIgnoreCase))
            {
                // (Not a fence, a link's definition, indented code, a table's row, a quote or HTML, nor where the text names its
                // tab already: "Elementary teachers should …".)
                body[k] = body[k].Insert(start.Length, tabLabel + ": ");
            }

            // A list under a "✅ Do" or "❌ Don't" line: each item says which it is ("Don't: Sit on the benches"), as the
            // line over it is no topic of its own.
            if (!fenced && DoOrDontRegex().Match(body[k]) is { Success: true } rule
                && body.Skip(k + 1).FirstOrDefault(l => !string.IsNullOrWhiteSpace(l)) is { } below && BlockStartRegex().Match(below).Groups["mark"].Success)
            {
                (listLabel, body[k]) = (rule.Groups["label"].Value.StartsWith("don", StringComparison.OrdinalIgnoreCase) ? "Don't" : "Do", "");
                continue;
            }

            if (listLabel is not null && BlockStartRegex().Match(body[k]) is var item && item.Groups["mark"].Success)
            {
                body[k] = body[k].Insert(item.Length, listLabel + ": ");
            }
            else if (!string.IsNullOrWhiteSpace(body[k]))
            {
                listLabel = null;
            }

            if (linkCard || ContentRefRegex().IsMatch(body[k]))
            {
                linkCard = !body[k].Contains("endcontent-ref", StringComparison.Ordinal);
                body[k] = "";
                continue;
            }

            if (MdxLineRegex().Match(body[k]) is { Success: true } mdx)
            {
                // An MDX page (Docusaurus): its imports and exports are code, a "<Details summary=…>" toggle is HTML's.
                body[k] = mdx.Groups["summary"].Success ? $"<details><summary>{mdx.Groups["summary"].Value}</summary>" : mdx.Groups["close"].Success ? "</details>" : "";
            }
            else if (body[k].Contains('{', StringComparison.Ordinal))
            {
                // An MDX comment ("{/* TODO … */}") is no text; nor is kramdown's table of contents ("* TOC" over "{:toc}").
                body[k] = MdxCommentRegex().Replace(body[k], "");
                if (k > 0 && KramdownContentsRegex().IsMatch(body[k]) && KramdownContentsItemRegex().IsMatch(body[k - 1]))
                {
                    body[k - 1] = "";
                }

                body[k] = KramdownAttributeRegex().Replace(LiquidRegex().Replace(body[k], m => m.Groups["content"].Success ? m.Groups["content"].Value : ""), "");
                // Pandoc's bracketed spans read as their words: Word's bookmarks ("[]{#_Toc170311502 .anchor}") as none.
                body[k] = PandocSpanRegex().Replace(body[k], "${text}");
            }
            else if (AdmonitionFenceRegex().Match(body[k]) is { Success: true } fence)
            {
                body[k] = fence.Groups["title"].Value is { Length: > 0 } title ? AsLabel(title) : "";
            }
            else if (DefinitionRegex().Match(body[k]) is { Success: true } definition && k > 0 && !string.IsNullOrWhiteSpace(body[k - 1]))
            {
                // A definition list (PHP Markdown Extra, Pandoc): "Storage" over ": Medication is kept locked." reads as
                // one paragraph, "Storage: Medication is kept locked.", its further definitions carrying it on.
                if (!DefinitionRegex().IsMatch(body[k - 1]) && !".!?:".Contains(body[k - 1].TrimEnd()[^1]))
                {
                    body[k - 1] = body[k - 1].TrimEnd() + ":";
                }

                body[k] = definition.Groups["text"].Value;
            }
            else if (AbbreviationRegex().Match(body[k]) is { Success: true } abbreviation)
            {
                // "*[MAR]: Medication Administration Record": what the abbreviation stands for, as an item.
                body[k] = $"- {abbreviation.Groups["abbr"].Value}: {abbreviation.Groups["text"].Value}";
            }
            else if (ObsidianCalloutRegex().Match(body[k]) is { Success: true } callout)
            {
                // An Obsidian callout ("> [!warning] False alarms cost money"): its title, or its kind, is its label.
                var label = callout.Groups["title"].Value is { Length: > 0 } t ? t : DocumentParser.Capitalised(callout.Groups["kind"].Value.ToLowerInvariant());
                body[k] = callout.Groups["quote"].Value + AsLabel(label);
            }
            else if (QuotedLabelRegex().Match(body[k]) is { Success: true } quoted && k + 1 < body.Count && QuotedTextRegex().IsMatch(body[k + 1]))
            {
                // GitHub's callout as it was written before its alerts ("> **Note**" over "> If anything …"): its bold word
                // labels the text under it ("Note: If anything …"), where it ran into it ("Note If anything …").
                body[k] = quoted.Groups["quote"].Value + AsLabel(quoted.Groups["title"].Value);
            }
            else if (EmojiHeadingRegex().Match(body[k]) is { Success: true } pictured)
            {
                // A heading, or a bold line, pictured by an emoji ("📌 **Jeans Fridays**", "### 🧥 Outerwear", as Loop,
                // OneNote and Notion export them): the picture is no word of it, and the bold line heads its section.
                body[k] = pictured.Groups["before"].Value + body[k][(pictured.Index + pictured.Length)..];
            }
            else if (TocMarkerRegex().IsMatch(body[k]) || BackToTopRegex().IsMatch(body[k]))
            {
                // A wiki's "[[_TOC_]]" or "[TOC]": where its contents are drawn, no text; nor is a link back to the top of
                // the page after each section ("[⬆ Back to top](#top)").
                body[k] = "";
            }
            if (body[k].Contains("[[", StringComparison.Ordinal) || body[k].Contains("==", StringComparison.Ordinal))
            {
                // Obsidian's "[[Page|alias]]" links read as their words, its "==highlight==" as its text.
                body[k] = HighlightRegex().Replace(WikiLinkRegex().Replace(body[k], m => m.Groups["alias"].Success ? m.Groups["alias"].Value : m.Groups["page"].Value), "${text}");
            }

            if (body[k].Contains(':', StringComparison.Ordinal))
            {
                // An emoji's short code (":warning:", ":information_source:") is a picture, no word; an AsciiDoc attribute
                // (":toc:") is none.
                body[k] = EmojiCodeRegex().Replace(body[k], m => EmojiCodes.Value.ContainsKey(m.Value.TrimEnd()) ? "" : m.Value);
            }
        }

        // A chat assistant's offer at the end of a guide pasted from it ("Let me know if you'd like a printable version!").
        if (body.FindLastIndex(l => !string.IsNullOrWhiteSpace(l)) is var last and >= 0 && ChatSignOffRegex().IsMatch(body[last]))
        {
            body[last] = "";
        }

        if (IsConfluence(body))
        {
            return FromConfluence(body);
        }

        return body;
    }

    /// <summary>
    /// A page in Confluence's or Textile's wiki markup, as an old Confluence or a Redmine wiki exports it ("h1. Title", "h2.
    /// Purpose", "# step", "** sub-item", "bq. quote", "p(note). text", "[Form FT-1|https://…]", "\"Form FT-1\":https://…"):
    /// its headings read as Markdown's, its numbered items as "1." items, its nested bullets as indented ones, a quote
    /// as a quote, a paragraph's style and a link's address go, its macros' lines ("{info}") are blanked, and a table's
    /// rows ("||Header||Header||" or "|_. Header |" over "|cell|cell|") become items naming their columns.
    /// </summary>
    private static List<string> FromConfluence(List<string> body)
    {
        string[]? header = null;
        var inTable = false;
        // The numbers of the items being read, one per level ("#", "##").
        var numbers = new List<int>();
        for (var k = 0; k < body.Count; k++)
        {
            var line = WikiLinkTextRegex().Replace(body[k], "${text}");
            if (ConfluenceListRegex().Match(line) is { Success: true } item)
            {
                var marks = item.Groups["marks"].Value;
                body[k] = WikiMarkup.ListItemMark(numbers, marks.Length - 1, numbered: marks[0] == '#') + item.Groups["text"].Value;
                inTable = false;
                continue;
            }

            if (line.Trim().Length > 0)
            {
                numbers.Clear();
            }

            var row = WikiTableRowRegex().IsMatch(line);
            if (row && WikiHeaderRowRegex().IsMatch(line))
            {
                header = [.. line.Trim().Replace("||", "|", StringComparison.Ordinal).Split('|')[1..^1].Select(c => WikiHeaderCellRegex().Replace(c, "").Trim())];
                body[k] = "";
            }
            else if (row && (inTable || header is not null))
            {
                body[k] = "- " + RowText(header, [.. line.Trim().Split('|')[1..^1].Select(c => c.Trim())]);
            }
            else
            {
                header = null;
                body[k] = line switch
                {
                    var l when ConfluenceHeadingRegex().Match(l) is { Success: true } h => new string('#', h.Groups["level"].Value[0] - '0') + " " + h.Groups["text"].Value,
                    var l when ConfluenceMacroRegex().IsMatch(l) => "",
                    var l when TextileBlockRegex().Match(l) is { Success: true } block => (block.Groups["kind"].Value == "bq" ? "> " : "") + block.Groups["text"].Value,
                    var l => l,
                };
            }

            inTable = row;
        }

        return body;
    }

    /// <summary>Confluence's or Textile's wiki markup: two or more "h2." headings.</summary>
    internal static bool IsConfluence(IReadOnlyList<string> lines) => lines.Count(l => ConfluenceHeadingRegex().IsMatch(l)) >= 2;

    /// <summary>A Textile block's signature: "bq. ", "p. ", "p(note). ", "bc. " (its text captured).</summary>
    [GeneratedRegex(@"^(?<kind>bq|p|bc)(?:\([^)]*\)|\{[^}]*\}|[<>=])*\.[ \t]+(?<text>.*)$")]
    private static partial Regex TextileBlockRegex();

    /// <summary>A link in Confluence's or Textile's markup: "[Form FT-1|https://…]", "\"Form FT-1\":https://…".</summary>
    [GeneratedRegex(@"\[(?<text>[^\[\]|]+)\|(?:https?://|mailto:)[^\]\s]+\]|""(?<text>[^""]+)"":(?:https?://|mailto:|/)[^\s)\]]*[^\s.,;:!?)\]]")]
    private static partial Regex WikiLinkTextRegex();

    /// <summary>A table row: "|Level 1|Classified staff|", "||Access Level||Who||", "|_. Room |".</summary>
    [GeneratedRegex(@"^\s*\|.*\|\s*$")]
    private static partial Regex WikiTableRowRegex();

    /// <summary>A header row: Confluence's "||Access Level||Who||", Textile's "|_. Students |_. Room |".</summary>
    [GeneratedRegex(@"^\s*(?:\|\||\|_\.)")]
    private static partial Regex WikiHeaderRowRegex();

    [GeneratedRegex(@"^\s*_\.\s*")]
    private static partial Regex WikiHeaderCellRegex();

    [GeneratedRegex(@"^h(?<level>[1-6])\.[ \t]+(?<text>\S.*)$")]
    private static partial Regex ConfluenceHeadingRegex();

    /// <summary>A Confluence list item: "# step", "## sub-step", "* item" (one level: Markdown's own), "** sub-item".</summary>
    [GeneratedRegex(@"^(?<marks>#+|\*{2,})[ \t]+(?<text>\S.*)$")]
    private static partial Regex ConfluenceListRegex();

    [GeneratedRegex(@"^\s*\{[a-z]+(?::[^}]*)?\}\s*$")]
    private static partial Regex ConfluenceMacroRegex();

    /// <summary>
    /// A tab's opening mark on a line of its own, its title captured: GitBook's <c>{% tab title="Elementary" %}</c>,
    /// Docusaurus's <c>&lt;TabItem value="elem" label="Elementary"&gt;</c>, Hugo's <c>{{&lt; tab header="Elementary" &gt;}}</c>
    /// (or <c>name=</c>, <c>title=</c>, or the title alone).
    /// </summary>
    [GeneratedRegex(@"^\s*(?:\{%-?\s*tab\s+title\s*=\s*""(?<title>[^""]+)""\s*-?%\}|<TabItem\b[^>]*?\blabel\s*=\s*""(?<title>[^""]+)""[^>]*>|\{\{[<%]\s*tab\s+(?:(?:header|name|title)\s*=\s*)?""(?<title>[^""]+)""[^}]*?[>%]\}\})\s*$")]
    private static partial Regex TabRegex();

    /// <summary>A GitBook link card's opening or closing mark: <c>{% content-ref url="…" %}</c>, <c>{% endcontent-ref %}</c>.</summary>
    [GeneratedRegex(@"^\s*\{%-?\s*content-ref\b")]
    private static partial Regex ContentRefRegex();

    /// <summary>A line naming the list under it as what to do or not to do: "✅ **Do**", "❌ **Don't**", "Do's:", "DON'TS".</summary>
    [GeneratedRegex(@"^[ \t]*(?:[\p{So}\p{Cs}\uFE0F\u200D][ \t]*)*(?:\*\*|__)?(?<label>do(?:['’]?s)?|don['’]?ts?)[ \t]*:?[ \t]*(?:\*\*|__)?[ \t]*:?[ \t]*$", RegexOptions.IgnoreCase)]
    private static partial Regex DoOrDontRegex();

    /// <summary>A chat assistant's closing offer: "Let me know if you'd like …", "I hope this helps!".</summary>
    [GeneratedRegex(@"^[ \t]*(?:let me know if you(?:['’]d| would) like|i hope this helps|hope this helps)\b", RegexOptions.IgnoreCase)]
    private static partial Regex ChatSignOffRegex();

    /// <summary>A tab's closing mark: <c>{% endtab %}</c>, <c>&lt;/TabItem&gt;</c>, <c>{{&lt; /tab &gt;}}</c>, or its box's.</summary>
    [GeneratedRegex(@"^\s*(?:\{%-?\s*endtabs?\b|</TabItem\s*>|</Tabs\s*>|\{\{[<%]\s*/tab(?:pane|s)?\b)")]
    private static partial Regex TabEndRegex();

    /// <summary>Where a paragraph's or an item's words start: after the indentation and any list mark ("- ", "2. ").</summary>
    [GeneratedRegex(@"^[ \t]*(?<mark>(?:[-*+]|\d{1,3}[.)])[ \t]+)?")]
    private static partial Regex BlockStartRegex();

    /// <summary>A code fence's line: "```", "~~~" (indented at most three spaces).</summary>
    [GeneratedRegex(@"^ {0,3}(?:```|~~~)")]
    internal static partial Regex FenceRegex();

    /// <summary>An ATX heading's line, its marks captured: "## Rates".</summary>
    [GeneratedRegex(@"^ {0,3}(?<marks>#{1,6})[ \t]+\S")]
    internal static partial Regex AtxHeadingRegex();

    /// <summary>A Liquid tag or output, with an include's <c>content</c> (or <c>text</c>) captured.</summary>
    [GeneratedRegex(@"\{%-?\s*include\b[^%]*?\b(?:content|text)=""(?<content>[^""]*)""[^%]*-?%\}|\{%-?.*?-?%\}|\{\{-?.*?-?\}\}")]
    private static partial Regex LiquidRegex();

    /// <summary>A callout's title as the label of its text: "Don't book before approval:" (a title that ends a sentence stays as it is).</summary>
    internal static string AsLabel(string title) => ".!?:".Contains(title[^1]) ? title : title + ":";

    /// <summary>An Obsidian callout's first line: "> [!warning] Title", "> [!tip]-".</summary>
    [GeneratedRegex(@"^(?<quote>\s*>\s*)\[!(?<kind>[A-Za-z]+)\][-+]?[ \t]*(?<title>.*?)\s*$")]
    private static partial Regex ObsidianCalloutRegex();

    /// <summary>A quoted line in bold and nothing else: "> **Note**", "> __Warning__".</summary>
    [GeneratedRegex(@"^(?<quote>\s*>\s*)(?:\*\*|__)(?<title>[^*_\s](?:[^*_]*[^*_\s])?)(?:\*\*|__)\s*$")]
    private static partial Regex QuotedLabelRegex();

    /// <summary>A quoted line with text: "> If anything on this page …".</summary>
    [GeneratedRegex(@"^\s*>\s*[^\s>]")]
    private static partial Regex QuotedTextRegex();

    /// <summary>A wiki link: "[[Form FAC-9]]", "[[Facilities Department|Facilities]]", "[[Drills#Lockdown|lockdown]]".</summary>
    [GeneratedRegex(@"\[\[(?<page>[^\[\]|#]+)(?:#[^\[\]|]*)?(?:\|(?<alias>[^\[\]]+))?\]\]")]
    private static partial Regex WikiLinkRegex();

    [GeneratedRegex(@"==(?<text>[\p{L}\p{N}$€£(](?:[^=]*[^=\s])?)==")]
    private static partial Regex HighlightRegex();

    /// <summary>The emoji before a heading's words or a bold line: "### 🧥 Outerwear", "📌 **Jeans Fridays**".</summary>
    [GeneratedRegex(@"^(?<before>[ \t]*#{1,6}[ \t]+|[ \t]*(?=(?:[\p{So}\p{Cs}\uFE0F\u200D][ \t]*)+(?:\*\*|__)[^*_]+(?:\*\*|__)[ \t]*(?:<br\s*/?>)?[ \t]*$))(?:[\p{So}\p{Cs}\uFE0F\u200D][ \t]*)+(?=\S)")]
    private static partial Regex EmojiHeadingRegex();

    [GeneratedRegex(@"^\s*(?:\[\[_?TOC_?\]\]|\[TOC\])\s*$", RegexOptions.IgnoreCase)]
    private static partial Regex TocMarkerRegex();

    /// <summary>A link back to the top of the page on a line of its own: "[⬆ Back to top](#top)", "[↑ Top](#contents)", "Back to top".</summary>
    [GeneratedRegex(@"^\s*(?:\[[^\]\w]{0,3}\s*(?:back to top|return to top|top of page|top)\s*[^\]\w]{0,3}\]\(#[^)]*\)|[⬆↑^]?\s*back to top)\s*$", RegexOptions.IgnoreCase)]
    private static partial Regex BackToTopRegex();

    /// <summary>A link's reference definition: "[form]: https://…".</summary>
    [GeneratedRegex(@"^ {0,3}\[[^\]]+\]:\s")]
    private static partial Regex LinkDefinitionRegex();


    /// <summary>
    /// The short codes of emoji (":warning:"), as GitHub and GitLab know them: built when a document first has a short code
    /// (Markdig's table is one method of some 1,700 entries, compiled on its first call).
    /// </summary>
    private static readonly Lazy<IDictionary<string, string>> EmojiCodes = new(EmojiMapping.GetDefaultEmojiShortcodeToUnicode);

    /// <summary>A short code between spaces or at a line's ends: ":warning: ", ":bulb:" (an emoji's when <see cref="EmojiCodes"/> has it).</summary>
    [GeneratedRegex(@"(?<![\w:/]):[a-z][a-z0-9_+-]*:(?![\w:/])[ \t]?")]
    private static partial Regex EmojiCodeRegex();

    /// <summary>A definition under its term: ": Medication is kept locked." (its text captured).</summary>
    [GeneratedRegex(@"^:[ \t]+(?<text>\S.*)$")]
    private static partial Regex DefinitionRegex();

    /// <summary>An abbreviation's definition (PHP Markdown Extra): "*[MAR]: Medication Administration Record".</summary>
    [GeneratedRegex(@"^\*\[(?<abbr>[^\]]+)\]:[ \t]*(?<text>\S.*)$")]
    private static partial Regex AbbreviationRegex();

    /// <summary>A Docusaurus admonition's fence: ":::note", ":::warning Don't book before approval", ":::".</summary>
    [GeneratedRegex(@"^\s*:::+\s*(?:[a-z]+\b)?\s*(?<title>\S.*?)?\s*$")]
    private static partial Regex AdmonitionFenceRegex();

    /// <summary>An MDX page's import or export line, or its toggle's opening (its summary captured) or closing tag.</summary>
    [GeneratedRegex(@"^\s*(?:import\s+(?:[^'""]+\s+from\s+)?['""][^'""]+['""];?|export\s+(?:const|default|function|let)\b.*|<Details\s+summary=""(?<summary>[^""]*)""\s*>|(?<close></Details\s*>))\s*$")]
    private static partial Regex MdxLineRegex();

    [GeneratedRegex(@"\{/\*.*?\*/\}")]
    private static partial Regex MdxCommentRegex();

    /// <summary>A heading without Docsify's attributes at its end (" :id=advisor-stipends", " :class=… :ignore"), read word by word from the end.</summary>
    private static string WithoutDocsifyAttributes(string heading)
    {
        var end = heading.Length;
        while (true)
        {
            var trimmed = heading.AsSpan(0, end).TrimEnd();
            var space = trimmed.LastIndexOfAny(' ', '\t');
            if (space < 0 || !DocsifyAttributeRegex().IsMatch(trimmed[(space + 1)..]))
            {
                return end == heading.Length ? heading : heading[..end].TrimEnd();
            }

            end = space;
        }
    }

    /// <summary>One of Docsify's attributes: ":id=advisor-stipends", ":ignore", ":class=btn".</summary>
    [GeneratedRegex(@"^:(?:id|class|size|ignore|no-zoom|target|disabled|type|fragment|include)(?:=\S*)?$")]
    private static partial Regex DocsifyAttributeRegex();

    /// <summary>
    /// A heading's marks and its title-cased words with no space between ("#Weeding Your Collection", "##Who Do I Call?"):
    /// two words or more, no "!" or ";", no full stop at its end, and not a post opening with a hashtag's run-together words
    /// after one "#" ("#FirstDay Welcome back"; "##PowerSchool Setup" is a heading).
    /// </summary>
    [GeneratedRegex(@"^(?<marks>#{1,6})(?!(?<=^#)\p{Lu}\p{Ll}+\p{Lu})(?<text>\p{Lu}[^#\s!;]*(?:[ \t]+[^#\s!;]+){1,11})(?<![.,:])[ \t]*$")]
    private static partial Regex UnspacedHeadingRegex();

    /// <summary>Pandoc's attributes of an image, right after it, closed on the line or not: "{width="1.4in" height="0.7in"}".</summary>
    [GeneratedRegex(@"(?<=!\[[^\]]{0,200}\]\([^)]{0,500}\))\{(?=\s*(?:width|height)=)[^{}]{0,300}\}?")]
    private static partial Regex ImageAttributesRegex();

    /// <summary>A Pandoc bracketed span: "[]{#_Toc170311502 .anchor}", "[Form FT-1]{.smallcaps}".</summary>
    [GeneratedRegex(@"(?<!\]|!)\[(?<text>[^\[\]]*)\]\{(?=[#.])[^{}]*\}")]
    private static partial Regex PandocSpanRegex();

    /// <summary>Where kramdown writes a page's table of contents: "{:toc}" under the list item it replaces.</summary>
    [GeneratedRegex(@"^\s*\{:\s*toc\s*\}\s*$", RegexOptions.IgnoreCase)]
    private static partial Regex KramdownContentsRegex();

    /// <summary>The list item kramdown replaces by the table of contents: "* TOC", "1. TOC".</summary>
    [GeneratedRegex(@"^\s*(?:[*+-]|1\.)\s+TOC\s*$", RegexOptions.IgnoreCase)]
    private static partial Regex KramdownContentsItemRegex();

    /// <summary>A kramdown attribute list on its own or at a line's end: "{: .note }", "{:.warning}".</summary>
    [GeneratedRegex(@"\s*\{:[^{}]*\}\s*$")]
    private static partial Regex KramdownAttributeRegex();

    /// <summary>Pandoc's attributes at a heading's end: "{#who-may-drive .unnumbered}", "{.unnumbered}".</summary>
    [GeneratedRegex(@"\s*\{\s*[#.][^{}]*\}\s*$")]
    private static partial Regex HeadingAttributesRegex();

    /// <summary>
    /// Markdig's syntax tree of <paramref name="body"/>. Markdig refuses input nested past its depth limit (thousands of
    /// levels of lists, quotes, brackets or emphasis: never a real document) with an <see cref="ArgumentException"/>, which
    /// becomes this file's error rather than the whole load's.
    /// </summary>
    private static MarkdownDocument ParseMarkdown(string body, MarkdownPipeline pipeline)
    {
        try
        {
            return Markdown.Parse(body, pipeline);
        }
        catch (ArgumentException)
        {
            throw new KnowledgeFormatException(0, TooDeep + " (Markdig's depth limit)");
        }
    }

    private static MarkdownPipeline CreatePipeline(bool htmlBlocks)
    {
        var builder = new MarkdownPipelineBuilder()
            .UsePipeTables(new PipeTableOptions { UseGfmRules = true })
            .UseGridTables()
            .UseEmphasisExtras(EmphasisExtraOptions.Strikethrough)
            .UseFootnotes()
            .UsePreciseSourceLocation();
        if (!htmlBlocks)
        {
            builder.BlockParsers.TryRemove<HtmlBlockParser>();
        }

        return builder.Build();
    }

    private ParsedDocument Finish(FrontMatter front)
    {
        EndSection();
        if (!_sawText)
        {
            throw new KnowledgeFormatException(Math.Clamp(_bodyStart + 1, 1, Math.Max(1, _lines.Count)), "the document has no text");
        }

        if (_sections.Count == 0)
        {
            throw new KnowledgeFormatException(DocumentParser.LastTextLine(_lines), "the document has headings but no guideline text under them");
        }

        return new ParsedDocument(_title, front.Metadata, _sections);
    }

    private void EndSection()
    {
        if (!_builder.IsEmpty)
        {
            _sections.Add(new ParsedSection(_heading, _builder.Build(), _start, _last, _isIntro, _parent));
        }
    }

    private void StartSection(int level, string text, int lineNo)
    {
        if (level == 1 && _oneTitleHeading && _title is null && _sections.Count == 0 && _isIntro && !_builder.IsEmpty && IsTitleBlock() && !text.EndsWith('?'))
        {
            // "_Document CI-207 · Owner: Curriculum and Instruction_" above "# Textbooks and Instructional Materials": the
            // heading names the document; the line above stays the introduction's first.
            _title = text;
            _titleHeadingRead = true;
            return;
        }

        EndSection();
        // Only the first: a document whose every heading is "#" (as some editors export one) has its title, then sections.
        var isTitle = level == 1 && !_titleHeadingRead && _sections.Count == 0 && _isIntro && _builder.IsEmpty && !text.EndsWith('?');
        _builder = new PassageBuilder();
        if (isTitle)
        {
            // The document's title line (front matter, when present, has the last word).
            _title ??= text;
            _titleHeadingRead = true;
            _start = lineNo + 1;
            _last = _start;
            return;
        }

        _parent = level > 2 ? _currentH2 : null;
        if (level <= 2)
        {
            _currentH2 = text;
        }

        _heading = text;
        _isIntro = false;
        _start = lineNo;
        _last = lineNo;
    }

    /// <summary>The text read so far is a document's header: a line or two of a few words (an id, an owner, a date).</summary>
    private bool IsTitleBlock()
    {
        var lines = Enumerable.Range(_start, Math.Max(0, _last - _start + 1)).Where(n => n >= 1 && n <= _lines.Count && !string.IsNullOrWhiteSpace(_lines[n - 1])).ToArray();
        return lines.Length is > 0 and <= MaxHeaderLines && lines.Sum(n => _lines[n - 1].Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Length) <= MaxHeaderWords;
    }

    private const int MaxHeaderLines = 2;
    private const int MaxHeaderWords = 24;

    /// <summary>Moves on to 1-based line <paramref name="lineNo"/>; a blank line on the way ends the paragraph before it.</summary>
    private void At(int lineNo, bool blankLinesEnd = true)
    {
        for (var k = _cursor + 1; blankLinesEnd && k < lineNo; k++)
        {
            if (string.IsNullOrWhiteSpace(_lines[k - 1]))
            {
                _builder.Blank();
            }
        }

        _cursor = Math.Max(_cursor, lineNo);
    }

    private void Blocks(ContainerBlock container, Place place)
    {
        foreach (var block in container)
        {
            Block(block, place);
        }
    }

    private void Block(Block block, Place place)
    {
        var lineNo = block.Line + place.Offset + 1;
        switch (block)
        {
            case HeadingBlock heading when heading.Parent is MarkdownDocument:
                Heading(heading, lineNo, place);
                break;
            case ParagraphBlock { Inline: { } symbols } when Render(symbols) is var drawn && !string.IsNullOrWhiteSpace(drawn) && !drawn.Any(char.IsLetterOrDigit):
                // A paragraph of symbols and no word: the emoji that opens a Notion callout ("<aside>" over "📌").
                At(lineNo);
                break;
            case ParagraphBlock { Inline: { } pictures } when IsPicturesOnly(pictures):
                // A logo, a badge or a screenshot on its own: its words describe a picture, not a guideline, and a
                // district's logo above "# Title" must not keep the title from being one.
                At(lineNo);
                break;
            case LeafBlock { Inline: { } inline } leaf and (ParagraphBlock or HeadingBlock):
                var lines = LineTexts(inline, place.Offset);
                // "**HS-12** — the authorization form" over "**IHP** — the nurse's plan": a line per term, not one sentence.
                var terms = lines.Count(l => IsTermLine(l.First, l.Text)) >= 2;
                for (var k = 0; k < lines.Count; k++)
                {
                    Line(lines[k], k, place, isParagraph: leaf is ParagraphBlock, terms);
                }

                break;
            case ListBlock list when _numberedQuestions && IsNumberedQuestion(list):
                // "1. Can I post pictures of my class?" over its answer's paragraph: a question heading its section.
                var question = LineTexts(((ParagraphBlock)((ListItemBlock)list[0])[0]).Inline!, place.Offset)[0];
                At(question.Number);
                _sawText = true;
                StartSection(2, DocumentParser.CleanHeading(Clean(question.Text)), question.Number);
                break;
            case ListBlock list:
                var numbers = Numbers(list);
                foreach (var (item, number) in list.OfType<ListItemBlock>().Zip(numbers).Where(i => !IsJumpLink(i.First)))
                {
                    ListItem(item, number, place);
                }

                break;
            case QuoteBlock quote:
                // A quote is a block of its own, also right under a paragraph or a list (no blank line between).
                At(lineNo);
                _builder.Blank();
                Blocks(quote, place with { Quoted = true });
                break;
            case FencedCodeBlock fenced:
                FencedCode(fenced, lineNo, place);
                break;
            case CodeBlock code:
                // An indented code block: its lines are text like any other.
                foreach (var line in CodeLines(code, place))
                {
                    At(line.Number);
                    Text(line.Text, line.Number);
                }

                break;
            case HtmlBlock html:
                Html(html, lineNo, place);
                break;
            case Table table:
                Table(table, place);
                break;
            case FootnoteGroup:
                // The notes are read where they are referenced (FootnoteText), not as text of the last section.
                break;
            case ThematicBreakBlock:
                At(lineNo);
                _builder.Blank();
                break;
            case ContainerBlock container:
                Blocks(container, place);
                break;
        }
    }

    private void Heading(HeadingBlock heading, int lineNo, Place place)
    {
        // A setext heading's underline takes only the line right above it: the lines before are a paragraph. (Markdig
        // numbers a setext heading's lines from its underline.)
        var lines = heading.Inline is null ? [new LineText(lineNo, "", null)] : LineTexts(heading.Inline, place.Offset, addresses: false);
        if (heading.IsSetext)
        {
            lines = lines.ConvertAll(l => l with { Number = l.Number - lines.Count });
        }

        for (var k = 0; k < lines.Count - 1; k++)
        {
            Line(lines[k], k, place, isParagraph: true);
        }

        var (headingLine, text, _) = lines[^1];
        At(headingLine);
        // Pandoc's attributes ("{#who-may-drive .unnumbered}") are no words of a heading, nor is a closing colon ("## PARKING PERMITS:").
        var title = LetteredHeadingRegex().Replace(DocumentParser.CleanHeading(Clean(HeadingAttributesRegex().Replace(text, ""))), "").TrimEnd(':').TrimEnd();
        if (title.Length == 0)
        {
            // An empty heading ("##", or "## **" from an editor's export) heads nothing: it parts the text as a rule does.
            _builder.Blank();
            return;
        }

        if (_cardParts && heading.Level >= 3 && CardPartRegex().IsMatch(title))
        {
            _builder.Blank();
            return;
        }

        _sawText = true;
        _toggleLevel = null;
        StartSection(heading.Level, title, headingLine);
    }

    /// <summary>A board's cards have these many labelled parts at least.</summary>
    private const int MinCardParts = 3;

    /// <summary>A card's part, as a board's export labels it: "Checklist", "Comments (2)", "Activity", "Attachments".</summary>
    [GeneratedRegex(@"^\s*(?:Checklists?|Comments?|Activity|Attachments?|Description)(?:\s*\(\d+\))?\s*:?\s*$", RegexOptions.IgnoreCase)]
    private static partial Regex CardPartRegex();

    /// <summary>
    /// A numbered item that is only a question on its line, at the top level, followed by a paragraph (its answer): how a
    /// numbered FAQ reads in Markdown ("1. Can I start a class account?" / "Yes, with approval. …").
    /// </summary>
    private static bool IsNumberedQuestion(ListBlock list) =>
        list is { IsOrdered: true, Count: 1, Parent: MarkdownDocument parent } && list[0] is ListItemBlock and [ParagraphBlock { Inline: { } inline }]
        && !inline.Descendants<LineBreakInline>().Any() && Clean(Render(inline)).EndsWith('?') && parent.IndexOf(list) is var at && at + 1 < parent.Count && parent[at + 1] is ParagraphBlock;

    /// <summary>A paragraph of images only ("![district logo](logo.png)", linked or not), with nothing but spaces and line breaks beside them.</summary>
    private static bool IsPicturesOnly(ContainerInline inline) =>
        inline.Any(IsPicture) && inline.All(i => IsPicture(i) || i is LineBreakInline || i is LiteralInline l && l.Content.IsEmptyOrWhitespace());

    private static bool IsPicture(Inline inline) =>
        inline is LinkInline { IsImage: true } or LinkInline { FirstChild: LinkInline { IsImage: true, NextSibling: null } };

    /// <summary>
    /// A list item that is only a link to a heading of the same page ("- [Late work](#late-work)"): a table of contents,
    /// which says nothing a section does not, and would make one section of every heading's words; so is one over a list of
    /// such links ("- [2. Types of Closures](#2-types)" over "  - [2.1 Full-Day Closure](#21-full-day-closure)").
    /// </summary>
    private static bool IsJumpLink(ListItemBlock item) =>
        item is [ParagraphBlock { Inline.FirstChild: LinkInline { Url: ['#', ..], NextSibling: null } }, ..]
        && item.Skip(1).All(b => b is ListBlock list && list.All(i => i is ListItemBlock sub && IsJumpLink(sub)));

    /// <summary>A numbered item that is only a short name in bold ("1. **Purpose**"), over a list of its own.</summary>
    private static bool IsOutlineHeading(ListItemBlock item) =>
        item is [ParagraphBlock { Inline.FirstChild: EmphasisInline { DelimiterCount: 2, DelimiterChar: '*' or '_', NextSibling: null or LineBreakInline { NextSibling: null } } bold }, ListBlock, ..]
        && Clean(Render(bold)) is { Length: > 0 } name && !".:;,!?".Contains(name[^1]) && name.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length <= MaxOutlineHeadingWords;

    /// <summary>An item that is only a question on its line, with its answer's paragraph under it in the item (<see cref="_toggleQuestions"/>).</summary>
    private static bool IsToggleQuestion(ListItemBlock item) =>
        item is [ParagraphBlock { Inline: { } inline }, ParagraphBlock, ..] && !inline.Descendants<LineBreakInline>().Any()
        && Clean(Render(inline)) is { Length: <= DocumentParser.MaxQuestionHeadingChars } question && question.EndsWith('?');

    /// <summary>The most words a name in bold over an outline's items may have (a heading, not a sentence in bold).</summary>
    private const int MaxOutlineHeadingWords = 10;

    /// <summary>
    /// The number of each item of a list as its reader sees it: as written where the numbers rise ("1.", "2.", "4." after a
    /// rule was repealed), else counted from the first ("1.", "1.", "1." as an export writes them: 1, 2, 3). Null for bullets.
    /// </summary>
    private static List<string?> Numbers(ListBlock list)
    {
        var items = list.OfType<ListItemBlock>().ToList();
        if (!list.IsOrdered)
        {
            return [.. items.Select(_ => (string?)null)];
        }

        var rising = items.Zip(items.Skip(1)).All(p => p.First.Order < p.Second.Order);
        var first = int.TryParse(list.OrderedStart, out var start) ? start : 1;
        return [.. items.Select((item, i) => (string?)$"{(rising ? item.Order : first + i)}{list.OrderedDelimiter}")];
    }

    private void ListItem(ListItemBlock item, string? number, Place place)
    {
        // A toggle's question ("- Can I …?") or an outline's "1. **Purpose**" heads its section; the blocks under it are its
        // text, as a list at the margin would be.
        var headingLevel = _toggleQuestions.Contains(item) ? ToggleLevel() : _outlineHeadings.Contains(item) ? 2 : 0;
        if (headingLevel > 0)
        {
            var heading = LineTexts(((ParagraphBlock)item[0]).Inline!, place.Offset)[0];
            At(heading.Number);
            _sawText = true;
            StartSection(headingLevel, DocumentParser.CleanHeading(Clean(heading.Text)), heading.Number);
            for (var k = 1; k < item.Count; k++)
            {
                Block(item[k], place with { Outline = true });
            }

            return;
        }

        var level = place.ListDepth > 0 || !place.Quoted && !place.Outline && item.Column >= 2 ? 1 : 0;
        var inner = place with { ListDepth = place.ListDepth + 1 };
        for (var k = 0; k < item.Count; k++)
        {
            Block(item[k], k == 0 ? inner with { Item = new Item(level, number, place.ListDepth == 0 && !place.Quoted) } : inner with { Item = null });
        }
    }

    /// <summary>A line of a paragraph (or of a heading inside a list or quote), as the passage builder takes text.</summary>
    /// <param name="terms">The paragraph is a list of terms, a line each (<see cref="IsTermLine"/>): each is a passage.</param>
    private void Line(LineText line, int index, Place place, bool isParagraph, bool terms = false)
    {
        var (lineNo, raw, first) = line;
        At(lineNo);
        if (lineNo == _boldTitleLine)
        {
            _title = Clean(raw);
            return;
        }

        _sawText = true;
        var text = Clean(raw);
        var item = index == 0 ? place.Item : null;

        // A question in bold at the start of a paragraph or of a top-level list item ("1. **Can I …?**"), a "Q:"
        // line, or a bold line on its own heads a section too; an answer after the bold question on its line is the
        // section's first passage.
        var question = !place.Quoted && (item is null || item.TopLevel) ? BoldQuestion(first, raw) : null;
        var labelled = !place.Quoted && item is null ? LabelledQuestionRegex().Match(text) : Match.Empty;
        if (question is not null || labelled.Success
            || isParagraph && index == 0 && !place.Quoted && item is null
               && (IsBoldHeading(first, raw, lineNo) || _plainQuestions && place.ListDepth == 0 && DocumentParser.IsQuestionLine(_lines, lineNo - 1)))
        {
            var heading = question?.Question ?? (labelled.Success ? labelled.Groups["q"].Value : text.TrimEnd(':').TrimEnd());
            StartSection(2, DocumentParser.CleanHeading(Clean(heading)), lineNo);
            var answer = Answer(question?.After ?? "");
            if (answer.Length > 0)
            {
                _builder.Text(answer, lineNo);
                _last = lineNo;
            }

            return;
        }

        _last = lineNo;
        if (item is not null)
        {
            // A checklist's box ("- [ ] Headcount when boarding", "- [x] Form FT-1 filed") is no word of its item.
            text = item.Number is null ? TaskBoxRegex().Replace(text, "") : text;
            if (text.Length > 0)
            {
                _builder.Bullet(item.Level, item.Number is null ? text : item.Number + " " + text, lineNo);
            }
        }
        else if (DocumentParser.TryBullet(text, true, out _, out var bullet, keepNumber: true))
        {
            // A step or a word processor's bullet (•) that Markdown reads as a line of the paragraph.
            _builder.Bullet(first?.Column >= 2 && place.ListDepth == 0 ? 1 : 0, bullet, lineNo);
        }
        else if (terms && IsTermLine(first, raw))
        {
            _builder.Paragraph(text, lineNo);
            _sawText = true;
        }
        else
        {
            Text(Answer(raw), lineNo);
        }
    }

    /// <summary>
    /// A line that opens with a term in bold and says what it is: "**Authorized staff** — an employee who…",
    /// "**Phone:** 555-0100".
    /// </summary>
    private static bool IsTermLine(Inline? first, string raw) =>
        first is EmphasisInline { DelimiterCount: 2, DelimiterChar: '*' or '_' } bold && Render(bold) is { Length: > 0 } term
        && raw.StartsWith(term, StringComparison.Ordinal)
        && (term.TrimEnd().EndsWith(':') || TermSeparatorRegex().IsMatch(raw[term.Length..]));

    [GeneratedRegex(@"^\s*(?::|[—–-]\s)")]
    private static partial Regex TermSeparatorRegex();

    [GeneratedRegex(@"^\[[ xX]\][ \t]+(?=\S)")]
    private static partial Regex TaskBoxRegex();

    private void Text(string text, int lineNo)
    {
        if (text.Length > 0)
        {
            _builder.Text(text, lineNo);
            _last = lineNo;
            _sawText = true;
        }
    }

    private void FencedCode(FencedCodeBlock fenced, int lineNo, Place place)
    {
        if (fenced.ClosingFencedCharCount == 0 && fenced.Parent is MarkdownDocument)
        {
            throw new KnowledgeFormatException(lineNo, "a code block opened with ``` is never closed");
        }

        At(lineNo);
        _builder.Blank();
        foreach (var line in CodeLines(fenced, place))
        {
            At(line.Number, blankLinesEnd: false);
            Text(line.Text, line.Number);
        }

        // The closing fence: the line after the code, past blank lines in it.
        _cursor = Math.Max(_cursor, lineNo + fenced.Lines.Count + 1);
        _builder.Blank();
    }

    /// <summary>The lines of an HTML block; of a comment, only what follows its end on its last line.</summary>
    private static IEnumerable<string> HtmlText(HtmlBlock html)
    {
        var lines = (html.Lines.Lines ?? []).Take(html.Lines.Count).Select(l => l.Slice.ToString()).ToList();
        if (html.Type == HtmlBlockType.Comment && lines.Count > 0)
        {
            var end = lines[^1].LastIndexOf("-->", StringComparison.Ordinal);
            lines = [.. lines.Skip(1).Select(_ => ""), end < 0 ? "" : lines[^1][(end + 3)..]];
        }

        return lines;
    }

    /// <summary>
    /// An HTML block: a toggle's summary heads a section (<see cref="Summary"/>); a page's headings, paragraphs, lists and
    /// tables read as their Markdown would (<see cref="HtmlContent"/>); otherwise the tags go, and a comment with them, and
    /// the text between and after them is read as Markdown. The lines keep their numbers.
    /// </summary>
    private void Html(HtmlBlock html, int lineNo, Place place)
    {
        var block = HtmlLayoutTables.Unwrapped(string.Join('\n', HtmlText(html)));
        var outside = !place.Quoted && place.ListDepth == 0;
        if (outside && SummaryRegex().Match(block) is { Success: true } summary)
        {
            Summary(block, summary, lineNo, place);
        }
        else if (outside && html.Type != HtmlBlockType.Comment && HtmlStructureRegex().IsMatch(block))
        {
            HtmlContent(block, lineNo, place);
        }
        else
        {
            Blocks(ParseMarkdown(block, HtmlContentPipeline), place with { Offset = lineNo - 1, Item = null });
        }
    }

    /// <summary>
    /// A page written in HTML, as SharePoint, OneNote or a web editor exports one (<c>&lt;p&gt;</c> paragraphs,
    /// <c>&lt;h2&gt;</c> headings, <c>&lt;ul&gt;&lt;li&gt;</c> lists, <c>&lt;table&gt;</c> rows, several to a block): read as
    /// its Markdown equivalent. A paragraph is a passage, an item a bullet, a heading heads a section, a table row is a
    /// passage naming its columns; the text of each is read as Markdown (entities decoded, inline tags dropped).
    /// </summary>
    private void HtmlContent(string block, int lineNo, Place place)
    {
        var at = 0;
        var bullet = false;
        foreach (Match tag in HtmlStructureRegex().Matches(block))
        {
            HtmlPiece(block, at, tag.Index, bullet, lineNo, place);
            at = tag.Index + tag.Length;
            var line = lineNo + block.AsSpan(0, tag.Index).Count('\n');
            if (tag.Groups["heading"].Success)
            {
                // "<h2>Ordering Materials</h2>" heads a section, as "## Ordering Materials" does.
                At(line);
                _sawText = true;
                var words = HtmlWords(tag.Groups["heading"].Value);
                if (words.Length > 0)
                {
                    StartSection(tag.Groups["level"].Value[0] - '0', LetteredHeadingRegex().Replace(DocumentParser.CleanHeading(words), ""), line);
                }
            }
            else if (tag.Groups["table"].Success)
            {
                HtmlTable(tag.Value, line);
            }

            bullet = tag.Groups["item"].Success;
        }

        HtmlPiece(block, at, block.Length, bullet, lineNo, place);
    }

    /// <summary>The text of <paramref name="block"/> from <paramref name="from"/> to <paramref name="to"/>: a paragraph, or an item.</summary>
    private void HtmlPiece(string block, int from, int to, bool bullet, int lineNo, Place place)
    {
        var piece = block[from..to];
        var skipped = piece.Length - piece.TrimStart().Length;
        if (HtmlWords(piece).Length == 0)
        {
            return;
        }

        var line = lineNo + block.AsSpan(0, from + skipped).Count('\n');
        At(line);
        if (!bullet && HtmlBoldOnlyRegex().Match(HtmlFontRegex().Replace(piece, "").Trim()) is { Success: true } bold && !(_isIntro && _builder.IsEmpty)
            && HtmlWords(bold.Groups["text"].Value) is { Length: > 0 } heading
            && !".:;,!".Contains(heading[^1]) && heading.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length <= MaxBoldHeadingWords)
        {
            // "<p><strong>Prior Approval</strong></p>": a paragraph that is only bold heads a section, as "**Prior Approval**" does.
            _sawText = true;
            StartSection(2, DocumentParser.CleanHeading(heading), line);
            return;
        }

        if (!bullet)
        {
            _builder.Blank();
        }

        var content = ParseMarkdown(piece.Trim(), HtmlContentPipeline);
        Blocks(content, place with { Offset = line - 1, Item = bullet ? new Item(0, null, TopLevel: true) : null });
        if (!bullet)
        {
            _builder.Blank();
        }
    }

    /// <summary>
    /// An HTML table's rows, each a passage naming its columns as a Markdown table's are. Its header is the rows in
    /// <c>&lt;thead&gt;</c>, or its first row with the rows of header cells under a spanning one ("Meal allowance" over
    /// "Breakfast", "Lunch", "Dinner": the columns "Meal allowance, Breakfast" …). A cell spanning rows stands in each of
    /// them ("Overnight" beside "In state" and "Out of state"); one spanning columns is named by what they share.
    /// </summary>
    private void HtmlTable(string table, int lineNo)
    {
        _sawText = true;
        var head = HtmlHeadRegex().Match(table);
        var rows = HtmlRowRegex().Matches(table).Select(row => (Row: row, Cells: (IReadOnlyList<HtmlCell>)[.. HtmlCellRegex().Matches(row.Value).Select(c => HtmlTableGrid.Cell(c.Groups["kind"].Value, c.Groups["attributes"].Value, HtmlWords(c.Groups["text"].Value)))])).ToArray();
        var grid = HtmlTableGrid.Of([.. rows.Select(r => r.Cells)]);
        var headerRows = 0;
        if (head.Success)
        {
            headerRows = rows.Count(r => r.Row.Index >= head.Index && r.Row.Index < head.Index + head.Length);
        }
        else if (rows.Length > 1 || rows.Length == 1 && rows[0].Cells.Any(c => c.IsHeader))
        {
            // The first row, and the rows of header cells under one that spans.
            headerRows = 1;
            while (headerRows < rows.Length && rows[headerRows].Cells.All(c => c.IsHeader) && grid.Spans(headerRows))
            {
                headerRows++;
            }
        }

        for (var r = headerRows; r < rows.Length; r++)
        {
            var line = lineNo + table.AsSpan(0, rows[r].Row.Index).Count('\n');
            At(line);
            _last = line;
            var (names, cells) = grid.Row(r, headerRows);
            if (RowText(headerRows > 0 ? names : null, cells) is { Length: > 0 } text)
            {
                _builder.Bullet(0, text, line);
            }
        }
    }

    /// <summary>A table's header rows, as they may be written without a <c>&lt;thead&gt;</c>.</summary>
    [GeneratedRegex(@"<thead\b[^>]*>.*?</thead\s*>", RegexOptions.IgnoreCase | RegexOptions.Singleline)]
    private static partial Regex HtmlHeadRegex();

    /// <summary>
    /// What structures an HTML page: a heading (its level and text), a table, and the tags that open or close a paragraph, a
    /// list or an item (an item's opening tag captured). A block with none of them is a wrapper or a comment.
    /// </summary>
    [GeneratedRegex(@"<h(?<level>[1-6])\b[^>]*>(?<heading>.*?)</h\k<level>\s*>|(?<table><table\b.*?</table\s*>)|(?<item><li\b[^>]*>)|</?(?:p|li|ul|ol|div|blockquote|section|article|dl|dt|dd)\b[^>]*>",
        RegexOptions.IgnoreCase | RegexOptions.Singleline)]
    private static partial Regex HtmlStructureRegex();

    /// <summary>How many words a bold line may have to head a section.</summary>
    private const int MaxBoldHeadingWords = 10;

    /// <summary>A paragraph's whole text in bold: "&lt;strong&gt;Prior Approval&lt;/strong&gt;".</summary>
    [GeneratedRegex(@"^<(?<tag>strong|b)\b[^>]*>(?<text>[^<]{1,100})</\k<tag>\s*>$", RegexOptions.IgnoreCase)]
    private static partial Regex HtmlBoldOnlyRegex();

    /// <summary>A font or span tag, which only styles: "&lt;b&gt;&lt;font size=4&gt;Open Enrollment&lt;/font&gt;&lt;/b&gt;" is bold all the same.</summary>
    [GeneratedRegex(@"</?(?:font|span)\b[^>]*>", RegexOptions.IgnoreCase)]
    private static partial Regex HtmlFontRegex();

    [GeneratedRegex(@"<tr\b[^>]*>.*?</tr\s*>", RegexOptions.IgnoreCase | RegexOptions.Singleline)]
    private static partial Regex HtmlRowRegex();

    [GeneratedRegex(@"<t(?<kind>[hd])\b(?<attributes>[^>]*)>(?<text>.*?)</t[hd]\s*>", RegexOptions.IgnoreCase | RegexOptions.Singleline)]
    private static partial Regex HtmlCellRegex();

    /// <summary>
    /// A toggle, as Notion and GitHub write a collapsible FAQ entry (<c>&lt;details&gt;&lt;summary&gt;Can I bring homemade
    /// treats?&lt;/summary&gt;</c> over its answer): the summary heads a section, under the <c>##</c> heading it sits in, and
    /// what follows it in the block is the section's text.
    /// </summary>
    private void Summary(string block, Match summary, int lineNo, Place place)
    {
        var at = lineNo + block.AsSpan(0, summary.Index).Count('\n');
        At(at);
        var question = ExpandHintRegex().Replace(HtmlWords(summary.Groups["text"].Value), "");
        if (question.Length > 0)
        {
            _sawText = true;
            StartSection(ToggleLevel(), DocumentParser.CleanHeading(question), at);
        }

        var rest = block[(summary.Index + summary.Length)..];
        var restLine = at + summary.ValueSpan.Count('\n');
        Blocks(ParseMarkdown(rest, HtmlContentPipeline), place with { Offset = restLine - 1, Item = null });
    }

    /// <summary>The level of a toggle's section: the one the first toggle since the last heading took (<see cref="_toggleLevel"/>).</summary>
    private int ToggleLevel() => _toggleLevel ??= _currentH2 is not null && !_isIntro ? 3 : 2;

    [GeneratedRegex(@"<summary\b[^>]*>(?<text>.*?)</summary\s*>", RegexOptions.IgnoreCase | RegexOptions.Singleline)]
    private static partial Regex SummaryRegex();

    /// <summary>The words of an HTML fragment: entities decoded, tags dropped, spaces collapsed.</summary>
    private static string HtmlWords(string html) => Clean(HtmlTagRegex().Replace(WebUtility.HtmlDecode(html), " "));

    /// <summary>What a toggle tells the reader to do, not what it is about: "(click to expand)", "(expand)", "- show more".</summary>
    [GeneratedRegex(@"\s*(?:\(\s*(?:click|tap)?\s*(?:here\s+)?(?:to\s+)?(?:expand|open|show|see more|show more)\s*\)|[-–—:]\s*(?:click|tap)\s+to\s+(?:expand|open)|[-–—:]\s*show more)\s*$", RegexOptions.IgnoreCase)]
    private static partial Regex ExpandHintRegex();

    /// <summary>The non-blank lines of a code block, trimmed, with their 1-based numbers.</summary>
    private static IEnumerable<(int Number, string Text)> CodeLines(LeafBlock code, Place place) =>
        (code.Lines.Lines ?? []).Take(code.Lines.Count)
            .Select(l => (Number: l.Line + place.Offset + 1, Text: l.Slice.ToString().Trim()))
            .Where(l => l.Text.Length > 0);

    /// <summary>A table: every row after the header is a passage that names each value's column ("Staff group: Teachers — Sick days: 10").</summary>
    private void Table(Table table, Place place)
    {
        _sawText = true;
        IReadOnlyList<string>? header = null;
        foreach (var row in table.OfType<TableRow>())
        {
            var lineNo = row.Line + place.Offset + 1;
            At(lineNo);
            _last = lineNo;
            var cells = row.OfType<TableCell>().Select(CellText).ToArray();
            if (row.IsHeader)
            {
                header = cells;
                _last = lineNo + 1;
                continue;
            }

            if (RowText(header, cells) is { Length: > 0 } text)
            {
                _builder.Bullet(0, text, lineNo);
            }
        }
    }

    /// <summary>A table row's passage, each value named by its column: "Staff group: Teachers — Sick days: 10".</summary>
    internal static string RowText(IReadOnlyList<string>? header, IReadOnlyList<string> cells) =>
        string.Join(" — ", cells
            .Select((c, k) => header is not null && k < header.Count && header[k].Length > 0 && c.Length > 0 ? $"{header[k]}: {c}" : c)
            .Where(c => c.Length > 0));

    private static string CellText(TableCell cell) =>
        Clean(string.Join(' ', cell.OfType<LeafBlock>().Select(b => b.Inline is null ? "" : Render(b.Inline, addresses: true))));

    /// <summary>
    /// A line in bold on its own, after a blank line, that reads as a heading ("**Dress code**"): a few words, not a
    /// sentence or a lead-in (no closing full stop or colon), with text after it. (The parser does not take one that
    /// comes before any text, such as "**Effective 1 September**" under the title, for a heading.)
    /// </summary>
    private bool IsBoldHeading(Inline? first, string raw, int lineNo)
    {
        if (first is not EmphasisInline { DelimiterCount: 2, DelimiterChar: '*' or '_' } bold || bold.NextSibling is not (null or LineBreakInline)
            || bold.Descendants<Inline>().Any(i => i is not LiteralInline) || lineNo - 1 > _bodyStart && !string.IsNullOrWhiteSpace(_lines[lineNo - 2])
            || _isIntro && _builder.IsEmpty || lineNo < _boldTitleLine)
        {
            return false;
        }

        var text = Clean(raw);
        return text.Length > 0 && (!".:;,!".Contains(text[^1]) || DocumentParser.IsContactHeading(text)) && text.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length <= 10
               && _lines.Skip(lineNo).Select((l, k) => (Line: l, Number: lineNo + k + 1)).FirstOrDefault(l => !string.IsNullOrWhiteSpace(l.Line)) is { Line: not null } next
               && !_atxHeadingLines.Contains(next.Number);
    }

    /// <summary>A bold question at the start of a line ("**Can I …?**"), alone or with the answer after it.</summary>
    private static (string Question, string After)? BoldQuestion(Inline? first, string raw)
    {
        if (first is not EmphasisInline { DelimiterCount: 2, DelimiterChar: '*' or '_' } bold || Render(bold) is not { } question
            || !raw.StartsWith(question, StringComparison.Ordinal))
        {
            return null;
        }

        var rest = raw[question.Length..];
        return question.TrimEnd().EndsWith('?') && (rest.Length == 0 || char.IsWhiteSpace(rest[0])) ? (question, rest) : null;
    }

    /// <summary>A line of an answer, without an "A:" label before it.</summary>
    private static string Answer(string raw)
    {
        var text = Clean(raw);
        var answer = AnswerRegex().Match(text);
        return answer.Success ? answer.Groups[1].Value.Trim() : text;
    }

    /// <summary>One source line of a paragraph: its 1-based number, its text with the Markdown taken out, and its first inline.</summary>
    private readonly record struct LineText(int Number, string Text, Inline? First);

    /// <summary>The lines of a paragraph's inlines, split at its line breaks (<paramref name="offset"/>: the lines before the parsed text).</summary>
    /// <param name="addresses">Links keep their web or mail address after their words (<see cref="Address"/>); a heading's do not.</param>
    private static List<LineText> LineTexts(ContainerInline inline, int offset, bool addresses = true)
    {
        var lines = new List<LineText>();
        var text = new StringBuilder();
        // A paragraph or setext heading that failed to be a link definition ("[a]: Approved by the board", "[JS2]Jamie")
        // comes back with its inlines numbered from the top of the text: its own line is the block's (a setext heading's
        // is its underline, from which Markdig numbers its lines).
        var firstLine = inline.FirstChild?.Line ?? inline.ParentBlock!.Line;
        var number = (inline.ParentBlock is ParagraphBlock or HeadingBlock ? Math.Max(firstLine, inline.ParentBlock.Line) : firstLine) + offset + 1;
        Inline? first = null;
        var started = false;

        void Add(Inline child)
        {
            switch (child)
            {
                case LineBreakInline lineBreak:
                    lines.Add(new LineText(number, text.ToString(), first));
                    text.Clear();
                    number = lineBreak.Line + offset + 2;
                    (first, started) = (null, false);
                    break;
                case ContainerInline container when container.Descendants<LineBreakInline>().Any():
                    // Emphasis, a link or an unmatched "[" that runs on to the next line.
                    started = true;
                    text.Append((container as DelimiterInline)?.ToLiteral());
                    foreach (var inner in container)
                    {
                        Add(inner);
                    }

                    text.Append(addresses && container is LinkInline link ? Address(link, Render(link)) : "");
                    break;
                default:
                    first = started ? first : child;
                    started = true;
                    text.Append(Render(child, addresses));
                    break;
            }
        }

        foreach (var child in inline)
        {
            Add(child);
        }

        lines.Add(new LineText(number, text.ToString(), first));
        return lines;
    }

    /// <summary>
    /// An inline's text: emphasis, code spans, links and images reduced to their words, HTML tags dropped (a
    /// <c>&lt;br&gt;</c> is a space). With <paramref name="addresses"/>, a link keeps its address after its words.
    /// </summary>
    private static string Render(Inline inline, bool addresses = false, int depth = 0) => depth > MaxInlineDepth
        ? throw new KnowledgeFormatException(0, TooDeep)
        : inline switch
        {
            LinkInline link when addresses && !link.IsImage => WithAddress(link, depth),
            FootnoteLink { IsBackLink: false, Footnote: { } note } when addresses && depth < MaxInlineDepth / 2 => FootnoteText(note, depth),
            LiteralInline literal => literal.Content.ToString(),
            CodeInline code => code.Content,
            AutolinkInline { IsEmail: true } email => $"<{email.Url}>",
            AutolinkInline link => link.Url,
            HtmlEntityInline entity => entity.Transcoded.ToString(),
            HtmlInline html => LineBreakTagRegex().IsMatch(html.Tag) ? " " : "",
            LineBreakInline => " ",
            DelimiterInline unmatched => unmatched.ToLiteral() + string.Concat(unmatched.Select(c => Render(c, addresses, depth + 1))),
            ContainerInline container => string.Concat(container.Select(c => Render(c, addresses, depth + 1))),
            _ => "",
        };

    /// <summary>
    /// A link's address to read after its <paramref name="words"/>, " (https://…)", so the guideline text keeps where a form
    /// or page is: web and mail addresses only (a link within the document or to a relative path leads nowhere in a
    /// chat), and nothing when the words already are the address.
    /// </summary>
    private static string Address(LinkInline link, string words)
    {
        if (link.IsImage || !Uri.TryCreate(link.Url, UriKind.Absolute, out var uri)
            || uri.Scheme is not ("http" or "https" or "mailto"))
        {
            return "";
        }

        var address = uri.Scheme == "mailto" ? uri.OriginalString["mailto:".Length..] : uri.OriginalString;
        var shown = words.Trim();
        return shown.Length == 0 ? address
            : string.Equals(Bare(shown), Bare(address), StringComparison.OrdinalIgnoreCase) ? ""
            : $" ({address})";
    }

    /// <summary>
    /// A footnote's text, read where it is referenced: " (Approved by the board in 2024.)" after "How staff take leave.",
    /// so the note stands with what it explains and not at the end of the last section (a note that refers to notes is read
    /// with them, to a bounded depth).
    /// </summary>
    private static string FootnoteText(Footnote note, int depth = 0)
    {
        var text = Clean(string.Join(' ', note.Descendants<LeafBlock>().Select(b => b.Inline is null ? "" : Render(b.Inline, addresses: true, depth + 1))));
        return text.Length == 0 ? "" : $" ({text})";
    }

    /// <summary>An address as people write it in text: no scheme, no "www.", no closing slash.</summary>
    private static string Bare(string address)
    {
        var bare = address.TrimEnd('/');
        foreach (var prefix in (string[])["https://", "http://", "www."])
        {
            bare = bare.StartsWith(prefix, StringComparison.OrdinalIgnoreCase) ? bare[prefix.Length..] : bare;
        }

        return bare;
    }

    private static string WithAddress(LinkInline link, int depth)
    {
        var words = Render(link, addresses: false, depth + 1);
        return words + Address(link, words);
    }

    /// <summary>
    /// How deep <see cref="Render"/> follows inlines inside inlines: Markdig's own limit does not stop emphasis nested
    /// tens of thousands deep (<c>**</c> × 26,000), which would overflow the stack; no writing nests a tenth of this.
    /// </summary>
    private const int MaxInlineDepth = 256;

    private const string TooDeep = "the Markdown nests lists, quotes, brackets or emphasis too deeply to be read";

    /// <summary>Runs of spaces made one, and the ends trimmed.</summary>
    private static string Clean(string text) => SpacesRegex().Replace(text, " ").Trim();

    /// <summary>A question after a label: "Q: …", "Q1: …", "Question: …".</summary>
    [GeneratedRegex(@"^(?:Q|Question)(?>\s*)\d{0,3}(?>\s*):\s*(?<q>\S.*)$", RegexOptions.IgnoreCase)]
    private static partial Regex LabelledQuestionRegex();

    [GeneratedRegex(@"^(?:A|Answer)\s*:\s+(.*)$", RegexOptions.IgnoreCase)]
    private static partial Regex AnswerRegex();

    /// <summary>An HTML heading alone in its block: <c>&lt;h2&gt;Ordering Materials&lt;/h2&gt;</c>.</summary>
    [GeneratedRegex(@"^\s*<h(?<level>[1-6])\b[^>]*>(?<text>.*?)</h\k<level>\s*>\s*$", RegexOptions.IgnoreCase | RegexOptions.Singleline)]
    private static partial Regex HtmlHeadingRegex();

    [GeneratedRegex(@"<[^>]*>")]
    private static partial Regex HtmlTagRegex();

    /// <summary>A heading's letter in an outline ("### a) Goggles" under "## 1) Overview"): its place, not its words.</summary>
    [GeneratedRegex(@"^[a-z]\)\s+(?=\S)")]
    private static partial Regex LetteredHeadingRegex();

    [GeneratedRegex(@"^<br\s*/?>$", RegexOptions.IgnoreCase)]
    private static partial Regex LineBreakTagRegex();

    [GeneratedRegex(@"[ \t]{2,}")]
    internal static partial Regex SpacesRegex();
}
