using System.Text.RegularExpressions;

namespace GuidelineBot.Core.Knowledge;

/// <summary>
/// The posts of a Microsoft Teams channel copied out of the app: each post its author's name over its time ("Dana
/// Kowalski" / "8/26 7:52 AM", "Tuesday 9:14 AM"), an announcement's subject over its text, then "See more", its reactions
/// ("👍 14"), "4 replies from Tom, Keisha and Priya", the replies (each a name over a time over its text) and "Reply".
/// Written line for line as "Q:" lines: a post's subject heads a section, and its text and its replies' text are the
/// section's; the names, times, reactions, counts and buttons go. Posts parted by a blank line; at least three.
/// </summary>
internal static partial class ChannelPosts
{
    private const int MinPosts = 3;

    /// <summary>A subject is short, a line of its own, no sentence.</summary>
    private const int MaxSubjectWords = 12;

    /// <summary>An author's name is a few words.</summary>
    private const int MaxNameWords = 5;

    public static IReadOnlyList<string> AsQuestionsAndAnswers(IReadOnlyList<string> lines, int from)
    {
        // Each name over a time: a post's where it opens a block of lines, a reply's within one.
        var stamps = Enumerable.Range(from, Math.Max(0, lines.Count - from - 1))
            .Where(k => TimeRegex().IsMatch(lines[k + 1]) && IsName(lines[k]))
            .ToArray();
        var posts = stamps.Where(k => k == from || string.IsNullOrWhiteSpace(lines[k - 1])).ToHashSet();
        if (posts.Count < MinPosts || !lines.Skip(from).Any(l => ReplyCountRegex().IsMatch(l) || l.Trim() is "Reply" or "See more"))
        {
            return lines;
        }

        var result = lines.ToArray();
        foreach (var k in stamps)
        {
            (result[k], result[k + 1]) = ("", "");
            if (posts.Contains(k) && k + 2 < lines.Count && lines[k + 2] is var subject && !string.IsNullOrWhiteSpace(subject)
                && IsSubject(subject, MaxSubjectWords)
                && k + 3 < lines.Count && !string.IsNullOrWhiteSpace(lines[k + 3]))
            {
                result[k + 2] = "Q: " + subject.Trim();
            }
        }

        for (var k = from; k < result.Length; k++)
        {
            if (ButtonRegex().IsMatch(result[k]) || ReactionRegex().IsMatch(result[k]) || ReplyCountRegex().IsMatch(result[k]))
            {
                result[k] = "";
            }
        }

        return result;
    }

    /// <summary>A post's subject: a line of a few words that ends no sentence or clause.</summary>
    internal static bool IsSubject(string line, int maxWords) =>
        PlainTextParser.WordCount(line) <= maxWords && line.TrimEnd() is not [.., '.' or '!' or ',' or ';' or ':'];

    /// <summary>A person's name on a line of its own (no indent): a few words in capitals.</summary>
    internal static bool IsName(string line) =>
        line.Length > 0 && !char.IsWhiteSpace(line[0]) && PlainTextParser.WordCount(line) <= MaxNameWords && NameRegex().IsMatch(line);

    /// <summary>A post's time as Teams shows it: "8/26 7:52 AM", "Tuesday 9:14 AM", "Yesterday 3:05 PM", "9/3/2024 10:02 AM".</summary>
    [GeneratedRegex(@"^\s*(?:\d{1,2}/\d{1,2}(?:/\d{2,4})?|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|Yesterday|Today)\s+\d{1,2}:\d{2}\s?[AP]M\s*$")]
    private static partial Regex TimeRegex();

    /// <summary>A person's name: words in capitals ("Dana Kowalski", "Jen O'Neill", "Coach Ray").</summary>
    [GeneratedRegex(@"^\p{Lu}[\p{L}'’.-]*(?:\s+\p{Lu}[\p{L}'’.-]*){0,4}\s*$")]
    private static partial Regex NameRegex();

    [GeneratedRegex(@"^\s*(?:See more|See less|Reply|Edited|\(edited\))\s*$")]
    private static partial Regex ButtonRegex();

    /// <summary>A reaction's count: "👍 14", "❤️ 3".</summary>
    [GeneratedRegex(@"^\s*" + PlainTextParser.EmojiPattern + @"\s*\d{1,4}\s*$")]
    private static partial Regex ReactionRegex();

    /// <summary>"4 replies from Tom, Keisha and Priya", "1 reply from Jen", "5 replies from Tom, Keisha, Jen and 2 others".</summary>
    [GeneratedRegex(@"^\s*\d{1,4} repl(?:y|ies) from .{1,200}$")]
    private static partial Regex ReplyCountRegex();
}
