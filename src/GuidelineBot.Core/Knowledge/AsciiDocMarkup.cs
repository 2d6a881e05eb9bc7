using System.Text.RegularExpressions;

namespace GuidelineBot.Core.Knowledge;

/// <summary>
/// A page written in AsciiDoc ("= Title", "== Section", ":revdate:" attributes, "NOTE:" paragraphs, "|===" tables, "*"
/// and "." lists), saved as Markdown or as text: rewritten as the Markdown it stands for, line for line, so that every
/// line keeps its number.
/// </summary>
internal static partial class AsciiDocMarkup
{
    /// <summary>How many section headings ("==", "===") a page needs to be read as AsciiDoc.</summary>
    private const int MinHeadings = 2;

    /// <summary>
    /// AsciiDoc: two or more section headings ("== Planning", "=== Overnight Trips") and no Markdown heading; in a text
    /// file the page must also open with its "= Title" line (a plain memo's "=== GIFTS ===" banners stay text).
    /// </summary>
    public static bool IsAsciiDoc(IReadOnlyList<string> lines, bool textFile)
    {
        if (lines.Count(l => HeadingRegex().Match(l) is { Success: true } m && m.Groups["level"].Length > 1 && !m.Groups["text"].Value.EndsWith('=')) < MinHeadings
            || lines.Any(l => AtxHeadingRegex().IsMatch(l)))
        {
            return false;
        }

        return !textFile || lines.FirstOrDefault(l => !string.IsNullOrWhiteSpace(l)) is { } first && TitleRegex().IsMatch(first);
    }

    /// <summary>
    /// The page as Markdown: headings ("==" → "##"); attribute entries, block attributes and anchors, comments, block
    /// delimiters and directives go; an attribute's reference reads as its value ("{helpdesk}" → "ext. 4357"); an
    /// admonition ("NOTE: …", "[IMPORTANT]" over a paragraph) reads "Note: …"; lists ("*", "**", ".", "..") become
    /// Markdown's, numbered; a "Term:: text" reads "Term: text"; cross references and links read as their words; a
    /// table's rows ("|===") become items naming their columns, each on its row's first line.
    /// </summary>
    public static List<string> FromAsciiDoc(List<string> body)
    {
        var attributes = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var table = new AsciiDocTable();
        var numbers = new List<int>();
        var fenced = false;
        var comment = false;
        string? label = null;
        int? columns = null;
        for (var k = 0; k < body.Count; k++)
        {
            var line = body[k];
            if (line.TrimStart().StartsWith("```", StringComparison.Ordinal))
            {
                fenced = !fenced;
                continue;
            }

            if (fenced)
            {
                continue;
            }

            if (CommentBlockRegex().IsMatch(line))
            {
                comment = !comment;
                body[k] = "";
                continue;
            }

            if (comment || line.StartsWith("//", StringComparison.Ordinal))
            {
                body[k] = "";
                continue;
            }

            if (table.Read(body, k, columns, text => Inline(text, attributes)))
            {
                columns = null;
                continue;
            }

            if (ListRegex().Match(line) is { Success: true } item)
            {
                var marks = item.Groups["marks"].Value;
                body[k] = WikiMarkup.ListItemMark(numbers, marks == "-" ? 0 : marks.Length - 1, numbered: marks[0] == '.') + Inline(item.Groups["text"].Value, attributes);
                continue;
            }

            if (line.Trim().Length > 0 && !ContinuationRegex().IsMatch(line))
            {
                numbers.Clear();
            }

            if (AttributeEntryRegex().Match(line) is { Success: true } entry)
            {
                attributes[entry.Groups["name"].Value] = entry.Groups["value"].Value.Trim();
                body[k] = "";
            }
            else if (BlockAttributeRegex().Match(line) is { Success: true } block)
            {
                // "[cols=\"1,3\"]" says how many columns the table under it has; "[NOTE]" labels the paragraph under it.
                columns = ColumnCount(block.Value) ?? columns;
                label = AdmonitionRegex().Match(block.Groups["name"].Value) is { Success: true } admonition ? Label(admonition.Value) : label;
                body[k] = "";
            }
            else if (HeadingRegex().Match(line) is { Success: true } heading)
            {
                body[k] = new string('#', heading.Groups["level"].Length) + " " + Inline(heading.Groups["text"].Value.TrimEnd('=', ' ', '\t'), attributes);
            }
            else if (DelimiterRegex().IsMatch(line) || ContinuationRegex().IsMatch(line) || DirectiveRegex().IsMatch(line))
            {
                body[k] = "";
            }
            else if (BlockTitleRegex().Match(line) is { Success: true } title)
            {
                // ".Before you copy" over a list or a table: the words it is titled by.
                body[k] = Inline(title.Groups["text"].Value, attributes) + ":";
            }
            else if (line.Trim().Length > 0)
            {
                var text = line;
                if (AdmonitionParagraphRegex().Match(text) is { Success: true } admonition)
                {
                    text = Label(admonition.Groups["kind"].Value) + " " + admonition.Groups["text"].Value;
                }
                else if (label is not null)
                {
                    text = label + " " + text.TrimStart();
                }

                label = null;
                body[k] = DescriptionRegex().Replace(Inline(HardBreakRegex().Replace(text, ""), attributes), "${term}:${rest}");
            }
        }

        return body;
    }

