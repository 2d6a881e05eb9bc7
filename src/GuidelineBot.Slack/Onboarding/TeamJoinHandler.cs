using System.Text.Json;
using GuidelineBot.Slack.Api;
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

        if (SlackUserInfo.From(user) is not { IsBot: false } info)
        {
            logger.LogDebug("Slack team_join {EventId}: {User} is a bot, an app or deleted; no onboarding", envelope.EventId, userId);
            return Task.CompletedTask;
        }

        var teamId = envelope.TeamId ?? (user.TryGetProperty("team_id", out var team) && team.ValueKind == JsonValueKind.String ? team.GetString() : null);
        var person = new SlackPerson(userId, teamId, info.Name);
        return onboarding.AutoStartAsync(person, envelope.EventId ?? "team_join", cancellationToken);
    }
}
