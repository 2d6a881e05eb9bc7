using System.Text.RegularExpressions;

namespace GuidelineBot.Core.Knowledge;

/// <summary>
/// A group chat exported to text by WhatsApp (or a phone's chat app that writes the same), where staff ask and one person
/// answers: every message opens a line with its date, time and author ("[9/3/25, 7:42:10 AM] Marcus Bell: …" on an
/// iPhone, "9/3/25, 7:42 AM - Marcus Bell: …" on Android), and goes on over the lines under it. Written, line for line,
/// as a document of "Q:" and "A:" lines, as <see cref="PlainTextParser"/> reads a chat copied out of Slack: the one who
/// answers writes the most; a message by anyone else that asks something heads a section, and the answers after it are its
/// text. A message of the one who answers that opens with a title in bold ("📌 *LATE BUS IN THE AFTERNOON*", the rules
/// restated) heads a section of its own. Other messages, the app's own lines ("Messages and calls are end-to-end
/// encrypted", "&lt;Media omitted&gt;", "This message was deleted") and "&lt;This message was edited&gt;" go; the group's
/// name, where the export says who created it, is the title.
/// </summary>
internal static partial class ChatExport
{
    /// <summary>A chat has at least this many messages, and the one who answers at least <see cref="MinAnswers"/> of them.</summary>
    private const int MinMessages = 6;

    private const int MinAnswers = 2;

    public static IReadOnlyList<string> AsQuestionsAndAnswers(IReadOnlyList<string> lines, int from)
    {
        var headers = Enumerable.Range(from, lines.Count - from).Where(k => lines[k].Length > 10 && MessageRegex().IsMatch(lines[k])).ToArray();
        if (headers.Length < MinMessages)
        {
            return lines;
        }

        var messages = headers.Select((k, n) => MessageRegex().Match(lines[k]) is var m
            ? (Header: k, Author: m.Groups["author"].Value.Trim(), Text: m.Groups["text"].Value, End: (n + 1 < headers.Length ? headers[n + 1] : lines.Count) - 1)
            : default).ToArray();
        bool IsAppLine((int Header, string Author, string Text, int End) m) => m.Text.StartsWith('\u200e') || NoiseRegex().IsMatch(m.Text);
        var said = messages.Where(m => !IsAppLine(m)).ToArray();
        if (said.Select(m => m.Author).Distinct().Count() < 2)
        {
            return lines;
        }

        var answerer = said.GroupBy(m => m.Author)
            .MaxBy(g => g.Sum(m => PlainTextParser.WordCount(m.Text) + Enumerable.Range(m.Header + 1, m.End - m.Header).Sum(k => PlainTextParser.WordCount(lines[k]))))!.Key;
        if (said.Count(m => m.Author == answerer) < MinAnswers)
        {
            return lines;
        }

        var result = lines.ToArray();
        for (var k = from; k < headers[0]; k++)
        {
            result[k] = "";
        }

        var named = false;
        var asked = false;
        foreach (var m in messages)
        {
            var body = Enumerable.Range(m.Header + 1, m.End - m.Header).ToArray();
            string Clean(string text) => EditedRegex().Replace(text.Replace("\u200e", "", StringComparison.Ordinal), "").Trim();
            if (IsAppLine(m))
            {
                // "‎Marcus Bell created group “Brookside Bus & Dismissal 25-26”": the group's name titles the chat.
                result[m.Header] = !named && CreatedRegex().Match(m.Text) is { Success: true } created ? created.Groups["name"].Value : "";
                named |= result[m.Header].Length > 0;
                Array.ForEach(body, k => result[k] = "");
                continue;
            }

            var text = Clean(m.Text);
            if (m.Author == answerer)
            {
                if (TitleRegex().Match(text) is { Success: true } title)
                {
                    (result[m.Header], asked) = ("Q: " + title.Groups["title"].Value.Trim(), false);
                }
                else
                {
                    result[m.Header] = asked ? "A: " + text : text;
                }

                Array.ForEach(body, k => result[k] = Clean(lines[k]));
            }
            else if (text.Contains('?', StringComparison.Ordinal) || body.Any(k => lines[k].Contains('?', StringComparison.Ordinal)))
            {
                result[m.Header] = "Q: " + string.Join(' ', new[] { text }.Concat(body.Select(k => Clean(lines[k]))).Where(t => t.Length > 0));
                Array.ForEach(body, k => result[k] = "");
                asked = true;
            }
            else
            {
                result[m.Header] = "";
                Array.ForEach(body, k => result[k] = "");
            }
        }

        return result;
    }

    /// <summary>A message's first line: "[9/3/25, 7:42:10 AM] Name: text" (iPhone) or "9/3/25, 7:42 AM - Name: text" (Android).</summary>
    [GeneratedRegex(@"^\u200e?(?:\[\d{1,2}[/.]\d{1,2}[/.]\d{2,4},\s\d{1,2}:\d{2}(?::\d{2})?(?:[\s\u202f]?[AaPp]\.?[Mm]\.?)?\]\s|\d{1,2}[/.]\d{1,2}[/.]\d{2,4},\s\d{1,2}:\d{2}(?:[\s\u202f]?[AaPp]\.?[Mm]\.?)?\s[-–]\s)(?<author>[^:\n]{1,60}?):\s(?<text>.*)$")]
    private static partial Regex MessageRegex();

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
