using System.Text.RegularExpressions;

namespace GuidelineBot.Core.Knowledge;

/// <summary>
/// Tables in a plain-text document, as people type or export them: ASCII tables drawn with <c>|</c> (and <c>+---+</c>
/// borders), columns lined up with tabs or runs of spaces, and a spreadsheet's rows saved as quoted comma-separated values. Each row after the header reads as a passage that names
/// its columns, as a Markdown table's does ("Day: Sunday — Rate: 2x"); the header and borders are no text of their own.
/// </summary>
internal static partial class PlainTextTables
{
    /// <summary>A table has a header and at least this many rows.</summary>
    private const int MinRows = 2;

    /// <summary>A lined-up cell is short: longer text is a paragraph with wide spacing, not a column.</summary>
    private const int MaxAlignedCellChars = 40;

    /// <summary>
    /// A cell set off by tabs may be longer: a word processor's table saved as text parts its cells with tabs, and a
    /// sentence has none.
    /// </summary>
    private const int MaxTabbedCellChars = 100;

    /// <summary>
    /// The lines from <paramref name="from"/> on that belong to a table, by index: a row's passage text, or null for a
    /// header or border line.
    /// </summary>
    public static Dictionary<int, string?> Find(IReadOnlyList<string> lines, int from)
    {
        var rows = new Dictionary<int, string?>();
        var k = from;
        while (k < lines.Count)
        {
            // Rows of quoted values ("\"Topic\",\"Rule\""), as many to a row as the first: each line parsed once.
            var quoted = new List<string[]>();
            while (k + quoted.Count < lines.Count && Quoted(lines[k + quoted.Count]) is { Length: >= 2 } values && (quoted.Count == 0 || values.Length == quoted[0].Length))
            {
                quoted.Add(values);
            }

            if (quoted.Count >= 1 + MinRows)
            {
                AddRows(Enumerable.Range(k, quoted.Count).ToArray(), [.. quoted], rows, LooksLikeHeader([.. quoted]));
                k += quoted.Count;
                continue;
            }

            var end = k;
            while (end < lines.Count && IsPiped(lines[end]))
            {
                end++;
            }

            if (end > k)
            {
                AddPiped(lines, k, end, rows);
                k = end;
                continue;
            }

            if (RuledTable(lines, k, rows) is { } after)
            {
                k = after;
                continue;
            }

            var cells = Aligned(lines[k]);
            while (end < lines.Count && cells is { Length: >= 2 } && Aligned(lines[end]) is { } next && SameColumns(lines[k], cells, lines[end], next))
            {
                end++;
            }

            // A reStructuredText table is ruled with "=====  =====" lines: above and below it, and under its header.
            var ruled = Enumerable.Range(k, end - k).Where(i => Aligned(lines[i])!.All(c => c.All(ch => ch is '=' or '-'))).ToArray();
            var data = Enumerable.Range(k, end - k).Except(ruled).ToArray();
            if (data.Length >= 1 + MinRows)
            {
                foreach (var rule in ruled)
                {
                    rows[rule] = null;
                }

                var aligned = data.Select(i => Aligned(lines[i])!).ToArray();
                AddRows(data, aligned, rows, ruled.Any(r => r > data[0] && r < data[1]) || LooksLikeHeader(aligned));
                k = end;
                continue;
            }

            k++;
        }

        return rows;
    }

