using System.Text.Json;
using GuidelineBot.Core.Conversation;
using GuidelineBot.Core.Onboarding;
using GuidelineBot.Slack.Api;
using GuidelineBot.Slack.Conversation;
using GuidelineBot.Slack.Events;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace GuidelineBot.Slack.Onboarding;

/// <summary>
/// <c>team_join</c>: a new person in the workspace (<c>event.user</c> is a user object). With <c>Onboarding:AutoStart</c>
/// on, they get onboarding in a DM; bots and apps never do.
/// </summary>
internal sealed class TeamJoinHandler(SlackConversation conversation, IOptions<OnboardingOptions> options, IOptions<SlackOptions> slack,
    ILogger<TeamJoinHandler> logger)
    : ISlackEventHandler
{
    public string EventType => "team_join";

    public Task<bool> AcceptsAsync(SlackEventEnvelope envelope, SlackEvent slackEvent, CancellationToken cancellationToken)
    {
        if (!options.Value.AutoStart)
        {
            logger.LogDebug("Slack team_join {EventId}: Onboarding:AutoStart is off", envelope.EventId);
            return Task.FromResult(false);
        }

        if (slackEvent.User is not { ValueKind: JsonValueKind.Object } || slackEvent.UserId is not { Length: > 0 } userId)
        {
            logger.LogWarning("Slack team_join {EventId} has no user object; ignored", envelope.EventId);
            return Task.FromResult(false);
        }

        if (Person(slack.Value, envelope, slackEvent) is null)
        {
            logger.LogDebug("Slack team_join {EventId}: {User} is a bot, an app or deleted; no onboarding", envelope.EventId, userId);
            return Task.FromResult(false);
        }

        return Task.FromResult(true);
    }

    public Task HandleAsync(SlackEventEnvelope envelope, SlackEvent slackEvent, CancellationToken cancellationToken) =>
        Person(slack.Value, envelope, slackEvent) is { } person
            ? conversation.AutoStartAsync(person, envelope.EventId ?? "team_join", cancellationToken)
            : Task.CompletedTask;

    private static ConversationContext? Person(SlackOptions options, SlackEventEnvelope envelope, SlackEvent slackEvent)
    {
        if (slackEvent.User is not { ValueKind: JsonValueKind.Object } user || slackEvent.UserId is not { Length: > 0 } userId ||
            SlackUserInfo.From(user) is not { IsBot: false } info)
        {
            return null;
        }

        var teamId = envelope.TeamId ?? (user.TryGetProperty("team_id", out var team) && team.ValueKind == JsonValueKind.String ? team.GetString() : null);
        return SlackContext.For(options, userId, teamId, channel: null, isDirect: true, info.Name);
    }
}