    /// <summary>A line's words: cross references, links and footnotes as their text, attribute references as their values.</summary>
    private static string Inline(string text, IReadOnlyDictionary<string, string> attributes)
    {
        text = CrossReferenceRegex().Replace(text, m => m.Groups["text"].Success ? m.Groups["text"].Value : m.Groups["id"].Value.Replace('-', ' ').Replace('_', ' ').Trim());
        text = LinkRegex().Replace(text, m => m.Groups["text"].Value.Length > 0 ? m.Groups["text"].Value : m.Groups["url"].Value);
        text = FootnoteRegex().Replace(text, m => m.Groups["text"].Value.Length > 0 ? $" ({m.Groups["text"].Value})" : "");
        text = MacroRegex().Replace(text, "${text}");
        text = InlineAnchorRegex().Replace(text, "");
        return AttributeReferenceRegex().Replace(text, m => attributes.TryGetValue(m.Groups["name"].Value, out var value) ? value : m.Value);
    }

    /// <summary>"NOTE" → "Note:".</summary>
    private static string Label(string kind) => DocumentParser.Capitalised(kind.ToLowerInvariant()) + ":";

    /// <summary>The number of columns a "[cols=…]" block attribute gives ("1,3" is two; "3" is three); null for none.</summary>
    private static int? ColumnCount(string attribute)
    {
        if (ColumnsRegex().Match(attribute) is not { Success: true } cols)
        {
            return null;
        }

        // "1,3" is two columns, "3" three, "3*" three alike, "2*,1" three.
        var spec = cols.Groups["spec"].Value;
        var count = !spec.Contains(',', StringComparison.Ordinal) && int.TryParse(spec, out var n)
            ? n
            : spec.Split(',').Sum(part => RepeatRegex().Match(part) is { Success: true } repeat && int.TryParse(repeat.Groups["count"].ValueSpan, out var times) ? times : 1);
        return Math.Clamp(count, 1, MaxColumns);
    }

    /// <summary>
    /// An AsciiDoc table being read ("|===" … "|==="): its cells ("|a |b" on one line, or a "|a" line for each), as many
    /// to a row as it has columns (its "[cols]" attribute's, else its first line's); the first line is the header when a
    /// blank line follows it. A row is written on its first line as an item naming its columns, its other lines blank.
    /// </summary>
    private sealed class AsciiDocTable
    {
        private bool _open;
        private int _columns;
        private bool _first;
        private bool _headerRow;
        private IReadOnlyList<string>? _header;
        private readonly List<string> _cells = [];
        private int _rowLine = -1;