    /// <summary>
    /// A table copied out of a PDF (or written as pandoc's multiline table): its header's names lined up over one whole
    /// rule, then rows whose cells wrap over several lines inside their columns, parted by blank lines ("Students," over
    /// "grades K–2" in the first column is one cell). Without blank lines between them, a line with text in the first
    /// column starts a row and the table ends at a blank line. It ends too at a line whose text does not sit inside the
    /// columns (prose, a page footer) and at a block that is no row (a heading under the table: one cell). Returns the
    /// line after the table, or null when no such table starts at <paramref name="k"/>.
    /// </summary>
    private static int? RuledTable(IReadOnlyList<string> lines, int k, Dictionary<int, string?> rows)
    {
        if (k + 2 >= lines.Count || !WholeRuleRegex().IsMatch(lines[k + 1]) || Aligned(lines[k]) is not { Length: >= 2 } names)
        {
            return null;
        }

        var starts = Starts(lines[k], names).ToArray();
        // A header wrapped over two lines ("Meaning of" over "the code"): the line above goes on each name.
        var top = k;
        if (k > 0 && !string.IsNullOrWhiteSpace(lines[k - 1]) && InColumns(lines[k - 1], starts) && Cells(lines[k - 1], starts) is var above && above.Count(c => c.Length > 0) >= 2)
        {
            names = [.. Cells(lines[k], starts).Select((name, c) => (above[c] + " " + name).Trim())];
            top = k - 1;
        }

        bool IsRow(int i) => i < lines.Count && InColumns(lines[i], starts) && Cells(lines[i], starts) is var cells && cells[0].Length > 0 && cells.Count(c => c.Length > 0) >= 2;
        if (!IsRow(k + 2))
        {
            return null;
        }

        // The lines from a row's first on that sit in the columns, up to a blank line or one that does not.
        int BlockEnd(int first)
        {
            var after = first + 1;
            while (after < lines.Count && !string.IsNullOrWhiteSpace(lines[after]) && InColumns(lines[after], starts))
            {
                after++;
            }

            return after;
        }

        // Rows parted by blank lines (a row whose cells wrap), or a row a line up to a blank line.
        var end = BlockEnd(k + 2);
        var groups = new List<List<int>>();
        var parted = end + 1 < lines.Count && string.IsNullOrWhiteSpace(lines[end]) && IsRow(end + 1);
        if (parted)
        {
            groups.Add([.. Enumerable.Range(k + 2, end - k - 2)]);
            while (end + 1 < lines.Count && string.IsNullOrWhiteSpace(lines[end]) && IsRow(end + 1))
            {
                var next = end + 1;
                end = BlockEnd(next);
                groups.Add([.. Enumerable.Range(next, end - next)]);
            }
        }
        else
        {
            // (A first cell wrapped onto the next line, alone and in lower case, goes on its row: "on the playground".)
            foreach (var i in Enumerable.Range(k + 2, end - k - 2))
            {
                if (groups.Count == 0 || Cells(lines[i], starts) is var cells && cells[0].Length > 0 && (cells.Count(c => c.Length > 0) >= 2 || !char.IsLower(cells[0][0])))
                {
                    groups.Add([]);
                }

                groups[^1].Add(i);
            }
        }

        if (groups.Count < MinRows)
        {
            return null;
        }

        for (var i = top; i < end; i++)
        {
            rows[i] = null;
        }

        var joined = groups.Select(g => g.Select(i => Cells(lines[i], starts)).ToArray())
            .Select(cells => Enumerable.Range(0, starts.Length).Select(c => string.Join(' ', cells.Select(line => line[c]).Where(cell => cell.Length > 0))).ToArray()).ToArray();
        AddRows([k, .. groups.Select(g => g[0])], [names, .. joined], rows, header: true);
        return end;
    }

