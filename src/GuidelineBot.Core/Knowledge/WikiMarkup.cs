using System.Text.RegularExpressions;

namespace GuidelineBot.Core.Knowledge;

/// <summary>
/// A wiki's markup copied into a text file, rewritten as the Markdown it stands for, line for line (so that every line
/// keeps its number): MediaWiki's ("== Section ==", "'''bold'''", "[[Page|text]]", "{{Note|…}}", "# step", a
/// "{| class=wikitable" table), DokuWiki's ("====== Page ======", "  * item", "^ Header ^" tables, "&lt;note&gt;" boxes) and
/// Emacs Org mode's ("#+TITLE:", "* Heading", "** Sub-heading", "#+BEGIN_QUOTE",
/// "*bold*", "/italic/").
/// </summary>
internal static partial class WikiMarkup
{
    /// <summary>A heading line longer than this is none (and the heading patterns would take long on it).</summary>
    private const int MaxHeadingChars = 200;

    /// <summary>How many section headings a page needs to be read as a wiki's.</summary>
    private const int MinHeadings = 2;

    /// <summary>
    /// MediaWiki: two or more "== Section ==" headings (marks on both sides, which AsciiDoc's have not) and a mark only
    /// MediaWiki writes (<c>'''</c>, <c>[[</c>, <c>{{</c>, <c>{|</c>, <c>__TOC__</c>), so a text file with "=== GIFTS ==="
    /// banners stays plain text.
    /// </summary>
    public static bool IsMediaWiki(IReadOnlyList<string> lines) =>
        lines.Count(l => l.Length <= MaxHeadingChars && MediaWikiHeadingRegex().Match(l) is { Success: true } m && m.Groups["marks"].Length > 1) >= MinHeadings
        && lines.Any(l => MediaWikiMarkRegex().IsMatch(l));

    /// <summary>
    /// DokuWiki: two or more "== Section ==" headings and a mark only DokuWiki writes ("~~NOTOC~~", a "&lt;note&gt;" or
    /// "&lt;WRAP&gt;" box, a "^ Header ^" table row, a "{{tag>…}}"), and none that only
    /// MediaWiki writes (<c>'''</c>, "{|", "{{Template|…}}").
    /// </summary>
    public static bool IsDokuWiki(IReadOnlyList<string> lines) =>
        lines.Count(l => l.Length <= MaxHeadingChars && DokuWikiHeadingRegex().IsMatch(l)) >= MinHeadings
        && lines.Any(l => DokuWikiMarkRegex().IsMatch(l)) && !lines.Any(l => MediaWikiOnlyMarkRegex().IsMatch(l));

    /// <summary>Org mode: a "#+TITLE:" (or other "#+KEYWORD:") line and two or more "* Heading" lines.</summary>
    public static bool IsOrg(IReadOnlyList<string> lines) =>
        lines.Any(l => OrgKeywordRegex().IsMatch(l)) && lines.Count(l => OrgHeadingRegex().IsMatch(l)) >= MinHeadings;

    /// <summary>
    /// A MediaWiki page as Markdown: headings, bullets ("*", "**") and numbered items ("#", "##"); bold and italics; a
    /// link's words; a template's words ("{{Note|Text}}" → "Note: Text", "{{Contact|Key Office}}" → "Key Office", named
    /// values as "Policy: BP 3515"); magic words and category links go; a table's rows become items naming their
    /// columns, each on its row's first line.
    /// </summary>
    public static List<string> FromMediaWiki(List<string> body)
    {
        var table = new MediaWikiTable();
        // The numbers of the items being read, one per level ("#", "##").
        var numbers = new List<int>();
        var afterItem = false;
        for (var k = 0; k < body.Count; k++)
        {
            var line = body[k];
            if (table.Read(body, k))
            {
                afterItem = false;
                continue;
            }

            if (MediaWikiListRegex().Match(line) is { Success: true, Groups: var item } && "*#".Contains(item["marks"].Value[^1]))
            {
                var marks = item["marks"].Value;
                body[k] = ListItemMark(numbers, marks.Length - 1, numbered: marks[^1] == '#') + MediaWikiInline(item["text"].Value);
                afterItem = true;
                continue;
            }

            numbers.Clear();
            body[k] = line switch
            {
                _ when line.Length <= MaxHeadingChars && MediaWikiHeadingRegex().Match(line) is { Success: true } h => new string('#', h.Groups["marks"].Length) + " " + MediaWikiInline(h.Groups["text"].Value),
                // ";" names a term, ":" indents its text: words of their own.
                _ when MediaWikiListRegex().Match(line) is { Success: true } other => AfterList(MediaWikiInline(other.Groups["text"].Value), afterItem),
                _ => AfterList(MediaWikiInline(line), afterItem),
            };
            afterItem = false;
        }

        return body;
    }

