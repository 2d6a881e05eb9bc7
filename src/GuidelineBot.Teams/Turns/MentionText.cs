using System.Text.RegularExpressions;
using GuidelineBot.Teams.Protocol;

namespace GuidelineBot.Teams.Turns;

/// <summary>In channels and group chats the text holds <c>&lt;at&gt;Bot&lt;/at&gt;</c>: remove the bot's own mention, keep others.</summary>
internal static partial class MentionText
{
    public static string WithoutBotMention(Activity activity) => Rewrite(activity, other: null);

    /// <summary>
    /// An expert's answer: the bot's mention removed, and each other person's (<c>&lt;at&gt;Sam Lee&lt;/at&gt;</c>) written as
    /// <c>@Sam Lee</c>, since the asker reads it as plain text.
    /// </summary>
    public static string AsAnswer(Activity activity) => Rewrite(activity, other: mention => "@" + AtTag().Replace(mention, "$1"));

    private static string Rewrite(Activity activity, Func<string, string>? other)
    {
        var text = activity.Text ?? "";
        var botId = activity.Recipient?.Id;
        if (string.IsNullOrEmpty(botId) || activity.Entities is null)
        {
            return text.Trim();
        }

        foreach (var mention in activity.Entities)
        {
            if (!string.Equals(mention.Type, "mention", StringComparison.OrdinalIgnoreCase) || string.IsNullOrEmpty(mention.Text))
            {
                continue;
            }

            if (string.Equals(mention.Mentioned?.Id, botId, StringComparison.OrdinalIgnoreCase))
            {
                text = text.Replace(mention.Text, "", StringComparison.OrdinalIgnoreCase);
            }
            else if (other is not null)
            {
                text = text.Replace(mention.Text, other(mention.Text), StringComparison.OrdinalIgnoreCase);
            }
        }

        return text.Replace("&nbsp;", " ", StringComparison.Ordinal).Trim();
    }

    /// <summary>A mention's markup: <c>&lt;at&gt;name&lt;/at&gt;</c>, the name captured.</summary>
    [GeneratedRegex("<at>(.*?)</at>", RegexOptions.IgnoreCase | RegexOptions.Singleline)]
    private static partial Regex AtTag();
}
