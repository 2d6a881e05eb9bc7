using CsvHelper;
using System.Text.RegularExpressions;

namespace GuidelineBot.Core.Knowledge;

/// <summary>
/// A spreadsheet saved as text, comma- or tab-separated (an FAQ or a list of rules kept in Excel or Google Sheets), its
/// cells quoted where they hold the separator, a quote (doubled) or several lines, under a title row or two. Read with
/// CsvHelper and written as "Q:" lines in place, on the lines where the file has them: with a question column
/// (<c>Category,Question,Answer,…</c>), each question heads a section and its answer is the text (so too a task list's
/// or a board's export, each task's name over its notes: <c>Task ID,Name,Section/Column,Assignee,…,Notes</c>); with a column that
/// groups the rows instead (<c>Section⇥Rule⇥Details⇥Applies to</c>, the group named on its first row only, as merged
/// cells export), each group heads a section and each row is a passage naming its columns ("Rule: Take-home — Details:
/// Grades 6–12 take devices home every day."). The header row is no guideline text.
/// </summary>
internal static partial class Spreadsheet
{
    private static readonly string[] QuestionColumns = ["question", "questions", "q"];
    private static readonly string[] AnswerColumns = ["answer", "answers", "a", "response"];
    private static readonly string[] TitleColumns = ["name", "title", "task", "task name", "card name", "summary"];
    private static readonly string[] TextColumns = ["notes", "description", "details", "body", "card description"];
    private static readonly string[] GroupColumns = ["section", "topic", "category", "area", "policy area", "subject"];

    /// <summary>A sheet's header may stand under this many title rows (the sheet's name, "Last updated …").</summary>
    private const int MaxTitleRows = 2;

    /// <summary>A sheet holds at least this many answered questions or groups (one would be a line of text with commas).</summary>
    private const int MinSections = 2;

    /// <summary>A task list's notes hold text: at least this many characters a note on average.</summary>
    private const int MinNoteChars = 60;

    /// <summary>A column's name is short: a longer cell is text, not a header.</summary>
    private const int MaxColumnNameChars = 40;

    /// <summary>The lines as "Q:" lines when the text from <paramref name="from"/> is such a sheet; otherwise the lines as they are.</summary>
    public static IReadOnlyList<string> AsQuestionsAndAnswers(IReadOnlyList<string> lines, int from)
    {
        var text = Enumerable.Range(from, lines.Count - from).Where(k => !string.IsNullOrWhiteSpace(lines[k])).Take(MaxTitleRows + 1);
        foreach (var header in text)
        {
            var separator = lines[header].Contains('\t', StringComparison.Ordinal) ? '\t' : ',';
            if (Columns(lines[header], separator) is { } columns && Read(lines, header, separator, columns) is { } sheet)
            {
                return sheet;
            }
        }

        return lines;
    }

    private static string[]? Read(IReadOnlyList<string> lines, int header, char separator, string[] columns)
    {
        var question = Array.FindIndex(columns, c => QuestionColumns.Contains(c, StringComparer.OrdinalIgnoreCase));
        var answer = Array.FindIndex(columns, c => AnswerColumns.Contains(c, StringComparer.OrdinalIgnoreCase));
        var group = question >= 0 && answer >= 0 ? -1 : Array.FindIndex(columns, c => GroupColumns.Contains(c, StringComparer.OrdinalIgnoreCase));
        var titled = false;
        if ((question < 0 || answer < 0) && group < 0)
        {
            // A task list's export: each task's name over its notes (a column that groups the rows reads better still).
            (question, answer, titled) = (Array.FindIndex(columns, c => TitleColumns.Contains(c, StringComparer.OrdinalIgnoreCase)),
                Array.FindIndex(columns, c => TextColumns.Contains(c, StringComparer.OrdinalIgnoreCase)), true);
            if (question < 0 || answer < 0)
            {
                return null;
            }
        }

        var rows = new List<(string[] Cells, int Start)>();
        using (var reader = CsvReader.FromText(string.Join('\n', lines.Skip(header)), new CsvReaderOptions { TrackLineNumbers = true, Separator = separator }))
        {
            reader.ReadHeader();
            while (reader.Read())
            {
                var cells = Enumerable.Range(0, reader.FieldCount).Select(reader.GetString).ToArray();
                // Every row has the header's cells: a line of prose with a comma in it is no row of a sheet.
                if (!cells.All(string.IsNullOrWhiteSpace) && cells.Length != columns.Length)
                {
                    return null;
                }

                rows.Add((cells, header + (int)reader.LineNumber - 1));
            }
        }

        rows.RemoveAll(r => r.Cells.All(string.IsNullOrWhiteSpace));
        // A task's notes are its text: a sheet whose "Notes" are a word or two (a roster, a book list) is no task list.
        var notes = titled ? rows.Select(r => r.Cells[answer].Trim()).Where(c => c.Length > 0).ToArray() : [];
        if (titled && (notes.Length == 0 || notes.Average(c => c.Length) < MinNoteChars))
        {
            return null;
        }

        // The whole text from the header on is the sheet: its lines are blanked, then each row written where the file has it.
        var result = lines.Select((l, k) => k < header ? l : "").ToArray();
        var sections = 0;
        string? current = null;
        var told = titled ? TaskDetails(columns, rows.Select(r => r.Cells).ToList(), question, answer) : [];
        foreach (var (cells, start) in rows)
        {
            if (titled)
            {
                sections += Task(result, start, cells, question, answer, Details(columns, cells, told)) ? 1 : 0;
                continue;
            }

            if (group < 0)
            {
                sections += Answer(result, start, cells, question, answer) ? 1 : 0;
                continue;
            }

            var row = string.Join(" — ", cells.Select((c, i) => (Name: columns[i], Cell: c)).Where((_, i) => i != group)
                .Select(c => (c.Name, Value: Words(c.Cell))).Where(c => c.Value.Length > 0).Select(c => c.Name + ": " + c.Value));
            if (Words(cells[group]) is { Length: > 0 } name && name != current)
            {
                // The group's first row: its name heads the section, the row is its first passage.
                (current, result[start]) = (name, "Q: " + name + (row.Length > 0 ? " A: " + row : ""));
                sections++;
            }
            else if (current is not null && row.Length > 0)
            {
                result[start] = "- " + row;
            }
        }

        return sections >= MinSections ? result : null;
    }