    /// <summary>
    /// A DokuWiki page as Markdown: headings (six "=" the page's title, five a section, and so on down); items indented
    /// two spaces a level ("*" a bullet, "-" numbered); a "&lt;note&gt;" box's text labelled by its kind ("Important: …");
    /// "&lt;WRAP&gt;" boxes' marks go; "&lt;code&gt;" blocks are fenced; a table's rows ("^ Header ^", "| cell |") become
    /// items naming their columns; "//italic//", "''code''", a link's words, a footnote's words in brackets; macros,
    /// images and forced line breaks (two backslashes) go.
    /// </summary>
    public static List<string> FromDokuWiki(List<string> body)
    {
        var numbers = new List<int>();
        IReadOnlyList<string>? header = null;
        string? label = null;
        var (afterItem, code) = (false, false);
        for (var k = 0; k < body.Count; k++)
        {
            var line = body[k];
            if (DokuWikiCodeRegex().IsMatch(line))
            {
                code = !line.TrimStart().StartsWith("</", StringComparison.Ordinal);
                (body[k], afterItem) = ("```", false);
                continue;
            }

            if (code)
            {
                continue;
            }

            if (DokuWikiTableRowRegex().IsMatch(line))
            {
                var row = line.Trim();
                var cells = DokuWikiCellRegex().Split(row[1..^1]).Select(c => DokuWikiInline(c.Trim())).ToList();
                if (row[0] == '^' && !row.Contains('|', StringComparison.Ordinal) && header is null)
                {
                    (header, body[k]) = (cells, "");
                }
                else
                {
                    body[k] = MarkdownParser.RowText(header, cells) is { Length: > 0 } cellsText ? "- " + cellsText : "";
                }

                afterItem = false;
                continue;
            }

            header = null;
            if (DokuWikiListRegex().Match(line) is { Success: true } item)
            {
                var depth = item.Groups["indent"].Value.Replace("\t", "  ", StringComparison.Ordinal).Length / 2 - 1;
                body[k] = ListItemMark(numbers, depth, numbered: item.Groups["mark"].Value == "-") + DokuWikiInline(item.Groups["text"].Value);
                afterItem = true;
                continue;
            }

            numbers.Clear();
            if (line.Contains("{{tag>", StringComparison.OrdinalIgnoreCase))
            {
                // The page's tags: links to other pages, no text of this one.
                (body[k], afterItem) = ("", false);
                continue;
            }

            // A box: "<note important>" … "</note>" (on lines of their own, or around the text on one), "<WRAP …>" … "</WRAP>".
            if (DokuWikiNoteRegex().Match(line) is { Success: true } note)
            {
                label = DocumentParser.Capitalised(note.Groups["kind"].Success ? note.Groups["kind"].Value.ToLowerInvariant() : "note");
                line = line[(note.Index + note.Length)..];
            }

            var closes = line.Contains("</note>", StringComparison.OrdinalIgnoreCase);
            line = DokuWikiBoxMarkRegex().Replace(line, "");
            var text = DokuWikiInline(line);
            if (label is not null && text.Trim().Length > 0)
            {
                (text, label) = ($"{label}: {text.Trim()}", null);
            }

            if (closes)
            {
                label = null;
            }

            body[k] = line.Length <= MaxHeadingChars && DokuWikiHeadingRegex().Match(line) is { Success: true } h
                ? new string('#', 7 - h.Groups["marks"].Length) + " " + DokuWikiInline(h.Groups["text"].Value)
                : AfterList(text, afterItem);
            afterItem = false;
        }

        return body;
    }

