using System.Collections.Frozen;
using System.Globalization;
using System.Text.RegularExpressions;

namespace GuidelineBot.Core.Knowledge;

/// <summary>
/// The districts' plain format: a title line, intro paragraphs, sections that start at <c>Q:</c> lines,
/// <c>- </c> bullets with nested <c> - </c> bullets, and paragraphs (optionally prefixed <c>A:</c>). Other ways of
/// writing a plain document are read too: a heading underlined with <c>===</c> or <c>---</c>, and, in a document
/// without <c>Q:</c> lines, a question standing alone on its line, an ALL-CAPS heading line, or (with no question at
/// all) a short heading line set off by blank lines.
/// </summary>
internal static partial class PlainTextParser
{
    /// <summary>How many lines a <c>Q:</c> question may wrap onto after its first.</summary>
    private const int MaxQuestionContinuation = 2;

    public static ParsedDocument Parse(string content)
    {
        var all = DocumentParser.SplitLines(content);
        var front = FrontMatter.Parse(all);
        if (SingleSpacedLines(all, front.BodyStartIndex) is not { } map)
        {
            return Parse(all, front);
        }

        // Read as if single-spaced; the line numbers given back are the file's own.
        try
        {
            // The front matter's lines are kept as they are, so its reading holds for the single-spaced lines too.
            var parsed = Parse([.. map.Select(k => all[k])], front);
            return parsed with
            {
                Sections = [.. parsed.Sections.Select(s => s with
                {
                    Passages = [.. s.Passages.Select(p => p with { StartLine = map[p.StartLine - 1] + 1, EndLine = map[p.EndLine - 1] + 1 })],
                    StartLine = map[Math.Clamp(s.StartLine, 1, map.Length) - 1] + 1,
                    EndLine = map[Math.Clamp(s.EndLine, 1, map.Length) - 1] + 1,
                })],
            };
        }
        catch (KnowledgeFormatException ex)
        {
            throw new KnowledgeFormatException(map[Math.Clamp(ex.Line, 1, map.Length) - 1] + 1, ex.Message);
        }
    }

    /// <summary>
    /// A document typed double-spaced: a blank line after every line of text, and two or more between paragraphs. The
    /// lines to read it by (indexes into <paramref name="lines"/>): the text lines, with one blank line where there were
    /// two or more; or null for any other document.
    /// </summary>
    private static int[]? SingleSpacedLines(IReadOnlyList<string> lines, int body)
    {
        var text = Enumerable.Range(body, lines.Count - body).Where(k => !string.IsNullOrWhiteSpace(lines[k])).ToArray();
        var gaps = text.Zip(text.Skip(1), (a, b) => b - a - 1).ToArray();
        if (text.Length < MinDoubleSpacedLines || gaps.Any(g => g == 0) || gaps.Count(g => g >= 2) < 2 || gaps.Count(g => g == 1) < gaps.Length / 2)
        {
            return null;
        }

        var keep = new List<int>(Enumerable.Range(0, body));
        for (var n = 0; n < text.Length; n++)
        {
            if (n > 0 && gaps[n - 1] >= 2)
            {
                keep.Add(text[n] - 1);
            }

            keep.Add(text[n]);
        }

        return [.. keep];
    }

    /// <summary>How many lines of text a document needs before it is read as double-spaced.</summary>
    private const int MinDoubleSpacedLines = 6;

    /// <summary>
    /// Text written in Markdown though saved as .txt: two or more <c>##</c> headings (a <c>#</c> and a space, or more), and
    /// its first line of text a <c># Title</c> or a <c>##</c> heading; or a wiki's page (<see cref="WikiMarkup"/>), which
    /// the Markdown reader rewrites.
    /// </summary>
    internal static bool IsMarkdown(string content)
    {
        var lines = DocumentParser.SplitLines(content);
        return lines.FirstOrDefault(l => !string.IsNullOrWhiteSpace(l)) is { } first && AtxLineRegex().IsMatch(first)
               && lines.Count(l => AtxLineRegex().IsMatch(l) && l.StartsWith("##", StringComparison.Ordinal)) >= MinColonHeadings
               || WikiMarkup.IsMediaWiki(lines) || WikiMarkup.IsDokuWiki(lines) || WikiMarkup.IsOrg(lines) || AsciiDocMarkup.IsAsciiDoc(lines, textFile: true)
               || MarkdownParser.IsConfluence(lines);
    }

    [GeneratedRegex(@"^#{1,6}[ \t]+\S")]
    private static partial Regex AtxLineRegex();

    /// <summary>
    /// An e-mail quoted whole ("> " before nearly every line, "> > " before the lines it quoted in turn): one level of
    /// quoting goes, so its headings and paragraphs read as they were written.
    /// </summary>
    private static IReadOnlyList<string> Unquoted(IReadOnlyList<string> lines, int from)
    {
        var text = Enumerable.Range(from, lines.Count - from).Where(k => !string.IsNullOrWhiteSpace(lines[k])).ToArray();
        return text.Length > 0 && text.Count(k => QuoteMarkRegex().IsMatch(lines[k])) >= QuotedShare * text.Length
            ? [.. lines.Select((l, k) => k >= from ? QuoteMarkRegex().Replace(l, "") : l)]
            : lines;
    }

    /// <summary>Share of a document's lines that must be quoted for it to be read as a quoted e-mail.</summary>
    private const double QuotedShare = 0.8;

    [GeneratedRegex(@"^[ \t]*>[ ]?")]
    private static partial Regex QuoteMarkRegex();

    /// <summary>
    /// A document typed on pleading paper (each line numbered in the margin, 1 to 28 on every page, a rule "|" after the
    /// number): the margin goes, and the indent all its lines then share, so its headings and paragraphs read as typed.
    /// </summary>
    private static IReadOnlyList<string> WithoutLineNumbers(IReadOnlyList<string> lines, int from)
    {
        var text = Enumerable.Range(from, lines.Count - from).Where(k => !string.IsNullOrWhiteSpace(lines[k])).ToArray();
        // What follows each numbered margin.
        var numbered = text.Select(k => NumberedMarginRegex().Match(lines[k]) is { Success: true } m ? lines[k][m.Length..] : null).OfType<string>().ToArray();
        // Pleading paper numbers its blank lines too; a table whose first column is a number ("1 | Route 1 | 7:11 a.m.") has
        // more rules on its lines and no numbered line without text.
        if (numbered.Length < MinNumberedLines || numbered.Length < NumberedShare * text.Length
            || !numbered.Any(string.IsNullOrWhiteSpace) || numbered.Count(t => t.Contains('|', StringComparison.Ordinal)) > numbered.Length / 2)
        {
            return lines;
        }

        var body = lines.Select((l, k) => k >= from && MarginRegex().Match(l) is { Success: true } margin ? (Line: l[margin.Length..], Margin: true) : (Line: l, Margin: false)).ToArray();
        var indent = body.Where(b => b.Margin && !string.IsNullOrWhiteSpace(b.Line)).Select(b => b.Line.Length - b.Line.TrimStart(' ').Length).DefaultIfEmpty(0).Min();
        return [.. body.Select(b => b.Margin ? (string.IsNullOrWhiteSpace(b.Line) ? "" : b.Line[indent..]) : b.Line)];
    }

    /// <summary>
    /// Numbered headings copied out of a PDF or Word without their full stops ("2 Issuance" over "2.1 Eligibility"): two
    /// or more short lines in title case after a blank line, numbered in order, one with a clause numbered under it,
    /// are written as a numbered heading is ("2. Issuance"), so they head their sections.
    /// </summary>
    private static IReadOnlyList<string> WithSectionNumbersStopped(IReadOnlyList<string> lines, int from)
    {
        var found = Enumerable.Range(from, lines.Count - from)
            .Where(k => (k == from || string.IsNullOrWhiteSpace(lines[k - 1])) && k + 1 < lines.Count)
            .Select(k => (Line: k, Match: BareSectionNumberRegex().Match(lines[k])))
            .Where(c => c.Match.Success && WordCount(c.Match.Groups["text"].Value) <= MaxBareHeadingWords && IsTitleCased(c.Match.Groups["text"].Value))
            .ToArray();
        var numbers = found.Select(c => int.Parse(c.Match.Groups["number"].ValueSpan, CultureInfo.InvariantCulture)).ToArray();
        if (found.Length < MinColonHeadings || numbers.Zip(numbers.Skip(1)).Any(p => p.Second <= p.First)
            || !lines.Skip(from).Any(l => SubClauseNumberRegex().Match(l) is { Success: true } clause && IsTitleCased(l) && WordCount(l) <= MaxBareHeadingWords + 1
                                          && numbers.Contains(int.Parse(clause.Groups["number"].ValueSpan, CultureInfo.InvariantCulture))))
        {
            return lines;
        }

        var result = lines.ToArray();
        foreach (var (k, m) in found)
        {
            result[k] = $"{m.Groups["indent"].Value}{m.Groups["number"].Value}. {m.Groups["text"].Value}";
        }

        return result;
    }

    /// <summary>A question mark that ends a question: before a space, a closing quote or bracket, or the line's end ("?id=3" in an address is none).</summary>
    [GeneratedRegex(@"\?(?=[\s""”’')\]]|$)")]
    private static partial Regex QuestionMarkRegex();

    /// <summary>
    /// A question and its answer on one line, the answer labelled: "Printer jammed A: Open tray 2.", "Can I? A: Yes.". The
    /// label ends a question that asked before it, or one that asks nothing (no "?" on the line): in "Does Plan A: the
    /// basic plan cover dental?" it is a word of the question.
    /// </summary>
    private static (string Question, string More)? InlineAnswer(string text)
    {
        var label = text.IndexOf(" A: ", StringComparison.Ordinal);
        if (label < 0)
        {
            return null;
        }

        var question = text[..label].TrimEnd();
        var more = text[(label + 4)..].Trim();
        return question.Trim().Length > 0 && more.Length > 0 && (question.EndsWith('?') || !text.Contains('?', StringComparison.Ordinal)) ? (question, more) : null;
    }

    /// <summary>A question asked, then more said: its last "? " before a capital ("… our classes? I like to set things up early.").</summary>
    [GeneratedRegex(@"^(?<question>.*\?)[""”’')\]]?\s+(?<more>[\p{Lu}\d""“(].*)$")]
    private static partial Regex AskedThenSaidRegex();

    /// <summary>
    /// A meeting's or webinar's questions and answers, transcribed with their speakers and times ("[00:02:10] Q (Maria
    /// Lopez, 3rd grade): When can we …?", "[00:02:22] A (Marcus Bell, SIS Manager): Teacher accounts …"): written as a
    /// document of "Q:" and "A:" lines, so each question heads a section and its answers are its text. What the moderator
    /// says between them, and the host's "--- Topic: … ---" lines, are no answer, and are blanked.
    /// </summary>
    private static IReadOnlyList<string> AsQuestionsAndAnswers(IReadOnlyList<string> lines, int from)
    {
        var turns = lines.Skip(from).Select(l => SpokenTurnRegex().Match(l)).Where(m => m.Success).Select(m => m.Groups["who"].Value).ToArray();
        if (turns.Count(w => w == "Q") < MinColonHeadings || !turns.Contains("A"))
        {
            return lines;
        }

        var result = lines.ToArray();
        var moderator = false;
        for (var k = from; k < result.Length; k++)
        {
            var line = result[k];
            if (string.IsNullOrWhiteSpace(line))
            {
                moderator = false;
            }
            else if (SpokenTurnRegex().Match(line) is { Success: true } turn)
            {
                (result[k], moderator) = ($"{turn.Groups["who"].Value}: {turn.Groups["text"].Value}", false);
            }
            else if (TopicLineRegex().IsMatch(line))
            {
                (result[k], moderator) = ("", false);
            }
            else if (moderator || SpokenLineRegex().IsMatch(line))
            {
                (result[k], moderator) = ("", true);
            }
        }

        return result;
    }

    /// <summary>
    /// A note written in a phone's notes app or a chat, its headings marked by an emoji instead of a style ("🪟 Windows +
    /// blinds" over its bullets, after a blank line): three or more such short lines head sections, written as "Q:" lines
    /// without their emoji. Not in a document that labels its questions already.
    /// </summary>
    private static IReadOnlyList<string> WithEmojiHeadings(IReadOnlyList<string> lines, int from)
    {
        var headings = Enumerable.Range(from, Math.Max(0, lines.Count - from - 1))
            .Where(k => (k == from || string.IsNullOrWhiteSpace(lines[k - 1])) && !string.IsNullOrWhiteSpace(lines[k + 1]) && !EndsSentence(lines[k]))
            .Select(k => (Line: k, Heading: EmojiHeadingRegex().Match(lines[k])))
            .Where(h => h.Heading.Success && WordCount(h.Heading.Groups["text"].Value) <= MaxEmojiHeadingWords)
            .ToArray();
        if (headings.Length < MinEmojiHeadings || lines.Skip(from).Any(l => QuestionRegex().IsMatch(l)))
        {
            return lines;
        }

        var result = lines.ToArray();
        foreach (var (k, heading) in headings)
        {
            result[k] = "Q: " + heading.Groups["text"].Value.Trim();
        }

        return result;
    }

    private const int MinEmojiHeadings = 3;

    private const int MaxEmojiHeadingWords = 8;

    /// <summary>An emoji, with its variation selector, skin tone or the emoji joined to it: "🚪", "⚠️", "👍🏽".</summary>
    internal const string EmojiPattern = @"(?:\p{So}|\p{Cs}{2})(?:\uFE0F|\u200D|\p{So}|\p{Cs}{2}|\p{Sk})*";

    /// <summary>A line that opens with an emoji before a few words: "🚪 Doors".</summary>
    [GeneratedRegex(@"^\s*" + EmojiPattern + @"\s+(?<text>\p{L}.{0,80})$")]
    private static partial Regex EmojiHeadingRegex();

    /// <summary>
    /// A chat thread copied out of Slack or Teams, where staff ask and one person answers ("Luis Moreno  7:55 AM" over "my
    /// projector just says NO SIGNAL …?", "Dana Whitfield  8:01 AM" over the answer): written as a document of "Q:" and
    /// "A:" lines. A message by anyone but the one who answers (who writes the most) that asks something, or that the one
    /// who answers answers next (in a sentence or more), heads a section; that person's messages after it are its text. Other messages ("step 3 did it. thank you!!"), the message lines'
    /// names and times, reactions (":thumbsup: 3"), "(edited)", "replied to a thread:" and the thread's header go.
    /// </summary>
    private static IReadOnlyList<string> AsChatThread(IReadOnlyList<string> lines, int from)
    {
        var headers = Enumerable.Range(from, lines.Count - from)
            .Where(k => (k == from || string.IsNullOrWhiteSpace(lines[k - 1])) && k + 1 < lines.Count && !string.IsNullOrWhiteSpace(lines[k + 1])
                        && ChatMessageRegex().IsMatch(lines[k]))
            .ToArray();
        if (headers.Length < MinChatMessages)
        {
            return lines;
        }

        var messages = headers.Select((k, n) => (Header: k, Author: ChatMessageRegex().Match(lines[k]).Groups["author"].Value,
            End: (n + 1 < headers.Length ? headers[n + 1] : lines.Count) - 1)).ToArray();
        var answerer = messages.GroupBy(m => m.Author)
            .MaxBy(g => g.Sum(m => Enumerable.Range(m.Header + 1, m.End - m.Header).Sum(k => WordCount(lines[k]))))!.Key;
        bool Asks(int header, int end) => Enumerable.Range(header + 1, end - header).Any(k => lines[k].Contains('?', StringComparison.Ordinal));
        if (messages.Select(m => m.Author).Distinct().Count() < 2 || messages.Count(m => m.Author == answerer) < MinColonHeadings
            || messages.Count(m => m.Author != answerer && Asks(m.Header, m.End)) < MinColonHeadings)
        {
            return lines;
        }

        var result = lines.ToArray();
        // The thread's header above its first message ("Thread", "#classroom-tech-help").
        for (var k = from; k < headers[0]; k++)
        {
            result[k] = "";
        }

        var asked = false;
        for (var n = 0; n < messages.Length; n++)
        {
            var (header, author, end) = messages[n];
            result[header] = "";
            var body = Enumerable.Range(header + 1, end - header).Where(k => !string.IsNullOrWhiteSpace(lines[k])).ToList();
            foreach (var k in body)
            {
                result[k] = ChatMarkRegex().Replace(lines[k], "").Trim();
                if (ChatNoiseRegex().IsMatch(result[k]))
                {
                    result[k] = "";
                }
            }

            body.RemoveAll(k => result[k].Length == 0);
            if (body.Count == 0)
            {
                continue;
            }

            // What the one who answers answers next was asked, with a question mark or without ("is it dying").
            if (author != answerer && (Asks(header, end) || n + 1 < messages.Length && messages[n + 1].Author == answerer
                                                              && body.Sum(k => WordCount(result[k])) >= MinUnmarkedQuestionWords))
            {
                result[body[0]] = "Q: " + string.Join(' ', body.Select(k => result[k]));
                body.Skip(1).ToList().ForEach(k => result[k] = "");
                asked = true;
            }
            else if (author == answerer && asked)
            {
                result[body[0]] = "A: " + result[body[0]];
            }
            else if (author != answerer)
            {
                body.ForEach(k => result[k] = "");
            }
        }

        return result;
    }

    /// <summary>
    /// A forum's e-mail digest (Discourse): each "Topic: …" heads a section (as a "Q:" line) with its first post and the
    /// replies as its text; the lines a forum adds ("Posted by … on …", "3 replies · 214 views", "Reply from … on … ✓
    /// Solved", a reply's quote of the post it answers, "Read more: …", the digest's greeting and counts) go, and the
    /// list's name in the subject ("[Staff Community] Summary - Personal Devices") is no word of its title.
    /// </summary>
    private static IReadOnlyList<string> AsForumDigest(IReadOnlyList<string> lines, int from)
    {
        if (lines.Skip(from).Count(l => ForumTopicRegex().IsMatch(l)) < MinColonHeadings || !lines.Skip(from).Any(l => ForumReplyRegex().IsMatch(l)))
        {
            return lines;
        }

        var result = lines.ToArray();
        var reply = false;
        for (var k = from; k < result.Length; k++)
        {
            var line = result[k];
            if (string.IsNullOrWhiteSpace(line))
            {
                reply = false;
            }
            else if (ForumTopicRegex().Match(line) is { Success: true } topic)
            {
                result[k] = "Q: " + topic.Groups["title"].Value.Trim();
            }
            else if (ForumReplyRegex().IsMatch(line))
            {
                (result[k], reply) = ("", true);
            }
            else if (reply && line.TrimStart().StartsWith('>') || ForumNoiseRegex().IsMatch(line))
            {
                result[k] = "";
            }
            else if (MemoSubjectRegex().IsMatch(line))
            {
                result[k] = DigestListRegex().Replace(line, "");
            }
        }

        return result;
    }

    /// <summary>A forum topic's title line: "Topic: My phone keeps getting kicked off the wifi".</summary>
    [GeneratedRegex(@"^\s*Topic:\s+(?<title>\S.*)$")]
    private static partial Regex ForumTopicRegex();

