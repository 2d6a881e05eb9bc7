using System.Text.RegularExpressions;

namespace GuidelineBot.Core.Knowledge;

/// <summary>
/// A group chat exported to text by WhatsApp (or a phone's chat app that writes the same), where staff ask and one person
/// answers: every message opens a line with its date, time and author ("[9/3/25, 7:42:10 AM] Marcus Bell: …" on an
/// iPhone, "9/3/25, 7:42 AM - Marcus Bell: …" on Android), and goes on over the lines under it. Written, line for line,
/// as a document of "Q:" and "A:" lines, as <see cref="PlainTextParser"/> reads a chat copied out of Slack: the one who
/// answers writes the most; a message by anyone else that asks something heads a section, and the messages of the one who
/// answers after it are its text; so is a colleague's answer right after it (a sentence, not "thanks!") where the one who
/// answers does not answer it (else it is a guess beside the answer). A message of the one who
/// answers that opens with a title in bold ("📌 *LATE BUS IN THE AFTERNOON*", the rules restated) heads a section of its
/// own. Other messages, the app's own lines ("Messages and calls are end-to-end encrypted", "&lt;Media omitted&gt;", "This
/// message was deleted", "Jo Park joined using this group's invite link") and "&lt;This message was edited&gt;" go; the
/// group's name, where the export says who created it, is the title. A log of notices (nobody asks twice) is no such chat.
/// </summary>
internal static partial class ChatExport
{
    /// <summary>A chat has at least this many messages, and the one who answers at least <see cref="MinAnswers"/> of them.</summary>
    private const int MinMessages = 6;

    private const int MinAnswers = 2;

    public static IReadOnlyList<string> AsQuestionsAndAnswers(IReadOnlyList<string> lines, int from)
    {
        // Every line the app opens with a date and time: a message ("Name: text") or the app's own ("Jo Park joined …").
        var headers = Enumerable.Range(from, lines.Count - from).Where(k => lines[k].Length > 10 && StampRegex().IsMatch(lines[k])).ToArray();
        if (headers.Length < MinMessages)
        {
            return lines;
        }

        var messages = headers.Select((k, n) =>
        {
            var rest = lines[k][StampRegex().Match(lines[k]).Length..];
            var said = SaidRegex().Match(rest);
            return (Header: k, Author: said.Success ? said.Groups["author"].Value.Trim() : "", Text: said.Success ? said.Groups["text"].Value : rest,
                End: (n + 1 < headers.Length ? headers[n + 1] : lines.Count) - 1, App: !said.Success || IsAppText(said.Groups["text"].Value));
        }).ToArray();
        var said = messages.Where(m => !m.App).ToArray();
        if (said.Select(m => m.Author).Distinct().Count() < 2)
        {
            return lines;
        }

        var answerer = said.GroupBy(m => m.Author)
            .MaxBy(g => g.Sum(m => PlainTextParser.WordCount(m.Text) + Enumerable.Range(m.Header + 1, m.End - m.Header).Sum(k => PlainTextParser.WordCount(lines[k]))))!.Key;
        bool Asks((int Header, string Author, string Text, int End, bool App) m) =>
            m.Text.Contains('?', StringComparison.Ordinal) || Enumerable.Range(m.Header + 1, m.End - m.Header).Any(k => lines[k].Contains('?', StringComparison.Ordinal));
        // (People asking and one answering: a log or a thread of notices is no such chat.)
        if (said.Count(m => m.Author == answerer) < MinAnswers || said.Count(m => m.Author != answerer && Asks(m)) < MinQuestions)
        {
            return lines;
        }

        var result = lines.ToArray();
        // A document's own title and text above the first message stay, and name it; else the group's name does.
        var named = Enumerable.Range(from, headers[0] - from).Any(k => !string.IsNullOrWhiteSpace(lines[k]));
        string? asker = null;
        var justAsked = false;
        for (var n = 0; n < messages.Length; n++)
        {
            var m = messages[n];
            var afterQuestion = justAsked;
            justAsked = false;
            var body = Enumerable.Range(m.Header + 1, m.End - m.Header).ToArray();
            if (m.App)
            {
                // "‎Marcus Bell created group “Brookside Bus & Dismissal 25-26”": the group's name titles the chat.
                result[m.Header] = !named && CreatedRegex().Match(m.Text) is { Success: true } created ? created.Groups["name"].Value : "";
                named |= result[m.Header].Length > 0;
                Array.ForEach(body, k => result[k] = "");
                continue;
            }

            var text = Clean(m.Text);
            var words = PlainTextParser.WordCount(text) + body.Sum(k => PlainTextParser.WordCount(lines[k]));
            if (m.Author == answerer)
            {
                if (TitleRegex().Match(text) is { Success: true } title)
                {
                    (result[m.Header], asker) = ("Q: " + title.Groups["title"].Value.Trim(), null);
                }
                else
                {
                    result[m.Header] = asker is not null ? "A: " + text : text;
                }

                Array.ForEach(body, k => result[k] = Clean(lines[k]));
            }
            else if (Asks(m))
            {
                result[m.Header] = "Q: " + string.Join(' ', new[] { text }.Concat(body.Select(k => Clean(lines[k]))).Where(t => t.Length > 0));
                Array.ForEach(body, k => result[k] = "");
                // (Unless the one who answers answers it: then a colleague's reply is a guess beside the answer.)
                (asker, justAsked) = (m.Author, !messages.Skip(n + 1).TakeWhile(next => next.App || next.Author == answerer || !Asks(next))
                    .Any(next => !next.App && next.Author == answerer));
            }
            else if (afterQuestion && m.Author != asker && words >= MinAnswerWords)
            {
                // A colleague answering the question right after it ("It is on the clipboard by the front desk.").
                result[m.Header] = text;
                Array.ForEach(body, k => result[k] = Clean(lines[k]));
            }
            else
            {
                result[m.Header] = "";
                Array.ForEach(body, k => result[k] = "");
            }
        }

        return result;
    }

