using System.Text.Json;
using GuidelineBot.Slack.Events;
using Microsoft.Extensions.Logging;

namespace GuidelineBot.Slack.Onboarding;

/// <summary>
/// <c>team_join</c>: a new person in the workspace (<c>event.user</c> is a user object). With <c>Onboarding:AutoStart</c>
/// on, they get onboarding in a DM; bots and apps never do.
/// </summary>
internal sealed class TeamJoinHandler(SlackOnboarding onboarding, ILogger<TeamJoinHandler> logger) : ISlackEventHandler
{
    public string EventType => "team_join";

    public Task HandleAsync(SlackEventEnvelope envelope, SlackEvent slackEvent, CancellationToken cancellationToken)
    {
        if (slackEvent.User is not { ValueKind: JsonValueKind.Object } user || slackEvent.UserId is not { Length: > 0 } userId)
        {
            logger.LogWarning("Slack team_join {EventId} has no user object; ignored", envelope.EventId);
            return Task.CompletedTask;
        }

        if (Flag(user, "is_bot") || Flag(user, "is_app_user") || Flag(user, "deleted"))
        {
            logger.LogDebug("Slack team_join {EventId}: {User} is a bot, an app or deleted; no onboarding", envelope.EventId, userId);
            return Task.CompletedTask;
        }

        var name = Text(user, "real_name") ?? Profile(user, "real_name") ?? Profile(user, "display_name") ?? Text(user, "name") ?? "";
        var person = new SlackPerson(userId, envelope.TeamId ?? Text(user, "team_id"), name);
        return onboarding.AutoStartAsync(person, envelope.EventId ?? "team_join", cancellationToken);
    }

    private static bool Flag(JsonElement user, string name) =>
        user.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.True;

    private static string? Text(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String && !string.IsNullOrWhiteSpace(value.GetString())
            ? value.GetString()!.Trim()
            : null;

    private static string? Profile(JsonElement user, string name) =>
        user.TryGetProperty("profile", out var profile) && profile.ValueKind == JsonValueKind.Object ? Text(profile, name) : null;
}