    /// <summary>A reply's first line: "Reply from tsmith (Tom Smith, Technology Services) on Mar 3, 2025 8:05 AM  ✓ Solved".</summary>
    [GeneratedRegex(@"^\s*Reply from \S{1,60}[^\r\n]{0,200}?\son\s[^\r\n]{0,60}?\d{1,2}:\d{2}\s?[AP]M\b")]
    private static partial Regex ForumReplyRegex();

    /// <summary>A line a forum's digest adds: who posted and when, counts, links, its greeting and section banners.</summary>
    [GeneratedRegex(@"^\s*(?:Posted by \S.*\bon\b.*|\d+ repl(?:y|ies)\s*·.*|Read more:.*|View all topics in .*|https?://\S+|Summary since your last visit.*|Hi \S+, here's what happened.*|while you were away\.|\d+ New Topics\b.*|(?:POPULAR|MORE NEW|NEW) TOPICS)\s*$")]
    private static partial Regex ForumNoiseRegex();

    /// <summary>A mailing list's or forum's name and the digest's word before the subject: "[Staff Community] Summary - ".</summary>
    [GeneratedRegex(@"(?<=:\s*)\[[^\]]{1,60}\]\s*(?:(?:Summary|Digest)\s*[-–:]\s*)?")]
    private static partial Regex DigestListRegex();

    /// <summary>How many words a message asking without a question mark has at least ("Dana you are a saint" asks nothing).</summary>
    private const int MinUnmarkedQuestionWords = 8;

    /// <summary>How many messages a chat thread has at least for it to be read as one.</summary>
    private const int MinChatMessages = 4;

    /// <summary>A chat message's first line: its author's name and the time ("Dana Whitfield  7:48 AM", "Luis Moreno 10:41 AM").</summary>
    [GeneratedRegex(@"^\s*(?<author>\p{Lu}[\p{L}'’.-]*(?:[ ]\p{Lu}[\p{L}'’.-]*){1,3})[ \t]+\d{1,2}:\d{2}[ ]?[AaPp][Mm]\s*$")]
    private static partial Regex ChatMessageRegex();

    /// <summary>What a chat adds to a message's words: emoji codes (":pushpin:", ":white_check_mark: 9"), "(edited)".</summary>
    [GeneratedRegex(@":[a-z0-9_+-]+:(?:[ \t]+\d+\b)?|\(edited\)")]
    private static partial Regex ChatMarkRegex();

    /// <summary>A chat's line that is no message: "22 replies", "replied to a thread: CLASSROOM TECH FAQ".</summary>
    [GeneratedRegex(@"^(?:\d+ repl(?:y|ies)|replied to a thread:.*|view thread|also sent to the channel)$", RegexOptions.IgnoreCase)]
    private static partial Regex ChatNoiseRegex();

    /// <summary>A spoken question or answer: "[00:02:10] Q (Maria Lopez, 3rd grade): When …", "A (Dr. Kim): No. …" (Q or A captured).</summary>
    [GeneratedRegex(@"^\s*(?:\[\d{1,2}:\d{2}(?::\d{2})?\]\s*)?(?<who>[QA])\s*\([^)]{1,120}\)\s*:\s*(?<text>\S.*)$")]
    private static partial Regex SpokenTurnRegex();

    /// <summary>Anyone else speaking: "[00:04:35] MODERATOR (Janet Ortiz): Moving on …", "[00:31:02] HOST: Thanks, everyone."</summary>
    [GeneratedRegex(@"^\s*(?:\[\d{1,2}:\d{2}(?::\d{2})?\]\s*)?(?:MODERATOR|HOST|FACILITATOR|Moderator|Host|Facilitator)\b[^:]{0,80}:")]
    private static partial Regex SpokenLineRegex();

    [GeneratedRegex(@"^\s*-{2,}\s*Topic:.*-{2,}\s*$", RegexOptions.IgnoreCase)]
    private static partial Regex TopicLineRegex();

    /// <summary>
    /// An FAQ laid out in two columns under a "QUESTION      ANSWER" header, as a PDF's layout copy keeps it: each
    /// question wraps in the left column beside its answer in the right. Each row is written as a "Q:" line on its first
    /// line (the whole question, then the answer's first words) over the answer's other lines, each on its own line;
    /// an answer carried on past a page break stays text. The columns end at the first paragraph that is neither.
    /// </summary>
    private static IReadOnlyList<string> FromQuestionAndAnswerColumns(IReadOnlyList<string> lines, int from)
    {
        var header = Enumerable.Range(from, lines.Count - from).FirstOrDefault(k => ColumnHeaderRegex().IsMatch(lines[k]), -1);
        if (header < 0)
        {
            return lines;
        }

        var column = ColumnHeaderRegex().Match(lines[header]).Groups["answer"].Index;
        var result = lines.ToArray();
        result[header] = "";
        for (var k = header + 1; k < result.Length; k++)
        {
            var end = k;
            while (end < result.Length && !string.IsNullOrWhiteSpace(result[end]))
            {
                end++;
            }

            var cells = Enumerable.Range(k, end - k).Select(j => SplitAtColumn(result[j], column)).ToArray();
            var question = string.Join(' ', cells.Select(c => c.Left).Where(l => l.Length > 0));
            if (cells.Length > 0 && cells[0].Left.Length > 0 && cells[0].Right.Length > 0 && question.Contains('?', StringComparison.Ordinal))
            {
                result[k] = "Q: " + question + " " + cells[0].Right;
                for (var j = 1; j < cells.Length; j++)
                {
                    result[k + j] = cells[j].Right;
                }
            }
            else if (cells.Any(c => c.Left.Length > 0))
            {
                // The columns end where a paragraph is no question beside its answer, nor an answer carried on.
                break;
            }

            k = end;
        }

        return result;
    }

    /// <summary>A line's left and right columns: parted by two spaces or more at about <paramref name="column"/>, or all left or all right.</summary>
    private static (string Left, string Right) SplitAtColumn(string line, int column)
    {
        for (var j = Math.Max(2, column - ColumnSlack); j < line.Length && j <= column + ColumnSlack; j++)
        {
            if (line[j] != ' ' && line[j - 1] == ' ' && line[j - 2] == ' ')
            {
                return (line[..j].Trim(), line[j..].Trim());
            }
        }

        var indent = line.Length - line.TrimStart().Length;
        return indent >= column - ColumnSlack ? ("", line.Trim()) : (line.Trim(), "");
    }

    /// <summary>How many characters a column's text may start before or after its header.</summary>
    private const int ColumnSlack = 3;

    [GeneratedRegex(@"^\s*(?:QUESTIONS?|Questions?)\s{3,}(?<answer>ANSWERS?|Answers?)\s*$")]
    private static partial Regex ColumnHeaderRegex();

    /// <summary>How many words a heading numbered without a full stop may have.</summary>
    private const int MaxBareHeadingWords = 8;

    /// <summary>A line numbered without a full stop: "2 Issuance", "10 Returning Equipment".</summary>
    [GeneratedRegex(@"^(?<indent>[ \t]*)(?<number>\d{1,2})[ \t]+(?<text>\p{Lu}[^.!?:;]{0,60}?)[ \t]*$")]
    private static partial Regex BareSectionNumberRegex();

    /// <summary>A clause numbered and titled under a section: "2.1 Eligibility", "3.2 Loaner Devices" (its section's number captured).</summary>
    [GeneratedRegex(@"^[ \t]*(?<number>\d{1,2})\.\d{1,2}\.?[ \t]+\p{Lu}[^.!?:;]{0,60}$")]
    private static partial Regex SubClauseNumberRegex();

    /// <summary>How many lines, and what share of a document's lines, must be numbered in the margin for it to be pleading paper.</summary>
    private const int MinNumberedLines = 10;

    private const double NumberedShare = 0.6;

    /// <summary>A line numbered in the margin: " 7 |  ARTICLE I.".</summary>
    [GeneratedRegex(@"^[ \t]{0,3}\d{1,2}[ \t]{0,2}\|")]
    private static partial Regex NumberedMarginRegex();

    /// <summary>The margin of pleading paper: a line's number and rule (" 7 | "), or the rule alone on a line between pages.</summary>
    [GeneratedRegex(@"^[ \t]{0,3}(?:\d{1,2})?[ \t]{0,2}\|")]
    private static partial Regex MarginRegex();

    private static ParsedDocument Parse(IReadOnlyList<string> lines, FrontMatter front)
    {
        lines = Spreadsheet.AsQuestionsAndAnswers(lines, front.BodyStartIndex);
        lines = ListRecords.AsQuestionsAndAnswers(lines, front.BodyStartIndex);
        lines = Captions.AsText(lines, front.BodyStartIndex);
        lines = SavedWebPage.WithoutLinksAndHeader(lines, front.BodyStartIndex);
        lines = BoardPolicyPage.WithHeaderAndReferences(lines, front.BodyStartIndex);
        lines = SavedWebPage.WithoutHelpCentrePage(lines, front.BodyStartIndex);
        lines = SavedWebPage.WithMarginHeadings(lines, front.BodyStartIndex);
        lines = SavedWebPage.WithoutAccordion(lines, front.BodyStartIndex);
        lines = Unquoted(lines, front.BodyStartIndex);
        lines = WithoutReviewComments(lines, front.BodyStartIndex);
        lines = WithoutFootnoteMarks(lines, front.BodyStartIndex);
        lines = WithoutLineNumbers(lines, front.BodyStartIndex);
        lines = WithSectionNumbersStopped(lines, front.BodyStartIndex);
        lines = AsQuestionsAndAnswers(lines, front.BodyStartIndex);
        lines = ChatExport.AsQuestionsAndAnswers(lines, front.BodyStartIndex);
        lines = ChannelPosts.AsQuestionsAndAnswers(lines, front.BodyStartIndex);
        lines = AnnouncementLog.AsQuestionsAndAnswers(lines, front.BodyStartIndex);
        lines = ClassroomStream.AsQuestionsAndAnswers(lines, front.BodyStartIndex);
        lines = WithEmojiHeadings(lines, front.BodyStartIndex);
        lines = AsChatThread(lines, front.BodyStartIndex);
        lines = AsForumDigest(lines, front.BodyStartIndex);
        lines = InlineReplies.AsQuestionsAndAnswers(lines, front.BodyStartIndex);
        lines = InlineReplies.WithQuotedMessagesUnmarked(lines, front.BodyStartIndex);
        lines = [.. lines.Take(front.BodyStartIndex), .. lines.Skip(front.BodyStartIndex).Select(Unbold)];
        lines = WithoutRestructuredTextMarkup(lines, front.BodyStartIndex);
        lines = WithoutRunningHeaders(lines, front.BodyStartIndex);
        lines = MailThread.WithMessagesHeaded(lines, front.BodyStartIndex);
        lines = WithoutMailDisclaimers(lines, front.BodyStartIndex);
        lines = MailThread.WithoutSignOffs(lines, front.BodyStartIndex);
        // A page number ("Page 2 of 5", "AP 6163.1 – Page 1 of 3"), or a forwarded e-mail's "-----Original Message-----",
        // parts the text as a blank line does.
        lines = [.. lines.Select((l, k) => k >= front.BodyStartIndex && (PageMarkerRegex().IsMatch(l) || MailThread.IsForwardMarker(l)) ? "" : l)];
        lines = WithoutContents(lines, front.BodyStartIndex);
        lines = WithoutMailingListMarks(lines, front.BodyStartIndex);
        var printed = PrintedFromBrowser(lines, front.BodyStartIndex);
        lines = printed ? WithoutBrowserPrintMarks(lines, front.BodyStartIndex) : lines;
        lines = WithoutPageChrome(lines, front.BodyStartIndex);
        lines = WithoutHelpCentreChrome(lines, front.BodyStartIndex, printed);
        lines = FromQuestionAndAnswerColumns(lines, front.BodyStartIndex);
        lines = WithoutDrawing(lines, front.BodyStartIndex);
        lines = WithoutScannedZeros(lines, front.BodyStartIndex);
        lines = WithoutBoxes(lines, front.BodyStartIndex);
        var sections = new List<ParsedSection>();
        string? title = front.Title;

        var i = front.BodyStartIndex;
        while (i < lines.Count && string.IsNullOrWhiteSpace(lines[i]))
        {
            i++;
        }

        if (i >= lines.Count)
        {
            throw new KnowledgeFormatException(Math.Clamp(front.BodyStartIndex + 1, 1, Math.Max(1, lines.Count)), "the document has no text");
        }

        var firstLine = i;
        // The first line is the title unless it already is a question or a bullet; a title underlined with === or
        // --- takes its underline along (front matter, when present, has the last word on the title).
        var titleUnderlined = IsUnderlined(lines, i);
        // An outline indented by tabs: its first line at the margin is the title.
        var outline = IsTabOutline(lines, i);
        // The title's own line when it is not the first (an organisation's line above it): the line under it is a subtitle.
        int? titleLine = null;
        // A spreadsheet saved as text opens with its header row, which names its columns, not the document.
        if ((title is null || titleUnderlined) && !QuestionRegex().IsMatch(lines[i]) && !DocumentParser.TryBullet(lines[i], false, out _, out _)
            && PlainTextTables.Quoted(lines[i]) is null)
        {
            if (title is null && !titleUnderlined && !outline && (ChapterNameBelow(lines, i) ?? UnderlinedTitleBelow(lines, i) ?? NamedBelow(lines, i)) is { } named)
            {
                // "Riverside Unified School District" over "Visitor Policy": the document is the policy; the
                // organisation's line stays as text of the introduction.
                // (A memo's "Subject: FW: Test Security Procedures" line names it by its subject.)
                title = MemoSubjectRegex().Match(lines[named]) is { Success: true } subjectLine ? subjectLine.Groups[1].Value.Trim() : lines[named].Trim();
                var underline = IsUnderlined(lines, named) ? 1 : 0;
                lines = [.. lines.Take(named), .. Enumerable.Repeat("", 1 + underline), .. lines.Skip(named + 1 + underline)];
                titleLine = named;
            }
            else if (title is not null || titleUnderlined || !IsParagraphLine(lines[i]))
            {
                title ??= lines[i].Trim();
                i += titleUnderlined ? 2 : 1;
            }
        }

        // A memo's subject names it ("RE: Inclement Weather Procedures for Staff"), not the organisation's line above; the
        // header above its subject line (a "*** STAFF NOTICE ***" banner, the "TO:" and "FROM:" fields) heads nothing.
        if (front.Title is null && MemoSubject(lines, firstLine) is { } subject)
        {
            title = subject.Text;
            titleLine ??= subject.Line;
        }

        // A document of "Q:" / "Q." questions: they are its headings, and "A." labels its answers. One such line among two
        // or more headings of another kind (title-case lines: "Boarding Procedures", "Seating Rules") is one heading among
        // them, not what the document is: those headings stay (they were all text of the introduction and the question).
        var tables = PlainTextTables.Find(lines, i);
        var paragraphPerLine = IsParagraphPerLine(lines, i, tables);
        var questionLines = lines.Skip(i).Count(l => QuestionRegex().IsMatch(l));
        var labelled = questionLines > 1 || questionLines == 1 && PlainHeadings(lines, i, paragraphPerLine, tables, titleLine).Count < 2;
        var headings = outline ? OutlineHeadings(lines, i) : FindHeadings(lines, i, tables, paragraphPerLine, titleLine, labelled);
        // Written a paragraph per line (as Word's plain-text export writes it: no blank lines, or lines longer than any
        // wrapping): every line is a paragraph. Where blank lines part short lines, the lines between them are one
        // paragraph written a sentence per line.
        var linePerParagraph = paragraphPerLine && (!HasBlankLineInside(lines, i, titleLine) || lines.Skip(i).Any(l => l.Length > MaxWrappedLine));

        var heading = DocumentParser.IntroductionHeading;
        var isIntro = true;
        var start = i + 1;
        var last = start;
        var builder = new PassageBuilder();
        // A numbered heading with no text of its own over its clauses ("3. Requirements" over "3.1 Annual hours"): the
        // clauses' parent, and its line; and the line of the heading being read.
        string? parent = null;
        int? parentLine = null;
        int? headingLine = null;

        void Finish()
        {
            if (!builder.IsEmpty)
            {
                sections.Add(new ParsedSection(heading, builder.Build(), start, last, isIntro, parent));
            }
        }

        // The indentation of the bullet (not a numbered step) that the lines just above belong to, while they do; and
        // whether the list's first level is marked as Word marks its lower ones ("o⇥"), which then nest nothing.
        int? bulletIndent = null;
        var subMarkList = false;
        // A numbered step is being read ("2. Streaming services:"): a lettered line under it ("a. Personal Netflix …") is
        // more of the step, not a clause of the section's own.
        var inStep = false;
        for (; i < lines.Count; i++)
        {
            var line = lines[i];
            var lineNo = i + 1;
            if (headings.TryGetValue(i, out var found))
            {
                var emptyHeading = builder.IsEmpty && !isIntro ? heading : null;
                Finish();
                if (emptyHeading is not null && headingLine is { } above && IsClauseOf(lines[above], line))
                {
                    (parent, parentLine) = (emptyHeading, above);
                }
                else if (parentLine is not { } p || !IsClauseOf(lines[p], line))
                {
                    (parent, parentLine) = (null, null);
                }

                headingLine = i;
                heading = found.Text;
                isIntro = false;
                start = lineNo;
                last = lineNo;
                builder = new PassageBuilder();
                bulletIndent = null;
                inStep = false;
                i = found.LastIndex;
                if (found.RunIn is { Length: > 0 } runIn)
                {
                    builder.Text(runIn, lineNo);
                }

                continue;
            }

            if (string.IsNullOrWhiteSpace(line) || SeparatorRegex().IsMatch(line))
            {
                builder.Blank();
                bulletIndent = null;
                inStep = false;
                continue;
            }

            last = lineNo;
            var wasBullet = bulletIndent;
            bulletIndent = null;
            if (outline)
            {
                OutlineLine(builder, lines, i);
            }
            else if (tables.TryGetValue(i, out var row))
            {
                if (row is not null)
                {
                    builder.Bullet(0, row, lineNo);
                }
            }
            else if (DocumentParser.TryBullet(line, true, out var indent, out var bullet, keepNumber: true))
            {
                // Word's "o⇥" under a bullet is its second level, though at the margin.
                var subMark = DocumentParser.IsSubBullet(line);
                var nested = indent > 0 || (wasBullet is not null && subMark && !subMarkList);
                subMarkList = nested ? subMarkList : subMark;
                builder.Bullet(nested ? 1 : 0, bullet, lineNo);
                inStep = DocumentParser.IsStepLine(line);
                bulletIndent = inStep ? null : nested ? Math.Max(indent, 1) : indent;
            }
            else if (IsField(lines, i))
            {
                // "Phone: 555-0100" over "Email: hr@example.org": each on its own, not run together.
                builder.Bullet(0, line.Trim(), lineNo);
            }
            else
            {
                // "A:" is an answer's label; "A." only in a document of "Q." / "Q:" questions (elsewhere it letters a list: "A." … "B.").
                var a = AnswerRegex().Match(line);
                var text = a.Success && (labelled || a.Groups["mark"].Value == ":") ? a.Groups[1].Value.Trim() : line.Trim();
                if (i > 0 && (wasBullet is { } under ? EndsList(lines[i - 1], line, under, linePerParagraph)
                        : ClauseRegex().IsMatch(line) && !(inStep && LowerLetteredRegex().IsMatch(line)) || (linePerParagraph && IsOwnParagraph(lines[i - 1], line))))
                {
                    builder.Paragraph(text, lineNo);
                }
                else
                {
                    builder.Text(text, lineNo);
                    bulletIndent = wasBullet;
                }
            }
        }

        Finish();
        if (sections.Count == 0)
        {
            throw new KnowledgeFormatException(DocumentParser.LastTextLine(lines), "the document has a title but no guideline text");
        }

        return new ParsedDocument(title, front.Metadata, sections);
    }