        /// <summary>Reads line <paramref name="k"/> when it belongs to a table (and rewrites it); false for any other line.</summary>
        public bool Read(List<string> body, int k, int? columns, Func<string, string> inline)
        {
            var t = body[k].Trim();
            if (!_open)
            {
                if (t != "|===")
                {
                    return false;
                }

                (_open, _columns, _first, _header) = (true, columns ?? 0, true, null);
                body[k] = "";
                return true;
            }

            if (HeadingRegex().IsMatch(body[k]))
            {
                // A table left open ends at the next section's heading, which is read as one.
                EndRow(body, inline);
                _open = false;
                return false;
            }

            body[k] = "";
            if (t == "|===")
            {
                EndRow(body, inline);
                _open = false;
                return true;
            }

            if (t.Length == 0)
            {
                return true;
            }

            var bar = t.IndexOf('|', StringComparison.Ordinal);
            if (bar != 0 && _cells.Count > 0)
            {
                // Text before a line's first "|" goes on with the cell above it.
                _cells[^1] = (_cells[^1] + " " + (bar < 0 ? t : t[..bar]).Trim()).Trim();
            }

            if (bar >= 0)
            {
                if (_rowLine < 0)
                {
                    _rowLine = k;
                }

                var cells = t[(bar + 1)..].Split('|').Select(c => c.Trim()).ToArray();
                if (_first)
                {
                    _columns = _columns > 0 ? _columns : cells.Length;
                    _headerRow = cells.Length == _columns && k + 1 < body.Count && string.IsNullOrWhiteSpace(body[k + 1]);
                    _first = false;
                }

                foreach (var cell in cells)
                {
                    _cells.Add(cell);
                    if (_cells.Count >= _columns)
                    {
                        EndRow(body, inline);
                    }
                }
            }

            return true;
        }

        private void EndRow(List<string> body, Func<string, string> inline)
        {
            if (_cells.Count > 0 && _rowLine >= 0)
            {
                if (_headerRow)
                {
                    _header = [.. _cells.Select(inline)];
                    _headerRow = false;
                }
                else if (MarkdownParser.RowText(_header, [.. _cells.Select(inline)]) is { Length: > 0 } text)
                {
                    body[_rowLine] = "- " + text;
                }
            }

            _cells.Clear();
            _rowLine = -1;
        }
    }

    [GeneratedRegex(@"^=[ \t]+\S")]
    private static partial Regex TitleRegex();

    [GeneratedRegex(@"^(?<level>={1,6})[ \t]+(?<text>\S.*)$")]
    private static partial Regex HeadingRegex();

    [GeneratedRegex(@"^ {0,3}#{1,6}(?:[ \t]|$)")]
    private static partial Regex AtxHeadingRegex();

    /// <summary>An attribute entry: ":revdate: 2024-08-05", ":toc:", ":!sectnums:".</summary>
    [GeneratedRegex(@"^:!?(?<name>[A-Za-z0-9_][\w-]*)!?:(?:[ \t]+(?<value>.*))?[ \t]*$")]
    private static partial Regex AttributeEntryRegex();

    /// <summary>A block attribute or anchor line: "[NOTE]", "[cols=\"1,3\", options=\"header\"]", "[[access]]", "[#id.role]".</summary>
    [GeneratedRegex(@"^\[(?:\[[^\[\]]*\]|(?<name>[A-Za-z#.%][^\[\]]*)?)\][ \t]*$")]
    private static partial Regex BlockAttributeRegex();

    [GeneratedRegex(@"\bcols\s*=\s*""?(?<spec>[^"",\]]+(?:,[^"",\]]+)*)""?")]
    private static partial Regex ColumnsRegex();

    /// <summary>A column spec repeated: "3*", "2*&lt;".</summary>
    [GeneratedRegex(@"^\s*(?<count>\d{1,2})\*")]
    private static partial Regex RepeatRegex();

    /// <summary>The most columns a table is read with.</summary>
    private const int MaxColumns = 64;

    [GeneratedRegex(@"^(?:NOTE|TIP|IMPORTANT|WARNING|CAUTION)$")]
    private static partial Regex AdmonitionRegex();

