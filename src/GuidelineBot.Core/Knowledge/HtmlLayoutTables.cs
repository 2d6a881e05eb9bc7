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
            text.Append(name is "td" or "th" ? (tag.Groups["close"].Success ? "</div>" : "<div>") : "");
            text.Append('\n', tag.ValueSpan.Count('\n'));
            at = tag.Index + tag.Length;
        }

        text.Append(block, at, block.Length - at);
        return WithoutMailFurniture(text.ToString());
    }

    /// <summary>The text less a hidden preview line, a "View in browser" cell and a cell with an unsubscribe link; lines kept.</summary>
    private static string WithoutMailFurniture(string text)
    {
        var blanked = text.ToCharArray();
        foreach (var regex in new[] { HiddenRegex(), BrowserCellRegex(), UnsubscribeCellRegex() })
        {
            foreach (Match furniture in regex.Matches(text))
            {
                for (var i = furniture.Index; i < furniture.Index + furniture.Length; i++)
                {
                    if (blanked[i] != '\n')
                    {
                        blanked[i] = ' ';
                    }
                }
            }
        }

        return new string(blanked);
    }

    /// <summary>One table as its own tags show it (a nested table's are its own): its rows' cell counts, header cells, nesting.</summary>
    private sealed class Table(bool IsPresentation)
    {
        public List<Match> Tags { get; } = [];

        public List<int> Rows { get; } = [];

        public bool HasHeader { get; set; }

        public bool Nests { get; set; }

        /// <summary>Layout: it holds a table, says it is for presentation, or is a column of two or more single cells without a header.</summary>
        public bool IsLayout => Nests || IsPresentation || !HasHeader && Rows.Count >= 2 && Rows.All(cells => cells <= 1);
    }

    [GeneratedRegex(@"<(?<close>/)?(?<name>table|thead|tbody|tfoot|tr|td|th)\b[^>]*>", RegexOptions.IgnoreCase)]
    private static partial Regex TableTagRegex();

    [GeneratedRegex(@"\brole\s*=\s*[""']?(?:presentation|none)\b", RegexOptions.IgnoreCase)]
    private static partial Regex PresentationRegex();

    /// <summary>An element the reader never sees: a newsletter's preview line (<c>style="display:none"</c>).</summary>
    [GeneratedRegex(@"<(?<tag>div|span|p)\b[^>]*\bdisplay\s*:\s*none\b[^>]*>.*?</\k<tag>\s*>", RegexOptions.IgnoreCase | RegexOptions.Singleline)]
    private static partial Regex HiddenRegex();

    /// <summary>A cell offering the mail as a web page: "Having trouble viewing this email? View in browser".</summary>
    [GeneratedRegex(@"<div>(?:(?!</?div>).){0,400}?\bview\s+(?:it\s+)?(?:in\s+(?:your\s+)?browser|online|as\s+a\s+web\s*page)\b(?:(?!</?div>).){0,200}?</div>", RegexOptions.IgnoreCase | RegexOptions.Singleline)]
    private static partial Regex BrowserCellRegex();

    /// <summary>A cell with an unsubscribe link: the mail's footer.</summary>
    [GeneratedRegex(@"<div>(?:(?!</?div>).){0,1500}?>\s*unsubscribe\s*</a>(?:(?!</?div>).){0,1500}?</div>", RegexOptions.IgnoreCase | RegexOptions.Singleline)]
    private static partial Regex UnsubscribeCellRegex();
}