    /// <summary>
    /// A Word outline saved as text, or a slide deck's outline: levels shown by tabs alone, no numbers or bullets. Most
    /// lines are indented, and the lines at the margin are the title and the section headings, each with indented lines
    /// under it, or paragraphs (a slide's "Notes: …").
    /// </summary>
    private static bool IsTabOutline(IReadOnlyList<string> lines, int from)
    {
        var text = Enumerable.Range(from, lines.Count - from).Where(k => !string.IsNullOrWhiteSpace(lines[k])).ToArray();
        var margin = text.Where(k => !char.IsWhiteSpace(lines[k][0])).ToArray();
        var heads = margin.Where(k => IsOutlineHead(lines, k)).ToArray();
        return text.Length > 0 && heads.Length >= MinOutlineHeadings && text.Count(k => lines[k][0] == '\t') >= OutlineShare * text.Length
               && heads.All(k => !DocumentParser.TryBullet(lines[k], true, out _, out _)) && margin.Except(heads).All(k => EndsSentence(lines[k]));
    }

    /// <summary>A line at the margin with lines indented by a tab right under it.</summary>
    private static bool IsOutlineHead(IReadOnlyList<string> lines, int k) =>
        !char.IsWhiteSpace(lines[k][0]) && NextTextLine(lines, k) is var next && next == k + 1 && lines[next][0] == '\t';

    /// <summary>How many lines at the margin an outline needs (a title and two headings).</summary>
    private const int MinOutlineHeadings = 3;

    /// <summary>Share of an outline's lines of text that are indented by tabs.</summary>
    private const double OutlineShare = 0.6;

    /// <summary>An outline's headings: its lines at the margin with indented lines under them, after the title.</summary>
    private static Dictionary<int, (string Text, int LastIndex, string? RunIn)> OutlineHeadings(IReadOnlyList<string> lines, int from) =>
        Enumerable.Range(from + 1, Math.Max(0, lines.Count - from - 1))
            .Where(k => !string.IsNullOrWhiteSpace(lines[k]) && IsOutlineHead(lines, k))
            .ToDictionary(k => k, k => (DocumentParser.CleanHeading(lines[k].Trim().TrimEnd(':').TrimEnd()), k, (string?)null));

    /// <summary>
    /// A line of an outline under its heading: at the margin (a slide's "Notes: …") or one tab deep, a paragraph; deeper,
    /// a detail of the paragraph above; any carries on the line above at its depth when that line's sentence goes on
    /// ("… except by telephone" / "directly to the nurse").
    /// </summary>
    private static void OutlineLine(PassageBuilder builder, IReadOnlyList<string> lines, int i)
    {
        var line = lines[i];
        var depth = line.Length - line.TrimStart('\t').Length;
        var text = line.Trim();
        var above = lines[i - 1];
        if (above.Length - above.TrimStart('\t').Length == depth && !EndsSentence(above) && !char.IsUpper(text[0]))
        {
            builder.Text(text, i + 1);
        }
        else if (depth > 1)
        {
            builder.Bullet(1, text, i + 1);
        }
        else
        {
            builder.Paragraph(text, i + 1);
        }
    }

    /// <summary>
    /// A line right under a bullet (or its wrapped text) that is a paragraph of its own, not more of the bullet: it starts
    /// with a capital and stands left of a nested bullet ("    o Team shirts" / "Ask the PE department…"), or at the margin
    /// after a bullet that ended its sentence ("- No hats indoors." / "Staff who are unsure should ask…"). Wrapped
    /// bullet text is indented, or carries on in lower case or mid-sentence. In a document written a line per paragraph
    /// (<paramref name="linePerParagraph"/>), every such line under a bullet is a paragraph unless it is indented past the
    /// bullet's mark.
    /// </summary>
    private static bool EndsList(string above, string line, int bulletIndent, bool linePerParagraph)
    {
        var text = line.TrimStart();
        var indent = line[..^text.Length].Replace("\t", "    ", StringComparison.Ordinal).Length;
        return char.IsUpper(text[0]) && !CarriesOn(above)
               && ((linePerParagraph && indent <= bulletIndent) || (bulletIndent > 0 && indent < bulletIndent)
                   || (indent == 0 && above.TrimEnd() is [.., '.' or '!' or '?']));
    }

    /// <summary>
    /// In a document written a line per paragraph, a line that is a passage of its own: it starts as a paragraph does (a
    /// capital or a digit) under a line that does not carry its sentence on, and not under a lead-in ("Important:"),
    /// unless it is a numbered clause ("2.1 …" under "For the purposes of this regulation:").
    /// </summary>
    private static bool IsOwnParagraph(string above, string line) =>
        line.TrimStart() is [var first, ..] && (char.IsUpper(first) || char.IsDigit(first)) && !CarriesOn(above)
        && (IsNumbered(line) || !above.TrimEnd().EndsWith(':'));

    /// <summary>Longer than anyone wraps text by hand or at a fixed width: the line is a whole paragraph.</summary>
    private const int MaxWrappedLine = 100;

    /// <summary>A blank line between two lines of text from <paramref name="from"/> on (the title's line, blanked, is text).</summary>
    private static bool HasBlankLineInside(IReadOnlyList<string> lines, int from, int? titleLine)
    {
        var text = Enumerable.Range(from, lines.Count - from).Where(k => k == titleLine || !string.IsNullOrWhiteSpace(lines[k])).ToArray();
        return text.Length > 1 && text[^1] - text[0] + 1 > text.Length;
    }

    /// <summary>The line stops mid-sentence: on a comma or a word that joins ("… on Fridays and").</summary>
    private static bool CarriesOn(string line)
    {
        var text = line.TrimEnd();
        if (text.EndsWith(','))
        {
            return true;
        }

        var space = text.LastIndexOfAny([' ', '\t']);
        return JoiningWords.Contains(text[(space + 1)..]);
    }

    /// <summary>Words a sentence does not stop on.</summary>
    private static readonly HashSet<string> JoiningWords = new(
        ["and", "or", "but", "nor", "to", "the", "a", "an", "of", "for", "with", "in", "on", "at", "by", "from", "as", "that", "which",
         "who", "if", "when", "than", "your", "their", "our", "its", "is", "are", "be", "not"], StringComparer.OrdinalIgnoreCase);

    /// <summary>
    /// The lines from <paramref name="from"/> on that start a section, with the heading's text and the index of its
    /// last line (a wrapped question or an underline belongs to the heading).
    /// </summary>
    /// <param name="tables">Lines of tables (<see cref="PlainTextTables"/>): never a heading.</param>
    /// <param name="titleLine">The title's line, when the title was found below the first line (its place is blank now).</param>
    /// <param name="paragraphPerLine">The document is written a paragraph per line (<see cref="IsParagraphPerLine"/>).</param>
    /// <param name="labelled">The document has <c>Q:</c> lines from <paramref name="from"/> on.</param>
    private static Dictionary<int, (string Text, int LastIndex, string? RunIn)> FindHeadings(IReadOnlyList<string> lines, int from, Dictionary<int, string?> tables,
        bool paragraphPerLine, int? titleLine, bool labelled)
    {
        var headings = new Dictionary<int, (string Text, int LastIndex, string? RunIn)>();
        // In a document written a paragraph per line, a question right after a sentence stands alone as well; two of them
        // make it a question document (one may be a paragraph that asks something).
        var setOff = Enumerable.Range(from, lines.Count - from).Any(k => IsBareQuestion(lines, k, afterSentence: false));
        var afterSentence = !setOff && paragraphPerLine && Enumerable.Range(from, lines.Count - from).Count(k => IsBareQuestion(lines, k, afterSentence: true)) >= 2;
        var bareQuestions = !labelled && (setOff || afterSentence);
        // Short plain lines as headings only in a document with no other kind of heading (a "Revised 2025" line
        // beside ALL-CAPS headings is not one), except numbered ones ("1. Purpose"): a policy that numbers its sections
        // keeps them beside an ALL-CAPS notice or a question paragraph.
        var plainHeadings = labelled
            ? []
            : bareQuestions || Enumerable.Range(from, lines.Count - from).Any(k => IsUnderlined(lines, k)) || HasCapsHeadings(lines, from)
                ? PlainHeadings(lines, from, paragraphPerLine, tables, titleLine).Where(k => IsNumberedHeading(lines, k)).ToHashSet()
                : PlainHeadings(lines, from, paragraphPerLine, tables, titleLine);

        // "TIMELINE: Referrals are reviewed within 1 school day." beside "REFERRAL STEPS:" lines: the label heads its
        // section, with its text run in on the same line (only where ALL-CAPS lines head sections, and two such lines at least).
        var runIn = !labelled && !bareQuestions && Enumerable.Range(from, lines.Count - from).Count(k => IsCapsHeading(lines, k)) >= MinColonHeadings;
        // "Overtime Approval: Overtime must be approved in writing …", paragraph after paragraph: in a document with no
        // other headings, three such labels in title case or more head its sections the same way.
        var titleRunIn = !labelled && !bareQuestions && !runIn && plainHeadings.Count <= 1
                         && Enumerable.Range(from, lines.Count - from).Count(k => TitleRunIn(lines, k, from) is not null) >= MinTitleRunIns;
        var separatorHeadings = Enumerable.Range(from, lines.Count - from).Count(k => k > from && IsSeparatorHeading(lines, k)) >= MinColonHeadings;
        // "[Photocopying Limits]" on its own line over its text, two or more: the document's headings.
        var brackets = Enumerable.Range(from, lines.Count - from).Count(k => BracketHeadingRegex().IsMatch(lines[k])) >= MinColonHeadings;
        // "Section 2.03 Overtime. Overtime must be approved …" under "ARTICLE II – EMPLOYMENT", two or more: a regulation's
        // sections, each titled and run in on its first line.
        var legalSections = Enumerable.Range(from, lines.Count - from).Count(k => LegalSectionRegex().IsMatch(lines[k])) >= MinColonHeadings;
        // A help centre's export: its articles' titles head its sections.
        var articles = Enumerable.Range(from, lines.Count - from).Count(k => ArticleLineRegex().IsMatch(lines[k])) >= MinColonHeadings;
        // Short lines centred over text at the margin, two or more: the document's headings, whatever else it has.
        var centred = Enumerable.Range(from, lines.Count - from).Count(k => IsCentredHeading(lines, k, from)) >= MinColonHeadings;
        for (var k = from; k < lines.Count; k++)
        {
            if (tables.ContainsKey(k))
            {
                continue;
            }

            var q = QuestionRegex().Match(lines[k]);
            if (lines[k].StartsWith(MailThread.HeadingMark))
            {
                // A heading a reader wrote: an earlier message of an e-mail thread.
                headings[k] = (lines[k][1..].Trim(), k, null);
            }
            else if (q.Success)
            {
                var text = q.Groups[1].Value.Trim();
                if (text.Length == 0)
                {
                    throw new KnowledgeFormatException(k + 1, "a 'Q:' line has no question after it");
                }

                var end = QuestionEnd(lines, k);
                for (var c = k + 1; c <= end; c++)
                {
                    text += " " + lines[c].Trim();
                }

                // A question asked, then said more about ("When can we start building our classes? I like to set things up
                // early."): the question heads the section, the rest is its text.
                // So is one answered on its own line ("Q: Printer jammed A: Open tray 2.").
                var asked = InlineAnswer(text)
                            ?? (!text.TrimEnd().EndsWith('?') && AskedThenSaidRegex().Match(text) is { Success: true } m ? (m.Groups["question"].Value, m.Groups["more"].Value) : null);
                headings[k] = asked is var (question, more)
                    ? (DocumentParser.CleanHeading(question), end, more.Trim())
                    : (DocumentParser.CleanHeading(text), end, null);
                k = end;
            }
            else if (articles && ArticleLineRegex().Match(lines[k]) is { Success: true } article)
            {
                // "Article: Reporting an absence": a help centre's article, titled.
                headings[k] = (article.Groups["title"].Value, k, null);
            }
            else if (IsWrappedOverUnderline(lines, k) && IsSetOff(lines, k, from))
            {
                headings[k] = (DocumentParser.CleanHeading(lines[k].Trim() + " " + lines[k + 1].Trim()), k + 2, null);
                k += 2;
            }
            else if (IsUnderlined(lines, k) && IsSetOff(lines, k, from))
            {
                headings[k] = (DocumentParser.CleanHeading(lines[k].Trim()), k + 1, null);
                k++;
            }
            else if (!labelled && LetteredHeading(lines, k, from) is { } lettered)
            {
                headings[k] = (lettered, k, null);
            }
            else if (!labelled && separatorHeadings && k > from && IsSeparatorHeading(lines, k))
            {
                headings[k] = (lines[k].Trim().TrimEnd('.'), k, null);
            }
            else if (!labelled && centred && IsCentredHeading(lines, k, from))
            {
                headings[k] = (DocumentParser.CleanHeading(lines[k].Trim()), k, null);
            }
            else if (!labelled && brackets && BracketHeadingRegex().Match(lines[k]) is { Success: true } bracketed && IsSetOff(lines, k, from)
                     && HasTextAfter(lines, k))
            {
                headings[k] = (bracketed.Groups["text"].Value.Trim(), k, null);
            }
            else if (!labelled && legalSections && LegalSectionRegex().Match(lines[k]) is { Success: true } legal && IsSetOff(lines, k, from)
                     && IsTitleCased(legal.Groups["label"].Value))
            {
                headings[k] = (legal.Groups["label"].Value.Trim(), k, legal.Groups["text"].Value.Trim());
            }
            else if (!labelled && (IsBareQuestion(lines, k, afterSentence) && !IsMessageEnd(lines, k) || IsCapsHeading(lines, k) && !(k < titleLine) || plainHeadings.Count > 1 && plainHeadings.Contains(k))
                     || IsContactHeading(lines, k, paragraphPerLine))
            {
                headings[k] = (DocumentParser.CleanHeading(lines[k].Trim().TrimEnd(':', '/').TrimEnd()), k, null);
            }
            else if (runIn && !(k < titleLine) && RunInHeadingRegex().Match(lines[k]) is { Success: true } runInHeading && IsSetOff(lines, k, from)
                     && !CalloutRegex().IsMatch(runInHeading.Groups["label"].Value))
            {
                headings[k] = (runInHeading.Groups["label"].Value.Trim(), k, runInHeading.Groups["text"].Value.Trim());
            }
            else if (titleRunIn && TitleRunIn(lines, k, from) is { } titled)
            {
                headings[k] = (titled.Groups["label"].Value.Trim(), k, titled.Groups["text"].Value.Trim());
            }
        }

        return headings;
    }

    /// <summary>
    /// Line <paramref name="k"/> ends its message in an e-mail thread: the next line with text heads the next message. (A
    /// question there, "Do we need extra duty at the loop?", is the message's text, not a heading over nothing.)
    /// </summary>
    private static bool IsMessageEnd(IReadOnlyList<string> lines, int k) =>
        NextTextLine(lines, k) is var next && next > 0 && lines[next].StartsWith(MailThread.HeadingMark);

    /// <summary>
    /// The document heads its sections with ALL-CAPS lines: two or more; or one with text above it, not only the header's
    /// short lines ("EMERGENCY DRILLS 2025-26: WHAT STAFF NEED TO KNOW" under a newsletter's masthead is its headline,
    /// and its sections may be headed by short plain lines).
    /// </summary>
    private static bool HasCapsHeadings(IReadOnlyList<string> lines, int from)
    {
        var caps = Enumerable.Range(from, lines.Count - from).Where(k => IsCapsHeading(lines, k)).Take(2).ToArray();
        return caps.Length > 1 || caps is [var only] && !Enumerable.Range(from, only - from).All(k => string.IsNullOrWhiteSpace(lines[k]) || IsTitleLine(lines[k]));
    }

    /// <summary>
    /// The last line of the question that starts at <paramref name="q"/>: a question that does not end in "?" and
    /// carries on over the next line or two up to one that does ("Q: Can a volunteer be alone with" / "students?"), or
    /// that asks it and goes on ("building our classes? I like to set things up …").
    /// </summary>
    private static int QuestionEnd(IReadOnlyList<string> lines, int q)
    {
        if (QuestionMarkRegex().IsMatch(lines[q]) || InlineAnswer(lines[q]) is not null)
        {
            return q;
        }

        for (var k = q + 1; k < lines.Count && k <= q + MaxQuestionContinuation; k++)
        {
            var line = lines[k];
            if (string.IsNullOrWhiteSpace(line) || QuestionRegex().IsMatch(line) || AnswerRegex().IsMatch(line)
                || DocumentParser.TryBullet(line, true, out _, out _))
            {
                break;
            }

            if (QuestionMarkRegex().IsMatch(line))
            {
                return k;
            }
        }

        return q;
    }

    /// <summary>
    /// A short line ending in "?" after a blank line (or at the top, or right under a heading's underline, as an FAQ's
    /// first question under "Frequently asked questions" / "---"; with <paramref name="afterSentence"/>, also after a line
    /// that ends a sentence), not a bullet, followed by text.
    /// </summary>
    private static bool IsBareQuestion(IReadOnlyList<string> lines, int i, bool afterSentence)
    {
        var line = lines[i].TrimStart();
        // A quoted line ("> whether we still use the yellow form?", a message a reply quotes) asks nothing of the reader; a
        // "Q:" line is a labelled question, a heading of its own (also among other headings), not a bare one.
        return !line.StartsWith('-') && !line.StartsWith('*') && !line.StartsWith('>') && !QuestionRegex().IsMatch(lines[i])
               && (i == 0 || string.IsNullOrWhiteSpace(lines[i - 1]) || afterSentence && EndsSentence(lines[i - 1]) || i >= 2 && IsUnderlined(lines, i - 2))
               && DocumentParser.IsQuestionLine(lines, i);
    }

    /// <summary>A line of text underlined by a line of <c>===</c> or <c>---</c>.</summary>
    private static bool IsUnderlined(IReadOnlyList<string> lines, int i) =>
        i + 1 < lines.Count && UnderlineRegex().Match(lines[i + 1]) is { Success: true } underline && !string.IsNullOrWhiteSpace(lines[i])
        && lines[i].Trim().Length <= 120 && !DocumentParser.TryBullet(lines[i], true, out _, out _)
        // A row of asterisks is an underline only as long as its line ("Parent Permission" / "*****************"); under
        // a paragraph's last line it is a separator.
        && (!underline.Value.Contains('*', StringComparison.Ordinal) || Math.Abs(underline.Value.Trim().Length - lines[i].Trim().Length) <= MaxUnderlineMismatch);

