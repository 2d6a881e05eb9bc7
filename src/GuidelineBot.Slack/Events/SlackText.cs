using System.Text.RegularExpressions;
using GuidelineBot.Core.Conversation;
using GuidelineBot.Core.Experts;
using GuidelineBot.Slack.Rendering;

namespace GuidelineBot.Slack.Events;

/// <summary>Turns Slack's message markup into plain text: the question the core expects, or an expert's answer.</summary>
public static partial class SlackText
{
    /// <summary>
    /// Drops user/group mentions and special mentions (<c>&lt;@U123&gt;</c>, <c>&lt;!here&gt;</c>), keeps link labels
    /// (<c>&lt;url|label&gt;</c>) and channel names, and unescapes <c>&amp;amp; &amp;lt; &amp;gt;</c>.
    /// </summary>
    public static string ToQuestion(string? text) => Plain(text, (target, label) => target[0] switch
    {
        '@' or '!' => "",
        '#' => label is null ? "" : "#" + label,
        _ => label ?? target,
    });

    /// <summary>
    /// An expert's answer typed in Slack, as plain text for the asker on any channel: a link keeps its address
    /// (<c>label (url)</c>, or the address alone), a person mentioned is named ("@Dana", from <paramref name="names"/>,
    /// else by the mention's own label, else left out as in a question), a channel keeps its name; special mentions (<c>&lt;!here&gt;</c>)
    /// and the bot's own (<paramref name="botUserId"/>) are left out.
    /// </summary>
    public static string ToAnswer(string? text, IReadOnlyDictionary<string, string> names, string? botUserId = null)
    {
        ArgumentNullException.ThrowIfNull(names);
        return Plain(text, (target, label) => target[0] switch
        {
            '@' when target[1..] == botUserId => "",
            '@' => names.TryGetValue(target[1..], out var name) && name.Length > 0 ? "@" + name : label is { Length: > 0 } ? "@" + label : "",
            '!' when target.StartsWith("!date^", StringComparison.Ordinal) => label ?? "", // a date, in its fallback text
            '!' when target.StartsWith("!subteam^", StringComparison.Ordinal) => label is { Length: > 0 } ? "@" + label.TrimStart('@') : "", // a user group
            '!' => "",
            '#' => label is null ? "" : "#" + label,
            _ => label is null || label == target || label == Mailto(target) ? Mailto(target) : $"{label} ({target})",
        });
    }

    /// <summary>
    /// What an expert's thread reply is (<see cref="ExpertInputs.KindOf"/>): talk among the experts when it starts by
    /// mentioning someone other than the bot (a person, <c>&lt;!here&gt;</c>, a user group), or is a reaction once its emoji
    /// (which Slack writes as codes: <c>:thumbsup:</c>) are left out; else an answer. A reply that starts by mentioning the
    /// bot is addressed to it: an answer.
    /// </summary>
    public static ExpertReplyKind ReplyKind(string? text, string? botUserId) =>
        StartsWithBotMention(text, botUserId) ? ExpertReplyKind.Answer : ExpertInputs.KindOf(DiscussionText(text, botUserId));

    private static bool StartsWithBotMention(string? text, string? botUserId) =>
        botUserId is { Length: > 0 } && text?.TrimStart() is { } trimmed &&
        (trimmed.StartsWith($"<@{botUserId}>", StringComparison.Ordinal) || trimmed.StartsWith($"<@{botUserId}|", StringComparison.Ordinal));

    /// <summary>The reply with every mention an "@", links a word and emoji codes a mark: what <see cref="ExpertInputs.KindOf"/> reads.</summary>
    private static string DiscussionText(string? text, string? botUserId) => EmojiCodeRegex().Replace(Plain(text, (target, _) => target[0] switch
    {
        '@' when target[1..] == botUserId => "",
        '!' when target.StartsWith("!date^", StringComparison.Ordinal) => "date",
        '@' or '!' => "@",
        _ => "link",
    }), EmojiMark);

    /// <summary>What an emoji code counts as: a mark, neither a letter nor a digit.</summary>
    private const string EmojiMark = "\u263A";

    /// <summary>
    /// <paramref name="text"/> with each piece of markup (<c>&lt;target|label&gt;</c>) replaced as <paramref name="markup"/>
    /// says (given a target that is not empty, and the label or null), the rest unescaped and trimmed.
    /// </summary>
    private static string Plain(string? text, Func<string, string?, string> markup)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return "";
        }

        var plain = MarkupRegex().Replace(text, m =>
        {
            var target = m.Groups["target"].Value;
            return target.Length == 0 ? "" : markup(target, m.Groups["label"].Success ? m.Groups["label"].Value : null);
        });
        return Mrkdwn.Unescape(plain).Trim();
    }

    /// <summary>The ids of the people mentioned in <paramref name="text"/> (<c>&lt;@U123&gt;</c>, <c>&lt;@U123|dana&gt;</c>).</summary>
    public static IEnumerable<string> MentionedUsers(string? text) =>
        string.IsNullOrEmpty(text)
            ? []
            : MarkupRegex().Matches(text).Select(m => m.Groups["target"].Value).Where(t => t.Length > 1 && t[0] == '@').Select(t => t[1..]).Distinct(StringComparer.Ordinal);

    /// <summary>A <c>mailto:</c> link as the address it names.</summary>
    private static string Mailto(string target) => target.StartsWith("mailto:", StringComparison.OrdinalIgnoreCase) ? target["mailto:".Length..] : target;

    /// <summary>An emoji as Slack's text writes it (<c>:+1:</c>, <c>:thumbsup::skin-tone-2:</c>).</summary>
    [GeneratedRegex(@":[a-z0-9_+'-]+:")]
    private static partial Regex EmojiCodeRegex();

    [GeneratedRegex(@"<(?<target>[^<>|]*)(\|(?<label>[^<>]*))?>")]
    private static partial Regex MarkupRegex();
}