    /// <summary>Others ask at least this many questions in a chat the one who answers answers.</summary>
    private const int MinQuestions = 2;

    /// <summary>A colleague's message this long, right after a question, answers it; a shorter one ("same, 6 of mine", "thanks!") does not.</summary>
    private const int MinAnswerWords = 5;

    private static bool IsAppText(string text) => text.StartsWith('\u200e') || NoiseRegex().IsMatch(text);

    private static string Clean(string text) => EditedRegex().Replace(text.Replace("\u200e", "", StringComparison.Ordinal), "").Trim();

    /// <summary>A line's date and time as the app opens it: "[9/3/25, 7:42:10 AM] " (iPhone) or "9/3/25, 7:42 AM - " (Android).</summary>
    [GeneratedRegex(@"^\u200e?(?:\[\d{1,2}[/.]\d{1,2}[/.]\d{2,4},\s\d{1,2}:\d{2}(?::\d{2})?(?:[\s\u202f]?[AaPp]\.?[Mm]\.?)?\]\s|\d{1,2}[/.]\d{1,2}[/.]\d{2,4},\s\d{1,2}:\d{2}(?:[\s\u202f]?[AaPp]\.?[Mm]\.?)?\s[-–]\s)")]
    private static partial Regex StampRegex();

    /// <summary>After the date and time, who said what: "Marcus Bell: text".</summary>
    [GeneratedRegex(@"^(?<author>[^:\n]{1,60}?):\s(?<text>.*)$")]
    private static partial Regex SaidRegex();

    /// <summary>A message the app writes in place of one: a photo left out, a message deleted.</summary>
    [GeneratedRegex(@"^\s*(?:<Media omitted>|(?:image|video|audio|sticker|GIF|document) omitted|This message was deleted\.?|You deleted this message\.?|null)\s*$", RegexOptions.IgnoreCase)]
    private static partial Regex NoiseRegex();

    [GeneratedRegex(@"\s*<This message was edited>\s*$")]
    private static partial Regex EditedRegex();

    /// <summary>A message's title in WhatsApp's bold, after an emoji or two: "📌 *LATE BUS IN THE AFTERNOON*".</summary>
    [GeneratedRegex(@"^[^\p{L}\p{N}*]{0,8}\*(?<title>[^*\n]{3,80})\*\s*$")]
    private static partial Regex TitleRegex();

    [GeneratedRegex(@"\bcreated group [“""](?<name>[^”""]{1,100})[”""]")]
    private static partial Regex CreatedRegex();
}
