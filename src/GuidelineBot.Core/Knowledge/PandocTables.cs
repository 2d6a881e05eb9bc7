using System.Text.RegularExpressions;

namespace GuidelineBot.Core.Knowledge;

/// <summary>
/// Pandoc's own tables in a Markdown file (as pandoc converts a Word document): a simple table (a header line over a rule
/// of dash groups, one per column, a row a line, to a blank line) and a multiline table (the same between two whole
/// rules, each row over lines of its own and parted from the next by a blank line). Each row is written on its first line
/// as a passage naming its columns ("Reason for leave: Care for a family member — Form to use: WH-380-F"), as a pipe
/// table's rows read; its other lines, the header and the rules are blanked, so every line keeps its number.
/// </summary>
internal static partial class PandocTables
{
    /// <summary>A table has a header of at least this many columns.</summary>
    private const int MinColumns = 2;

    public static List<string> FromPandocTables(List<string> body)
    {
        // (Not inside a fenced code block: a command's output looks like a simple table.)
        var fenced = body.Count > 0 && MarkdownParser.FenceRegex().IsMatch(body[0]);
        for (var k = 1; k < body.Count; k++)
        {
            if (MarkdownParser.FenceRegex().IsMatch(body[k]))
            {
                fenced = !fenced;
            }

            if (fenced || !ColumnRuleRegex().IsMatch(body[k]) || string.IsNullOrWhiteSpace(body[k - 1]) || MarkdownParser.FenceRegex().IsMatch(body[k - 1]))
            {
                continue;
            }

            var columns = ColumnRegex().Matches(body[k]).Select(m => (Start: m.Index, End: m.Index + m.Length)).ToArray();
            // A multiline table opens with a whole rule over its header; a simple one has its header right over the rule.
            var multiline = k >= 2 && WholeRuleRegex().IsMatch(body[k - 2]);
            if (columns.Length < MinColumns || (multiline ? k - 2 : k - 1) is var top && top > 0 && !string.IsNullOrWhiteSpace(body[top - 1]))
            {
                continue;
            }

            var header = Cells(body[k - 1], columns);
            if (header.Any(h => h.Length == 0))
            {
                continue;
            }

            // Where the table ends: a blank line (simple) or its closing rule (multiline); never past a code fence.
            var end = k + 1;
            while (end < body.Count && !MarkdownParser.FenceRegex().IsMatch(body[end])
                   && (multiline ? !WholeRuleRegex().IsMatch(body[end]) : !string.IsNullOrWhiteSpace(body[end]) && !ColumnRuleRegex().IsMatch(body[end])))
            {
                end++;
            }

            // A table has rows, and a multiline one its closing rule: else the lines are no table ("--- ---" is a break too).
            if (end == k + 1 || multiline && (end == body.Count || !WholeRuleRegex().IsMatch(body[end])))
            {
                continue;
            }

            var row = new List<int>();
            for (var r = k + 1; r < end; r++)
            {
                if (string.IsNullOrWhiteSpace(body[r]) || !multiline)
                {
                    Row(body, row, header, columns);
                }

                if (!string.IsNullOrWhiteSpace(body[r]))
                {
                    row.Add(r);
                }
            }

            Row(body, row, header, columns);
            body[k - 1] = body[k] = "";
            if (multiline)
            {
                body[k - 2] = body[end] = "";
            }
            else if (end < body.Count && ColumnRuleRegex().IsMatch(body[end]))
            {
                // A simple table's closing rule, where it has one.
                body[end] = "";
            }

            // (The line that ended the table is looked at again: it may open a code block.)
            k = end - 1;
        }

        return body;
    }

    /// <summary>The row of the lines in <paramref name="row"/>, written on its first as a passage naming its columns; the list is emptied.</summary>
    private static void Row(List<string> body, List<int> row, string[] header, (int Start, int End)[] columns)
    {
        if (row.Count == 0)
        {
            return;
        }

        var cells = row.Select(r => Cells(body[r], columns)).ToArray();
        var text = string.Join(" — ", header.Select((h, c) => (Name: h, Value: string.Join(' ', cells.Select(line => line[c]).Where(v => v.Length > 0))))
            .Where(cell => cell.Value.Length > 0)
            .Select(cell => cell.Name + ": " + cell.Value));
        foreach (var r in row)
        {
            body[r] = "";
        }

        // An item each, so that rows on consecutive lines stay passages of their own.
        body[row[0]] = "- " + text;
        row.Clear();
    }

    /// <summary>A line's text under each column: from the column's start to the next one's (the last to the line's end).</summary>
    private static string[] Cells(string line, (int Start, int End)[] columns) =>
        [.. columns.Select((c, i) =>
        {
            var from = Math.Min(i == 0 ? 0 : c.Start, line.Length);
            var to = i + 1 < columns.Length ? Math.Min(columns[i + 1].Start, line.Length) : line.Length;
            return line[from..Math.Max(from, to)].Trim();
        })];

    /// <summary>The rule under a table's header: a group of dashes per column, parted by spaces ("  -------- ------ -----").</summary>
    [GeneratedRegex(@"^ {0,3}-{3,}(?: +-{3,})+ *$")]
    private static partial Regex ColumnRuleRegex();

    /// <summary>A column's dashes in the rule.</summary>
    [GeneratedRegex(@"-+")]
    private static partial Regex ColumnRegex();

    /// <summary>A multiline table's whole rule, above its header and below its last row.</summary>
    [GeneratedRegex(@"^ {0,3}-{10,} *$")]
    private static partial Regex WholeRuleRegex();
}