    private static string DokuWikiInline(string text)
    {
        text = DokuWikiMacroRegex().Replace(text, "");
        text = WikiLinkRegex().Replace(text, m => m.Groups["text"].Success ? m.Groups["text"].Value : m.Groups["target"].Value.Split(':')[^1].Replace('_', ' '));
        text = DokuWikiFootnoteRegex().Replace(text, " (${text})");
        text = DokuWikiItalicRegex().Replace(text, "*${text}*");
        text = DokuWikiMonospaceRegex().Replace(text, "`${text}`");
        return DokuWikiLineBreakRegex().Replace(text, "").Replace("%%", "", StringComparison.Ordinal);
    }

    /// <summary>
    /// A wiki list item's Markdown mark at <paramref name="depth"/>, indented three spaces a level: "- ", or the item's
    /// number ("2. ") where <paramref name="numbered"/>, counted in <paramref name="numbers"/> (one count per level; the
    /// counts of deeper levels start again).
    /// </summary>
    internal static string ListItemMark(List<int> numbers, int depth, bool numbered)
    {
        numbers.RemoveRange(Math.Min(numbers.Count, depth + 1), Math.Max(0, numbers.Count - depth - 1));
        while (numbers.Count <= depth)
        {
            numbers.Add(0);
        }

        return new string(' ', 3 * depth) + (numbered ? $"{++numbers[depth]}. " : "- ");
    }

    /// <summary>
    /// A paragraph right under a list's last item: the wiki ends the list there, where Markdown would carry the item on
    /// over it; set off as a quote, the one block Markdown lets part a paragraph from an item without a blank line.
    /// </summary>
    private static string AfterList(string text, bool afterItem) => afterItem && text.Trim().Length > 0 ? "> " + text : text;

    private static string MediaWikiInline(string text)
    {
        text = MagicWordRegex().Replace(text, "");
        text = TemplateRegex().Replace(text, m => Template(m.Groups["name"].Value.Trim(), m.Groups["args"].Success ? m.Groups["args"].Value : null));
        text = WikiLinkRegex().Replace(text, m => m.Groups["target"].Value.Contains(':', StringComparison.Ordinal) && NamespaceLinkRegex().IsMatch(m.Groups["target"].Value)
            ? ""
            : m.Groups["text"].Success ? m.Groups["text"].Value : m.Groups["target"].Value.TrimStart('#', ':'));
        text = ExternalLinkRegex().Replace(text, "${text}");
        return text.Replace("'''''", "***", StringComparison.Ordinal).Replace("'''", "**", StringComparison.Ordinal).Replace("''", "*", StringComparison.Ordinal);
    }

    /// <summary>A template's words: a callout's name as its label, named values as "Name: value", the rest as they are.</summary>
    private static string Template(string name, string? args)
    {
        if (args is null)
        {
            return "";
        }

        var values = args.Split('|').Select(a => a.Trim()).Where(a => a.Length > 0)
            .Select(a => a.IndexOf('=', StringComparison.Ordinal) is var eq and > 0
                ? $"{DocumentParser.Capitalised(a[..eq].Trim().Replace('_', ' '))}: {a[(eq + 1)..].Trim()}"
                : a);
        var text = string.Join("; ", values);
        return CalloutTemplateRegex().IsMatch(name) && text.Length > 0 ? $"{DocumentParser.Capitalised(name)}: {text}" : text;
    }

    /// <summary>
    /// A MediaWiki table being read ("{|" … "|}"): each row's cells ("| a || b", or one "| a" line per cell), its header's
    /// ("! a !! b"); a row is written on its first line as an item naming its columns, its other lines left blank.
    /// </summary>
    private sealed class MediaWikiTable
    {
        private bool _open;
        private IReadOnlyList<string>? _header;
        private readonly List<string> _cells = [];
        private int _rowLine = -1;
        private bool _headerRow;

