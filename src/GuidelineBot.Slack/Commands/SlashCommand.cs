namespace GuidelineBot.Slack.Commands;

/// <summary>The fields of a slash-command post that GuidelineBot uses (<c>token</c> is deprecated and ignored).</summary>
/// <param name="Text">The text after the command, with Slack markup removed.</param>
/// <param name="UserName">The <c>user_name</c> field (the person's Slack handle).</param>
public sealed record SlashCommand(
    string Command,
    string Text,
    string UserId,
    string? TeamId,
    string? ChannelId,
    string? ResponseUrl,
    string? TriggerId,
    string? UserName = null);