    /// <summary>
    /// A heading too long for its line, wrapped onto the next over its underline ("2.  ASSIGNED LOTS, PERMITS AND"
    /// over "RESERVED SPACES" over "-----"): its first line breaks off after an ampersand, a comma, a dash or a joining
    /// word. (A bilingual notice's heading that breaks off after a slash, "2. ASSIGNED LOTS AND RESERVED SPACES /", goes
    /// on with its translation: the heading is its first line, the translation text of its section.)
    /// </summary>
    private static bool IsWrappedOverUnderline(IReadOnlyList<string> lines, int i) =>
        i + 2 < lines.Count && !IsUnderlined(lines, i) && IsUnderlined(lines, i + 1) && WrappedHeadingEndRegex().IsMatch(lines[i])
        && WordCount(lines[i]) <= MaxWrappedHeadingWords && WordCount(lines[i + 1]) <= MaxWrappedHeadingWords && !EndsSentence(lines[i + 1]);

    /// <summary>How many words each line of a heading wrapped over its underline may have.</summary>
    private const int MaxWrappedHeadingWords = 10;

    [GeneratedRegex(@"\S(?:\s+[&,–—-]|,|\s+(?:and|or|of|for|AND|OR|OF|FOR))\s*$")]
    private static partial Regex WrappedHeadingEndRegex();

    /// <summary>How many characters a title's underline may run past twice its title's length.</summary>
    private const int MaxUnderlineOverhang = 4;

    /// <summary>How many characters an underline of asterisks may be longer or shorter than its line.</summary>
    private const int MaxUnderlineMismatch = 2;

    /// <summary>
    /// An ALL-CAPS line of a few words ("PERSONAL USE", "2. PASSWORDS:") after a blank line, not a sentence (no
    /// closing full stop, no clause wrapped onto the next line), with text after it; not the document's first line of text (an organisation's name over its
    /// title, blank lines or a running header above it or not).
    /// </summary>
    private static bool IsCapsHeading(IReadOnlyList<string> lines, int i)
    {
        var line = lines[i].Trim();
        return i > 0 && string.IsNullOrWhiteSpace(lines[i - 1]) && PreviousTextLine(lines, i) >= 0 && line.Length <= 80 && WordCount(line) <= 10
               && line.Count(char.IsLetter) >= 2 && !line.Any(char.IsLower) && !".!,;".Contains(line[^1]) && !MemoLineRegex().IsMatch(line)
               && !MemoFieldRegex().IsMatch(line) && !IsWrappedLine(lines, i)
               && !(LetteredLineRegex().Match(lines[i]) is { Success: true } lettered && IsWrappedOnto(lines, i, lettered.Groups["text"].Index))
               && !DocumentParser.TryBullet(DocumentParser.CleanHeading(line), false, out _, out _)
               && HasTextAfter(lines, i);
    }

    /// <summary>Line <paramref name="k"/> opens the text or follows a blank line.</summary>
    private static bool IsSetOff(IReadOnlyList<string> lines, int k, int from) => k == from || string.IsNullOrWhiteSpace(lines[k - 1]);

    /// <summary>
    /// A heading centred by spaces, as a typewritten brief sets it ("                Purpose" over its text at the margin):
    /// a short line, set off by a blank line, indented at least <see cref="MinCentredIndent"/> columns, with text after it
    /// that starts at the margin, and text at the margin above it (not the centred lines of the title block).
    /// </summary>
    private static bool IsCentredHeading(IReadOnlyList<string> lines, int k, int from)
    {
        return IsCentred(lines[k]) && IsSetOff(lines, k, from) && FitsOnLine(lines[k], NumberedHeadingMaxChars, NumberedHeadingMaxWords)
               && NextTextLine(lines, k) is var next && next > 0 && !char.IsWhiteSpace(lines[next][0])
               && PreviousTextLine(lines, k) is var above && above >= from && !IsCentred(lines[above]);

        static bool IsCentred(string line) => Untabbed(line) is var text && text.Length - text.TrimStart().Length >= MinCentredIndent;
    }

    /// <summary>How far in a centred heading starts.</summary>
    private const int MinCentredIndent = 8;

    /// <summary>A topic in square brackets on its own line: "[Copyright and Fair Use]".</summary>
    [GeneratedRegex(@"^\s*\[(?<text>\p{Lu}[^\[\]]{1,60}?)\]\s*$")]
    private static partial Regex BracketHeadingRegex();

    /// <summary>
    /// A regulation's section, titled and run in ("Section 2.03 Overtime. Overtime must be approved …", "Section 5.01
    /// Misuse; Sanctions. A Cardholder who …"), or titled on a line of its own over its text ("Section 1.1.  Purpose and
    /// Applicability.").
    /// </summary>
    [GeneratedRegex(@"^\s*(?:Section|Sec\.|§)\s*\d{1,3}(?:\.\d{1,3})+\.?\s+(?<label>\p{Lu}[^.:;!?]{1,60}?(?:;\s+\p{Lu}[^.:;!?]{1,40}?)?)[.:](?:\s+(?<text>\S.*)|\s*)$")]
    private static partial Regex LegalSectionRegex();

    /// <summary>
    /// The series of a board policy manual, printed above a policy's title: "Students", "Personnel", "Instruction",
    /// "Business and Noninstructional Operations", "Community Relations", "Board Bylaws", "Philosophy, Goals, Objectives
    /// and Comprehensive Plans", "Administration", "Facilities".
    /// </summary>
    [GeneratedRegex(@"^\s*(?:(?:all |certificated |classified )?personnel|students|instruction|business and noninstructional operations|community relations|board bylaws|administration|facilities|philosophy,? goals,? objectives.*)\s*$", RegexOptions.IgnoreCase)]
    private static partial Regex SeriesRegex();

    /// <summary>
    /// The first line of a paragraph wrapped at a width (a memo typed in capitals: "THIS BULLETIN REPLACES BULLETIN 23-11 AND
    /// APPLIES TO ALL TRAVEL" / "ON OR AFTER SEPTEMBER 1, 2024. …"): text goes on right under it, and it reaches the width
    /// the lines around it are wrapped at. A heading is shorter.
    /// </summary>
    private static bool IsWrappedLine(IReadOnlyList<string> lines, int i)
    {
        var length = lines[i].TrimEnd().Length;
        if (i + 1 >= lines.Count || string.IsNullOrWhiteSpace(lines[i + 1]) || length < MinWrappedLength)
        {
            return false;
        }

        var width = 0;
        for (var k = Math.Max(0, i - WrapWindow); k < Math.Min(lines.Count, i + WrapWindow); k++)
        {
            width = Math.Max(width, lines[k].TrimEnd().Length);
        }

        return length >= width - WrapSlack;
    }

    /// <summary>A line shorter than this is never taken for a wrapped one.</summary>
    private const int MinWrappedLength = 40;

    /// <summary>How many lines either side give the width a paragraph is wrapped at.</summary>
    private const int WrapWindow = 25;

    /// <summary>How far short of the width a wrapped line may end (the next word did not fit).</summary>
    private const int WrapSlack = 12;

    /// <summary>A handbook's part on its own line: "Chapter 6", "PART II", "Unit 3" (a section or an article is part of a document).</summary>
    [GeneratedRegex(@"^\s*(?<kind>chapter|part|unit)\s+(?:\d{1,3}|[IVX]{1,5})\s*$", RegexOptions.IgnoreCase)]
    private static partial Regex DocumentPartRegex();

    /// <summary>A part's number on its own line: "CHAPTER 7", "Section 4", "Part II", "Unit 3".</summary>
    [GeneratedRegex(@"^\s*(?:chapter|section|part|unit|article)\s+(?:\d{1,3}|[IVX]{1,5})\s*$", RegexOptions.IgnoreCase)]
    private static partial Regex ChapterLabelRegex();

    /// <summary>
    /// A short line ending in a full stop right after a separator standing alone ("* * *" / "Parking on campus." over its text): how a
    /// handbook that parts its sections with separators names them; or a headline in title case so placed, as a newsletter
    /// parts its items ("~~~~~" / "Indoor Recess Calls for Cold, Wet and Smoky Days", up to a numbered heading's length). Two
    /// or more make them the document's headings.
    /// </summary>
    private static bool IsSeparatorHeading(IReadOnlyList<string> lines, int i) =>
        lines[i].Trim() is { Length: > 0 } line && (line is [.., '.'] ? line[..^1] : line) is var text
        && (line != text ? IsShortLine(text) : IsTitleCased(text) && FitsOnLine(text, NumberedHeadingMaxChars, NumberedHeadingMaxWords))
        && PreviousTextLine(lines, i) is var above && above >= 0
        && SeparatorRegex().IsMatch(lines[above]) && (above == 0 || string.IsNullOrWhiteSpace(lines[above - 1])) && string.IsNullOrWhiteSpace(lines[i - 1])
        && HasTextAfter(lines, i);

    /// <summary>A memo's "MEMORANDUM" line, which says what the document is, above its "TO:" and "FROM:" lines: no heading.</summary>
    [GeneratedRegex(@"^(?:INTER-?OFFICE\s+)?(?:MEMORANDUM|MEMO|M E M O R A N D U M)$")]
    private static partial Regex MemoLineRegex();

    /// <summary>
    /// A lettered sub-heading in title case ("A. Mileage Reimbursement" under "IV. PROCEDURES"), set off by a blank line,
    /// with text after it, beside its sibling ("B. Meals and Per Diem"): its text without the letter; null when the line
    /// is none. Alone, or written as a sentence ("A. Personal property. Backpacks …"), a lettered line is a clause.
    /// </summary>
    private static string? LetteredHeading(IReadOnlyList<string> lines, int k, int from)
    {
        if (!IsSetOff(lines, k, from) || LetteredLineRegex().Match(lines[k]) is not { Success: true } m
            || m.Groups["text"].Value.Trim() is var text && !IsLetteredHeadingText(text) || !HasTextAfter(lines, k) || IsWrappedOnto(lines, k, m.Groups["text"].Index))
        {
            return null;
        }

        var letter = m.Groups["letter"].Value[0];
        var sibling = letter == 'A' ? 'B' : (char)(letter - 1);
        var range = letter == 'A' ? Enumerable.Range(k + 1, lines.Count - k - 1) : Enumerable.Range(from, k - from);
        return range.Any(j => LetteredLineRegex().Match(lines[j]) is { Success: true } other && other.Groups["letter"].Value[0] == sibling
                              && IsLetteredHeadingText(other.Groups["text"].Value.Trim()))
            ? text
            : null;
    }

    private static bool IsLetteredHeadingText(string text) => IsShortLine(text) && IsTitleCased(text);

    /// <summary>
    /// A clause's sentence wraps onto the next line, indented to its text: in lower case ("A. Staff who drive must hold"
    /// / "   a valid licence."), or in capitals over capitals, as a memo typed in capitals wraps, where every line reads as a
    /// title ("A. ONLY EMPLOYEES WHO HAVE BEEN APPROVED BY THE" / "   TRANSPORTATION OFFICE MAY DRIVE A DISTRICT VEHICLE.").
    /// </summary>
    private static bool IsWrappedOnto(IReadOnlyList<string> lines, int k, int textColumn) =>
        k + 1 < lines.Count && lines[k + 1].TrimStart() is { Length: > 0 } next && Untabbed(lines[k + 1]).Length - next.Length == Untabbed(lines[k][..textColumn]).Length
        && (char.IsLower(next[0]) || !lines[k].Any(char.IsLower) && !next.Any(char.IsLower) && next.Any(char.IsLetter));

    [GeneratedRegex(@"^\s*(?<letter>[A-Z])\.[ \t]+(?<text>\p{Lu}.*)$")]
    private static partial Regex LetteredLineRegex();

    /// <summary>
    /// The short plain lines that head sections: a short line ("Daily Cleaning"), starting with a capital, with no closing
    /// punctuation, after a blank line and followed by text that is not another such line. The text may follow right
    /// under it when it starts a sentence (a capital, a digit, a bullet), not when it carries the line on in lower case
    /// (the first line of a wrapped paragraph). In a document written a paragraph per line with no blank lines between
    /// them (as a word processor's plain-text export writes it), a line that ends a sentence stands for the blank line.
    /// The first line of text is not a heading unless it is numbered ("1. Purpose"): it is a subtitle, or the
    /// organisation's line when the title is found under it (<paramref name="titleLine"/>). Then the line right under
    /// the title is a subtitle too ("Human Resources Department – Revised July 2024").
    /// </summary>
    private static HashSet<int> PlainHeadings(IReadOnlyList<string> lines, int from, bool paragraphPerLine, Dictionary<int, string?> tables,
        int? titleLine)
    {
        var text = Enumerable.Range(from, lines.Count - from).Where(k => !string.IsNullOrWhiteSpace(lines[k])).ToArray();
        var subtitle = titleLine is { } t && t + 1 < lines.Count && !string.IsNullOrWhiteSpace(lines[t + 1]) ? t + 1 : -1;
        // The header block above the title ("Administrative Procedure IT-410" over "Staff Device Loans") heads nothing.
        var headings = text.Where((k, n) => (n > 0 && k != subtitle || IsNumbered(lines[k])) && !(k < titleLine) && !tables.ContainsKey(k)
                                            && IsPlainHeading(lines, from, k, paragraphPerLine, tables)).ToHashSet();
        // One line ending in a colon is a lead-in ("Please note:"); several are how the document heads its sections.
        if (headings.Count(k => IsColonHeading(lines[k])) < MinColonHeadings)
        {
            headings.RemoveWhere(k => IsColonHeading(lines[k]));
        }

        return headings;
    }

    /// <summary>An ALL-CAPS label and a colon with the section's text after it on the line: "TIMELINE: Referrals are reviewed …".</summary>
    [GeneratedRegex(@"^\s*(?<label>\p{Lu}[\p{Lu}\d &/,'’()-]{2,40}?)\s*:\s+(?<text>[\p{Lu}\d""“].*)$")]
    private static partial Regex RunInHeadingRegex();

    /// <summary>
    /// A paragraph that opens with a label in title case and a colon, its sentence run in after it ("Missed Punches and
    /// Corrections: If you forget to clock in …"), after a blank line; not a callout or a field ("Note: …", "Phone: …").
    /// </summary>
    private static Match? TitleRunIn(IReadOnlyList<string> lines, int k, int from) =>
        IsSetOff(lines, k, from) && TitleRunInRegex().Match(lines[k]) is { Success: true } m
        && IsTitleCased(m.Groups["label"].Value) && !CalloutRegex().IsMatch(m.Groups["label"].Value.ToUpperInvariant())
        && WordCount(m.Groups["text"].Value) >= MinRunInWords
            ? m
            : null;

    [GeneratedRegex(@"^\s*(?<label>\p{Lu}[\p{L}\d'’&/()-]*(?:[ ]+[\p{L}\d&][\p{L}\d'’&/()-]*){0,6})[ ]*:[ \t]+(?<text>[\p{Lu}\d""“].*)$")]
    private static partial Regex TitleRunInRegex();

    /// <summary>How many title-case run-in labels a document needs for them to head its sections.</summary>
    private const int MinTitleRunIns = 3;

    /// <summary>A run-in label's sentence has at least this many words ("Phone: 555-0100 ext. 4" is a field).</summary>
    private const int MinRunInWords = 5;

    /// <summary>
    /// A label that marks a line inside a section rather than heading one: a callout ("NOTE: …", "IMPORTANT: …") or a
    /// memo's or a contact's field ("FROM: …", "PHONE: …").
    /// </summary>
    [GeneratedRegex(@"^(?:NOTE|NOTES|PLEASE NOTE|IMPORTANT|REMINDER|WARNING|CAUTION|TIP|EXAMPLE|EXCEPTION|REMEMBER|ATTENTION|NB|PS|FYI|FROM|DATE|SUBJECT|SUBJ|CC|BCC|ATTN|PHONE|TEL|FAX|EMAIL|E-MAIL|EXT|WEB|WEBSITE|ADDRESS|ROOM|OFFICE)$")]
    private static partial Regex CalloutRegex();

    /// <summary>How many "Dress code:" lines a document needs for them to head its sections.</summary>
    private const int MinColonHeadings = 2;

    /// <summary>
    /// A short line ending in a colon ("Dress code:") that is no common lead-in ("Please note:", "For example:"); it heads
    /// a section when its text follows (not a list: "To report an absence:" over numbered steps is a lead-in).
    /// </summary>
    private static bool IsColonHeading(string line)
    {
        var trimmed = line.Trim();
        return trimmed.Length > 1 && trimmed[^1] == ':' && IsShortLine(trimmed[..^1]) && !LeadInRegex().IsMatch(trimmed);
    }

    /// <summary>
    /// The document is written a paragraph per line (not wrapped at a width): nearly all its lines that are not short
    /// heading-like lines or bullets end a sentence.
    /// </summary>
    private static bool IsParagraphPerLine(IReadOnlyList<string> lines, int from, Dictionary<int, string?> tables)
    {
        var sentences = Enumerable.Range(from, lines.Count - from)
            .Where(k => !string.IsNullOrWhiteSpace(lines[k]) && !tables.ContainsKey(k) && !IsShortLine(lines[k]) && !DocumentParser.TryBullet(lines[k], true, out _, out _))
            .ToArray();
        return sentences.Length > 0 && sentences.Count(k => EndsSentence(lines[k])) >= ParagraphPerLineShare * sentences.Length;
    }

    /// <summary>Share of a document's long lines that must end a sentence for it to be read as written a paragraph per line.</summary>
    private const double ParagraphPerLineShare = 0.9;

    /// <summary>
    /// A short line heading the text under it (<see cref="PlainHeadings"/>). A "Label: value" line ("Last updated: August
    /// 12, 2025") is a field, not a heading, though it is short and has text under it.
    /// </summary>
    private static bool IsPlainHeading(IReadOnlyList<string> lines, int from, int i, bool paragraphPerLine, Dictionary<int, string?> tables)
    {
        if (IsFieldLine(lines[i]) && !IsNumbered(lines[i]))
        {
            return false;
        }

        // Set off: a blank line or a sentence's end above it, or its parent right above it ("3. Requirements" over "3.1 …"),
        // or a word processor's outline number with a tab after it ("1.2⇥Placement Requests").
        if (!(IsShortLine(lines[i]) && !FollowsStep(lines, i) || IsNumberedHeading(lines, i) || IsColonHeading(lines[i]) && HasTextNotList(lines, i))
            || !(i == from || string.IsNullOrWhiteSpace(lines[i - 1]) || paragraphPerLine && EndsSentence(lines[i - 1]) || HasOwnClauseNext(lines, i - 1)
                 || TabNumberedRegex().IsMatch(lines[i]) && IsNumberedHeading(lines, i)))
        {
            return false;
        }

        // Text, not another short line, follows: a block of fields ("Phone: 555-0100") or a table is text under a heading.
        var next = NextTextLine(lines, i);
        if (next < 0 || IsShortLine(lines[next]) && !IsField(lines, next) && !tables.ContainsKey(next) && !OpensClauses(lines, i))
        {
            return false;
        }

        // A sentence may open with a quotation or a bracket: '"Work day" means …'.
        var opening = lines[next].TrimStart();
        var first = opening.TrimStart(OpeningMarks) is [var letter, ..] ? letter : opening[0];
        return next > i + 1 || char.IsUpper(first) || char.IsDigit(first) || DocumentParser.TryBullet(lines[next], true, out _, out _) || tables.ContainsKey(next)
               || FirstLetteredClauseRegex().IsMatch(lines[next]);
    }

    /// <summary>A word processor's outline number and the tab it puts after it: "1.2⇥Placement Requests", "3.⇥Evaluation".</summary>
    [GeneratedRegex(@"^\d{1,2}(?:\.\d{1,2}){0,3}\.?\t+\S")]
    private static partial Regex TabNumberedRegex();