        /// <summary>Reads line <paramref name="k"/> when it belongs to a table (and rewrites it); false for any other line.</summary>
        public bool Read(List<string> body, int k)
        {
            var t = body[k].Trim();
            if (!_open)
            {
                if (!t.StartsWith("{|", StringComparison.Ordinal))
                {
                    return false;
                }

                (_open, _header) = (true, null);
                body[k] = "";
                return true;
            }

            body[k] = "";
            if (t.StartsWith("|}", StringComparison.Ordinal) || t.StartsWith("|-", StringComparison.Ordinal))
            {
                EndRow(body);
                _open = !t.StartsWith("|}", StringComparison.Ordinal);
            }
            else if (t.StartsWith("|+", StringComparison.Ordinal))
            {
                body[k] = MediaWikiInline(t[2..].Trim());
            }
            else if (t.Length > 0 && t[0] is '|' or '!')
            {
                if (_rowLine < 0)
                {
                    (_rowLine, _headerRow) = (k, true);
                }

                _headerRow &= t[0] == '!';
                _cells.AddRange(CellSeparatorRegex().Split(t[1..]).Select(c => MediaWikiInline(CellAttributesRegex().Replace(c, "").Trim())));
            }
            else if (t.Length > 0 && _cells.Count > 0)
            {
                // A cell's text carried on over the next line.
                _cells[^1] = (_cells[^1] + " " + MediaWikiInline(t)).Trim();
            }

            return true;
        }

        private void EndRow(List<string> body)
        {
            if (_rowLine >= 0)
            {
                if (_headerRow && _header is null)
                {
                    _header = [.. _cells];
                }
                else if (MarkdownParser.RowText(_header, _cells) is { Length: > 0 } text)
                {
                    body[_rowLine] = "- " + text;
                }
            }

            _cells.Clear();
            _rowLine = -1;
        }
    }

    /// <summary>
    /// An Org page as Markdown: "#+TITLE:" is the title and its other keyword lines and comments go; "* Heading" is a
    /// section ("**" its sub-section), without a TODO keyword or tags; a quote block's lines are quoted, a source or example
    /// block is fenced, other blocks and property drawers leave their marks; a table's "|---+---|" rule is Markdown's;
    /// "*bold*", "/italic/", "=code=" and a link's words read as Markdown's.
    /// </summary>
    public static List<string> FromOrg(List<string> body)
    {
        string? block = null;
        var drawer = false;
        for (var k = 0; k < body.Count; k++)
        {
            var line = body[k];
            var afterItem = k > 0 && block is null && OrgItemRegex().IsMatch(body[k - 1]) && line.Length > 0 && !char.IsWhiteSpace(line[0]);
            if (OrgBlockRegex().Match(line) is { Success: true } b)
            {
                var kind = b.Groups["kind"].Value.ToUpperInvariant();
                var fenced = kind is "SRC" or "EXAMPLE";
                block = b.Groups["end"].Success ? null : kind;
                body[k] = fenced ? "```" : "";
                continue;
            }

            if (drawer || OrgDrawerRegex().IsMatch(line))
            {
                drawer = !line.Trim().Equals(":END:", StringComparison.OrdinalIgnoreCase);
                body[k] = "";
                continue;
            }

            body[k] = line switch
            {
                _ when block is "SRC" or "EXAMPLE" => line,
                _ when block is "QUOTE" => "> " + OrgInline(line.Trim()),
                _ when OrgKeywordRegex().Match(line) is { Success: true } keyword =>
                    keyword.Groups["key"].Value.Equals("TITLE", StringComparison.OrdinalIgnoreCase) ? "# " + OrgInline(keyword.Groups["value"].Value.Trim()) : "",
                _ when OrgCommentRegex().IsMatch(line) => "",
                _ when OrgHeadingRegex().Match(line) is { Success: true } h => new string('#', Math.Min(6, h.Groups["stars"].Length + 1)) + " " + OrgInline(h.Groups["text"].Value),
                _ when OrgTableRuleRegex().IsMatch(line) => line.Replace('+', '|'),
                _ when OrgItemRegex().IsMatch(line) => OrgInline(line),
                _ => AfterList(OrgInline(line), afterItem),
            };
        }

        return body;
    }

    private static string OrgInline(string text) =>
        OrgEmphasisRegex().Replace(OrgLinkRegex().Replace(text, m => m.Groups["text"].Success ? m.Groups["text"].Value : m.Groups["target"].Value),
            m => m.Groups["mark"].Value switch
            {
                "*" => $"**{m.Groups["text"].Value}**",
                "/" => $"*{m.Groups["text"].Value}*",
                _ => $"`{m.Groups["text"].Value}`",
            });

