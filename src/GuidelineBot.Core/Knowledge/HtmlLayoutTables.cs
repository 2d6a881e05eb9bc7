using System.Text;
using System.Text.RegularExpressions;

namespace GuidelineBot.Core.Knowledge;

/// <summary>
/// Tables that lay a page out instead of holding data, as an e-mail newsletter is built (tables inside tables, a column
/// of one cell per row: "View in browser", a banner, a headline in bold, its paragraphs, the next headline, the
/// unsubscribe footer). Read as a data table, the first row's text named every other row. Here a layout table's own rows
/// and cells become blocks of the page (each cell a <c>&lt;div&gt;</c>), so a headline cell heads a section and the cell
/// under it is its text, as the page reads; a data table inside one stays a table. Its mail furniture (a hidden preview
/// line, "View in browser", the unsubscribe footer) goes. Every line keeps its number.
/// </summary>
internal static partial class HtmlLayoutTables
{
    /// <summary><paramref name="block"/> with its layout tables' own tags turned into blocks; the same text when it has none.</summary>
    public static string Unwrapped(string block)
    {
        if (!block.Contains("<table", StringComparison.OrdinalIgnoreCase))
        {
            return block;
        }

        var tags = TableTagRegex().Matches(block);
        var tables = new List<Table>();
        var open = new Stack<Table>();
        foreach (Match tag in tags)
        {
            var name = tag.Groups["name"].Value.ToLowerInvariant();
            var closing = tag.Groups["close"].Success;
            if (name == "table" && !closing)
            {
                var table = new Table(IsPresentation: PresentationRegex().IsMatch(tag.Value));
                if (open.TryPeek(out var parent))
                {
                    parent.Nests = true;
                }

                table.Tags.Add(tag);
                tables.Add(table);
                open.Push(table);
                continue;
            }

            if (!open.TryPeek(out var current))
            {
                continue;
            }

            current.Tags.Add(tag);
            if (name == "table")
            {
                open.Pop();
            }
            else if (!closing && name == "tr")
            {
                current.Rows.Add(0);
            }
            else if (!closing && name is "td" or "th")
            {
                current.HasHeader |= name == "th";
                if (current.Rows.Count > 0)
                {
                    current.Rows[^1]++;
                }

                current.HasRichCell |= IsRich(block, tag.Index + tag.Length);
            }
            else if (name == "thead")
            {
                current.HasHeader = true;
            }
        }

        var layout = tables.Where(t => t.IsLayout).SelectMany(t => t.Tags).OrderBy(t => t.Index).ToList();
        if (layout.Count == 0)
        {
            return block;
        }

        var text = new StringBuilder(block.Length);
        var at = 0;
        foreach (var tag in layout)
        {
            text.Append(block, at, tag.Index - at);
            var name = tag.Groups["name"].Value.ToLowerInvariant();
            text.Append(name is "td" or "th" ? (tag.Groups["close"].Success ? "</div>" : CellOpening) : "");
            text.Append('\n', tag.ValueSpan.Count('\n'));
            at = tag.Index + tag.Length;
        }

        text.Append(block, at, block.Length - at);
        return WithoutMailFurniture(text.ToString());
    }

    /// <summary>What a layout table's cell opens with once unwrapped: a block, marked so that only cells are looked at as mail furniture.</summary>
    private const string CellOpening = "<div data-cell>";

    /// <summary>
    /// The text less the mail's furniture, lines kept: a hidden preview line before the first cell, a short "View in
    /// browser" cell among the first cells, a short cell with an unsubscribe link among the last ones, and Outlook's
    /// namespaced tags ("&lt;o:p&gt;&lt;/o:p&gt;").
    /// </summary>
    private static string WithoutMailFurniture(string text)
    {
        var blanked = text.ToCharArray();

        var firstCell = text.IndexOf(CellOpening, StringComparison.Ordinal);
        if (firstCell > 0 && HiddenRegex().Match(text[..firstCell]) is { Success: true } hidden && WordCount(hidden.Value) <= MaxFurnitureWords)
        {
            HtmlPage.Blank(blanked, hidden.Index, hidden.Index + hidden.Length);
        }

        // (Among three cells or more: a page of one or two cells is its text.)
        var cells = Cells(text).Where(c => c.Words > 0).ToList();
        if (cells.Count >= MinFurnitureCells)
        {
            foreach (var cell in cells.Take(FurnitureCells).Where(c => c.Words <= MaxFurnitureWords && BrowserLinkRegex().IsMatch(text.AsSpan(c.Start, c.End - c.Start))))
            {
                HtmlPage.Blank(blanked, cell.Start, cell.End);
            }

            foreach (var cell in cells.TakeLast(FurnitureCells).Where(c => c.Words <= MaxFooterWords && UnsubscribeLinkRegex().IsMatch(text.AsSpan(c.Start, c.End - c.Start))
                                                                           && FooterCueRegex().IsMatch(text.AsSpan(c.Start, c.End - c.Start))))
            {
                HtmlPage.Blank(blanked, cell.Start, cell.End);
            }
        }

        foreach (Match tag in NamespacedTagRegex().Matches(text))
        {
            HtmlPage.Blank(blanked, tag.Index, tag.Index + tag.Length);
        }

        return new string(blanked);
    }

