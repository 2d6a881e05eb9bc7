using System.Text.RegularExpressions;
using GuidelineBot.Teams.Protocol;

namespace GuidelineBot.Teams.Turns;

/// <summary>In channels and group chats the text holds <c>&lt;at&gt;Bot&lt;/at&gt;</c>: remove the bot's own mention, keep others.</summary>
internal static partial class MentionText
{
    public static string WithoutBotMention(Activity activity) => Rewrite(activity, other: null);

    /// <summary>
    /// An expert's answer, as plain text for the asker: the bot's mention removed, each other person's
    /// (<c>&lt;at&gt;Sam Lee&lt;/at&gt;</c>, with an entity or not) written as <c>@Sam Lee</c>, a formatted message's markup
    /// (<c>&lt;p&gt;</c>, <c>&lt;br&gt;</c>, <c>&amp;amp;</c>) read as its text, and the spaces a mention left closed up.
    /// </summary>
    public static string AsAnswer(Activity activity)
    {
        var text = AtTag().Replace(Rewrite(activity, other: mention => "@" + AtTag().Replace(mention, "$1")), "@$1");
        text = TagRegex().Replace(LineBreakRegex().Replace(text, "\n"), "");
        return SpacesRegex().Replace(System.Net.WebUtility.HtmlDecode(text), " ").Trim();
    }

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

    /// <summary>A mention's markup: <c>&lt;at&gt;name&lt;/at&gt;</c> (or <c>&lt;at id="1"&gt;</c>), the name captured.</summary>
    [GeneratedRegex("<at(?:\\s[^>]*)?>(.*?)</at>", RegexOptions.IgnoreCase | RegexOptions.Singleline)]
    private static partial Regex AtTag();

    /// <summary>Where a formatted message breaks a line: <c>&lt;br&gt;</c>, the end of a paragraph or a list item.</summary>
    [GeneratedRegex(@"<br\s*/?>|</p>|</li>|</div>", RegexOptions.IgnoreCase)]
    private static partial Regex LineBreakRegex();

    /// <summary>Any other tag of a formatted message.</summary>
    [GeneratedRegex(@"</?[a-zA-Z][^<>]*>")]
    private static partial Regex TagRegex();

    /// <summary>Runs of spaces and tabs (line breaks are kept).</summary>
    [GeneratedRegex(@"[ \t\u00A0]{2,}")]
    private static partial Regex SpacesRegex();
}