    /// <summary>Quotation marks and brackets a sentence may open with.</summary>
    private static readonly char[] OpeningMarks = ['"', '\'', '“', '‘', '«', '(', '['];

    /// <summary>
    /// A numbered section heading: a numbered line of up to <see cref="NumberedHeadingMaxWords"/> words (a policy's
    /// headings can be long: "3. Footwear in science labs, kitchens, workshops and on the playground"), starting with a
    /// capital, with no closing punctuation, whose text does not go on with another numbered line or a bullet (that is
    /// a numbered list: its items are steps, not headings), unless that line is its own first clause ("2. Scope" over
    /// "2.1 This policy applies…").
    /// </summary>
    private static bool IsNumberedHeading(IReadOnlyList<string> lines, int i)
    {
        var line = lines[i].Trim();
        var heading = DocumentParser.CleanHeading(line);
        if (heading.Length == line.Length || heading.Length is 0 or > NumberedHeadingMaxChars || WordCount(heading) > NumberedHeadingMaxWords
            || !char.IsUpper(heading[0]) || ".!?,;:".Contains(heading[^1]))
        {
            return false;
        }

        return !IsWrappedClause(lines, i) && (IsLabelledSection(line)
               || (HasTextNotList(lines, i) || HasOwnClauseNext(lines, i) || FollowsSiblingHeading(lines, i) || IsTitledClause(line, heading)
                   || OpensLetteredClauses(lines, i, heading)) && !FollowsStep(lines, i));
    }

    /// <summary>
    /// A section named in title case over its lettered clauses, each a sentence ("3. Mileage Reimbursement" over "a.
    /// Employees who use a personal vehicle … are reim-" / "bursed at the IRS rate"), as a regulation copied out of a PDF
    /// reads: a heading though its text is a list; a step's sub-steps say what to do in a few words ("a. Attach the note").
    /// </summary>
    private static bool OpensLetteredClauses(IReadOnlyList<string> lines, int i, string heading)
    {
        var next = NextTextLine(lines, i);
        if (next < 0 || !IsTitleCased(heading) || WordCount(heading) > TitledClauseMaxWords || FirstLetteredClauseRegex().Match(lines[next]) is not { Success: true } clause)
        {
            return false;
        }

        var text = clause.Groups["text"].Value;
        return EndsSentence(text) || next + 1 < lines.Count && !string.IsNullOrWhiteSpace(lines[next + 1]) && WordCount(text) >= MinClauseWords;
    }

    /// <summary>A clause lettered "a." (or "a)") starting with a capital, its text captured.</summary>
    [GeneratedRegex(@"^\s*a[.)]\s+(?<text>[""“(]?\p{Lu}.*)$")]
    private static partial Regex FirstLetteredClauseRegex();

    /// <summary>How many words the first line of a lettered clause that wraps must have to be a sentence, not a label.</summary>
    private const int MinClauseWords = 6;

    /// <summary>
    /// A numbered clause whose sentence wraps onto the next line, indented to its text ("3.2.3  Each dose is recorded on the
    /// Individual Medication" / "            Log, Form 5141.21-F2, …"): a clause, not a heading over text.
    /// </summary>
    private static bool IsWrappedClause(IReadOnlyList<string> lines, int i)
    {
        if (i + 1 >= lines.Count || string.IsNullOrWhiteSpace(lines[i + 1]) || HangingTextRegex().Match(Untabbed(lines[i])) is not { Success: true } m)
        {
            return false;
        }

        var next = Untabbed(lines[i + 1]);
        var indent = next.Length - next.TrimStart().Length;
        return indent == m.Groups["text"].Index && indent > m.Groups["indent"].Length;
    }

    private static string Untabbed(string line) => line.Replace("\t", "    ", StringComparison.Ordinal);

    /// <summary>A numbered line's indentation and where its text starts after the number: "     3.2.3  Each dose …".</summary>
    [GeneratedRegex(@"^(?<indent>[ ]*)\S+[ ]+(?<text>\S)")]
    private static partial Regex HangingTextRegex();

    /// <summary>
    /// A clause named in title case ("3.1⇥Library Checkout" over "•⇥Checkout limits by grade:"): a heading though its text is
    /// a list; a sub-step says what to do ("1.1 Attach the doctor's note").
    /// </summary>
    private static bool IsTitledClause(string line, string heading) =>
        SubClauseRegex().IsMatch(line) && WordCount(heading) <= TitledClauseMaxWords && heading.Any(char.IsLower) && IsTitleCased(heading);

    private const int TitledClauseMaxWords = 8;

    /// <summary>
    /// A line that names itself a section ("Section 3: Fair Use in the Classroom", "Part II – Leave", "Article 4. Pay"):
    /// a heading whether its text is a list of numbered clauses or not, and no step of the list above it.
    /// </summary>
    private static bool IsLabelledSection(string line) => LabelledSectionRegex().IsMatch(line);

    [GeneratedRegex(@"^\s*(?:Section|Part|Article|Chapter)\s+(?:\d{1,3}(?:\.\d{1,3})*|(?-i:[IVX]{1,5}))\s*[–—:.-]\s+\S", RegexOptions.IgnoreCase)]
    private static partial Regex LabelledSectionRegex();

    /// <summary>
    /// A clause whose text is a list ("3.2 What Not to Do" over "- Do not interview the student") is a heading all the
    /// same when the clause before it ("3.1 Responding to a Disclosure") is one: numbered alike, they head alike.
    /// </summary>
    private static bool FollowsSiblingHeading(IReadOnlyList<string> lines, int i)
    {
        if (SubClauseRegex().Match(lines[i]) is not { Success: true } clause || !int.TryParse(clause.Groups[2].ValueSpan, out var number) || number < 2)
        {
            return false;
        }

        for (var k = i - 1; k >= 0; k--)
        {
            if (SubClauseRegex().Match(lines[k]) is { Success: true } before && before.Groups[1].ValueSpan.SequenceEqual(clause.Groups[1].ValueSpan)
                && int.TryParse(before.Groups[2].ValueSpan, out var previous) && previous == number - 1)
            {
                return IsNumberedHeading(lines, k);
            }
        }

        return false;
    }

    /// <summary>A clause of two numbers, both captured: "3.2 What Not to Do" → "3", "2".</summary>
    [GeneratedRegex(@"^\s*(\d{1,3})\.(\d{1,3})\.?\s")]
    private static partial Regex SubClauseRegex();

    /// <summary>
    /// A parent heading over its own first clause, which has text under it, or opens clauses of its own: "3. Requirements"
    /// over "3.1 Annual hours" and its text, "2. During the Placement" over "2.1 Responsibilities" over "2.1.1 Schedule" and
    /// its text (not "1. Complete the form" over "1.1 Attach the note" and "2. Send it": steps).
    /// </summary>
    private static bool OpensClauses(IReadOnlyList<string> lines, int i) =>
        HasOwnClauseNext(lines, i) && NextTextLine(lines, i) is var next && (HasTextNotList(lines, next) || OpensClauses(lines, next));

    /// <summary>The next line with text is a clause numbered under this line's number: "2.1 …" under "2. Scope".</summary>
    private static bool HasOwnClauseNext(IReadOnlyList<string> lines, int i) =>
        NextTextLine(lines, i) is var next && next > 0 && IsClauseOf(lines[i], lines[next]);

    /// <summary>
    /// <paramref name="line"/> is a clause numbered under <paramref name="parent"/>'s number: "2.1 …" of "2. Scope",
    /// "2.1.1 …" of "2.1 Instructional Responsibilities".
    /// </summary>
    private static bool IsClauseOf(string parent, string line) =>
        LeadingNumberRegex().Match(parent) is { Success: true } number
            ? ClauseNumberRegex().Match(line) is { Success: true } clause && clause.Groups[1].ValueSpan.SequenceEqual(number.Groups[1].ValueSpan)
            : OutlineNumberRegex().Match(parent) is { Success: true } outer && OutlineNumberRegex().Match(line) is { Success: true } inner
              && inner.Groups["number"].Value.StartsWith(outer.Groups["number"].Value + ".", StringComparison.Ordinal)
              && inner.Groups["number"].Value.Count(c => c == '.') == outer.Groups["number"].Value.Count(c => c == '.') + 1;

    /// <summary>An outline number of two or more parts, captured without a closing full stop: "2.1", "2.1.1.".</summary>
    [GeneratedRegex(@"^\s*(?<number>\d{1,3}(?:\.\d{1,3})+)\.?\s")]
    private static partial Regex OutlineNumberRegex();

    [GeneratedRegex(@"^\s*(\d{1,3})(?:\.0|[.)])?\s")]
    private static partial Regex LeadingNumberRegex();

    /// <summary>A clause's number, its first part captured: "2.1 …" → "2" ("2.0 Scope" is section 2, no clause).</summary>
    [GeneratedRegex(@"^\s*(\d{1,3})\.(?!0\b)\d{1,3}")]
    private static partial Regex ClauseNumberRegex();

    /// <summary>
    /// A numbered or lettered clause, which starts a passage of its own: "3.2 The district's form…", "4.1.2 “Parent”
    /// means…", "B. Personal property. Backpacks…", "b. Mileage is calculated from…".
    /// </summary>
    [GeneratedRegex(@"^\s*(?:\d{1,3}(?:\.\d{1,3})+\.?|[A-Z]\.|[a-z][.)])\s+[""“(]?\p{Lu}")]
    private static partial Regex ClauseRegex();

    [GeneratedRegex(@"^\s*[a-z][.)]\s")]
    private static partial Regex LowerLetteredRegex();

    /// <summary>
    /// A numbered line right after another numbered line of one level ("3. Wear the badge" after "2. Show your ID", blank
    /// lines between or not) is the last step of a list, not a heading, even with text after it. A clause right under
    /// the heading it belongs to ("3.1 Annual hours" under "3. Requirements", <see cref="OpensClauses"/>) is no step.
    /// </summary>
    private static bool FollowsStep(IReadOnlyList<string> lines, int i)
    {
        if (!IsNumbered(lines[i]))
        {
            return false;
        }

        var above = PreviousTextLine(lines, i);
        return above >= 0 && (DocumentParser.IsStepLine(lines[above]) ? !OpensClauses(lines, above) : FollowsSubStep(lines, i, above));
    }

    /// <summary>
    /// "2. Send it to HR" right after "1.1 Attach the doctor's note", a sub-step of the step "1. Complete the form": the
    /// next step. Not when "1." heads text ("2. Scope" over "2.1 This policy applies to all employees." is a heading, and
    /// so is the "3. Claims" after it).
    /// </summary>
    private static bool FollowsSubStep(IReadOnlyList<string> lines, int i, int above)
    {
        if (LeadingNumberRegex().Match(lines[i]) is not { Success: true } number || !int.TryParse(number.Groups[1].ValueSpan, out var n) || n < 2
            || SubClauseRegex().Match(lines[above]) is not { Success: true } clause || !int.TryParse(clause.Groups[1].ValueSpan, out var of) || of != n - 1)
        {
            return false;
        }

        for (var k = above - 1; k >= 0; k--)
        {
            if (DocumentParser.IsStepLine(lines[k]) && LeadingNumberRegex().Match(lines[k]) is { Success: true } step && int.TryParse(step.Groups[1].ValueSpan, out var s) && s == n - 1)
            {
                var next = NextTextLine(lines, k);
                return next > 0 && IsShortLine(lines[next]) && !OpensClauses(lines, k);
            }
        }

        return false;
    }


    private const int NumberedHeadingMaxWords = 12;
    private const int NumberedHeadingMaxChars = 90;

    /// <summary>The line starts with a section number ("1. Purpose", "2.0 Scope"), which a subtitle never has.</summary>
    private static bool IsNumbered(string line) => DocumentParser.CleanHeading(line.Trim()).Length < line.Trim().Length;

    /// <summary>The line ends a sentence (or a lead-in to a list): ". ! ? :", also before a closing quote or bracket.</summary>
    private static bool EndsSentence(string line)
    {
        var trimmed = line.TrimEnd().TrimEnd('"', '\'', '\u201d', '\u2019', ')');
        return trimmed.Length > 0 && ".!?:".Contains(trimmed[^1]);
    }

    /// <summary>
    /// A line short enough to be a heading: at most 8 words and 60 characters, starting with a capital, with no closing
    /// punctuation. Its numbering ("1. Purpose", "2.0 Scope", "3) Personal use") does not count: a policy numbers its
    /// sections. A bullet is never one.
    /// </summary>
    private static bool IsShortLine(string line) => FitsOnLine(line, maxChars: 60, maxWords: 8);

    /// <summary>
    /// At most <paramref name="maxChars"/> and <paramref name="maxWords"/> without its numbering, starting with a capital,
    /// with no closing punctuation, and no bullet.
    /// </summary>
    private static bool FitsOnLine(string line, int maxChars, int maxWords)
    {
        line = line.Trim();
        var text = DocumentParser.CleanHeading(line);
        return text.Length > 0 && text.Length <= maxChars && WordCount(text) <= maxWords && char.IsUpper(text[0]) && !".!?,;:".Contains(text[^1])
               && (text.Length < line.Length || !DocumentParser.TryBullet(line, true, out _, out _));
    }

    private static bool HasTextAfter(IReadOnlyList<string> lines, int i) => NextTextLine(lines, i) > 0;

    /// <summary>The next line with text is neither a bullet nor numbered.</summary>
    private static bool HasTextNotList(IReadOnlyList<string> lines, int i) =>
        NextTextLine(lines, i) is var next && next > 0 && !IsNumbered(lines[next]) && !DocumentParser.TryBullet(lines[next], true, out _, out _);

    /// <summary>The index of the last line with text before <paramref name="i"/>, or -1 (the document's first text line).</summary>
    internal static int PreviousTextLine(IReadOnlyList<string> lines, int i)
    {
        for (var k = i - 1; k >= 0; k--)
        {
            if (!string.IsNullOrWhiteSpace(lines[k]))
            {
                return k;
            }
        }

        return -1;
    }

    /// <summary>The index of the next line with text after <paramref name="i"/>, or -1.</summary>
    private static int NextTextLine(IReadOnlyList<string> lines, int i)
    {
        for (var k = i + 1; k < lines.Count; k++)
        {
            if (!string.IsNullOrWhiteSpace(lines[k]))
            {
                return k;
            }
        }

        return -1;
    }

    /// <summary>
    /// A line without Markdown's bold marks, which plain-text guidelines carry over from where they were written
    /// ("**Important:** call first", a "**Footwear**" heading line): the words stay, the asterisks go. Only paired
    /// <c>**</c> around words: "2*3*4" and a lone "*" stay.
    /// </summary>
    private static string Unbold(string line) =>
        line.Contains("**", StringComparison.Ordinal) ? BoldRegex().Replace(line, "$1")
        : StarredLineRegex().Match(line) is { Success: true } starred ? starred.Groups["text"].Value
        : line;

    /// <summary>A line in bold as a plain-text e-mail writes it, between single stars: "*1) SIGN-UP WINDOW*".</summary>
    [GeneratedRegex(@"^\s*\*(?<text>[^\s*][^*]{0,100}[^\s*])\*\s*$")]
    private static partial Regex StarredLineRegex();

    /// <summary>
    /// A page of a Sphinx manual saved as text (reStructuredText), known by a directive or a link target on a line of its
    /// own (".. note::", ".. _trip-types:"): targets, and directives that show no text of their own (".. contents::" with
    /// its ":depth: 2" options), go; an admonition's name is its callout's label (".. note::" → "Note:"); a field list's
    /// marks go (":Owner: Business Office" → "Owner: Business Office"), an item numbered "#." is a bullet, and the marks of
    /// literals and references go
    /// (<c>``SchoolPay``</c> → "SchoolPay", ":ref:`overnight-trips`" → "overnight-trips").
    /// </summary>
    private static IReadOnlyList<string> WithoutRestructuredTextMarkup(IReadOnlyList<string> lines, int from)
    {
        if (!lines.Skip(from).Any(l => RstDirectiveRegex().IsMatch(l) || RstTargetRegex().IsMatch(l)))
        {
            return lines;
        }

        var result = new List<string>(lines);
        for (var k = from; k < result.Count; k++)
        {
            var line = result[k];
            if (RstTargetRegex().IsMatch(line) || IsOverline(result, k))
            {
                result[k] = "";
            }
            else if (RstDirectiveRegex().Match(line) is { Success: true } directive)
            {
                var name = directive.Groups["name"].Value.ToLowerInvariant();
                if (RstAdmonitionRegex().IsMatch(name))
                {
                    result[k] = $"{DocumentParser.Capitalised(name)}: {directive.Groups["text"].Value}".TrimEnd();
                    continue;
                }

                result[k] = "";
                for (var j = k + 1; j < result.Count && RstOptionRegex().IsMatch(result[j]); j++)
                {
                    result[k = j] = "";
                }
            }
            else
            {
                result[k] = RstInlineRegex().Replace(RstFieldRegex().Replace(RstAutoNumberRegex().Replace(line, "$1- "), "$1$2:"), "${text}");
            }
        }

        return result;
    }

    /// <summary>A title's overline: a rule over a line of text with the same rule under it ("=====" / "Field Trips" / "=====").</summary>
    private static bool IsOverline(IReadOnlyList<string> lines, int k) =>
        k + 2 < lines.Count && RuleLineRegex().IsMatch(lines[k]) && lines[k + 2].TrimEnd() == lines[k].TrimEnd() && !string.IsNullOrWhiteSpace(lines[k + 1]);

    [GeneratedRegex(@"^([=\-~#*^+])\1{2,}\s*$")]
    private static partial Regex RuleLineRegex();

    /// <summary>A directive: ".. note::", ".. contents:: On this page".</summary>
    [GeneratedRegex(@"^\.\.[ ]+(?<name>[A-Za-z][\w-]*)::(?:[ ]+(?<text>.*))?$")]
    private static partial Regex RstDirectiveRegex();

    /// <summary>A link target: ".. _trip-types:".</summary>
    [GeneratedRegex(@"^\.\.[ ]+_[^:]+:\s*$")]
    private static partial Regex RstTargetRegex();

    /// <summary>The directives that are callouts, their body the text a reader sees.</summary>
    [GeneratedRegex(@"^(?:note|warning|important|tip|hint|caution|attention|danger|error|admonition|seealso)$")]
    private static partial Regex RstAdmonitionRegex();

    /// <summary>A directive's option, indented under it: "   :depth: 2".</summary>
    [GeneratedRegex(@"^[ \t]+:[\w -]+:(?:\s.*)?$")]
    private static partial Regex RstOptionRegex();

    /// <summary>An item of a list numbered by the reader ("#. Form FT-4 is approved"): a bullet.</summary>
    [GeneratedRegex(@"^(\s*)#\.[ ]+")]
    private static partial Regex RstAutoNumberRegex();

    /// <summary>A field of a field list: ":Owner: Business Office" (the name captured).</summary>
    [GeneratedRegex(@"^(\s*):(?=[^:\s][^:]{0,40}:\s)([^:]+):")]
    private static partial Regex RstFieldRegex();

    /// <summary>A literal or a role's reference: "``SchoolPay``", ":ref:`overnight-trips`", ":doc:`Travel &lt;travel&gt;`".</summary>
    [GeneratedRegex(@"``(?<text>[^`]+)``|:[a-z]+:`(?:(?<text>[^`<]+?)\s*<[^`>]+>|(?<text>[^`]+))`")]
    private static partial Regex RstInlineRegex();

