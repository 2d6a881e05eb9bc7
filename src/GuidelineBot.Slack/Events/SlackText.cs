using System.Text.RegularExpressions;
using GuidelineBot.Slack.Rendering;

namespace GuidelineBot.Slack.Events;

/// <summary>Turns Slack's message markup into the plain question the core expects.</summary>
public static partial class SlackText
{
    /// <summary>
    /// Drops user/group mentions and special mentions (<c>&lt;@U123&gt;</c>, <c>&lt;!here&gt;</c>), keeps link labels
    /// (<c>&lt;url|label&gt;</c>) and channel names, and unescapes <c>&amp;amp; &amp;lt; &amp;gt;</c>.
    /// </summary>
    public static string ToQuestion(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return "";
        }

        var plain = MarkupRegex().Replace(text, m =>
        {
            var target = m.Groups["target"].Value;
            var label = m.Groups["label"].Success ? m.Groups["label"].Value : null;
            return target.Length == 0 ? "" : target[0] switch
            {
                '@' or '!' => "",
                '#' => label is null ? "" : "#" + label,
                _ => label ?? target,
            };
        });
        return Mrkdwn.Unescape(plain).Trim();
    }

    [GeneratedRegex(@"<(?<target>[^<>|]*)(\|(?<label>[^<>]*))?>")]
    private static partial Regex MarkupRegex();
}
