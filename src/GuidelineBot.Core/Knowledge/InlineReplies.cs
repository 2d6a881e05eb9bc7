using System.Text.RegularExpressions;

namespace GuidelineBot.Core.Knowledge;

/// <summary>
/// An e-mail answered inline: the asker's message quoted ("> ") a question at a time, each answer written under it. Each
/// quoted question heads a section (written as a "Q:" line on its first line) and the answer under it is its text; the
/// rest of the asker's quoted words (a greeting, the story before the first question) are no guideline text. An earlier
/// message quoted in turn (">> ") is text as it was written, without its marks, and the "On … wrote:" lines go.
/// </summary>
internal static partial class InlineReplies
{
    /// <summary>An e-mail answers inline when at least this many quoted questions have an answer under them.</summary>
    private const int MinAnswered = 3;

    public static IReadOnlyList<string> AsQuestionsAndAnswers(IReadOnlyList<string> lines, int from)
    {
        // (A document of "Q:" lines already, as a forum's digest is written by then, asks its own way.)
        if (lines.Skip(from).Any(PlainTextParser.IsQuestionLabel))
        {
            return lines;
        }

        var blocks = new List<(int Start, int End)>();
        for (var k = from; k < lines.Count; k++)
        {
            if (Depth(lines[k]) != 1)
            {
                continue;
            }

            var end = k;
            while (end + 1 < lines.Count && Depth(lines[end + 1]) == 1)
            {
                end++;
            }

            blocks.Add((k, end));
            k = end;
        }

        var answered = blocks.Select(b => (Block: b, Question: Question(lines, b))).Where(b => b.Question is not null && IsAnswered(lines, b.Block.End)).ToList();
        if (answered.Count < MinAnswered)
        {
            return lines;
        }

        var result = lines.ToArray();
        for (var k = from; k < result.Length; k++)
        {
            var depth = Depth(result[k]);
            if (depth == 1 && MailThread.IsForwardMarker(Unmarked(result[k])))
            {
                // The asker quoted the message they answered, under its header ("> -------- Original Message --------" over
                // "> From: …"): its text, quoted in turn, is headed by its sender and day.
                var end = k + 1;
                while (end < result.Length && Depth(result[end]) == 1 && Unmarked(result[end]).Length > 0 && !MailThread.IsForwardMarker(Unmarked(result[end])))
                {
                    end++;
                }

                var header = Enumerable.Range(k + 1, end - k - 1).Select(j => Unmarked(result[j])).ToArray();
                Array.Fill(result, "", k, end - k);
                result[k] = MailThread.QuotedHeading(header) ?? "";
                k = end - 1;
            }
            else if (depth == 1 || IsWroteLine(Unmarked(result[k])))
            {
                result[k] = "";
            }
            else if (depth >= 2)
            {
                result[k] = Unmarked(result[k]);
            }
        }

        foreach (var (_, question) in answered)
        {
            var (start, text) = question!.Value;
            result[start] = "Q: " + text;
        }

        return result;
    }

    /// <summary>
    /// A message quoted whole under its "On … wrote:" line, as a reply carries the one it answers (the original
    /// guidance at the bottom of a thread): its text as it was written, without the quote marks, so its headings and
    /// lists read as the message's; the "On … wrote:" line (Gmail wraps it over two) becomes the message's heading, named
    /// by its sender and day (<see cref="MailThread.WroteHeading"/>), or goes when it names no sender. A message quoted
    /// whole under a forward's marker ("Begin forwarded message:") loses its marks the same way, the marker kept for
    /// <see cref="MailThread"/>, which reads the forward's header. Inline answers (<see cref="AsQuestionsAndAnswers"/>) are
    /// read first.
    /// </summary>
    public static IReadOnlyList<string> WithQuotedMessagesUnmarked(IReadOnlyList<string> lines, int from)
    {
        string[]? result = null;
        // (Asked only when a quoted message is found: most documents have none.)
        bool? thread = null;
        int? textLines = null;
        for (var k = from; k < lines.Count; k++)
        {
            // A forward's marker over the message quoted whole (Apple Mail's "Begin forwarded message:" over "> From: …"):
            // the marker stays, so the forward's header under it reads as any forward's (MailThread heads it).
            var forward = Depth(lines[k]) == 0 && MailThread.IsForwardMarker(lines[k]);
            var intro = forward ? 1 : IntroLines(lines[k], k + 1 < lines.Count ? lines[k + 1] : null);
            if (intro == 0)
            {
                continue;
            }

            var start = k + intro;
            while (start < lines.Count && string.IsNullOrWhiteSpace(lines[start]))
            {
                start++;
            }

            var end = start;
            var quoted = 0;
            while (end < lines.Count && (Depth(lines[end]) > 0 || string.IsNullOrWhiteSpace(lines[end])))
            {
                quoted += Unmarked(lines[end]).Length > 0 ? 1 : 0;
                end++;
            }

            if (quoted < MinQuotedLines)
            {
                continue;
            }

            result ??= [.. lines];
            if (!forward)
            {
                // (A reply written under the quote, or a text that goes on after it, is no part of the quoted message, and a
                // short quote at the end of a guide is its example: no heading then. A reply's quote of its thread is much of
                // the file, or the file is e-mail.)
                var heading = end == lines.Count && ((thread ??= MailThread.OpensWithHeader(lines, from))
                                                     || quoted * MinThreadShare >= (textLines ??= lines.Skip(from).Count(l => !string.IsNullOrWhiteSpace(l))))
                    ? MailThread.WroteHeading(string.Join(' ', lines.Skip(k).Take(intro).Select(l => l.Trim())))
                    : null;
                for (var j = k; j < start; j++)
                {
                    result[j] = "";
                }

                // (The message's heading on the line above its text: blank lines between would not part a wrapped "On … wrote:".)
                result[start - 1] = heading ?? "";
            }

            // The least depth of the block's lines with words from each line on (a message quoted in turn ends where it does).
            var least = new int[end - start + 1];
            least[end - start] = int.MaxValue;
            for (var j = end - 1; j >= start; j--)
            {
                least[j - start] = Unmarked(lines[j]).Length == 0 ? least[j - start + 1] : Math.Min(least[j - start + 1], Depth(lines[j]));
            }

            for (var j = start; j < end; j++)
            {
                // A message quoted in the quoted one ("> On … wrote:" over "> > " lines) heads its text in turn.
                var inner = IntroLines(Unmarked(lines[j]), j + 1 < end ? Unmarked(lines[j + 1]) : null);
                var next = j + inner;
                while (next < end && Unmarked(lines[next]).Length == 0)
                {
                    next++;
                }

                if (inner > 0 && next < end && least[next - start] > Depth(lines[j]))
                {
                    var innerHeading = MailThread.WroteHeading(string.Join(' ', lines.Skip(j).Take(inner).Select(Unmarked)));
                    for (var m = j; m < j + inner; m++)
                    {
                        result[m] = "";
                    }

                    result[j + inner - 1] = innerHeading ?? "";
                    j += inner - 1;
                    continue;
                }

                result[j] = QuoteMarksRegex().Replace(lines[j], "");
            }

            k = end - 1;
        }

        return result ?? lines;
    }