    /// <summary>Every stretch of the line's text sits inside one column: it starts at (or a space before) the column's start and ends a space before the next one's.</summary>
    private static bool InColumns(string line, int[] starts)
    {
        var text = line.TrimEnd();
        foreach (Match piece in PieceRegex().Matches(text))
        {
            var column = Array.FindLastIndex(starts, s => s <= piece.Index + 1);
            if (column < 0 || column + 1 < starts.Length && piece.Index + piece.Length > starts[column + 1] - 1)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>The line's text under each column: from the column's start (the first from the line's) to the next one's.</summary>
    private static string[] Cells(string line, int[] starts) =>
        [.. starts.Select((s, c) =>
        {
            var from = Math.Min(c == 0 ? 0 : Math.Max(0, s - 1), line.Length);
            var to = c + 1 < starts.Length ? Math.Min(Math.Max(0, starts[c + 1] - 1), line.Length) : line.Length;
            return line[from..Math.Max(from, to)].Trim();
        })];

    private static void AddPiped(IReadOnlyList<string> lines, int start, int end, Dictionary<int, string?> rows)
    {
        var data = Enumerable.Range(start, end - start).Where(i => !IsBorder(lines[i])).ToArray();
        if (data.Length < 1 + MinRows)
        {
            return;
        }

        var piped = data.Select(i => Piped(lines[i])).ToArray();
        if (piped.Select(p => p.Length).Distinct().Count() != 1 || piped[0].Length < 2)
        {
            return;
        }

        for (var i = start; i < end; i++)
        {
            rows[i] = null;
        }

        // A grid table (table.el's, pandoc's) rules every row off, and a row's cells wrap over its lines: the lines between
        // two rules are one row, read on its first line. A border right under the first row marks it as the header.
        // (Each group: the places in data of lines with no rule between them.)
        var groups = new List<List<int>>();
        for (var j = 0; j < data.Length; j++)
        {
            if (j == 0 || data[j] != data[j - 1] + 1)
            {
                groups.Add([]);
            }

            groups[^1].Add(j);
        }

        // (A line that goes on a row has an empty cell, or a cell in lower case or after a bracket: "| Drill | and spring |";
        // at least half of them do. Rules around groups of whole rows, or over a total, part rows that each start as a row does.)
        var goingOn = groups.SelectMany(g => g.Skip(1)).Select(j => piped[j]).ToArray();
        if (groups.Count >= 1 + MinRows && goingOn.Length > 0
            && goingOn.Count(row => row.Any(c => c.Length == 0 || !char.IsUpper(c[0]) && !char.IsDigit(c[0]))) * 2 >= goingOn.Length)
        {
            var joined = groups.Select(g => Enumerable.Range(0, piped[g[0]].Length).Select(c => string.Join(' ', g.Select(j => piped[j][c]).Where(cell => cell.Length > 0))).ToArray()).ToArray();
            AddRows([.. groups.Select(g => data[g[0]])], joined, rows, header: true);
            return;
        }

        AddRows(data, piped, rows, header: data[1] > data[0] + 1 || LooksLikeHeader(piped));
    }

    /// <summary>
    /// The table's rows as passages: with a header, each row names its columns ("Day: Sunday — Rate: 2x") and the header
    /// is no text of its own; without one, each row is its cells ("Monday — 8:00 - 4:00"). <paramref name="cells"/> holds
    /// the cells of each line of <paramref name="data"/>, in order.
    /// </summary>
    private static void AddRows(int[] data, string[][] cells, Dictionary<int, string?> rows, bool header)
    {
        if (header)
        {
            rows[data[0]] = null;
        }

        for (var j = header ? 1 : 0; j < data.Length; j++)
        {
            rows[data[j]] = MarkdownParser.RowText(header ? cells[0] : null, cells[j]);
        }
    }

    /// <summary>
    /// The first row names the columns: it holds no number, and below it a column holds numbers ("Days" over "10") or
    /// cells longer than any of its own ("Gloves" over "If contact with body fluids"). Rows of a list (office hours by
    /// day, phone numbers by office) have none.
    /// </summary>
    private static bool LooksLikeHeader(string[][] table)
    {
        var first = table[0];
        if (first.Any(c => c.Any(char.IsDigit)))
        {
            return false;
        }

        var longest = first.Max(PlainTextParser.WordCount);
        return table.Skip(1).Any(row => row.Any(c => c.Any(char.IsDigit)) || row.Any(c => PlainTextParser.WordCount(c) > Math.Max(longest, MaxHeaderWords)));
    }

    /// <summary>A data cell longer than this many words (and than every header cell) marks the row above as names.</summary>
    private const int MaxHeaderWords = 3;

    /// <summary>A line of an ASCII table: it starts and ends with <c>|</c> or <c>+</c>.</summary>
    private static bool IsPiped(string line)
    {
        var t = line.Trim();
        return t.Length >= 3 && t[0] is '|' or '+' && t[^1] is '|' or '+' && (t.Contains('|', StringComparison.Ordinal) || IsBorder(t));
    }

    private static string[] Piped(string line)
    {
        var t = line.Trim();
        return t[1..^1].Split('|').Select(c => c.Trim()).ToArray();
    }

    /// <summary>
    /// The cells of a row of comma-separated values each in double quotes, as a spreadsheet exports them
    /// (<c>"Key Requests","Allow 5 school days, or 10 for a master key.","All staff"</c>; a doubled quote is one), or null.
    /// </summary>
    internal static string[]? Quoted(string line) =>
        QuotedRowRegex().Match(line.Trim()) is { Success: true } row
            ? [.. row.Groups["cell"].Captures.Select(c => c.Value.Replace("\"\"", "\"", StringComparison.Ordinal).Trim())]
            : null;

    [GeneratedRegex(@"^""(?<cell>(?:[^""]|"""")*)""(?:,[ \t]*""(?<cell>(?:[^""]|"""")*)"")+$")]
    private static partial Regex QuotedRowRegex();

    /// <summary>The cells of a line whose columns are lined up with tabs or runs of spaces, or null when it has no short cells.</summary>
    private static string[]? Aligned(string line)
    {
        if (string.IsNullOrWhiteSpace(line) || DocumentParser.TryBullet(line, true, out _, out _))
        {
            return null;
        }

        var cells = GapRegex().Split(line.Trim());
        var longest = line.Contains('\t', StringComparison.Ordinal) ? MaxTabbedCellChars : MaxAlignedCellChars;
        return cells.Length >= 2 && cells.All(c => c.Length > 0 && c.Length <= longest) ? cells : null;
    }

    /// <summary>
    /// Two lines of one lined-up table: as many cells, and (with spaces) each cell starting where the one above starts,
    /// as columns do; wide spacing inside a sentence never lines up so.
    /// </summary>
    private static bool SameColumns(string first, string[] firstCells, string line, string[] cells) =>
        cells.Length == firstCells.Length && (first.Contains('\t', StringComparison.Ordinal) && line.Contains('\t', StringComparison.Ordinal)
                                              || Starts(first, firstCells).SequenceEqual(Starts(line, cells)));

    private static IEnumerable<int> Starts(string line, string[] cells)
    {
        var at = 0;
        foreach (var cell in cells)
        {
            at = line.IndexOf(cell, at, StringComparison.Ordinal);
            yield return at;
            at += cell.Length;
        }
    }

    /// <summary>A border line: <c>+-----+----+</c>, <c>|-----|----|</c>, <c>|:---|</c> (read character by character: one pass).</summary>
    private static bool IsBorder(string line)
    {
        var t = line.Trim();
        return t.Length >= 3 && t[0] is '|' or '+' && t[^1] is '|' or '+' && t.All(c => c is '-' or '=' or ':' or '+' or '|' or ' ')
               && t.Any(c => c is '-' or '=');
    }

    [GeneratedRegex(@"\t+ *| {2,}\t*")]
    private static partial Regex GapRegex();

    /// <summary>A stretch of a line's text: words parted by single spaces.</summary>
    [GeneratedRegex(@"\S+(?: \S+)*")]
    private static partial Regex PieceRegex();

    /// <summary>A whole rule under a table's header: one run of dashes or equals signs.</summary>
    [GeneratedRegex(@"^\s*(?:-{10,}|={10,})\s*$")]
    private static partial Regex WholeRuleRegex();
}