    /// <summary>
    /// A task's row: its name heads a section over its notes, the other cells that tell about it in brackets after them
    /// ("(Assignee: Luis; Due Date: 2025-05-23)"). A task without notes (a subtask, a checklist item) is an item of the
    /// section above.
    /// </summary>
    private static bool Task(string[] result, int start, string[] cells, int title, int notes, string details)
    {
        if (Words(cells[title]) is not { Length: > 0 } name)
        {
            return false;
        }

        if (cells[notes].Trim().Length == 0)
        {
            result[start] = "- " + name + details;
            return false;
        }

        Answer(result, start, cells, title, notes);
        var last = LineOf(start, cells, notes) + cells[notes].TrimEnd().Count(ch => ch == '\n');
        result[Math.Min(last, result.Length - 1)] += details;
        return true;
    }

    /// <summary>" (Assignee: Luis; Due Date: 2025-05-23)": the row's cells in the columns that tell about a task, or nothing.</summary>
    private static string Details(string[] columns, string[] cells, IReadOnlyList<int> told)
    {
        var said = told.Select(i => (Name: columns[i], Value: Words(cells[i]))).Where(c => c.Value.Length > 0).Select(c => c.Name + ": " + c.Value).ToArray();
        return said.Length == 0 ? "" : " (" + string.Join("; ", said) + ")";
    }

    /// <summary>
    /// The columns, besides the name and the notes, that tell about a task: not the tool's bookkeeping (ids, when a row was
    /// created, changed or completed, links, counts, e-mail addresses) and not a column with one value on every row (the project's name).
    /// </summary>
    private static int[] TaskDetails(string[] columns, List<string[]> rows, int title, int notes) =>
        [.. Enumerable.Range(0, columns.Length).Where(i => i != title && i != notes && !BookkeepingColumnRegex().IsMatch(columns[i])
            && rows.Select(r => Words(r[i])).Where(v => v.Length > 0).Distinct(StringComparer.Ordinal).Count() > 1)];

    /// <summary>A question's row: "Q:" and the question on its first line, the answer on the lines where the file has it.</summary>
    private static bool Answer(string[] result, int start, string[] cells, int question, int answer)
    {
        if (Words(cells[question]) is not { Length: > 0 } asked || cells[answer].Trim().Length == 0)
        {
            return false;
        }

        // The answer's lines where the file has them: after the lines of the cells before it.
        var at = LineOf(start, cells, answer);
        var said = cells[answer].Split('\n');
        for (var k = 0; k < said.Length && at + k < result.Length; k++)
        {
            result[at + k] = said[k].Trim();
        }

        // An answer that starts on the question's line is labelled there, so a question without "?" ("Printer jammed") ends where it does.
        result[start] = at != start || result[start].Length == 0 ? "Q: " + asked : "Q: " + asked + " A: " + result[start];
        return true;
    }

    /// <summary>The line where a row's cell starts: after the lines of the cells before it.</summary>
    private static int LineOf(int start, string[] cells, int column) => start + cells.Take(column).Sum(c => c.Count(ch => ch == '\n'));

    /// <summary>A cell's words on one line.</summary>
    private static string Words(string cell) => string.Join(' ', cell.Split((char[])['\n', '\r', ' ', '\t'], StringSplitOptions.RemoveEmptyEntries));

    /// <summary>The names of the header's columns, or null when a cell is too long to name one (text, not a header).</summary>
    private static string[]? Columns(string line, char separator)
    {
        var names = line.TrimEnd('\r').Split(separator).Select(c => c.Trim().Trim('"').Trim()).ToArray();
        return names.Length >= 2 && names.All(n => n.Length <= MaxColumnNameChars) && names.Count(n => n.Length > 0) >= 2 ? names : null;
    }

    /// <summary>A task tool's bookkeeping column: "Task ID", "Card URL", "Attachment Count", "Created At", "Last edited time", "Assignee Email".</summary>
    [GeneratedRegex(@"\b(?:ID|URL|Count|Archived|Created|Modified|Completed|Updated|Edited|E-?mail)\b", RegexOptions.IgnoreCase)]
    private static partial Regex BookkeepingColumnRegex();
}