    internal static int WordCount(string s) => s.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Length;

    /// <summary>
    /// The line that names the document when the first line does not: one of the next few lines of the title block (an
    /// organisation's name, its department, a code or a date around it) says what kind of document it is ("Staff
    /// Rules", "Visitor Policy", "Absence Reporting Procedures") where the first line does not; it is short like a title
    /// and has text after it. A line without a number is preferred; a coded one ("Administrative Regulation 5141.21")
    /// gives way to the subject line right under it. Null when the first line is the title.
    /// </summary>
    /// <summary>
    /// The line under a first line that numbers a chapter or part ("Chapter 6" over "Timekeeping, Pay Days and Overtime", a
    /// handbook's chapter saved on its own, no other chapter after it, though a "Part 1" may be): it names the document, and a heading underlined
    /// further down is its first section.
    /// </summary>
    private static int? ChapterNameBelow(IReadOnlyList<string> lines, int first) =>
        DocumentPartRegex().Match(lines[first]) is { Success: true } chapter && NextTextLine(lines, first) is var below && below > 0 && IsTitleLine(lines[below])
        && !EndsSentence(lines[below]) && !IsUnderlined(lines, below) && HasTextAfter(lines, below)
        && !lines.Skip(below + 1).Any(l => DocumentPartRegex().Match(l) is { Success: true } part
                                          && part.Groups["kind"].Value.Equals(chapter.Groups["kind"].Value, StringComparison.OrdinalIgnoreCase))
            ? below
            : null;

    /// <summary>
    /// The title underlined with <c>===</c> under a header block of short lines ("Harbor Valley Unified School District" /
    /// "Administrative Regulation 4040.2" / "Effective: August 2025" over "STAFF TECHNOLOGY … GUIDELINES" / "====="):
    /// the double underline marks the document's name, as in Markdown; the lines above stay text of the introduction.
    /// </summary>
    private static int? UnderlinedTitleBelow(IReadOnlyList<string> lines, int first)
    {
        var k = first;
        for (var n = 0; n < HeaderBlockLines && k >= 0; n++, k = NextTextLine(lines, k))
        {
            if (!IsTitleLine(lines[k]) || EndsSentence(lines[k]) || DocumentParser.TryBullet(lines[k], true, out _, out _))
            {
                return null;
            }

            // A rule across the page under a short line ("Articles: 12" over eighty "=") parts the header from the text.
            if (k > first && IsUnderlined(lines, k) && lines[k + 1].TrimStart().StartsWith('=') && lines[k + 1].Trim().Length <= 2 * lines[k].Trim().Length + MaxUnderlineOverhang)
            {
                return k;
            }
        }

        return null;
    }

    /// <summary>
    /// A first line that is a paragraph, not a title: a document that starts with its text ("All staff working a field day
    /// … are expected to dress and behave accordingly. Wear …") is named by its file.
    /// </summary>
    private static bool IsParagraphLine(string line) => WordCount(line) > MaxTitleWords && EndsSentence(line);

    /// <summary>More words than any title has (a long policy title runs to about fifteen).</summary>
    private const int MaxTitleWords = 24;

    /// <summary>How many short lines a header block above a document's title may have (organisation, office, code, dates, approval).</summary>
    private const int HeaderBlockLines = 8;

    private static int? NamedBelow(IReadOnlyList<string> lines, int first)
    {
        if (DocumentKindRegex().IsMatch(lines[first]))
        {
            return null;
        }

        // "STUDENTS" over "REPORTING OF SUSPECTED CHILD ABUSE AND NEGLECT": a board policy manual's series names the part
        // of the manual, the line under it the policy.
        if (SeriesRegex().IsMatch(lines[first]))
        {
            return NextTextLine(lines, first) is var below && below > 0 && IsTitleLine(lines[below]) && !EndsSentence(lines[below]) && HasTextAfter(lines, below)
                ? below
                : null;
        }

        int? coded = null;
        var k = first;
        for (var n = 0; n < TitleBlockLines; n++)
        {
            k = NextTextLine(lines, k);
            if (k < 0 || k > first + TitleBlockLines + 1)
            {
                break;
            }

            if (DocumentKindRegex().IsMatch(lines[k]) && IsTitleLine(lines[k]) && IsTitleCased(lines[k]) && !IsNumbered(lines[k]) && HasTextAfter(lines, k))
            {
                if (!lines[k].Any(char.IsDigit))
                {
                    // "MANDATED REPORTING OF SUSPECTED CHILD ABUSE AND NEGLECT" over "Staff Guidelines": a line that says
                    // only what kind of document it is, the subtitle of the line right above it.
                    return KindOnlyRegex().IsMatch(lines[k]) && k - 1 > first && IsTitleLine(lines[k - 1]) && IsTitleCased(lines[k - 1])
                           && !IsNumbered(lines[k - 1]) && !EndsSentence(lines[k - 1])
                        ? k - 1
                        : k;
                }

                coded ??= k;
            }
            else if (FormCodeRegex().IsMatch(lines[k]) && HasTextAfter(lines, k))
            {
                // "FORM 5141.21-F1" over "MEDICATION ADMINISTRATION AT SCHOOL": a form's number, like a regulation's code.
                coded ??= k;
            }
        }

        // "Administrative Regulation 5141.21" over "Administering Medication and Monitoring Health Conditions": the
        // line that says what it is about names it better than its code.
        if (coded is not { } code)
        {
            return null;
        }

        // "BOARD REGULATION 3350" / "Business and Noninstructional Operations" over "TRAVEL EXPENSES AND REIMBURSEMENT": the
        // series the regulation is filed under is no subject; the line under it is.
        // So is a chapter's number ("STAFF HANDBOOK 2024-2025" / "CHAPTER 7" / "PARKING, VISITORS AND CAMPUS SECURITY").
        var subject = NextTextLine(lines, code);
        var series = subject > 0 && (SeriesRegex().IsMatch(lines[subject]) || ChapterLabelRegex().IsMatch(lines[subject]));
        subject = series ? NextTextLine(lines, subject) : subject;
        // A shorter subject counts when the header's fields go on right under it ("STUDENT MEDICATION ADMINISTRATION" over
        // "Adopted: August 14, 2019").
        var headerGoesOn = subject > 0 && subject + 1 < lines.Count && IsFieldLine(lines[subject + 1]);
        return subject > 0 && (series || subject == code + 1) && IsTitleLine(lines[subject]) && (series || headerGoesOn || WordCount(lines[subject]) >= MinSubjectTitleWords)
               && !EndsSentence(lines[subject]) && !lines[subject].Any(char.IsDigit) && HasTextAfter(lines, subject)
            ? subject
            : coded;
    }

    /// <summary>
    /// The subject of a memo, and its line: the value of its "RE:" or "Subject:" line among the first lines, beside a "TO:",
    /// "FROM:" or "DATE:" line. Null when the document is no memo.
    /// </summary>
    private static (string Text, int Line)? MemoSubject(IReadOnlyList<string> lines, int from)
    {
        var head = Enumerable.Range(from, lines.Count - from).Where(k => !string.IsNullOrWhiteSpace(lines[k])).Take(MemoHeadLines).ToArray();
        // An e-mail pasted without its other fields opens with its subject ("Subject: Staff Parking Permits for 2024-25");
        // a forwarded one may open with a note to its readers ("Hi team," … "Thanks, Dana") over the message's header.
        if (GreetingRegex().IsMatch(lines[from]))
        {
            head = Enumerable.Range(from, lines.Count - from).Where(k => !string.IsNullOrWhiteSpace(lines[k])).Take(ForwardedHeadLines).ToArray();
        }

        if (head.FirstOrDefault(k => MemoSubjectRegex().IsMatch(lines[k]), -1) is not (>= 0 and var at)
            || !head.Any(k => MemoFieldRegex().IsMatch(lines[k])) && !(at == head[0] && SubjectLineRegex().IsMatch(lines[at])))
        {
            return null;
        }

        // A subject too long for its line wraps onto the next, indented to its text ("RE:       Administrative Procedure
        // 5141.21-AP, Administering Medication" / "          to Students (Revised)").
        var subject = MemoSubjectRegex().Match(lines[at]).Groups[1];
        var first = subject.Value.Trim();
        var text = first;
        for (var k = at + 1; k < lines.Count && !string.IsNullOrWhiteSpace(lines[k]) && Untabbed(lines[k]) is var next
                            && next.Length - next.TrimStart().Length == Untabbed(lines[at][..subject.Index]).Length; k++)
        {
            text += " " + next.Trim();
        }

        return IsTitleLine(text) ? (text, at) : IsTitleLine(first) ? (first, at) : null;
    }

    /// <summary>How many lines with text a memo's header may take (organisation, its address, "MEMORANDUM" or a notice's banner, to, from, date, subject, cc).</summary>
    private const int MemoHeadLines = 10;

    /// <summary>How many lines with text a note over a forwarded message and the message's header may take together.</summary>
    private const int ForwardedHeadLines = 20;

    /// <summary>A greeting on its own line: "Hi team,", "Hello all,", "Good morning,", "Dear colleagues,".</summary>
    [GeneratedRegex(@"^\s*(?:hi|hello|hey|dear|good (?:morning|afternoon|evening)|greetings)\b[^.!?]{0,40},\s*$", RegexOptions.IgnoreCase)]
    private static partial Regex GreetingRegex();

    /// <summary>
    /// A memo's or a forwarded e-mail's subject line, without the reply and forward marks ("Subject: FW: Vehicle use
    /// procedures"); a bilingual memo names its fields twice ("SUBJECT / ASUNTO:", "TO / PARA:").
    /// </summary>
    [GeneratedRegex(@"^\s*(?:RE|Re|SUBJECT|Subject|SUBJ)(?:\s*/\s*\p{L}+)?\s*:\s+(?:(?:FWD?|Fwd?|RE|Re)\s*:\s*)*(\S.*)$")]
    private static partial Regex MemoSubjectRegex();

    [GeneratedRegex(@"^\s*(?:TO|To|FROM|From|DATE|Date|CC|Cc)(?:\s*/\s*\p{L}+)?\s*:\s+\S")]
    private static partial Regex MemoFieldRegex();

    [GeneratedRegex(@"^\s*(?:SUBJECT|Subject|SUBJ)(?:\s*/\s*\p{L}+)?\s*:")]
    private static partial Regex SubjectLineRegex();

    /// <summary>
    /// As long as a title may be: longer than a heading ("Staff Guidelines for Bus Duty, Student Transportation and
    /// Dismissal", "Professional Development, Conferences and Continuing-Education Credits"), still one line that starts
    /// with a capital and does not end a sentence.
    /// </summary>
    private static bool IsTitleLine(string line) => FitsOnLine(line, maxChars: 100, maxWords: 14);

    /// <summary>A title under a coded one ("Board Policy 4040") has at least this many words: "Purpose" is a heading.</summary>
    private const int MinSubjectTitleWords = 4;

