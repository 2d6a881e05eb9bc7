using System.Text.RegularExpressions;

namespace GuidelineBot.Core.Knowledge;

/// <summary>
/// An e-mail thread saved or pasted as text: the newest message first, each earlier one under its header ("From:" over
/// "Sent:", "To:", "Subject:", as Outlook writes them, under "-----Original Message-----" or a rule) or under the "On …
/// wrote:" line a reply quotes it with. Each earlier message heads a section named by its sender and day ("From Marcus
/// Lee, October 7, 2025"), so that its words are not the text of the section above it (a colleague's questions under the
/// last topic of the answer to them); its header's other fields go. In a thread (or a single message saved with its
/// header) the messages' greetings ("Hi all,"), sign-offs ("Thanks!" over "Marcus") and signature blocks (a name over a
/// title, a school and a phone number or an address) go as well: no guideline text. The first message's header stays,
/// since it names the document.
/// </summary>
internal static partial class MailThread
{
    /// <summary>Marks a line a reader wrote as a heading of its own: a control character, which no loaded text keeps.</summary>
    public const char HeadingMark = '\u0001';

    /// <summary>How many lines a signature block may have.</summary>
    private const int MaxSignatureLines = 8;

    /// <summary>How long a signature block's line may be.</summary>
    private const int MaxSignatureLineChars = 80;

    /// <summary>How many lines a sign-off may have ("Thanks!" over "Marcus", "Best," over "Dana" over "Dana Whitfield").</summary>
    private const int MaxSignOffLines = 3;

    /// <summary>How many words a sign-off's name may have.</summary>
    private const int MaxSignOffNameWords = 3;

    /// <summary>The heading that names an earlier message by its sender and day; null when the sender cannot be told.</summary>
    public static string? Heading(string sender, string? when)
    {
        var name = AddressRegex().Replace(sender, "").Trim().Trim('"', '\'', ' ', ',');
        name = LastFirstRegex().Match(name) is { Success: true } m ? m.Groups["first"].Value + " " + m.Groups["last"].Value : name;
        if (name.Length == 0 || name.Any(char.IsDigit) || PlainTextParser.WordCount(name) > MaxSenderWords)
        {
            return null;
        }

        var day = when is null ? "" : DayRegex().Match(when.Trim()).Groups["day"].Value.Trim().TrimEnd(',');
        return HeadingMark + "From " + name + (day.Length > 0 ? ", " + day : "");
    }

    /// <summary>How many words a sender's name may have.</summary>
    private const int MaxSenderWords = 6;

    /// <summary>The heading for an "On … wrote:" line (its two lines joined when the mail program wrapped it); null when it names no sender.</summary>
    public static string? WroteHeading(string line) =>
        WroteRegex().Match(line.Trim()) is { Success: true } m ? Heading(m.Groups["who"].Value, m.Groups["when"].Value) : null;

    /// <summary>
    /// The earlier messages' headers made headings ("From:" over "Sent:" and "To:" or "Subject:"; a memo's or a letter's
    /// "Date:" is no e-mail's). The first header stays as it is: as the message's header it names the document.
    /// </summary>
    public static IReadOnlyList<string> WithMessagesHeaded(IReadOnlyList<string> lines, int from)
    {
        List<string>? result = null;
        var first = true;
        for (var k = from; k < lines.Count; k++)
        {
            if (!HeaderRegex().Match(lines[k]).Groups["from"].Success)
            {
                continue;
            }

            var end = k;
            while (end + 1 < lines.Count && HeaderRegex().IsMatch(lines[end + 1]))
            {
                end++;
            }

            var fields = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            for (var j = k; j <= end; j++)
            {
                var field = HeaderRegex().Match(lines[j]);
                fields.TryAdd(field.Groups["field"].Value, field.Groups["value"].Value);
            }

            if (fields.ContainsKey("Sent") && (fields.ContainsKey("To") || fields.ContainsKey("Subject")))
            {
                if (!first)
                {
                    result ??= [.. lines];
                    for (var j = k; j <= end; j++)
                    {
                        result[j] = "";
                    }

                    // (Under the rule Outlook draws between messages, a blank line first, so that the rule parts nothing.)
                    result[k + 1] = Heading(fields["From"], fields["Sent"]) ?? "";
                }

                first = false;
            }

            k = end;
        }

        return result ?? lines;
    }

