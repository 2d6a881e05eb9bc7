using CsvHelper;

namespace GuidelineBot.Core.Knowledge;

/// <summary>
/// A spreadsheet of questions and answers saved as comma-separated text (an FAQ kept in Excel or Google Sheets:
/// <c>Category,Question,Answer,Owner,Last Updated</c>), its cells quoted where they hold a comma, a quote (doubled) or
/// several lines. Read with CsvHelper and written as "Q:" lines in place, each question heading a section and its answer
/// its text, on the lines where the file has them; the header and the other columns are no guideline text.
/// </summary>
internal static class QuestionSheet
{
    private static readonly string[] QuestionColumns = ["question", "questions", "q"];
    private static readonly string[] AnswerColumns = ["answer", "answers", "a", "response"];

    /// <summary>
    /// The lines as "Q:" lines when the text from <paramref name="from"/> is such a sheet: a header naming a question and
    /// an answer column, and two answered questions or more; otherwise the lines as they are.
    /// </summary>
    public static IReadOnlyList<string> AsQuestionsAndAnswers(IReadOnlyList<string> lines, int from)
    {
        var header = from;
        while (header < lines.Count && string.IsNullOrWhiteSpace(lines[header]))
        {
            header++;
        }

        var columns = header < lines.Count && lines[header].Contains(',', StringComparison.Ordinal) ? Columns(lines[header]) : null;
        var question = columns is null ? -1 : Array.FindIndex(columns, c => QuestionColumns.Contains(c, StringComparer.OrdinalIgnoreCase));
        var answer = columns is null ? -1 : Array.FindIndex(columns, c => AnswerColumns.Contains(c, StringComparer.OrdinalIgnoreCase));
        if (question < 0 || answer < 0)
        {
            return lines;
        }

        // The whole text is the sheet: every line is blanked, then each question and its answer written where the file has them.
        var result = lines.Select((l, k) => k < header ? l : "").ToArray();
        var records = 0;
        using var reader = CsvReader.FromText(string.Join('\n', lines.Skip(header)), new CsvReaderOptions { TrackLineNumbers = true, Separator = ',' });
        reader.ReadHeader();
        while (reader.Read())
        {
            // Every row has the header's cells: a line of prose with a comma in it is no row of a sheet.
            if (reader.FieldCount != columns!.Length)
            {
                return lines;
            }

            var start = header + (int)reader.LineNumber - 1;
            if (reader.GetString(question).Trim() is not { Length: > 0 } asked
                || reader.GetString(answer).Trim() is not { Length: > 0 } said)
            {
                continue;
            }

            // The answer's lines where the file has them: after the lines of the cells before it.
            var at = start + Enumerable.Range(0, answer).Sum(c => reader.GetString(c).Count(ch => ch == '\n'));
            var saidLines = reader.GetString(answer).Split('\n');
            for (var k = 0; k < saidLines.Length && at + k < result.Length; k++)
            {
                result[at + k] = saidLines[k].Trim();
            }

            // An answer that starts on the question's line is labelled there, so a question without "?" ("Printer jammed") ends where it does.
            var heading = "Q: " + string.Join(' ', asked.Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries));
            result[start] = at != start || result[start].Length == 0 ? heading : heading + " A: " + result[start];
            records++;
        }

        return records >= MinQuestions ? result : lines;
    }

    /// <summary>A sheet holds at least this many answered questions (one would be a line of text with commas).</summary>
    private const int MinQuestions = 2;

    /// <summary>The names of the header's columns, or null when a cell is too long to name one.</summary>
    private static string[]? Columns(string line)
    {
        var names = line.Split(',').Select(c => c.Trim().Trim('"').Trim()).ToArray();
        return names.Length >= 2 && names.All(n => n.Length <= MaxColumnNameChars) ? names : null;
    }

    /// <summary>A column's name is short: a longer cell is text, not a header.</summary>
    private const int MaxColumnNameChars = 40;
}
