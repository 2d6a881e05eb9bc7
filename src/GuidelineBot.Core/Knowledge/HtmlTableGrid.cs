using System.Text.RegularExpressions;

namespace GuidelineBot.Core.Knowledge;

/// <summary>A cell of an HTML table: its words, whether it is a header cell (<c>&lt;th&gt;</c>), and the rows and columns it spans.</summary>
internal sealed record HtmlCell(string Text, bool IsHeader, int RowSpan, int ColSpan);

/// <summary>
/// An HTML table laid out as a reader sees it: every cell stands in each row and column it spans, so a row's cells line up
/// with the header's columns however the cells above them were merged.
/// </summary>
internal sealed partial class HtmlTableGrid
{
    /// <summary>The most rows or columns one cell is taken to span (a typo's <c>colspan="1000"</c> spans this many).</summary>
    private const int MaxSpan = 64;

    /// <summary>The most columns a table is read with: what lies beyond is no column a reader follows.</summary>
    private const int MaxColumns = 64;

    /// <summary>How many places merged cells may stand in, all told (a table of a hundred rows of 64-by-64 cells is no table).</summary>
    private const int MaxSpannedCells = 100_000;

    /// <summary>The cells as written, with the row and column each starts at.</summary>
    private readonly List<(HtmlCell Cell, int Row, int Column)> _placed = [];

    /// <summary>For each row and column, the index in <see cref="_placed"/> of the cell standing there; -1 for none.</summary>
    private readonly List<List<int>> _grid = [];

    private HtmlTableGrid()
    {
    }

    /// <summary>A cell from its tag's kind ("h" or "d"), attributes and words.</summary>
    public static HtmlCell Cell(string kind, string attributes, string text) =>
        new(text, kind is "h" or "H", Span(attributes, "rowspan"), Span(attributes, "colspan"));

    /// <summary>The grid of <paramref name="rows"/>, each cell placed in the first free column of its row.</summary>
    public static HtmlTableGrid Of(IReadOnlyList<IReadOnlyList<HtmlCell>> rows)
    {
        var table = new HtmlTableGrid();
        var budget = MaxSpannedCells;
        for (var r = 0; r < rows.Count; r++)
        {
            var column = 0;
            foreach (var cell in rows[r])
            {
                while (table.At(r, column) >= 0)
                {
                    column++;
                }

                if (column >= MaxColumns)
                {
                    // A row wider than any table is read no further.
                    break;
                }

                table._placed.Add((cell, r, column));
                // Merged cells cost a place each they stand in; past the budget a cell stands in its own place only.
                var (rowSpan, colSpan) = budget >= cell.RowSpan * cell.ColSpan ? (cell.RowSpan, cell.ColSpan) : (1, 1);
                budget -= rowSpan * colSpan;
                for (var dr = 0; dr < rowSpan && r + dr < rows.Count; dr++)
                {
                    for (var dc = 0; dc < colSpan && column + dc < MaxColumns; dc++)
                    {
                        table.Set(r + dr, column + dc, table._placed.Count - 1);
                    }
                }

                column += colSpan;
            }
        }

        return table;
    }

    /// <summary>
    /// Whether <paramref name="row"/> goes on with the header above it: a header cell above spans columns (a group over its
    /// columns' names), or one reaches down into it.
    /// </summary>
    public bool Spans(int row) =>
        _placed.Any(p => p.Row < row && p.Cell.ColSpan > 1) || RowOf(row).Any(id => id >= 0 && _placed[id].Row < row);

    /// <summary>
    /// Row <paramref name="row"/>'s cells, one for each cell standing in it, and the name of the columns each stands in,
    /// from the <paramref name="headerRows"/> header rows: every header cell over all of its columns ("Meal allowance,
    /// Breakfast"; empty when the columns have no header in common).
    /// </summary>
    public (string[] Names, string[] Cells) Row(int row, int headerRows)
    {
        var names = new List<string>();
        var cells = new List<string>();
        var ids = RowOf(row);
        for (var c = 0; c < ids.Count; c++)
        {
            if (ids[c] < 0 || c > 0 && ids[c - 1] == ids[c])
            {
                continue;
            }

            var end = c;
            while (end + 1 < ids.Count && ids[end + 1] == ids[c])
            {
                end++;
            }

            var over = new List<string>();
            var seen = new HashSet<int>();
            for (var h = 0; h < headerRows; h++)
            {
                var header = At(h, c);
                if (header >= 0 && seen.Add(header) && _placed[header].Cell.Text.Length > 0 && Enumerable.Range(c, end - c + 1).All(k => At(h, k) == header))
                {
                    over.Add(_placed[header].Cell.Text);
                }
            }

            names.Add(string.Join(", ", over));
            cells.Add(_placed[ids[c]].Cell.Text);
        }

        return ([.. names], [.. cells]);
    }

    private IReadOnlyList<int> RowOf(int row) => row < _grid.Count ? _grid[row] : [];

    private int At(int row, int column) => row < _grid.Count && column < _grid[row].Count ? _grid[row][column] : -1;

    private void Set(int row, int column, int id)
    {
        while (_grid.Count <= row)
        {
            _grid.Add([]);
        }

        var cells = _grid[row];
        while (cells.Count <= column)
        {
            cells.Add(-1);
        }

        cells[column] = id;
    }

    private static int Span(string attributes, string name) =>
        SpanRegex().Matches(attributes).FirstOrDefault(m => m.Groups["name"].Value.Equals(name, StringComparison.OrdinalIgnoreCase)) is { } span
        && int.TryParse(span.Groups["count"].ValueSpan, out var count)
            ? Math.Clamp(count, 1, MaxSpan)
            : 1;

    [GeneratedRegex(@"\b(?<name>rowspan|colspan)\s*=\s*[""']?(?<count>\d{1,6})", RegexOptions.IgnoreCase)]
    private static partial Regex SpanRegex();
}
