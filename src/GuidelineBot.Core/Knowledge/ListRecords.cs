using System.Text.RegularExpressions;

namespace GuidelineBot.Core.Knowledge;

/// <summary>
/// A list of items exported as text, one item per block of "Field: value" lines (a SharePoint list, a help desk's or a
/// database's records): each block opens with the field that names its item ("Title: Mileage Reimbursement"), and every
/// block has it. Written as "Q:" lines in place: the item's name heads a section; its text fields ("Summary:",
/// "Description:", …) are text without their label, and with the lines that carry them on; its other fields stay as they
/// read ("Policy Number: AR 3350", "Contact: …", a multi-valued field's ";#" read as a comma); the list's bookkeeping
/// ("Modified:", "Created By:", "ID:") is no text. Only a document that is the list (a title's lines at most above it).
/// </summary>
internal static partial class ListRecords
{
    /// <summary>A list holds at least this many items.</summary>
    private const int MinItems = 3;

    /// <summary>Above a list, a title and a line or two may stand (no more: a list inside a longer document is its text).</summary>
    private const int MaxLinesAbove = 3;

    /// <summary>An item has its name and at least one more field.</summary>
    private const int MinFields = 2;

    public static IReadOnlyList<string> AsQuestionsAndAnswers(IReadOnlyList<string> lines, int from)
    {
        // The blocks of lines with text, by first and last line.
        var blocks = new List<(int First, int Last)>();
        for (var k = from; k < lines.Count; k++)
        {
            if (string.IsNullOrWhiteSpace(lines[k]))
            {
                continue;
            }

            var top = k;
            while (k + 1 < lines.Count && !string.IsNullOrWhiteSpace(lines[k + 1]))
            {
                k++;
            }

            blocks.Add((top, k));
        }

        // Each block's naming field ("Title"), if it is an item: its first line names it, and it has another field.
        var names = blocks.Select(block =>
            FieldRegex().Match(lines[block.First]) is { Success: true } field && NameFields.Contains(field.Groups["label"].Value, StringComparer.OrdinalIgnoreCase)
            && Enumerable.Range(block.First, block.Last - block.First + 1).Count(j => FieldRegex().IsMatch(lines[j])) >= MinFields
                ? field.Groups["label"].Value
                : null).ToArray();

        // The list is the document: every block from the first item on is an item, and at most a title's few lines stand above it.
        var first = Array.FindIndex(names, name => name is not null);
        if (first < 0 || names.Skip(first).Any(name => name is null) || blocks.Take(first).Sum(b => b.Last - b.First + 1) > MaxLinesAbove)
        {
            return lines;
        }

        var items = blocks.Skip(first).ToArray();
        if (items.Length < MinItems || names.Skip(first).Distinct(StringComparer.OrdinalIgnoreCase).Count() != 1)
        {
            return lines;
        }

        var result = lines.ToArray();
        foreach (var (start, last) in items)
        {
            for (var j = start; j <= last; j++)
            {
                if (FieldRegex().Match(lines[j]) is not { Success: true } field)
                {
                    // A field's value going on over the lines under it.
                    result[j] = lines[j].Replace(";#", ", ", StringComparison.Ordinal);
                    continue;
                }

                var label = field.Groups["label"].Value;
                var value = field.Groups["value"].Value.Trim().Replace(";#", ", ", StringComparison.Ordinal);
                result[j] = j == start ? "Q: " + value
                    : BookkeepingFields.Contains(label, StringComparer.OrdinalIgnoreCase) ? ""
                    : TextFields.Contains(label, StringComparer.OrdinalIgnoreCase) ? value
                    : $"{label}: {value}";
            }
        }

        return result;
    }

    private static readonly string[] NameFields = ["Title", "Name", "Topic", "Subject", "Policy", "Item"];

    private static readonly string[] TextFields = ["Summary", "Description", "Body", "Details", "Text", "Content", "Notes", "Answer", "Guidance"];

    private static readonly string[] BookkeepingFields =
        ["Modified", "Modified By", "Created", "Created By", "ID", "Item Type", "Path", "Version", "Content Type", "Attachments"];

    /// <summary>A field's line: a short label in title case, a colon, its value ("Policy Number: AR 3350"; a form's "Name: ______" has none).</summary>
    [GeneratedRegex(@"^(?<label>\p{Lu}[\p{L} ]{0,29}?):[ \t]+(?<value>[^\s_]*[\p{L}\p{N}].*)$")]
    private static partial Regex FieldRegex();
}
