using System.Text.RegularExpressions;

namespace GuidelineBot.Core.Knowledge;

/// <summary>
/// An e-mail thread saved or pasted as text: the newest message first, each earlier one under its header ("From:" over
/// "Sent:", "To:", "Subject:", as Outlook writes them, under "-----Original Message-----" or a rule; a forward's
/// "From:" and "Date:" under "---------- Forwarded message ---------") or under the "On … wrote:" line a reply quotes it
/// with (<see cref="InlineReplies"/>); or a conversation printed from Gmail. Each earlier message heads a section named
/// by its sender and day ("From Marcus Lee, October 7, 2025"), so that its words are not the text of the section above
/// it (a colleague's questions under the last topic of the answer to them); its header's other fields go. A file is a
/// thread when it opens with a header; a guide that shows a sample message further down is none. In e-mail, the
/// messages' greetings ("Hi all,"), sign-offs ("Thanks!" over "Marcus"), signature blocks (a name over a title, a school
/// and a phone number or an address) and phones' lines ("Sent from my iPhone") go as well, and so does an earlier message
/// that only asks: no guideline text. The first message's header stays, since it names the document.
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
        if (SenderName(sender) is not { } name)
        {
            return null;
        }

        var day = when is null ? "" : DayRegex().Match(when.Trim()).Groups["day"].Value.Trim().TrimEnd(',');
        return HeadingMark + "From " + name + (day.Length > 0 ? ", " + day : "");
    }

    /// <summary>A sender's name in its natural order, without the address ("Lee, Marcus &lt;ml@…&gt;" → "Marcus Lee"); null when there is none.</summary>
    private static string? SenderName(string sender)
    {
        // (Sent for someone: "Maple Ridge Office on behalf of Ortiz, Carmen"; through a list: "Marcus Lee via Staff List".)
        var name = OnBehalfRegex().Replace(sender.Trim(), "");
        name = AddressRegex().Replace(name, "").Trim();
        if (name.Length == 0 && AddressOnlyRegex().Match(sender) is { Success: true } address)
        {
            return address.Value;
        }

        name = DegreesRegex().Replace(ViaRegex().Replace(AsideRegex().Replace(name, ""), ""), "").Trim().Trim('"', '\'', ' ', ',');
        name = LastFirstRegex().Match(name) is { Success: true } m ? m.Groups["first"].Value + " " + m.Groups["last"].Value : name;
        // (A name too long to be one, or no name, is told by the address.)
        return name.Length > 0 && PlainTextParser.WordCount(name) <= MaxSenderWords ? (name.Contains('@', StringComparison.Ordinal) ? name.Trim('<', '>', '[', ']') : name)
            : AddressOnlyRegex().Match(sender) is { Success: true } fallback ? fallback.Value : null;
    }

    /// <summary>How many words a sender's name may have.</summary>
    private const int MaxSenderWords = 8;

    /// <summary>The heading for a quoted message's header lines ("From: …", "Date: …"); null when they name no sender.</summary>
    public static string? QuotedHeading(IReadOnlyList<string> header)
    {
        var fields = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var line in header)
        {
            if (HeaderRegex().Match(line) is { Success: true } field)
            {
                fields.TryAdd(field.Groups["field"].Value, field.Groups["value"].Value);
            }
        }

        return fields.TryGetValue("From", out var sender) ? Heading(sender, fields.GetValueOrDefault("Sent") ?? fields.GetValueOrDefault("Date")) : null;
    }

    /// <summary>The heading for an "On … wrote:" line (its two lines joined when the mail program wrapped it); null when it names no sender.</summary>
    public static string? WroteHeading(string line) =>
        WroteRegex().Match(line.Trim()) is { Success: true } m ? Heading(m.Groups["who"].Value, m.Groups["when"].Value) : null;

    /// <summary>
    /// The earlier messages' headers made headings, in a document that opens with a header. The first header stays as it
    /// is: as the message's header it names the document. Elsewhere (a forward pasted under a note, a guide that shows a
    /// sample message) the later Outlook headers only go. Then a printed Gmail conversation's messages are headed.
    /// </summary>
    public static IReadOnlyList<string> WithMessagesHeaded(IReadOnlyList<string> lines, int from)
    {
        // (Only in e-mail: a guide that shows a sample message's header further down is no thread, and the header goes.)
        var thread = OpensWithHeader(lines, from);
        List<string>? result = null;
        var first = true;
        foreach (var (start, end, fields) in Headers(lines, from).Where(h => thread || h.Fields.ContainsKey("Sent")))
        {
            if (!first)
            {
                result ??= [.. lines];
                for (var j = start; j <= end; j++)
                {
                    result[j] = "";
                }

                // (Under the rule Outlook draws between messages, a blank line first, so that the rule parts nothing.)
                result[start + 1] = thread ? Heading(fields["From"], fields.GetValueOrDefault("Sent") ?? fields["Date"]) ?? "" : "";
            }

            first = false;
        }

        return WithPrintedMessagesHeaded(result ?? lines, from);
    }

    /// <summary>
    /// A conversation printed from Gmail ("Print all"): each message's sender and address on a line over its date ("Tue,
    /// Sep 9, 2025 at 7:41 AM") and its "To:" and "Cc:" lines, the first message's included; two messages at least, or one
    /// under the count ("1 message"). Each
    /// heads its text, named by its sender and day; the conversation's count of messages and the "[Quoted text hidden]"
    /// lines go.
    /// </summary>
    private static IReadOnlyList<string> WithPrintedMessagesHeaded(IReadOnlyList<string> lines, int from)
    {
        var senders = Enumerable.Range(from, Math.Max(0, lines.Count - from - 1))
            .Where(k => PrintedSenderRegex().IsMatch(lines[k]) && PrintedDateRegex().IsMatch(lines[k + 1])).ToArray();
        if (senders.Length < MinPrintedMessages && !(senders.Length == 1 && lines.Skip(from).Take(senders[0] - from).Any(l => PrintedCountRegex().IsMatch(l))))
        {
            return lines;
        }

        var result = lines.ToArray();
        foreach (var k in senders)
        {
            result[k] = Heading(PrintedSenderRegex().Match(lines[k]).Groups["name"].Value, lines[k + 1]) ?? "";
            result[k + 1] = "";
            for (var j = k + 2; j < lines.Count && HeaderRegex().IsMatch(lines[j]); j++)
            {
                result[j] = "";
            }
        }

        // The subject over the count of messages names the conversation; Gmail's header above it (the page's title, the account) goes.
        var count = Array.FindIndex(result, from, l => PrintedCountRegex().IsMatch(l));
        if (count > from && PlainTextParser.PreviousTextLine(result, count) is var subject && subject >= from && subject < senders[0])
        {
            Array.Fill(result, "", from, subject - from);
            result[subject] = "Subject: " + result[subject].Trim();
        }

        for (var k = from; k < result.Length; k++)
        {
            result[k] = PrintedMarkRegex().IsMatch(result[k]) || PrintedCountRegex().IsMatch(result[k]) ? "" : result[k];
        }

        return result;
    }

    /// <summary>A printed conversation has at least this many messages.</summary>
    private const int MinPrintedMessages = 2;

    /// <summary>The document opens with a message's header (a forward's marker above it or not, or a short note that greets its readers).</summary>
    public static bool OpensWithHeader(IReadOnlyList<string> lines, int from)
    {
        var first = from;
        while (first < lines.Count && (string.IsNullOrWhiteSpace(lines[first]) || IsForwardMarker(lines[first])))
        {
            first++;
        }

        // (A forward pasted under a short note to its readers, "Hi team," over "See the procedure below.", opens with it.)
        return Headers(lines, from).Take(1).Any(h => h.Start == first
            || first < lines.Count && GreetingRegex().IsMatch(lines[first])
            && Enumerable.Range(first, h.Start - first).Count(k => !string.IsNullOrWhiteSpace(lines[k])) <= MaxNoteLines);
    }

    /// <summary>How many lines with text a note above a forwarded message may have (its greeting, a few lines, a sign-off and a signature).</summary>
    private const int MaxNoteLines = 15;

    /// <summary>The line an e-mail program puts above a forwarded or quoted message.</summary>
    public static bool IsForwardMarker(string line) => ForwardMarkerRegex().IsMatch(line);

    /// <summary>
    /// A message's header: "From:" over "Sent:" and "To:" or "Subject:", as Outlook writes it (a memo's or a letter's
    /// "Date:" is no e-mail's, nor is its sender an address); or, right under a forward's marker ("---------- Forwarded
    /// message ---------") or atop the document, its fields in any order with "Date:" for "Sent:", as Gmail and Thunderbird
    /// write them. Each with its first and last line and its fields' values.
    /// </summary>
    private static IEnumerable<(int Start, int End, Dictionary<string, string> Fields)> Headers(IReadOnlyList<string> lines, int from)
    {
        for (var k = from; k < lines.Count; k++)
        {
            if (HeaderRegex().Match(lines[k]) is not { Success: true } field)
            {
                continue;
            }

            var above = PlainTextParser.PreviousTextLine(lines, k);
            var forwarded = above >= from && IsForwardMarker(lines[above]);
            var top = above < from;
            if (!field.Groups["from"].Success && !forwarded && !top)
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
                var line = HeaderRegex().Match(lines[j]);
                fields.TryAdd(line.Groups["field"].Value, line.Groups["value"].Value);
            }

            if (fields.ContainsKey("From") && (fields.ContainsKey("To") || fields.ContainsKey("Subject"))
                && (fields.ContainsKey("Sent") || fields.ContainsKey("Date") && (forwarded || fields["From"].Contains('@', StringComparison.Ordinal))))
            {
                yield return (k, end, fields);
            }

            k = end;
        }
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

        // The thread's senders ("Dana Whitfield", from the first header and the earlier messages' headings): a paragraph that
        // opens with one's name is a signature, and one's name alone signs off.
        var senders = lines.Skip(from).Select(l => SenderHeadingRegex().Match(l)).Where(m => m.Success).Select(m => m.Groups["name"].Value)
            .Concat(Headers(lines, from).Take(1).Select(h => SenderName(h.Fields["From"])).OfType<string>())
            .ToHashSet(StringComparer.OrdinalIgnoreCase);
        var paragraphs = Paragraphs(lines, from);
        // Each paragraph's message: how many earlier messages' headings stand above it.
        var message = new int[paragraphs.Count];
        for (int p = 0, k = from, count = 0; p < paragraphs.Count; p++)
        {
            for (; k < paragraphs[p].Start; k++)
            {
                count += lines[k].StartsWith(HeadingMark) ? 1 : 0;
            }

            message[p] = count;
        }

        // The last paragraph of its message but a phone's line ("Sent from my iPhone").
        bool IsLast(int p)
        {
            for (var q = p + 1; q < paragraphs.Count && message[q] == message[p]; q++)
            {
                if (!IsDeviceLine(lines, paragraphs[q].Start, paragraphs[q].End))
                {
                    return false;
                }
            }

            return true;
        }

        bool IsClosingSignature(int p) => IsSignature(lines, paragraphs[p].Start, paragraphs[p].End, senders) && IsLast(p);

        string[]? result = null;
        var signedOff = false;
        for (var p = 0; p < paragraphs.Count; p++)
        {
            var (start, end) = paragraphs[p];
            var signOff = IsSignOff(lines, start, end)
                          || start == end && IsSender(lines[start], senders) && (IsLast(p) || p + 1 < paragraphs.Count && message[p + 1] == message[p] && IsClosingSignature(p + 1));
            // A signature ends its message: under its sign-off, or as its last paragraph when it is the sender's, with a phone
            // number or an address in it (a list of contacts or of a committee's members stays).
            var signature = IsSignature(lines, start, end, senders) && (signedOff && message[p - 1] == message[p] || IsLast(p) && IsSignedBySender(lines, start, end, senders));
            // (A greeting that opens the document is left to the title's reading, which passes over it.)
            if (signOff || signature || IsGreeting(lines, start, end) && p > 0 || IsDeviceLine(lines, start, end))
            {
                result ??= [.. lines];
                Array.Fill(result, "", start, end - start + 1);
            }

            signedOff = signOff;
        }

        return WithoutAskingMessages(result ?? lines);
    }

    /// <summary>
    /// An earlier message that only asks (a colleague's two or three questions, which the message above answers): its
    /// heading and text go, so that a question like one of them is answered from the answer, not the asking. Such a message
    /// is short, more than two in five of its sentences are questions (three in five for the thread's oldest), two at
    /// least, and it states one fact at most.
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

            var sentences = Sentences(lines, k + 1, end);
            var questions = sentences.Count(t => t.EndsWith('?'));
            // The thread's oldest message (the one the others answer) asks only when nearly all it says is questions: an
            // announcement may ask and answer ("Why does it matter? Students who miss 10 % fall behind.").
            var share = end < lines.Count ? AskingShare : OldestAskingShare;
            // What an asker says besides the questions is about themselves ("Last year I waited 25 minutes."); a message
            // that states two facts or more ("Buses load at 12:20.") answers as well as it asks.
            var facts = sentences.Count(t => !t.EndsWith('?') && PlainTextParser.WordCount(t) >= MinFactWords && !FirstPersonRegex().IsMatch(t));
            if (questions >= MinAskingQuestions && questions * share.Denominator > sentences.Count * share.Numerator && facts <= MaxAskingFacts
                && sentences.Sum(PlainTextParser.WordCount) <= MaxAskingWords)
            {
                result ??= [.. lines];
                Array.Fill(result, "", k, end - k);
            }

            k = end - 1;
        }

        return result ?? lines;
    }

    /// <summary>
    /// The sentences of lines <paramref name="start"/> to <paramref name="end"/> (not included), a paragraph's wrapped lines
    /// joined: each ends at a full stop, a question or an exclamation mark, a blank line or a list's next item; a list's mark
    /// ("1.", "-") and a rule ("_____") are none.
    /// </summary>
    private static List<string> Sentences(IReadOnlyList<string> lines, int start, int end)
    {
        var text = new System.Text.StringBuilder();
        for (var k = start; k < end; k++)
        {
            var line = ListMarkRegex().Replace(lines[k], "").Trim();
            text.Append(!lines[k].Any(char.IsLetter) ? "\n" : line.Length < lines[k].Trim().Length ? "\n" + line : " " + line);
        }

        return [.. SentenceSplitRegex().Split(text.ToString()).Select(t => t.Trim()).Where(t => t.Any(char.IsLetter))];
    }

    /// <summary>An asking message has at least this many questions.</summary>
    private const int MinAskingQuestions = 2;

    /// <summary>More than this share of an asking message's sentences are questions (two in five).</summary>
    private static readonly (int Numerator, int Denominator) AskingShare = (2, 5);

    /// <summary>More than this share of the thread's oldest message's sentences are questions when it only asks (three in five).</summary>
    private static readonly (int Numerator, int Denominator) OldestAskingShare = (3, 5);

    /// <summary>An asking message states at most this many facts: sentences of <see cref="MinFactWords"/> words or more, not about the asker.</summary>
    private const int MaxAskingFacts = 1;

    /// <summary>A sentence this long or longer may state a fact.</summary>
    private const int MinFactWords = 5;

    /// <summary>An asking message has at most this many words.</summary>
    private const int MaxAskingWords = 120;

    /// <summary>The document is e-mail: it opens with a message's header, or it has an earlier message's heading.</summary>
    private static bool IsMail(IReadOnlyList<string> lines, int from) =>
        OpensWithHeader(lines, from) || lines.Skip(from).Any(l => l.StartsWith(HeadingMark));

    /// <summary>The runs of lines with text, from each one's first line to its last; a heading line stands alone, and a forward's marker parts them.</summary>
    private static List<(int Start, int End)> Paragraphs(IReadOnlyList<string> lines, int from)
    {
        var paragraphs = new List<(int Start, int End)>();
        for (var k = from; k < lines.Count; k++)
        {
            if (string.IsNullOrWhiteSpace(lines[k]) || lines[k].StartsWith(HeadingMark) || IsForwardMarker(lines[k]))
            {
                continue;
            }

            var end = k;
            while (end + 1 < lines.Count && !string.IsNullOrWhiteSpace(lines[end + 1]) && !lines[end + 1].StartsWith(HeadingMark) && !IsForwardMarker(lines[end + 1]))
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

    /// <summary>
    /// "Thanks!" over "Marcus", "Best regards," over "Dana": a closing word, and names at most; or a line of thanks over a
    /// name ("Thanks all, see you at the loop." over "Darnell").
    /// </summary>
    private static bool IsSignOff(IReadOnlyList<string> lines, int start, int end) =>
        end - start < MaxSignOffLines && Enumerable.Range(start, end - start + 1).Any(k => ClosingRegex().IsMatch(lines[k]))
        && Enumerable.Range(start, end - start + 1).All(k => ClosingRegex().IsMatch(lines[k]) || IsSignOffName(lines[k]))
        || end == start + 1 && ThanksRegex().IsMatch(lines[start]) && IsSignOffName(lines[end])
        // "Regards," over "James Okafor, Ed.D." over "Principal": a closing word over a signature.
        || end > start && end - start < MaxSignatureLines && ClosingRegex().IsMatch(lines[start]) && IsSignatureName(lines[start + 1].Trim())
           && Enumerable.Range(start + 2, end - start - 1).All(k => IsSignatureLine(lines[k].Trim()));

    /// <summary>A sender's name, or a sender's first name, alone: "Dana", "Dana Whitfield".</summary>
    private static bool IsSender(string line, HashSet<string> senders) =>
        IsSignOffName(line) && AsideRegex().Replace(line, "").Trim() is var name
        && (senders.Contains(name) || senders.Any(s => s.StartsWith(name + " ", StringComparison.OrdinalIgnoreCase)));

    /// <summary>A name that signs a message: "Dana", "Dana Whitfield", "Jen (Mia's mom)".</summary>
    private static bool IsSignOffName(string line) =>
        AsideRegex().Replace(line, "").Trim() is var name && PlainTextParser.WordCount(name) <= MaxSignOffNameWords && ChannelPosts.IsName(name) && name.Any(char.IsLower);

    /// <summary>A phone's or a mail program's line under a message: "Sent from my iPhone", "Get Outlook for iOS".</summary>
    private static bool IsDeviceLine(IReadOnlyList<string> lines, int start, int end) => start == end && DeviceLineRegex().IsMatch(lines[start]);

    /// <summary>
    /// A signature block: a name over a few short lines (a title, a school, an office), one of them a phone number or an
    /// e-mail address (or the name is a sender's), none of them under the name a sentence but a motto; or what follows a
    /// "--" line, the mark a mail program puts above a signature.
    /// </summary>
    private static bool IsSignature(IReadOnlyList<string> lines, int start, int end, HashSet<string> senders) =>
        end > start && end - start < MaxSignatureLines
        && (lines[start].Trim() == "--" && IsSignatureName(lines[start + 1].Trim())
            || IsSignatureName(lines[start].Trim()) && Enumerable.Range(start + 1, end - start).All(k => IsSignatureLine(lines[k].Trim()))
            && (senders.Contains(lines[start].Trim().Split(',')[0]) || Enumerable.Range(start, end - start + 1).Any(k => IsContactLine(lines[k]))));

    /// <summary>A signature under "--", or one that opens with a sender's name and gives a phone number or an address.</summary>
    private static bool IsSignedBySender(IReadOnlyList<string> lines, int start, int end, HashSet<string> senders) =>
        lines[start].Trim() == "--"
        || senders.Contains(lines[start].Trim().Split(',')[0]) && Enumerable.Range(start, end - start + 1).Any(k => IsContactLine(lines[k]));

    /// <summary>How a signature reaches its writer: a phone number, an extension or an e-mail address.</summary>
    private static bool IsContactLine(string line) => PhoneRegex().IsMatch(line) || AddressOnlyRegex().IsMatch(line);

    /// <summary>A signature's line under the name: short, and no sentence but a motto ("Safe. Respectful. Responsible.").</summary>
    private static bool IsSignatureLine(string line) =>
        line.Length <= MaxSignatureLineChars && (!line.EndsWith('.') || QuotedRegex().IsMatch(line) || PlainTextParser.WordCount(line) <= MaxMottoWords);

    /// <summary>How many words a signature's motto may have without quotes ("Safe. Respectful. Responsible.").</summary>
    private const int MaxMottoWords = 6;

    /// <summary>A signature's name, its degrees after it or not: "Dana Whitfield", "James Okafor, Ed.D.".</summary>
    private static bool IsSignatureName(string line) =>
        line.Length <= MaxSignatureLineChars && ChannelPosts.IsName(line) || line.IndexOf(',', StringComparison.Ordinal) is > 0 and var comma && line.Length - comma <= MaxDegreesChars
        && ChannelPosts.IsName(line[..comma]);

    /// <summary>How long the degrees after a signature's name may be (", Ed.D.", ", M.Ed., NBCT").</summary>
    private const int MaxDegreesChars = 16;

    /// <summary>A line of an e-mail's header: "From: …", "Sent: …", "To: …", "Cc: …", "Subject: …", "Attachments: …".</summary>
    [GeneratedRegex(@"^\s*(?<field>(?<from>From)|Sent|Date|To|Cc|Bcc|Reply-To|Subject|Attachments|Importance)\s*:\s*(?<value>\S.*)$", RegexOptions.IgnoreCase)]
    private static partial Regex HeaderRegex();

    /// <summary>The line an e-mail program puts above a forwarded or quoted message ("-----Original Message-----", Apple Mail's "Begin forwarded message:").</summary>
    [GeneratedRegex(@"^\s*(?:-{2,}\s*(?:original message|forwarded message|begin forwarded message)\s*-{2,}|begin forwarded message:)\s*$", RegexOptions.IgnoreCase)]
    private static partial Regex ForwardMarkerRegex();

    /// <summary>An "On … wrote:" line: its day (a time after it, or not) and its sender, whose address may follow.</summary>
    [GeneratedRegex(@"^On\s+(?<when>.{3,60}?(?:\d{4}|\d{1,2}/\d{1,2}/\d{2}))(?:,?\s+(?:at\s+)?\d{1,2}:\d{2}(?::\d{2})?(?:\s*[AaPp]\.?[Mm]\.?)?(?:\s*[+-]\d{4})?)?,?\s+(?<who>[^<>@,\d][^<>@]{0,80}?)\s*(?:<[^<>]*>?\s*)?(?:wrote:)?$")]
    private static partial Regex WroteRegex();

    /// <summary>An address after a sender's name, to the end: "&lt;mlee@…&gt;", "&lt;mlee@…&lt;mailto:mlee@…&gt;&gt;", "[mailto:…]".</summary>
    [GeneratedRegex(@"<.*$|\[mailto:[^\]]*\]")]
    private static partial Regex AddressRegex();

    /// <summary>Who a message was sent for, and the words before: "Maple Ridge Office on behalf of ".</summary>
    [GeneratedRegex(@"^.*\bon behalf of\s+", RegexOptions.IgnoreCase)]
    private static partial Regex OnBehalfRegex();

    /// <summary>The list a message came through: " via Lincoln Staff List".</summary>
    [GeneratedRegex(@"\s+via\s+.*$")]
    private static partial Regex ViaRegex();

    /// <summary>Degrees and suffixes after a name: ", Ed.D.", " Jr.", ", NBCT".</summary>
    [GeneratedRegex(@",?\s+(?:Ed\.?\s?D|Ph\.?\s?D|M\.?\s?Ed|M\.\s?A|M\.\s?S|NBCT|Jr|Sr|III|II)\b\.?(?=,|\s|$)")]
    private static partial Regex DegreesRegex();

    /// <summary>An e-mail address: a sender given as one alone ("helpdesk@district.k12.us"), a signature's.</summary>
    [GeneratedRegex(@"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")]
    private static partial Regex AddressOnlyRegex();


    /// <summary>A sender written last name first: "Lee, Marcus", "Del Rio, Ana M.".</summary>
    [GeneratedRegex(@"^(?<last>\p{Lu}[\p{L}'’-]*(?:\s\p{Lu}[\p{L}'’-]*)?),\s*(?<first>\p{Lu}[\p{L}'’.-]*(?:\s\p{Lu}[\p{L}'’.-]*)?)$")]
    private static partial Regex LastFirstRegex();

    /// <summary>A message's day without its weekday or time: "Tuesday, October 7, 2025 11:05 AM" → "October 7, 2025".</summary>
    [GeneratedRegex(@"^(?:(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)\p{L}*\.?,?\s+)?(?<day>.*?)(?:,?\s+(?:at\s+)?\d{1,2}:\d{2}.*)?$")]
    private static partial Regex DayRegex();

    /// <summary>A greeting: "Hi all,", "Good morning!", "All,", "Dana and Lisa," (not "Yes," or "Hello Fall!").</summary>
    [GeneratedRegex(@"^\s*(?:(?i:(?:hi|hello|hey|dear|good (?:morning|afternoon|evening)|greetings)\b(?:[^.,!?:]|(?<=\b(?:Mr|Mrs|Ms|Dr))\.){0,40}|all|everyone|team|folks|colleagues|staff|friends)\s*,|(?i:hi|hello|hey|good (?:morning|afternoon|evening)|greetings)(?:\s+(?i:all|everyone|team|folks|friends|staff|there))?\s*!|\p{Lu}[\p{L}'’-]+(?:(?:,|\s+and|\s*&)\s+\p{Lu}[\p{L}'’-]+){1,4}\s*,)\s*$")]
    private static partial Regex GreetingRegex();

    /// <summary>A printed message's sender: "Renee Castillo &lt;rcastillo@…&gt;" on a line of its own.</summary>
    [GeneratedRegex(@"^\s*(?<name>[^<>@\s][^<>@]{0,80}?)\s*<[^<>@\s]+@[^<>\s]+>\s*$")]
    private static partial Regex PrintedSenderRegex();

    /// <summary>A printed message's date as Gmail prints it: "Tue, Sep 9, 2025 at 7:41 AM", "Tue, 9 Sept 2025 at 07:41".</summary>
    [GeneratedRegex(@"^\s*(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun), (?:\p{L}{3,9} \d{1,2},|\d{1,2} \p{L}{3,9}) \d{4} at \d{1,2}:\d{2}(?:\s?[AP]M)?\s*$")]
    private static partial Regex PrintedDateRegex();

    /// <summary>What Gmail prints in a message for what it left out: "[Quoted text hidden]".</summary>
    [GeneratedRegex(@"^\s*\[Quoted text hidden\]\s*$")]
    private static partial Regex PrintedMarkRegex();

    /// <summary>How many messages a printed conversation has, under its subject: "6 messages".</summary>
    [GeneratedRegex(@"^\s*\d{1,4} messages?\s*$")]
    private static partial Regex PrintedCountRegex();

    /// <summary>An earlier message's heading, and the sender's name in it.</summary>
    [GeneratedRegex("^\u0001From (?<name>[^,]+)")]
    private static partial Regex SenderHeadingRegex();

    /// <summary>A line of thanks: "Thanks all, see you at the loop.", "Thank you so much!".</summary>
    [GeneratedRegex(@"^\s*(?i:thanks|thank you)\b(?!\s+(?i:to|for)\b)[^?]{0,60}$")]
    private static partial Regex ThanksRegex();

    /// <summary>Words in brackets in a name: "Jen (Mia's mom)", "Lee, Marcus (Maple Ridge ES)".</summary>
    [GeneratedRegex(@"\s*\([^()]*\)")]
    private static partial Regex AsideRegex();

    [GeneratedRegex(@"^\s*(?:Sent from my \w[\w ]{0,30}|Sent from (?:Mail|Outlook|Yahoo Mail) for \w+|Get Outlook for (?:iOS|Android))\s*$")]
    private static partial Regex DeviceLineRegex();

    /// <summary>A closing word, a name after it or not: "Thanks!", "Best regards,", "thanks, Dana" (not "Best Practices").</summary>
    [GeneratedRegex(@"^\s*(?i:thanks|thank you|thanks so much|thanks again|many thanks|thx|best|all the best|best wishes|regards|best regards|kind regards|warm regards|warmly|sincerely|cheers|take care|respectfully|gratefully|with gratitude|hugs)(?:[!,.]+(?:\s+\p{Lu}[\p{L}'’.-]*){1,2}|[!,.]*)\s*$")]
    private static partial Regex ClosingRegex();

    /// <summary>A phone number or an extension: "(503) 555-0142", "555.318.2200", "ext. 2104".</summary>
    [GeneratedRegex(@"\(?\b\d{3}\)?[\s.-]\d{3}[\s.-]\d{4}\b|\bext\.?\s*\d{2,5}\b", RegexOptions.IgnoreCase)]
    private static partial Regex PhoneRegex();


    /// <summary>Between two sentences: a space after a full stop, a question or an exclamation mark; a new line.</summary>
    [GeneratedRegex(@"(?<=[.?!])[ \t]+|\n")]
    private static partial Regex SentenceSplitRegex();

    /// <summary>A word by which writers speak of themselves: "I", "my", "we", "our", "us", "me".</summary>
    [GeneratedRegex(@"\b(?:I|I'm|I've|I'd|me|my|we|we're|we've|our|us)\b", RegexOptions.IgnoreCase)]
    private static partial Regex FirstPersonRegex();

    /// <summary>A list item's mark at the start of a line: "1. ", "2) ", "- ", "• ".</summary>
    [GeneratedRegex(@"^\s*(?:\d{1,3}[.)]|[-*•])\s+")]
    private static partial Regex ListMarkRegex();


    /// <summary>A line in quotes: a signature's motto ("Every student, every day.").</summary>
    [GeneratedRegex(@"^[""“'‘].*[""”'’]$")]
    private static partial Regex QuotedRegex();
}