    [GeneratedRegex(@"^(?<marks>={1,6})[ \t]*(?<text>[^=\s].*?)[ \t]*\k<marks>[ \t]*$")]
    private static partial Regex MediaWikiHeadingRegex();

    [GeneratedRegex(@"'''|\[\[|\{\{|^\s*\{\||__(?:NO)?TOC__")]
    private static partial Regex MediaWikiMarkRegex();

    /// <summary>A mark only DokuWiki writes (see <see cref="IsDokuWiki"/>).</summary>
    [GeneratedRegex(@"~~NO(?:TOC|CACHE)~~|^\s*</?(?:note|WRAP)\b|^\^[^^]+\^|\{\{tag>", RegexOptions.IgnoreCase)]
    private static partial Regex DokuWikiMarkRegex();

    /// <summary>A mark only MediaWiki writes: bold in three quotes, a table's "{|", a template with arguments.</summary>
    [GeneratedRegex(@"'''|^\s*\{\||\{\{[^{}|>]+\|")]
    private static partial Regex MediaWikiOnlyMarkRegex();

    /// <summary>A DokuWiki heading: two to six "=" on both sides (six the highest level).</summary>
    [GeneratedRegex(@"^[ \t]*(?<marks>={2,6})[ \t]*(?<text>[^=\s].*?)[ \t]*\k<marks>[ \t]*$")]
    private static partial Regex DokuWikiHeadingRegex();

    /// <summary>A DokuWiki list item: indented two spaces (or a tab) a level, "*" a bullet, "-" a numbered item.</summary>
    [GeneratedRegex(@"^(?<indent>(?: {2}|\t)+)(?<mark>[*-])[ \t]+(?<text>\S.*)$")]
    private static partial Regex DokuWikiListRegex();

    /// <summary>A table row: between "^" (a header cell) or "|" marks, first and last.</summary>
    [GeneratedRegex(@"^\s*[\^|].*[\^|]\s*$")]
    private static partial Regex DokuWikiTableRowRegex();

    [GeneratedRegex(@"[\^|]")]
    private static partial Regex DokuWikiCellRegex();

    [GeneratedRegex(@"<note(?:[ \t]+(?<kind>\w+))?[ \t]*>", RegexOptions.IgnoreCase)]
    private static partial Regex DokuWikiNoteRegex();

    /// <summary>A box's marks: "&lt;/note&gt;", "&lt;WRAP …&gt;", "&lt;/WRAP&gt;" (and the inline "&lt;wrap …&gt;").</summary>
    [GeneratedRegex(@"</note>|</?wrap\b[^>]*>", RegexOptions.IgnoreCase)]
    private static partial Regex DokuWikiBoxMarkRegex();

    /// <summary>A code block's marks on a line of their own: "&lt;code&gt;", "&lt;file txt x.txt&gt;", "&lt;/code&gt;".</summary>
    [GeneratedRegex(@"^\s*</?(?:code|file)\b[^>]*>\s*$", RegexOptions.IgnoreCase)]
    private static partial Regex DokuWikiCodeRegex();

    /// <summary>A macro or an image: "~~NOTOC~~", "{{tag>a b}}", "{{wiki:logo.png}}".</summary>
    [GeneratedRegex(@"~~[A-Z]+~~|\{\{[^{}]*\}\}")]
    private static partial Regex DokuWikiMacroRegex();

    [GeneratedRegex(@"\(\((?<text>[^()]+)\)\)")]
    private static partial Regex DokuWikiFootnoteRegex();

    /// <summary>"//italic//", not the "//" of an address ("https://").</summary>
    [GeneratedRegex(@"(?<![:/])//(?<text>[^\s/](?:[^/]*?[^\s/])?)//")]
    private static partial Regex DokuWikiItalicRegex();

    [GeneratedRegex(@"''(?<text>[^']+)''")]
    private static partial Regex DokuWikiMonospaceRegex();

    /// <summary>A forced line break: two backslashes before a space or the end of the line.</summary>
    [GeneratedRegex(@"\\\\(?=\s|$)")]
    private static partial Regex DokuWikiLineBreakRegex();

