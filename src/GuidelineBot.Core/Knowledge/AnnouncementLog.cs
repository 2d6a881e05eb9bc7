using System.Text.RegularExpressions;

namespace GuidelineBot.Core.Knowledge;

/// <summary>
/// The history of a school messaging app's group exported as text (ParentSquare, Remind): each post its time and author
/// on a line of their own ("[Mon 1/13 5:21 AM] Mrs. Lopez (Principal):"), an announcement's subject over its text, "Sent to
/// 214 people · Read by 189", replies marked "↳" with their time and author before their words, "📌 Pinned by …" and
/// "Translated from Spanish" notes. Written line for line as "Q:" lines: a post's subject heads a section, and its text and
/// its replies' words are the section's; the times, authors, counts and notes go. At least three posts.
/// </summary>
internal static partial class AnnouncementLog
{
    /// <summary>An export has at least this many posts.</summary>
    private const int MinPosts = 3;

    /// <summary>A subject is short, a line of its own, no sentence.</summary>
    private const int MaxSubjectWords = 16;

    /// <summary>A subject's line is short: a longer one is text (and is never run through the emoji pattern).</summary>
    private const int MaxSubjectChars = 200;

    public static IReadOnlyList<string> AsQuestionsAndAnswers(IReadOnlyList<string> lines, int from)
    {
        // (The app's notes mark the export: a log of stamped lines without them is someone's record, not the app's.)
        var posts = Enumerable.Range(from, lines.Count - from).Where(k => PostRegex().IsMatch(lines[k])).ToArray();
        if (posts.Length < MinPosts || !lines.Skip(from).Any(l => NoteRegex().IsMatch(l) && !l.Contains("Translated", StringComparison.Ordinal)))
        {
            return lines;
        }

        var result = lines.ToArray();
        foreach (var k in posts)
        {
            result[k] = "";
            if (k + 2 < lines.Count && lines[k + 1] is { Length: <= MaxSubjectChars } subject && !string.IsNullOrWhiteSpace(subject) && !string.IsNullOrWhiteSpace(lines[k + 2])
                && !NoteRegex().IsMatch(subject) && !ReplyRegex().IsMatch(lines[k + 2]) && !NoteRegex().IsMatch(lines[k + 2])
                && EmojiEndsRegex().Replace(subject, "").Trim() is { Length: > 0 } words
                && ChannelPosts.IsSubject(words, MaxSubjectWords))
            {
                // (Its text labelled as the answer: a question's wrapped lines would take it into the heading.)
                result[k + 1] = "Q: " + words;
                result[k + 2] = "A: " + lines[k + 2].Trim();
            }
        }

        for (var k = from; k < result.Length; k++)
        {
            if (ReplyRegex().Match(result[k]) is { Success: true } reply)
            {
                result[k] = reply.Groups["text"].Value;
            }
            else if (NoteRegex().IsMatch(result[k]))
            {
                result[k] = "";
            }
        }

        return result;
    }

    /// <summary>A post's time and author on a line of their own: "[Mon 1/13 5:21 AM] Mrs. Lopez (Principal):".</summary>
    [GeneratedRegex(@"^\[(?:(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)\w*\.?,?\s+)?\d{1,2}/\d{1,2}(?:/\d{2,4})?,?\s+\d{1,2}:\d{2}\s?[AP]M\]\s+[^:\[\]]{1,80}:\s*$")]
    private static partial Regex PostRegex();

    /// <summary>A reply: "↳ [Mon 1/13 5:40 AM] Mr. Briggs (Head Custodian): Crew at the building 9 AM".</summary>
    [GeneratedRegex(@"^\s*↳\s*\[[^\]]{4,40}\]\s+[^:\[\]]{1,80}:\s*(?<text>.*)$")]
    private static partial Regex ReplyRegex();

    /// <summary>What the app notes about a post: "📌 Pinned by Mrs. Lopez", "Sent to 214 people · Read by 189", "🌐 Translated from Spanish · See original".</summary>
    [GeneratedRegex(@"^\s*(?:" + PlainTextParser.EmojiPattern + @"\s*)?(?:Pinned by\b.{0,80}|Sent to \d[\d,]* (?:people|recipients|members|families|staff)\b.{0,80}|Read by \d[\d,]*\b.{0,40}|Translated from \p{L}+\b.{0,40})$")]
    private static partial Regex NoteRegex();

    /// <summary>Emojis around a subject: "❄️ How weather calls are made ❄️".</summary>
    [GeneratedRegex(@"^\s*(?:" + PlainTextParser.EmojiPattern + @"\s*)+|(?:\s*" + PlainTextParser.EmojiPattern + @")+\s*$")]
    private static partial Regex EmojiEndsRegex();
}