    /// <summary>The unwrapped cells with no block inside, in order: where each starts and ends, and its words.</summary>
    private static IEnumerable<(int Start, int End, int Words)> Cells(string text)
    {
        for (var at = text.IndexOf(CellOpening, StringComparison.Ordinal); at >= 0; at = text.IndexOf(CellOpening, at + 1, StringComparison.Ordinal))
        {
            var inner = at + CellOpening.Length;
            var close = text.IndexOf("</div>", inner, StringComparison.OrdinalIgnoreCase);
            var open = close < 0 ? -1 : text.IndexOf("<div", inner, close - inner, StringComparison.OrdinalIgnoreCase);
            if (close >= 0 && open < 0)
            {
                yield return (at, close + "</div>".Length, WordCount(text[inner..close]));
            }
        }
    }

    /// <summary>Whether the cell content that starts at <paramref name="from"/> holds a page's blocks (looked at up to its first closing tag of a cell).</summary>
    private static bool IsRich(string block, int from)
    {
        var end = block.IndexOf("</t", from, StringComparison.OrdinalIgnoreCase);
        var content = block.AsSpan(from, (end < 0 ? block.Length : end) - from);
        return content.Contains("<br", StringComparison.OrdinalIgnoreCase) || content.Contains("<p", StringComparison.OrdinalIgnoreCase)
               || content.Contains("<table", StringComparison.OrdinalIgnoreCase) || WordCount(content.ToString()) >= MinRichWords;
    }

    private static int WordCount(string html) => PlainTextParser.WordCount(TagRegex().Replace(html, " "));

    /// <summary>A cell of a paragraph's worth of words holds the page's text, not a list's item.</summary>
    private const int MinRichWords = 25;

    /// <summary>How many of the first (and the last) cells with words are looked at for the mail's header (and footer).</summary>
    private const int FurnitureCells = 3;

    /// <summary>A mail laid out in fewer cells with words has no furniture of its own: its one or two cells are its text.</summary>
    private const int MinFurnitureCells = 3;

    /// <summary>A "View in browser" cell or a hidden preview line is a line or two.</summary>
    private const int MaxFurnitureWords = 40;

    /// <summary>A footer cell with the unsubscribe link (why you get the mail, the address, the links) is short.</summary>
    private const int MaxFooterWords = 80;

    /// <summary>One table as its own tags show it (a nested table's are its own): its rows' cell counts, header cells, nesting.</summary>
    private sealed class Table(bool IsPresentation)
    {
        public List<Match> Tags { get; } = [];

        public List<int> Rows { get; } = [];

        public bool HasHeader { get; set; }

        public bool Nests { get; set; }

        /// <summary>A cell holds a page's blocks: a paragraph's worth of words, line breaks, paragraphs or a table.</summary>
        public bool HasRichCell { get; set; }

        /// <summary>
        /// Layout: it says it is for presentation, or, with no header cells (a data table names its columns), it holds a
        /// table or is a column of two or more single cells of which one holds a page's blocks (a list's column of short
        /// cells under its caption is data).
        /// </summary>
        public bool IsLayout => IsPresentation || !HasHeader && (Nests || Rows.Count >= 2 && Rows.All(cells => cells <= 1) && HasRichCell);
    }

    [GeneratedRegex(@"<(?<close>/)?(?<name>table|thead|tbody|tfoot|tr|td|th)\b[^>]*>", RegexOptions.IgnoreCase)]
    private static partial Regex TableTagRegex();

    [GeneratedRegex(@"\brole\s*=\s*[""']?(?:presentation|none)\b", RegexOptions.IgnoreCase)]
    private static partial Regex PresentationRegex();

    /// <summary>An element the reader never sees: a newsletter's preview line (<c>style="display:none"</c>).</summary>
    [GeneratedRegex(@"<(?<tag>div|span|p|td)\b[^>]*\bdisplay\s*:\s*none\b[^>]*>[^<]{0,400}</\k<tag>\s*>", RegexOptions.IgnoreCase)]
    private static partial Regex HiddenRegex();

    /// <summary>An offer of the mail as a web page: "View in browser", "View this email online", "View as Webpage".</summary>
    [GeneratedRegex(@"\bview\s+(?:this\s+e-?mail\s+|it\s+)?(?:in\s+(?:your\s+|a\s+)?(?:web\s+)?browser|online|as\s+a?\s*web\s*page)\b", RegexOptions.IgnoreCase)]
    private static partial Regex BrowserLinkRegex();

    /// <summary>A link to unsubscribe.</summary>
    [GeneratedRegex(@">\s*unsubscribe\b[^<]{0,60}</a>", RegexOptions.IgnoreCase)]
    private static partial Regex UnsubscribeLinkRegex();

    /// <summary>What else a mail's footer says besides its unsubscribe link: why you get it, your preferences, the sender's address or rights.</summary>
    [GeneratedRegex(@"\b(?:you\s+(?:are\s+)?receiv|this\s+(?:e-?mail|message)\s+was\s+sent|sent\s+to\b|preferences|privacy|copyright|all\s+rights\s+reserved|mailing\s+list|opt\s+out|do\s+not\s+reply)|©", RegexOptions.IgnoreCase)]
    private static partial Regex FooterCueRegex();

    /// <summary>Outlook's tags of an Office namespace: "&lt;o:p&gt;", "&lt;/o:p&gt;".</summary>
    [GeneratedRegex(@"</?[a-z]{1,5}:[a-z]{1,20}\b[^>]{0,200}>", RegexOptions.IgnoreCase)]
    private static partial Regex NamespacedTagRegex();

    [GeneratedRegex(@"<[^>]{0,500}>")]
    private static partial Regex TagRegex();
}
