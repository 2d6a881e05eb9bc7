using GuidelineBot.Teams.Protocol;

namespace GuidelineBot.Teams.Turns;

/// <summary>In channels and group chats the text holds <c>&lt;at&gt;Bot&lt;/at&gt;</c>: remove the bot's own mention, keep others.</summary>
internal static class MentionText
{
    public static string WithoutBotMention(Activity activity)
    {
        var text = activity.Text ?? "";
        var botId = activity.Recipient?.Id;
        if (string.IsNullOrEmpty(botId) || activity.Entities is null)
        {
            return text.Trim();
        }

        foreach (var mention in activity.Entities)
        {
            if (string.Equals(mention.Type, "mention", StringComparison.OrdinalIgnoreCase)
                && string.Equals(mention.Mentioned?.Id, botId, StringComparison.OrdinalIgnoreCase)
                && !string.IsNullOrEmpty(mention.Text))
            {
                text = text.Replace(mention.Text, "", StringComparison.OrdinalIgnoreCase);
            }
        }

        return text.Replace("&nbsp;", " ", StringComparison.Ordinal).Trim();
    }
}