    /// <summary>
    /// A message's greetings, sign-offs and signature blocks blanked, in a document that is e-mail: one that has a
    /// message's header ("From:" over "Sent:") or an earlier message's heading.
    /// </summary>
    public static IReadOnlyList<string> WithoutSignOffs(IReadOnlyList<string> lines, int from)
    {
        if (!IsMail(lines, from))
        {
            return lines;
        }

        var paragraphs = Paragraphs(lines, from);
        string[]? result = null;
        for (var p = 0; p < paragraphs.Count; p++)
        {
            var (start, end) = paragraphs[p];
            var next = p + 1 < paragraphs.Count ? paragraphs[p + 1] : ((int Start, int End)?)null;
            // A name alone ("Dana") signs off when a signature block follows it or nothing of its message does.
            var lastOfMessage = next is not { } n || Enumerable.Range(end + 1, n.Start - end - 1).Any(j => lines[j].StartsWith(HeadingMark));
            // (A greeting that opens the document is left to the title's reading, which passes over it.)
            if (IsGreeting(lines, start, end) && p > 0 || IsSignature(lines, start, end) || IsSignOff(lines, start, end)
                || start == end && IsSignOffName(lines[start]) && (lastOfMessage || next is var (s, e) && IsSignature(lines, s, e)))
            {
                result ??= [.. lines];
                Array.Fill(result, "", start, end - start + 1);
            }
        }

        return WithoutAskingMessages(result ?? lines);
    }

    /// <summary>
    /// An earlier message that only asks (a colleague's two or three questions, which the message above answers): its
    /// heading and text go, so that a question like one of them is answered from the answer, not the asking. Such a message
    /// is short, and a third of its sentences or more are questions, two at least.
    /// </summary>
    private static IReadOnlyList<string> WithoutAskingMessages(IReadOnlyList<string> lines)
    {
        string[]? result = null;
        for (var k = 0; k < lines.Count; k++)
        {
            if (!lines[k].StartsWith(HeadingMark))
            {
                continue;
            }

            var end = k + 1;
            while (end < lines.Count && !lines[end].StartsWith(HeadingMark))
            {
                end++;
            }

            var text = string.Join(' ', lines.Skip(k + 1).Take(end - k - 1).Where(l => !string.IsNullOrWhiteSpace(l)).Select(l => l.Trim()));
            var sentences = SentenceEndRegex().Matches(text).Count;
            var questions = text.Count(c => c == '?');
            if (questions >= MinAskingQuestions && questions * AskingShare >= sentences && PlainTextParser.WordCount(text) <= MaxAskingWords)
            {
                result ??= [.. lines];
                Array.Fill(result, "", k, end - k);
            }

            k = end - 1;
        }

        return result ?? lines;
    }

    /// <summary>An asking message has at least this many questions.</summary>
    private const int MinAskingQuestions = 2;

    /// <summary>At least one sentence in this many of an asking message is a question.</summary>
    private const int AskingShare = 3;

    /// <summary>An asking message has at most this many words.</summary>
    private const int MaxAskingWords = 120;