    /// <summary>
    /// Written as a title: every word longer than three letters starts with a capital but a preposition, which titles
    /// keep in lower case ("Staff Attendance and Absence Reporting Procedures", "VISITOR POLICY", "Separation from
    /// Employment"); a subtitle written as a sentence ("Guidelines for staff who work from home") is not one.
    /// </summary>
    internal static bool IsTitleCased(string line) =>
        line.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)
            .Where(w => w.Count(char.IsLetter) > 3 && !TitlePrepositions.Contains(w))
            .All(w => char.IsUpper(w.First(char.IsLetter)));

    /// <summary>Prepositions of four letters or more, which a title in title case writes in lower case.</summary>
    private static readonly FrozenSet<string> TitlePrepositions = FrozenSet.Create(StringComparer.Ordinal,
        "about", "above", "across", "after", "against", "along", "among", "around", "before", "behind", "below", "beneath", "beside", "between",
        "beyond", "during", "except", "from", "inside", "into", "onto", "outside", "over", "through", "toward", "towards", "under", "until",
        "upon", "with", "within", "without");

    /// <summary>How many lines after the first a title block may have (department, title, code, date).</summary>
    private const int TitleBlockLines = 3;

    /// <summary>The words for a kind of document, as a regular expression's alternatives.</summary>
    private const string KindWords = @"polic(?:y|ies)|guidelines?|rules|handbook|procedures?|standards|faqs?|manual|protocols?|regulations?|guide|expectations";

    /// <summary>A line that could name a document: written as a title, with a word for a kind of document in it ("Attendance Procedures for Teachers").</summary>
    internal static bool NamesDocument(string line) => IsTitleLine(line) && DocumentKindRegex().IsMatch(line);

    /// <summary>A line written as a title of a few words, with no number or date in it ("Student Photos, Media Release, and News Media on Campus").</summary>
    internal static bool ReadsAsTitle(string line) =>
        IsTitleLine(line) && IsTitleCased(line) && WordCount(line) >= MinSubjectTitleWords && !line.Any(char.IsDigit);

    /// <summary>A form's number on a line of its own: "FORM 5141.21-F1", "Form No. HR-22".</summary>
    [GeneratedRegex(@"^\s*form\s+(?:no\.?\s*|#\s*)?[A-Z]{0,4}[-\s]?\d[\w.\-/]*\s*$", RegexOptions.IgnoreCase)]
    private static partial Regex FormCodeRegex();

    /// <summary>A word that says what kind of document a title names.</summary>
    [GeneratedRegex(@"\b(?:" + KindWords + @"|code of conduct|dress code|frequently asked questions|questions (?:and|&) answers)\b|\bQ ?& ?A\b", RegexOptions.IgnoreCase)]
    private static partial Regex DocumentKindRegex();

    /// <summary>
    /// A line that names no subject, only the kind of document and its readers ("Staff Guidelines", "Guidelines for
    /// Employees", "Administrative Procedures").
    /// </summary>
    [GeneratedRegex(@"^\s*(?:(?:staff|employee|teacher|district|administrative|board|general)\s+)?(?:" + KindWords + @")(?:\s+for\s+(?:all\s+)?(?:staff|employees|teachers))?\s*$", RegexOptions.IgnoreCase)]
    private static partial Regex KindOnlyRegex();

    /// <summary>
    /// A line of a block of labelled fields, as contact details and dates are written ("Phone: 555-0100" /
    /// "Email: hr@example.org" / "Office hours: 8–4"): a short "Label: value" line beside another.
    /// </summary>
    private static bool IsField(IReadOnlyList<string> lines, int i) =>
        IsFieldLine(lines[i]) && (i > 0 && IsFieldLine(lines[i - 1]) || i + 1 < lines.Count && IsFieldLine(lines[i + 1]));

    /// <summary>A "Label: value" line that is no <c>Q:</c> or <c>A:</c> label.</summary>
    private static bool IsFieldLine(string line) => FieldRegex().IsMatch(line) && !QuestionRegex().IsMatch(line) && !AnswerRegex().IsMatch(line);

    /// <summary>A short "Label: value" line: a label of up to four words with a capital, a colon, a value.</summary>
    [GeneratedRegex(@"^\s*\p{Lu}[\p{L}'’&/.-]*(?: [\p{L}'’&/.-]+){0,3}:[ \t]+\S.{0,70}$")]
    private static partial Regex FieldRegex();

    /// <summary>
    /// A copy out of a PDF repeats the page's running header or footer beside its page numbers ("Pine Ridge Public Schools
    /// – Staff Handbook    Section 5.4" by each "Page 2 of 5"): such a line, found within <see cref="RunningHeaderReach"/>
    /// lines of a page number at least twice, is blanked wherever it stands, the first page's copy at the top included;
    /// so is a header in tabbed columns that opens the text and comes back twice or more without page numbers.
    /// </summary>
    private static IReadOnlyList<string> WithoutRunningHeaders(IReadOnlyList<string> lines, int from)
    {
        var nearPageNumbers = new Dictionary<string, int>(StringComparer.Ordinal);
        var near = new HashSet<string>(StringComparer.Ordinal);
        var lastMarker = int.MinValue / 2;
        void Count()
        {
            foreach (var key in near)
            {
                nearPageNumbers[key] = nearPageNumbers.GetValueOrDefault(key) + 1;
            }

            near.Clear();
        }

        for (var k = from; k < lines.Count; k++)
        {
            if (!PageMarkerRegex().IsMatch(lines[k]))
            {
                continue;
            }

            // One page break's markers ("-1-" over "BP 4140 … Page 1 of 7") count its lines once: the text that ends one
            // page and starts the next is no running header.
            if (k - lastMarker > RunningHeaderReach)
            {
                Count();
            }

            lastMarker = k;
            for (var j = Math.Max(from, k - RunningHeaderReach); j <= Math.Min(lines.Count - 1, k + RunningHeaderReach); j++)
            {
                if (!PageMarkerRegex().IsMatch(lines[j]) && RunningHeaderKey(lines[j]) is { } key)
                {
                    near.Add(key);
                }
            }
        }

        Count();

        var headers = nearPageNumbers.Where(kv => kv.Value >= 2).Select(kv => kv.Key).ToHashSet(StringComparer.Ordinal);
        // A word processor's page header copied with no page number ("North Harlow Public Schools⇥Supervision Handbook⇥Rev.
        // 08/2024" where each page starts): the first line of text, in columns set apart by tabs, found again on two more lines.
        var first = NextTextLine(lines, from - 1);
        if (first >= 0 && lines[first].Trim().Contains('\t', StringComparison.Ordinal) && RunningHeaderKey(lines[first]) is { } top
            && lines.Skip(first + 1).Count(l => RunningHeaderKey(l) == top) >= 2)
        {
            headers.Add(top);
        }

        return headers.Count == 0
            ? lines
            : [.. lines.Select((l, k) => k >= from && RunningHeaderKey(l) is { } key && headers.Contains(key) ? "" : l)];
    }

    /// <summary>
    /// A draft copied out of a word processor with its reviewers' comments: each comment's mark in the text ("in North
    /// Harlow[JS2];") and the comments themselves, listed at the end ("[JS2]Jamie Smith: do we still require …"), go. Only
    /// marks that a listed comment answers, so "[A1]" in a text with no such list stays.
    /// </summary>
    private static IReadOnlyList<string> WithoutReviewComments(IReadOnlyList<string> lines, int from)
    {
        var comments = Enumerable.Range(from, lines.Count - from).Select(k => (Line: k, Mark: ReviewCommentRegex().Match(lines[k])))
            .Where(c => c.Mark.Success).ToArray();
        if (comments.Length == 0)
        {
            return lines;
        }

        // The comments are listed at the end: after the first of the list, only comments (and blank lines) follow. A
        // comment pasted into the text above the list ("[JS10]Jane Smith: …" under the line marked "[JS10]") goes too
        // when its mark stands in the text.
        var commentAt = comments.Select(c => c.Line).ToHashSet();
        var lastText = Enumerable.Range(from, lines.Count - from).LastOrDefault(k => !string.IsNullOrWhiteSpace(lines[k]) && !commentAt.Contains(k), from - 1);
        var listed = Array.FindIndex(comments, c => c.Line > lastText);
        if (listed < 0)
        {
            return lines;
        }

        var firstListed = comments[listed].Line;
        var text = string.Join('\n', lines.Where((l, k) => k >= from && !commentAt.Contains(k)));
        comments = [.. comments.Where((c, i) => i >= listed || text.Contains(c.Mark.Groups["mark"].Value, StringComparison.Ordinal))];
        var marks = comments.Select(c => c.Mark.Groups["mark"].Value).ToHashSet(StringComparer.Ordinal);
        var commentLines = comments.Select(c => c.Line).ToHashSet();

        var anchored = lines.Where((l, k) => k >= from && !commentLines.Contains(k) && l.Contains('[', StringComparison.Ordinal))
            .SelectMany(l => CommentMarkRegex().Matches(l)).Count(m => marks.Contains(m.Value));
        if (anchored == 0)
        {
            return lines;
        }

        var result = new List<string>(lines);
        for (var k = from; k < result.Count; k++)
        {
            result[k] = commentLines.Contains(k) ? ""
                : result[k].Contains('[', StringComparison.Ordinal) ? CommentMarkRegex().Replace(result[k], m => marks.Contains(m.Value) ? "" : m.Value)
                : result[k];
        }

        // The rule drawn over the list of comments.
        var above = firstListed - 1;
        while (above >= from && string.IsNullOrWhiteSpace(result[above]))
        {
            above--;
        }

        if (above >= from && SeparatorRegex().IsMatch(result[above]))
        {
            result[above] = "";
        }

        return result;
    }

    /// <summary>
    /// A text copied out of a PDF with footnotes: the marks in the text ("a conflict of interest¹", "materials online[5]")
    /// go, as they glue a number to a word, and each note at the foot of a page keeps its words without its mark
    /// ("¹ See BP 9270 …" → "See BP 9270 …"). Only marks that a note at a page's foot answers; a note marked "[5]" only
    /// under the footnote rule.
    /// </summary>
    private static IReadOnlyList<string> WithoutFootnoteMarks(IReadOnlyList<string> lines, int from)
    {
        // A note marked with superscript digits anywhere; one marked "[5]" only in the block under a page's footnote rule
        // ("_____"), as a paragraph numbered "[5]" is no note.
        var underRule = false;
        var notes = new List<(int Line, Match Note)>();
        for (var k = from; k < lines.Count; k++)
        {
            underRule = SeparatorRegex().IsMatch(lines[k]) || underRule && !string.IsNullOrWhiteSpace(lines[k]);
            if (FootnoteRegex().Match(lines[k]) is { Success: true } note && (underRule || note.Groups["mark"].Value[0] != '['))
            {
                notes.Add((k, note));
            }
        }

        if (notes.Count == 0)
        {
            return lines;
        }

        var marks = notes.Select(n => n.Note.Groups["mark"].Value).ToHashSet(StringComparer.Ordinal);
        var noteLines = notes.ToDictionary(n => n.Line, n => n.Note);
        var result = lines.ToArray();
        var marked = false;
        for (var k = from; k < result.Length; k++)
        {
            if (noteLines.TryGetValue(k, out var note))
            {
                result[k] = note.Groups["text"].Value;
                continue;
            }

            // (A square or a cube after a unit is no mark: "900 ft²".)
            var line = result[k];
            var text = FootnoteMarkRegex().Replace(line, m => marks.Contains(m.Groups["mark"].Value) && !(m.Value is "²" or "³" && UnitRegex().IsMatch(line.AsSpan(0, m.Index))) ? "" : m.Value);
            (marked, result[k]) = (marked || text.Length != result[k].Length, text);
        }

        return marked ? result : lines;
    }

    /// <summary>A note at a page's foot: its mark (superscript digits, or a number in brackets) and its words.</summary>
    [GeneratedRegex(@"^\s*(?<mark>[¹²³⁴⁵⁶⁷⁸⁹⁰]+|\[\d{1,2}\])\s+(?<text>\p{Lu}.*)$")]
    private static partial Regex FootnoteRegex();

    /// <summary>A footnote's mark right after a word or its punctuation: "interest¹", "online[5]".</summary>
    [GeneratedRegex(@"(?<=[\p{L}\d.,;:)”""'])(?<mark>[¹²³⁴⁵⁶⁷⁸⁹⁰]+|\[\d{1,2}\])")]
    private static partial Regex FootnoteMarkRegex();

    /// <summary>
    /// A scan read by OCR writes the letter O of a word in capitals as a zero ("PURPOSE AND SC0PE", "SIGN-0UT"): in a word
    /// of capital letters, a zero between two of them, or at its start before two, is the letter. Only on lines with no
    /// lower-case letter (headings, mostly), where a code such as "AP0123" has digits beside its zero.
    /// </summary>
    private static IReadOnlyList<string> WithoutScannedZeros(IReadOnlyList<string> lines, int from)
    {
        string[]? result = null;
        for (var k = from; k < lines.Count; k++)
        {
            if (lines[k].Contains('0', StringComparison.Ordinal) && !lines[k].Any(char.IsLower) && ScannedZeroRegex().IsMatch(lines[k]))
            {
                result ??= [.. lines];
                result[k] = ScannedZeroRegex().Replace(lines[k], "O");
            }
        }

        return result ?? lines;
    }

    /// <summary>A zero read for the letter O inside a word in capitals: "SC0PE", "H0LLOW", "-0UT".</summary>
    [GeneratedRegex(@"(?<=\p{Lu})0(?=\p{Lu})|(?<=^|[\s-])0(?=\p{Lu}{2})")]
    private static partial Regex ScannedZeroRegex();

    /// <summary>A number and a unit of length that a square or a cube follows, at the end of the text before it: "900 ft", "20m".</summary>
    [GeneratedRegex(@"\d\s*(?:ft|feet|foot|m|cm|mm|km|in|yd|mi|sq)\.?$", RegexOptions.IgnoreCase)]
    private static partial Regex UnitRegex();

    /// <summary>A reviewer's comment as a word processor lists it: its mark, then the reviewer's name and words ("[JS2]Jamie Smith: …").</summary>
    [GeneratedRegex(@"^\s*(?<mark>\[\p{Lu}{1,4}\d{1,3}\])\s*\p{Lu}[^:\n]{0,40}:")]
    private static partial Regex ReviewCommentRegex();

    /// <summary>A reviewer's comment mark in the text, right after a word: the reviewer's initials and the comment's number in brackets ("Harlow[JS2]").</summary>
    [GeneratedRegex(@"(?<=[\p{L}\d.,;:)”""'])\[\p{Lu}{1,4}\d{1,3}\]")]
    private static partial Regex CommentMarkRegex();

    /// <summary>
    /// The text part of a newsletter sent through a mailing-list service (Mailchimp), known by its unsubscribe link: it
    /// marks its headlines and buttons with "** " ("** KEY DATES", "** Open the Staff Checkout Form (https://…)"); the
    /// marks go.
    /// </summary>
    private static IReadOnlyList<string> WithoutMailingListMarks(IReadOnlyList<string> lines, int from) =>
        !lines.Skip(from).Any(IsUnsubscribeLink)
            ? lines
            : [.. lines.Select((l, k) => k >= from && l.Contains("** ", StringComparison.Ordinal) ? MailingListMarkRegex().Replace(l, "") : l)];

    /// <summary>
    /// A web page copied out of a browser: its navigation above the title ("Skip to main content", "Home > Departments >
    /// Human Resources", "Search", "Menu", "Print | Share", or an e-mail's "View this email in your browser") and its footer from the copyright line on ("© 2025 Lakeside
    /// Unified School District", "Privacy Policy | Accessibility | Site Map", "Powered by Finalsite") are blanked: neither
    /// is guideline text, and the navigation took the title.
    /// </summary>
    private static IReadOnlyList<string> WithoutPageChrome(IReadOnlyList<string> lines, int from)
    {
        var text = Enumerable.Range(from, lines.Count - from).Where(k => !string.IsNullOrWhiteSpace(lines[k])).ToArray();
        var top = text.Take(MaxChromeLines).TakeWhile(k => PageChromeRegex().IsMatch(lines[k])).ToArray();
        // (A page copied whole: its header, the short lines above its first paragraph, holds the site's own lines, a search
        // box, a menu, "Print", "Mark as done".)
        int[] header = text.Length > 0 && SkipLinkRegex().IsMatch(lines[text[0]]) ? [.. text.TakeWhile(k => IsPageHeaderLine(lines[k]))] : [];
        if (header.Skip(1).Count(k => IsPageFurniture(lines[k])) >= MinPageFurniture)
        {
            if (PageTitleUnderHeader(lines, header, text.Length) is { } title)
            {
                // Copied from its skip link on, the page's header (its menus, a breadcrumb, a side menu) reaches down to its
                // title; its "Print", "Share", an image's text and an assignment's due date under the title go too.
                top = [.. header.Where(k => k < title || k > title && IsPageFurniture(lines[k]))];
            }

            // The page's buttons anywhere on it ("Previous", "Next", "Mark as done", "Back to top") go, and so do the words
            // a learning platform adds after a link for screen readers ("SafeSchools Links to an external site. and take").
            top = [.. top.Concat(text.Where(k => PageButtonRegex().IsMatch(lines[k])))];
            lines = [.. lines.Select((l, k) => k >= from && l.Contains(ExternalLinkNote, StringComparison.Ordinal) ? l.Replace(" " + ExternalLinkNote, "", StringComparison.Ordinal).Replace(ExternalLinkNote, "", StringComparison.Ordinal) : l)];
        }

        var footer = text.TakeLast(MaxChromeLines).FirstOrDefault(k => CopyrightLineRegex().IsMatch(lines[k]));
        if (footer == 0 && text.TakeLast(MaxMailFooterLines).Any(k => IsUnsubscribeLink(lines[k])))
        {
            // A newsletter sent by e-mail: its list's footer (social links, copyright, why you receive it, the list's
            // postal address, the unsubscribe link) is longer than a web page's.
            footer = text.TakeLast(MaxMailFooterLines).FirstOrDefault(k => CopyrightLineRegex().IsMatch(lines[k]) || MailFooterRegex().IsMatch(lines[k]));
        }

        if (top.Length == 0 && footer == 0)
        {
            return lines;
        }

        var chrome = top.ToHashSet();
        return [.. lines.Select((l, k) => chrome.Contains(k) || footer > 0 && k >= footer ? "" : l)];
    }

    /// <summary>
    /// The title of a page copied from its skip link on: among the short lines above its first paragraph, the last one
    /// that is neither the site's (Print, Share) nor a date ("Updated September 3, 2024"). Null when the page has no such line.
    /// </summary>
    private static int? PageTitleUnderHeader(IReadOnlyList<string> lines, int[] header, int textLines)
    {
        if (header.Length == textLines || header.Length >= MaxPageHeaderLines)
        {
            return null;
        }

        var title = header.Skip(1).LastOrDefault(k => !IsPageFurniture(lines[k]) && !PageDateRegex().IsMatch(lines[k]), -1);
        return title > 0 ? title : null;
    }

    /// <summary>A line of a page's header: a link, a name or its title, short and no sentence.</summary>
    private static bool IsPageHeaderLine(string line) =>
        WordCount(line) <= MaxPageHeaderLineWords && (!EndsSentence(line) || line.TrimEnd().EndsWith("...", StringComparison.Ordinal) || line.TrimEnd().EndsWith('…'));

    /// <summary>How many short lines a page copied from its skip link may have above its first paragraph.</summary>
    private const int MaxPageHeaderLines = 40;

    private const int MaxPageHeaderLineWords = 12;

    /// <summary>The first line of a page copied out of the browser: its skip link.</summary>
    [GeneratedRegex(@"^\s*(?:skip to (?:the )?(?:main )?content|skip navigation|skip to main)\s*$", RegexOptions.IgnoreCase)]
    private static partial Regex SkipLinkRegex();

    /// <summary>A line of a page's header that is the site's, not the page's: its search box or menu, a button, an image's text.</summary>
    private static bool IsPageFurniture(string line) =>
        PageChromeRegex().IsMatch(line) || PageButtonRegex().IsMatch(line) || PageFurnitureRegex().IsMatch(line) || SiteLinkRegex().IsMatch(line);

    /// <summary>A site's own link or box in a page's header (only there: "Login" may head a page's section): "Login", "Sign up", "Enter your search term here...".</summary>
    [GeneratedRegex(@"^\s*(?:log ?in|sign up|register|enter your search term(?: here)?(?:\.\.\.|…)?)\s*$", RegexOptions.IgnoreCase)]
    private static partial Regex SiteLinkRegex();

    /// <summary>A page copied whole has at least this many of the site's lines in its header, besides its skip link.</summary>
    private const int MinPageFurniture = 2;

    /// <summary>A page's button on a line of its own: "Previous", "Next", "Mark as done", "Back to top".</summary>
    [GeneratedRegex(@"^\s*(?:previous|next|mark as done|back to top|return to top)\s*$", RegexOptions.IgnoreCase)]
    private static partial Regex PageButtonRegex();

    /// <summary>A page's furniture under its title that names nothing: an image's text ("Banner image: …"), an assignment's "Due: … Points: 1".</summary>
    [GeneratedRegex(@"^\s*(?:(?:banner |header |hero )?image:.*|due:.*\bpoints:.*)$", RegexOptions.IgnoreCase)]
    private static partial Regex PageFurnitureRegex();

    /// <summary>What a learning platform (Canvas) writes after a link to another site, for screen readers.</summary>
    private const string ExternalLinkNote = "Links to an external site.";

    /// <summary>A page's date under its title: "Updated September 3, 2024", "Last Modified on 08/14/2025".</summary>
    [GeneratedRegex(@"^\s*(?:(?:last\s+)?(?:updated|modified|revised|reviewed)|posted|published)\b.{0,40}$", RegexOptions.IgnoreCase)]
    private static partial Regex PageDateRegex();

    /// <summary>
    /// A box drawn around a newsletter's masthead or a notice ("+------+" over "|  THE BUSINESS OFFICE BRIEF  |" lines and
    /// under them): its rules are blanked and its lines keep their text, so the title in it is a title, not a line of
    /// dashes. Only a box of one column: a table drawn so ("| Item | Cost |") is read as a table. So are the two equal rules
    /// a masthead stands between at the top of the text ("=====" over "THE STAFF BRIEF" / "Weekly Employee Digest" and under them).
    /// </summary>
    private static IReadOnlyList<string> WithoutBoxes(IReadOnlyList<string> lines, int from)
    {
        List<string>? result = null;
        var top = NextTextLine(lines, from - 1);
        if (top >= 0 && SeparatorRegex().IsMatch(lines[top])
            && Enumerable.Range(top + 2, MaxMastheadLines).FirstOrDefault(j => j < lines.Count && lines[j].Trim() == lines[top].Trim()) is var bottom and > 0
            && Enumerable.Range(top + 1, bottom - top - 1).All(j => !string.IsNullOrWhiteSpace(lines[j])))
        {
            result = [.. lines];
            result[top] = result[bottom] = "";
        }

        for (var k = from; k < lines.Count; k++)
        {
            if (!BoxRuleRegex().IsMatch(lines[k]))
            {
                continue;
            }

            var end = k + 1;
            while (end < lines.Count && BoxLineRegex().IsMatch(lines[end]))
            {
                end++;
            }

            if (end == k + 1 || end == lines.Count || !BoxRuleRegex().IsMatch(lines[end]))
            {
                continue;
            }

            result ??= [.. lines];
            result[k] = "";
            result[end] = "";
            for (var j = k + 1; j < end; j++)
            {
                result[j] = BoxLineRegex().Match(lines[j]).Groups["text"].Value;
            }

            k = end;
        }

        // A heading ruled off above and below ("-----" / "FRONT OFFICE AND ATTENDANCE" / "-----", a contact card's or a
        // typed memo's): the rules go, so it stands alone as a heading does.
        for (var k = from; k + 2 < lines.Count; k++)
        {
            // (One unbroken rule: "=====  =====" rules a reStructuredText table's header.)
            if (SeparatorRegex().IsMatch(lines[k]) && !lines[k].Trim().Contains("  ", StringComparison.Ordinal) && lines[k + 2].Trim() == lines[k].Trim()
                && !string.IsNullOrWhiteSpace(lines[k + 1])
                && !SeparatorRegex().IsMatch(lines[k + 1]) && WordCount(lines[k + 1]) <= MaxRuledHeadingWords && !EndsSentence(lines[k + 1]))
            {
                result ??= [.. lines];
                result[k] = "";
                result[k + 2] = "";
                k += 2;
            }
        }

        return result ?? lines;
    }

    /// <summary>A heading ruled off above and below is short.</summary>
    private const int MaxRuledHeadingWords = 12;

    /// <summary>
    /// A poster's drawing in text: lines drawn only with box-drawing or block characters ("╔════╗", "├────┤", "█▀▀▀▀█") are
    /// blanked, a line framed by a box's sides ("║ ➤ Take the red folder. ║", "│ 📍 ASSEMBLY AREAS │") keeps its words (not
    /// a picture by a title), a
    /// headline spaced out letter by letter ("E M E R G E N C Y   E V A C U A T I O N") is written as words, and the same
    /// pictures either side of a line ("★ ★ ★   JEFFERSON MIDDLE SCHOOL   ★ ★ ★", "🔥  FIRE ALARM  🔥") go.
    /// </summary>
    private static IReadOnlyList<string> WithoutDrawing(IReadOnlyList<string> lines, int from)
    {
        if (!lines.Skip(from).Any(l => DrawnLineRegex().IsMatch(l)))
        {
            return lines;
        }

        var result = lines.ToArray();
        for (var k = from; k < result.Length; k++)
        {
            var line = result[k];
            if (DrawnLineRegex().IsMatch(line))
            {
                result[k] = "";
                continue;
            }

            if (line.Length > MaxDrawnLineChars)
            {
                continue;
            }

            var framed = FramedLineRegex().Match(line);
            line = framed.Success ? framed.Groups["text"].Value.Trim() : line;
            if (LetterSpacedRegex().IsMatch(line))
            {
                line = string.Join(' ', WideGapRegex().Split(line.Trim()).Select(word => word.Replace(" ", "", StringComparison.Ordinal)));
            }

            line = PicturedLineRegex().Match(line) is { Success: true } pictured ? pictured.Groups["text"].Value : line;
            // A picture by a box's title is no word of it ("📍 ASSEMBLY AREAS", "EMERGENCY PHONE NUMBERS ☎"); a bullet ("➤ Take …") stays.
            result[k] = framed.Success && !DocumentParser.TryBullet(line, false, out _, out _) ? PicturesAroundRegex().Replace(line, "") : line;
        }

        return result;
    }

    /// <summary>A poster's line longer than this is no box's or headline's (and its patterns would take long on it).</summary>
    private const int MaxDrawnLineChars = 300;

    /// <summary>A line drawn only with box-drawing and block characters (and spaces).</summary>
    [GeneratedRegex(@"^\s*[\u2500-\u259F](?:[\u2500-\u259F\s]*[\u2500-\u259F])?\s*$")]
    private static partial Regex DrawnLineRegex();

    /// <summary>A line between a box's sides drawn with box-drawing characters: "║ text ║", "│ text │".</summary>
    [GeneratedRegex(@"^\s*[║│┃](?<text>[^║│┃]*?)\s*[║│┃]\s*$")]
    private static partial Regex FramedLineRegex();

    /// <summary>Words spaced out letter by letter, two spaces or more between them: "E M E R G E N C Y   E V A C U A T I O N".</summary>
    [GeneratedRegex(@"^\s*(?:&\s{2,})?(?:[\p{L}&] ){3,}[\p{L}&](?:\s{2,}(?:[\p{L}&] )*[\p{L}&])*\s*$")]
    private static partial Regex LetterSpacedRegex();

    [GeneratedRegex(@"\s{2,}")]
    private static partial Regex WideGapRegex();

    [GeneratedRegex(@"^\s*(?:[\p{So}\p{Cs}\uFE0F\u200D]\s*)+(?=[\p{L}\d])|(?<=[\p{L}\d).])(?:\s*[\p{So}\p{Cs}\uFE0F\u200D])+\s*$")]
    private static partial Regex PicturesAroundRegex();

    /// <summary>A line between pictures (symbols or emoji) on both sides: "★ ★ ★   TEXT   ★ ★ ★", "🔥  FIRE ALARM  🔥".</summary>
    [GeneratedRegex(@"^(?<indent>\s*)(?:[\p{So}\p{Cs}\uFE0F]\s*)+(?<text>[\p{L}\d].*?)(?:\s*[\p{So}\p{Cs}\uFE0F])+\s*$")]
    private static partial Regex PicturedLineRegex();

    /// <summary>How many lines a masthead between rules may have.</summary>
    private const int MaxMastheadLines = 4;

    [GeneratedRegex(@"^\s*\+[-=]{3,}\+\s*$")]
    private static partial Regex BoxRuleRegex();

    [GeneratedRegex(@"^\s*\|\s*(?<text>[^|]*?)\s*\|\s*$")]
    private static partial Regex BoxLineRegex();

    /// <summary>
    /// A web page printed from a browser (to PDF, then copied as text): the browser's own header ("3/14/24, 10:02 AM" and
    /// the page's title, tab-separated) and footer (the page's address and "1/3") on every page. Known by a footer, or by
    /// two headers.
    /// </summary>
    private static bool PrintedFromBrowser(IReadOnlyList<string> lines, int from)
    {
        // Every page's footer, one address, numbered 1/n to n/n; or the same title in two headers or more.
        var footers = lines.Skip(from).Select(l => BrowserPrintFooterRegex().Match(l)).Where(m => m.Success).ToArray();
        var pages = footers.Select(f => (Address: f.Groups["address"].Value, Page: int.Parse(f.Groups["page"].Value, CultureInfo.InvariantCulture), Of: int.Parse(f.Groups["of"].Value, CultureInfo.InvariantCulture))).ToArray();
        return pages.Length > 0 && pages.All(p => p.Address == pages[0].Address && p.Of == pages.Length) && pages.Select(p => p.Page).Order().SequenceEqual(Enumerable.Range(1, pages.Length))
               || lines.Skip(from).Select(l => BrowserPrintHeaderRegex().Match(l)).Where(m => m.Success).GroupBy(m => m.Groups["title"].Value.Trim()).Any(g => g.Count() >= 2);
    }

    /// <summary>The browser's header and footer lines of a printed page, blanked (the page names itself under them).</summary>
    private static IReadOnlyList<string> WithoutBrowserPrintMarks(IReadOnlyList<string> lines, int from) =>
        [.. lines.Select((l, k) => k >= from && (BrowserPrintFooterRegex().IsMatch(l) || BrowserPrintHeaderRegex().IsMatch(l)) ? "" : l)];

    /// <summary>A gap between columns lined up with spaces: three or more. (A running header's parts may be set off by tabs.)</summary>
    [GeneratedRegex(@"\x20{3,}")]
    private static partial Regex ColumnGapRegex();

    /// <summary>A browser's print header: the date and time, then the page's title.</summary>
    [GeneratedRegex(@"^\s*\d{1,2}/\d{1,2}/\d{2,4},?[ \t]+\d{1,2}:\d{2}(?:[ \t]*[AP]M)?(?:\t+[ \t]*|\x20{3,})(?<title>\S.{0,200})$", RegexOptions.IgnoreCase)]
    private static partial Regex BrowserPrintHeaderRegex();

    /// <summary>A browser's print footer: the page's address, then the page's number of the pages ("1/3").</summary>
    [GeneratedRegex(@"^\s*(?<address>(?:https?|file)://\S+)[ \t]+(?<page>\d{1,3})/(?<of>\d{1,3})\s*$", RegexOptions.IgnoreCase)]
    private static partial Regex BrowserPrintFooterRegex();

    /// <summary>
    /// A help centre's articles exported as text (Zendesk's, a knowledge base's): what the site writes around each article
    /// is no guideline text, and is blanked: "Was this article helpful? Yes No", "41 out of 52 found this helpful", "Have
    /// more questions? Submit a request", "[Image: …]" stand-ins, "Related articles" with the titles listed under it, and
    /// the "Updated:" and "Section:" lines under an article's title.
    /// </summary>
    private static IReadOnlyList<string> WithoutHelpCentreChrome(IReadOnlyList<string> lines, int from, bool printed)
    {
        if (!printed && lines.Skip(from).Count(l => ArticleLineRegex().IsMatch(l)) < MinColonHeadings)
        {
            return lines;
        }

        var result = lines.ToArray();
        for (var k = from; k < result.Length; k++)
        {
            if (RelatedArticlesRegex().IsMatch(result[k]))
            {
                result[k] = "";
                // The titles listed under it, up to a blank line, a rule, the next article or the site's next line.
                while (k + 1 < result.Length && !string.IsNullOrWhiteSpace(result[k + 1]) && !SeparatorRegex().IsMatch(result[k + 1])
                       && !ArticleLineRegex().IsMatch(result[k + 1]) && !HelpCentreChromeRegex().IsMatch(result[k + 1]))
                {
                    result[++k] = "";
                }
            }
            else if (HelpCentreChromeRegex().IsMatch(result[k])
                     || ArticleFieldRegex().IsMatch(result[k]) && PreviousTextLine(lines, k) is >= 0 and var above
                                                             && (ArticleLineRegex().IsMatch(lines[above]) || ArticleFieldRegex().IsMatch(lines[above])))
            {
                result[k] = "";
            }
        }

        return result;
    }

    /// <summary>An article's title line in a help centre's export: "Article: Reporting an absence".</summary>
    [GeneratedRegex(@"^\s*Article:[ \t]+(?<title>\S.{0,100}?)\s*$")]
    private static partial Regex ArticleLineRegex();

    [GeneratedRegex(@"^\s*(?:Updated|Created|Section|Category|Author|Last updated):[ \t]+\S")]
    private static partial Regex ArticleFieldRegex();

    [GeneratedRegex(@"^\s*Related articles\s*:?\s*$", RegexOptions.IgnoreCase)]
    private static partial Regex RelatedArticlesRegex();

    [GeneratedRegex(@"^\s*(?:Was this article helpful\?.*|Did you find it helpful\?.*|Send feedback|Sorry we couldn'?t be helpful\..*|Helpdesk Software by \w+|Print|\d+ out of \d+ found this helpful|Have more questions\? Submit a request|\[(?:Image|Screenshot|Video):[^\]]*\]|Return to top|Follow|Comments?)\s*$", RegexOptions.IgnoreCase)]
    private static partial Regex HelpCentreChromeRegex();

    /// <summary>How many lines with text a page's navigation, or its footer, may take.</summary>
    private const int MaxChromeLines = 8;

    /// <summary>How many lines of text at the end of a newsletter sent by e-mail are looked through for its list's footer.</summary>
    private const int MaxMailFooterLines = 20;

    private static bool IsUnsubscribeLink(string line) =>
        line.Contains("unsub", StringComparison.OrdinalIgnoreCase) && UnsubscribeLinkRegex().IsMatch(line);

    /// <summary>A mailing list's unsubscribe link: "or ** unsubscribe from this list (https://…)", Mailchimp's "*|UNSUB|*".</summary>
    [GeneratedRegex(@"\bunsubscribe\b.*https?://|\*\|UNSUB\|\*|list-manage\.com/unsubscribe|https?://\S+/unsubscribe\b", RegexOptions.IgnoreCase)]
    private static partial Regex UnsubscribeLinkRegex();

    /// <summary>Where a mailing list's footer starts when no copyright line does: its social links, why you receive it, its address.</summary>
    [GeneratedRegex(@"^\s*(?:\*\*\s*)?(?:(?:facebook|twitter|instagram|youtube|linkedin|website)\s*\(https?://|you are receiving this (?:e-?mail|message|newsletter|digest)\b|our mailing address is:|want to change how you receive)", RegexOptions.IgnoreCase)]
    private static partial Regex MailFooterRegex();

    /// <summary>A mailing list's mark of a headline or a button: "** " before its words.</summary>
    [GeneratedRegex(@"(?<=^|\s)\*\* (?=\S)")]
    private static partial Regex MailingListMarkRegex();

    [GeneratedRegex(@"^\s*(?:skip to (?:main )?content|skip navigation|search|menu|translate|print|share|print \| share|sign in|log in|home\s*[>›»/]\s*\S.*|view (?:this e-?mail|it) in (?:your|a) (?:web )?browser\b.*)\s*$", RegexOptions.IgnoreCase)]
    private static partial Regex PageChromeRegex();

    [GeneratedRegex(@"^\s*(?:©|\(c\)\s|copyright\s+(?:©\s*)?\d{4})", RegexOptions.IgnoreCase)]
    private static partial Regex CopyrightLineRegex();

    /// <summary>
    /// A table of contents, as a word processor writes one: a "Contents" or "Table of Contents" line over entries that end
    /// in a page number ("1. Purpose ........ 1", "Permits⇥2"), or such entries with dot leaders on their own. Its lines
    /// are blanked: they repeat the headings, and would read as steps or as a section of every heading's words.
    /// </summary>
    private static IReadOnlyList<string> WithoutContents(IReadOnlyList<string> lines, int from)
    {
        List<string>? result = null;
        for (var k = from; k < lines.Count; k++)
        {
            var headed = ContentsHeadingRegex().IsMatch(lines[k]);
            if (!headed && !DotLeaderRegex().IsMatch(lines[k]))
            {
                continue;
            }

            var entry = headed ? ContentsEntryRegex() : DotLeaderRegex();
            // Under a "Contents" line, an entry may be a heading's words alone, as a plain-text export of a document
            // lists them: a line that comes again below, where it heads its section ("2.1 Full-time staff").
            bool IsEntry(int j) => entry.IsMatch(lines[j]) || headed && IsTitleLine(lines[j]) && Enumerable.Range(j + 1, lines.Count - j - 1).Any(m => lines[m].Trim() == lines[j].Trim());
            var entries = new List<int>();
            var j = headed ? k + 1 : k;
            for (; j < lines.Count; j++)
            {
                if (string.IsNullOrWhiteSpace(lines[j]))
                {
                    // Blank lines between entries; a blank line after the last one ends the table.
                    if (entries.Count > 0 && NextTextLine(lines, j) is var next && next > 0 && IsEntry(next))
                    {
                        continue;
                    }

                    break;
                }

                if (!IsEntry(j))
                {
                    break;
                }

                entries.Add(j);
            }

            if (entries.Count < MinContentsEntries)
            {
                continue;
            }

            result ??= [.. lines];
            foreach (var e in headed ? entries.Prepend(k) : entries)
            {
                result[e] = "";
            }

            k = entries[^1];
        }

        return result ?? lines;
    }

    /// <summary>How many entries make a table of contents.</summary>
    private const int MinContentsEntries = 2;

    [GeneratedRegex(@"^\s*(?:table of )?contents\s*:?\s*$", RegexOptions.IgnoreCase)]
    private static partial Regex ContentsHeadingRegex();

    /// <summary>An entry of a table of contents: words, then dot leaders, a tab or a run of spaces, then a page number.</summary>
    [GeneratedRegex(@"^\s*\S.*?(?:\s*\.{3,}\s*|\t+\s*|\s{2,})\d{1,4}\s*$")]
    private static partial Regex ContentsEntryRegex();

    /// <summary>An entry with dot leaders ("2. Permits ........ 2"): a table of contents even with no heading over it.</summary>
    [GeneratedRegex(@"^\s*\S.*?\s*\.{4,}\s*\d{1,4}\s*$")]
    private static partial Regex DotLeaderRegex();

    /// <summary>How many lines from a page number a running header or footer may stand.</summary>
    private const int RunningHeaderReach = 3;

    /// <summary>A line that may be a running header (short, no sentence, no page number itself), white space collapsed; else null.</summary>
    private static string? RunningHeaderKey(string line)
    {
        // (Its length without the run of spaces a PDF copy puts between its parts: "Guidelines          Revised July 1, 2024".)
        var trimmed = line.Trim();
        var key = string.Join(' ', trimmed.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        // (A table's header, repeated over each page's rows, is no running header: three or more columns.)
        return key.Length is 0 or > 100 || PageMarkerRegex().IsMatch(trimmed) || EndsSentence(trimmed) || SeparatorRegex().IsMatch(trimmed)
               || ColumnGapRegex().Count(trimmed) >= 2
            ? null
            : key;
    }

    /// <summary>
    /// A page number an export left in the text: "Page 3", "Page 3 of 12", "- 3 -", also after the document's code or name
    /// in a footer ("AP 6163.1 – Page 1 of 3", "Staff Handbook | Page 2"), or set apart from it by a wide gap, as a PDF's
    /// footer is copied ("Revised 01/09/2024          Page 1 of 4"); and a slide's number in a deck's outline ("Slide 7").
    /// </summary>
    [GeneratedRegex(@"^\s*(?:\S[^!?]{0,58}?(?:\s[–—|·-]\s+|\s{3,}|\t+))?(?:(?:page|slide)\s+\d{1,4}(?:\s+of\s+\d{1,4})?|-\s*\d{1,4}\s*-)\s*$", RegexOptions.IgnoreCase)]
    private static partial Regex PageMarkerRegex();

    /// <summary>
    /// A short line that heads who to ask, set off like a heading, with text under it ("Questions? Contact:" over "HR
    /// office, ext. 2200"): a section of its own whatever the document's other headings are, <c>Q:</c> lines too, as people
    /// ask who to ask.
    /// Not a sentence (no full stop: "Questions go to HR." is text) and no field ("Contact: Jane Doe").
    /// </summary>
    private static bool IsContactHeading(IReadOnlyList<string> lines, int i, bool paragraphPerLine) =>
        DocumentParser.IsContactHeading(lines[i].Trim())
        && (i == 0 || string.IsNullOrWhiteSpace(lines[i - 1]) || paragraphPerLine && EndsSentence(lines[i - 1]))
        && HasTextAfter(lines, i) && !DocumentParser.TryBullet(lines[i], true, out _, out _);

    /// <summary>The start of a line that leads in to what follows rather than heading it.</summary>
    [GeneratedRegex(@"^(?:please\b|note\b|notes\b|nb\b|n\.b\.|important\b|remember\b|reminder\b|warning\b|caution\b|tips?\b|for (?:example|instance)\b|example|e\.g\.|i\.e\.|the following\b|as follows\b|such as\b|including\b|these (?:include|are)\b)", RegexOptions.IgnoreCase)]
    private static partial Regex LeadInRegex();

    /// <summary>Bold words: <c>**</c>, up to 300 characters with no asterisk and no space at either end, <c>**</c> (bounded, so a long line of marks cannot backtrack).</summary>
    [GeneratedRegex(@"\*\*(?=[^\s*])([^*]{1,300}?)(?<=[^\s*])\*\*")]
    private static partial Regex BoldRegex();

    [GeneratedRegex(@"^\s*(?:Q|Question)(?>\s*)\d{0,3}(?>\s*)[:.]\s*(.*)$", RegexOptions.IgnoreCase)]
    private static partial Regex QuestionRegex();

    /// <summary>A line labelled as a question: "Q: …", "Q1. …", "Question: …".</summary>
    internal static bool IsQuestionLabel(string line) => QuestionRegex().IsMatch(line);

    [GeneratedRegex(@"^\s*(?:A|Answer)\s*(?<mark>[:.])\s+(.*)$", RegexOptions.IgnoreCase)]
    private static partial Regex AnswerRegex();

    /// <summary>
    /// The notices a mail system adds to a message ("CONFIDENTIALITY NOTICE: This e-mail message … intended recipient",
    /// "CAUTION: This email originated from outside of …"): no guideline text, and no heading.
    /// </summary>
    private static IReadOnlyList<string> WithoutMailDisclaimers(IReadOnlyList<string> lines, int from)
    {
        string[]? result = null;
        for (var k = from; k < lines.Count; k++)
        {
            if (!MailNoticeLabelRegex().IsMatch(lines[k]))
            {
                continue;
            }

            // The notice's lines: its paragraph, up to a line that no longer speaks of the mail ("Good morning," right under a banner).
            var end = k;
            while (end + 1 < lines.Count && !string.IsNullOrWhiteSpace(lines[end + 1]) && (!EndsSentence(lines[end]) || MailNoticeWordRegex().IsMatch(lines[end + 1])))
            {
                end++;
            }

            if (MailNoticeRegex().IsMatch(string.Join(' ', lines.Skip(k).Take(end - k + 1))))
            {
                result ??= [.. lines];
                Array.Fill(result, "", k, end - k + 1);
            }

            k = end;
        }

        return result ?? lines;
    }

    /// <summary>How a mail system's notice opens: "CONFIDENTIALITY NOTICE:", "CAUTION:", "[EXTERNAL] WARNING:", "[EXTERNAL] This email …".</summary>
    [GeneratedRegex(@"^\s*(?:\[EXTERNAL\]|(?:\[?EXTERNAL\]?\s*)?(?:CAUTION|WARNING|CONFIDENTIALITY(?:\s+NOTICE)?|CONFIDENTIAL|DISCLAIMER|NOTICE|EXTERNAL\s+E-?MAIL)\s*:)", RegexOptions.IgnoreCase)]
    private static partial Regex MailNoticeLabelRegex();

    /// <summary>What only a mail system's notice says: the mail came from outside, or what to do when you are not the intended recipient.</summary>
    [GeneratedRegex(@"\b(?:e-?mail|message)\b.{0,80}\boriginated\s+from\s+outside\b|\bintended\s+recipient.{0,300}\b(?:delete|destroy|notify\s+the\s+sender|prohibited|privileged|in\s+error)\b", RegexOptions.IgnoreCase)]
    private static partial Regex MailNoticeRegex();

    /// <summary>A word of a mail system's notice, which its next line goes on with.</summary>
    [GeneratedRegex(@"\b(?:e-?mail|message|recipient|sender|attachments?|confidential|privileged|prohibited|disclosure|distribution|copies|delete|destroy|records\s+law|in\s+error)\b", RegexOptions.IgnoreCase)]
    private static partial Regex MailNoticeWordRegex();

    /// <summary>A heading's underline: <c>===</c>, <c>---</c>, <c>~~~</c> or <c>***</c>.</summary>
    [GeneratedRegex(@"^\s{0,3}(?:={3,}|-{3,}|~{3,}|\*{3,})\s*$")]
    private static partial Regex UnderlineRegex();

    /// <summary>A line that only separates: <c>-----</c>, <c>=====</c>, <c>*****</c>, <c>~~~~~</c>, <c>_____</c>, <c>=-=-=-=</c>.</summary>
    [GeneratedRegex(@"^\s*(?:([-=*_~#])(\s*\1){2,}|(?:=-){3,}=?)\s*$")]
    private static partial Regex SeparatorRegex();
}