    [GeneratedRegex(@"^(?<kind>NOTE|TIP|IMPORTANT|WARNING|CAUTION):[ \t]+(?<text>\S.*)$")]
    private static partial Regex AdmonitionParagraphRegex();

    /// <summary>A list item: "* text", "** text", "- text", ". step", ".. sub-step".</summary>
    [GeneratedRegex(@"^[ \t]*(?<marks>\*{1,5}|-|\.{1,5})[ \t]+(?<text>\S.*)$")]
    private static partial Regex ListRegex();

    /// <summary>A block's delimiter: listing "----", literal "....", example "====", sidebar "****", quote "____", open "--", pass "++++".</summary>
    [GeneratedRegex(@"^(?:-{4,}|\.{4,}|={4,}|\*{4,}|_{4,}|\+{4,}|--|'{3,}|<{3})[ \t]*$")]
    private static partial Regex DelimiterRegex();

    [GeneratedRegex(@"^/{4,}[ \t]*$")]
    private static partial Regex CommentBlockRegex();

    /// <summary>A list continuation: "+" alone on a line.</summary>
    [GeneratedRegex(@"^\+[ \t]*$")]
    private static partial Regex ContinuationRegex();

    /// <summary>A directive or block macro: "include::…[]", "ifdef::…[]", "endif::[]", "image::…[]", "toc::[]".</summary>
    [GeneratedRegex(@"^(?:include|ifn?def|ifeval|endif|image|video|audio|toc)::[^\[]*\[[^\]]*\][ \t]*$")]
    private static partial Regex DirectiveRegex();

    /// <summary>A block title: ".Before you copy" (a dot and no space).</summary>
    [GeneratedRegex(@"^\.(?<text>[^.\s].*)$")]
    private static partial Regex BlockTitleRegex();

    /// <summary>A hard line break at a line's end: " +".</summary>
    [GeneratedRegex(@"[ \t]\+[ \t]*$")]
    private static partial Regex HardBreakRegex();

    /// <summary>A description list's term: "Color printing:: Only when …" (its text after it, or under it).</summary>
    [GeneratedRegex(@"^(?<term>[^:\s][^:]*?)(?::{2,4}|;;)(?<rest>(?:[ \t].*)?)$")]
    private static partial Regex DescriptionRegex();

    /// <summary>A cross reference: "&lt;&lt;copyright,Copyright and Classroom Copies&gt;&gt;", "xref:drills.adoc#fire[Fire drills]".</summary>
    [GeneratedRegex(@"<<(?<id>[^,<>]+)(?:,\s*(?<text>[^<>]+))?>>|xref:(?<id>[^\[\s]+)\[(?<text>[^\]]*)\]")]
    private static partial Regex CrossReferenceRegex();

    /// <summary>A link: "link:https://…[PrintDesk]", "https://…[PrintDesk]", "mailto:help@…[Help Desk]".</summary>
    [GeneratedRegex(@"(?:link:)?(?<url>(?:https?://|mailto:)[^\s\[]+)\[(?<text>[^\]]*)\]")]
    private static partial Regex LinkRegex();

    [GeneratedRegex(@"\s*footnote(?::[\w-]*)?\[(?<text>[^\]]*)\]")]
    private static partial Regex FootnoteRegex();

    /// <summary>An inline macro whose words are its text: "kbd:[Ctrl+P]", "btn:[Print]", "menu:File[Print]" (its menu only).</summary>
    [GeneratedRegex(@"\b(?:kbd|btn|menu|pass):[^\[\s]*\[(?<text>[^\]]*)\]")]
    private static partial Regex MacroRegex();

    [GeneratedRegex(@"\[\[[^\[\]]*\]\]|\[#[\w.-]+\]")]
    private static partial Regex InlineAnchorRegex();

    [GeneratedRegex(@"\{(?<name>[A-Za-z0-9_][\w-]*)\}")]
    private static partial Regex AttributeReferenceRegex();
}