    /// <summary>The document is e-mail: it has a message's header or an earlier message's heading.</summary>
    private static bool IsMail(IReadOnlyList<string> lines, int from)
    {
        for (var k = from; k < lines.Count; k++)
        {
            if (lines[k].StartsWith(HeadingMark))
            {
                return true;
            }

            if (HeaderRegex().Match(lines[k]).Groups["from"].Success && k + 1 < lines.Count
                && HeaderRegex().Match(lines[k + 1]).Groups["field"].Value.Equals("Sent", StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The runs of lines with text, from each one's first line to its last; a heading line stands alone.</summary>
    private static List<(int Start, int End)> Paragraphs(IReadOnlyList<string> lines, int from)
    {
        var paragraphs = new List<(int Start, int End)>();
        for (var k = from; k < lines.Count; k++)
        {
            if (string.IsNullOrWhiteSpace(lines[k]) || lines[k].StartsWith(HeadingMark))
            {
                continue;
            }

            var end = k;
            while (end + 1 < lines.Count && !string.IsNullOrWhiteSpace(lines[end + 1]) && !lines[end + 1].StartsWith(HeadingMark))
            {
                end++;
            }

            paragraphs.Add((k, end));
            k = end;
        }

        return paragraphs;
    }

    /// <summary>A greeting on a line of its own: "Hi all,", "Hello Maple Ridge team,", "All,", "Good morning!".</summary>
    private static bool IsGreeting(IReadOnlyList<string> lines, int start, int end) => start == end && GreetingRegex().IsMatch(lines[start]);

    /// <summary>"Thanks!" over "Marcus", "Best regards," over "Dana": a closing word, and names at most.</summary>
    private static bool IsSignOff(IReadOnlyList<string> lines, int start, int end) =>
        end - start < MaxSignOffLines && Enumerable.Range(start, end - start + 1).Any(k => ClosingRegex().IsMatch(lines[k]))
        && Enumerable.Range(start, end - start + 1).All(k => ClosingRegex().IsMatch(lines[k]) || IsSignOffName(lines[k]));

    private static bool IsSignOffName(string line) => PlainTextParser.WordCount(line) <= MaxSignOffNameWords && ChannelPosts.IsName(line.Trim());

    /// <summary>
    /// A signature block: a name over a few short lines (a title, a school, an office), one of them a phone number or an
    /// e-mail address, none of them under the name a sentence but a motto in quotes.
    /// </summary>
    private static bool IsSignature(IReadOnlyList<string> lines, int start, int end) =>
        end > start && end - start < MaxSignatureLines && IsSignatureName(lines[start].Trim())
        && Enumerable.Range(start, end - start + 1).Any(k => ContactRegex().IsMatch(lines[k]))
        && Enumerable.Range(start, end - start + 1).All(k => lines[k].Trim() is var line && line.Length <= MaxSignatureLineChars
                                                             && (k == start || !line.EndsWith('.') || QuotedRegex().IsMatch(line)));

    /// <summary>A signature's name, its degrees after it or not: "Dana Whitfield", "James Okafor, Ed.D.".</summary>
    private static bool IsSignatureName(string line) =>
        ChannelPosts.IsName(line) || line.IndexOf(',', StringComparison.Ordinal) is > 0 and var comma && line.Length - comma <= MaxDegreesChars
        && ChannelPosts.IsName(line[..comma]);

    /// <summary>How long the degrees after a signature's name may be (", Ed.D.", ", M.Ed., NBCT").</summary>
    private const int MaxDegreesChars = 16;

    /// <summary>A line of an e-mail's header: "From: …", "Sent: …", "To: …", "Cc: …", "Subject: …", "Attachments: …".</summary>
    [GeneratedRegex(@"^\s*(?<field>(?<from>From)|Sent|Date|To|Cc|Bcc|Subject|Attachments|Importance)\s*:\s*(?<value>\S.*)$", RegexOptions.IgnoreCase)]
    private static partial Regex HeaderRegex();

    /// <summary>An "On … wrote:" line: its day (a time after it, or not) and its sender, whose address may follow.</summary>
    [GeneratedRegex(@"^On\s+(?<when>.{3,60}?\d{4})(?:,?\s+(?:at\s+)?\d{1,2}:\d{2}(?::\d{2})?(?:\s*[AaPp]\.?[Mm]\.?)?)?,?\s+(?<who>[^<>@,\d][^<>@]{0,80}?)\s*(?:<[^<>]*>?\s*)?(?:wrote:)?$")]
    private static partial Regex WroteRegex();

    /// <summary>An address in a sender's name: "&lt;mlee@…&gt;", "[mailto:…]".</summary>
    [GeneratedRegex(@"<[^<>]*>?|\[mailto:[^\]]*\]")]
    private static partial Regex AddressRegex();

    /// <summary>A sender written last name first: "Lee, Marcus", "Del Rio, Ana M.".</summary>
    [GeneratedRegex(@"^(?<last>\p{Lu}[\p{L}'’-]*(?:\s\p{Lu}[\p{L}'’-]*)?),\s*(?<first>\p{Lu}[\p{L}'’.-]*(?:\s\p{Lu}[\p{L}'’.-]*)?)$")]
    private static partial Regex LastFirstRegex();

    /// <summary>A message's day without its weekday or time: "Tuesday, October 7, 2025 11:05 AM" → "October 7, 2025".</summary>
    [GeneratedRegex(@"^(?:(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)\p{L}*\.?,?\s+)?(?<day>.*?)(?:,?\s+(?:at\s+)?\d{1,2}:\d{2}.*)?$")]
    private static partial Regex DayRegex();

    /// <summary>A greeting: "Hi all,", "Good morning!", "All,", "Dana and Lisa,".</summary>
    [GeneratedRegex(@"^\s*(?:(?i:(?:hi|hello|hey|dear|good (?:morning|afternoon|evening)|greetings)\b[^.!?:]{0,40}|all|everyone|team|folks|colleagues|staff|friends)|\p{Lu}[\p{L}'’-]+(?:(?:,|\s+and|\s*&)\s+\p{Lu}[\p{L}'’-]+){0,4})\s*[,!]\s*$")]
    private static partial Regex GreetingRegex();

    /// <summary>A closing word, a name after it or not: "Thanks!", "Best regards,", "thanks, Dana".</summary>
    [GeneratedRegex(@"^\s*(?i:thanks|thank you|thanks so much|thanks again|many thanks|thx|best|all the best|best wishes|regards|best regards|kind regards|warm regards|warmly|sincerely|cheers|take care|respectfully|gratefully|with gratitude)[!,.]*(?:\s+\p{Lu}[\p{L}'’.-]*){0,2}\s*$")]
    private static partial Regex ClosingRegex();

    /// <summary>How a signature reaches its writer: a phone number, an extension or an e-mail address.</summary>
    [GeneratedRegex(@"\(?\b\d{3}\)?[\s.-]\d{3}[\s.-]\d{4}\b|\bext\.?\s*\d{2,5}\b|[\w.+-]+@[\w-]+(?:\.[\w-]+)+", RegexOptions.IgnoreCase)]
    private static partial Regex ContactRegex();

    /// <summary>Where a sentence ends: a full stop, a question or an exclamation mark after a word, before a space or the end (not a list's "1.").</summary>
    [GeneratedRegex(@"(?<=[\p{L})""'”’])[.?!]+(?=\s|$)")]
    private static partial Regex SentenceEndRegex();

    /// <summary>A line in quotes: a signature's motto ("Every student, every day.").</summary>
    [GeneratedRegex(@"^[""“'‘].*[""”'’]$")]
    private static partial Regex QuotedRegex();
}