    /// <summary>
    /// How many lines introduce a quoted message at <paramref name="line"/>: 1 for an "On … wrote:" line, 2 for one a mail
    /// program wrapped (after the address's "&lt;", or before "wrote:"), 0 for any other line.
    /// </summary>
    private static int IntroLines(string line, string? next) =>
        // (A mail program's line names a time or an address: "On March 3 the superintendent wrote:" is the text's own.)
        IsWroteLine(line) && MailStampRegex().IsMatch(line) ? (line.TrimEnd().EndsWith('<') && next is not null && IsWroteLine(next) ? 2 : 1)
        : next is not null && WrappedWroteRegex().IsMatch(line) && next.Trim() == "wrote:" ? 2
        : 0;

    /// <summary>What a mail program's "On … wrote:" line holds: a time or an address.</summary>
    [GeneratedRegex(@"\d{1,2}:\d{2}|@|<")]
    private static partial Regex MailStampRegex();

    /// <summary>A quoted message heads its text when it is at least one in this many of the file's lines with words.</summary>
    private const int MinThreadShare = 3;

    /// <summary>A quoted message is read as text when it has at least this many lines with words.</summary>
    private const int MinQuotedLines = 3;

    /// <summary>The last paragraph of a quoted block when it asks something: its first line and its words on one line.</summary>
    private static (int Start, string Text)? Question(IReadOnlyList<string> lines, (int Start, int End) block)
    {
        var start = block.End;
        while (start > block.Start && Unmarked(lines[start - 1]).Length > 0)
        {
            start--;
        }

        var words = string.Join(' ', Enumerable.Range(start, block.End - start + 1).Select(k => Unmarked(lines[k])));
        return words.Contains('?', StringComparison.Ordinal) && !IsWroteLine(words) ? (start, words) : null;
    }

    /// <summary>Unquoted text follows the block (after blank lines): an answer, not the next quote or the end.</summary>
    private static bool IsAnswered(IReadOnlyList<string> lines, int end)
    {
        var next = end + 1;
        while (next < lines.Count && string.IsNullOrWhiteSpace(lines[next]))
        {
            next++;
        }

        return next < lines.Count && Depth(lines[next]) == 0 && !IsWroteLine(lines[next]);
    }

    /// <summary>How many quote marks open the line ("> ", ">> ", "> > "; not ">= 5 staff").</summary>
    private static int Depth(string line)
    {
        var depth = 0;
        for (var i = 0; i < line.Length; i++)
        {
            if (line[i] == '>' && (i + 1 == line.Length || line[i + 1] is ' ' or '>' or '\t'))
            {
                depth++;
            }
            else if (line[i] != ' ')
            {
                break;
            }
        }

        return depth;
    }

    /// <summary>A line introducing a quoted message (the pattern only where the line ends as one does).</summary>
    private static bool IsWroteLine(string line)
    {
        var text = line.TrimEnd();
        return (text.EndsWith("wrote:", StringComparison.Ordinal) || text.EndsWith('<')) && WroteRegex().IsMatch(text);
    }

    /// <summary>The line without its quote marks.</summary>
    private static string Unmarked(string line) => QuoteMarksRegex().Replace(line, "").Trim();

    [GeneratedRegex(@"^[ >]*>\s?")]
    private static partial Regex QuoteMarksRegex();

    /// <summary>The line that introduces a quoted message: "On Tue, Aug 20, 2024 at 3:14 PM Dana Reyes &lt;…&gt; wrote:".</summary>
    [GeneratedRegex(@"^On\s.{4,200}\bwrote:\s*$|^On\s.{4,120}<\s*$|^(?>[^\s@]+)@(?>[^\s>]+)>\s+wrote:\s*$")]
    private static partial Regex WroteRegex();

    /// <summary>The first line of an "On … wrote:" line wrapped after the address: "On Thu, Oct 2, 2025 at 4:10 PM Dana Whitfield &lt;dw@…&gt;".</summary>
    [GeneratedRegex(@"^On\s.{4,200}>\s*$")]
    private static partial Regex WrappedWroteRegex();
}
