namespace GuidelineBot.Slack.Commands;

/// <summary>The fields of a slash-command post that GuidelineBot uses (<c>token</c> is deprecated and ignored).</summary>
/// <param name="Text">The text after the command, with Slack markup removed.</param>
public sealed record SlashCommand(
    string Command,
    string Text,
    string UserId,
    string? TeamId,
    string? ChannelId,
    string? ResponseUrl,
    string? TriggerId);