    [GeneratedRegex(@"^(?<marks>[*#:;]+)[ \t]*(?<text>.*)$")]
    private static partial Regex MediaWikiListRegex();

    [GeneratedRegex(@"__(?:NO|FORCE)?TOC__|__NOEDITSECTION__|__NOTITLE__")]
    private static partial Regex MagicWordRegex();

    [GeneratedRegex(@"\{\{(?<name>[^|{}]+)(?:\|(?<args>[^{}]*))?\}\}")]
    private static partial Regex TemplateRegex();

    [GeneratedRegex(@"^(?:note|warning|important|tip|caution|info|reminder|attention)$", RegexOptions.IgnoreCase)]
    private static partial Regex CalloutTemplateRegex();

    [GeneratedRegex(@"\[\[(?<target>[^|\]]+)(?:\|(?<text>[^\]]+))?\]\]")]
    private static partial Regex WikiLinkRegex();

    /// <summary>A link into a namespace that shows no words: "Category:Facilities", "File:Badge.png".</summary>
    [GeneratedRegex(@"^\s*(?:Category|File|Image|Media):", RegexOptions.IgnoreCase)]
    private static partial Regex NamespaceLinkRegex();

    [GeneratedRegex(@"\[(?:https?://|mailto:)[^\s\]]+\s+(?<text>[^\]]+)\]")]
    private static partial Regex ExternalLinkRegex();

    /// <summary>Between a table row's cells: "||" or "!!".</summary>
    [GeneratedRegex(@"\|\||!!")]
    private static partial Regex CellSeparatorRegex();

    /// <summary>A cell's attributes before its text: <c>style="width:20%" | text</c>.</summary>
    [GeneratedRegex(@"^[^|]*=[^|]*\|(?!\|)")]
    private static partial Regex CellAttributesRegex();

    [GeneratedRegex(@"^#\+(?<key>[A-Za-z_]+):[ \t]*(?<value>.*)$")]
    private static partial Regex OrgKeywordRegex();

    /// <summary>An Org heading: its stars, then its words, without a TODO/DONE keyword, a priority ("[#A]"), a progress cookie ("[2/5]", "[40%]") or tags (":monthly:").</summary>
    [GeneratedRegex(@"^(?<stars>\*+)[ \t]+(?:(?:TODO|DONE)[ \t]+)?(?:\[#[A-Z]\][ \t]+)?(?<text>\S.*?)(?:[ \t]+\[\d*(?:/\d*|%)\])?(?:[ \t]+:[\w@:]+:)?[ \t]*$")]
    private static partial Regex OrgHeadingRegex();

    [GeneratedRegex(@"^#\+(?<end>END_)?(?(end)|BEGIN_)(?<kind>[A-Za-z]+)\b.*$", RegexOptions.IgnoreCase)]
    private static partial Regex OrgBlockRegex();

    [GeneratedRegex(@"^\s*:(?:PROPERTIES|LOGBOOK):\s*$", RegexOptions.IgnoreCase)]
    private static partial Regex OrgDrawerRegex();

    [GeneratedRegex(@"^#(?:[ \t].*)?$")]
    private static partial Regex OrgCommentRegex();

    /// <summary>An item of an Org list: "- ", "+ ", "1. ", "1) ".</summary>
    [GeneratedRegex(@"^\s*(?:[-+]|\d{1,3}[.)])[ \t]+\S")]
    private static partial Regex OrgItemRegex();

    [GeneratedRegex(@"^\s*\|-[-+|]*\+[-+|]*$")]
    private static partial Regex OrgTableRuleRegex();

    [GeneratedRegex(@"\[\[(?<target>[^\]]+)\](?:\[(?<text>[^\]]+)\])?\]")]
    private static partial Regex OrgLinkRegex();

    /// <summary>Org's emphasis: "*bold*", "/italic/", "=code=", "~code~", between spaces or punctuation.</summary>
    [GeneratedRegex(@"(?<![\w*/=~])(?<mark>[*/=~])(?<text>[^\s*/=~](?:[^*/=~\n]*?[^\s*/=~])?)\k<mark>(?![\w*/=~])")]
    private static partial Regex OrgEmphasisRegex();
}
