using GuidelineBot.Core.Onboarding;
using GuidelineBot.Slack.Api;
using GuidelineBot.Slack.Conversation;
using GuidelineBot.Slack.Events;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace GuidelineBot.Slack.Onboarding;

/// <summary>
/// <c>member_joined_channel</c> for the channel in <c>Onboarding:SlackChannel</c> (e.g. a #new-staff channel): with
/// <c>Onboarding:AutoStart</c> on, the person who joined gets onboarding in a DM. Other channels, and the bot itself, are ignored.
/// </summary>
internal sealed class MemberJoinedChannelHandler(
    SlackConversation conversation,
    IOptions<SlackOnboardingOptions> options,
    IOptions<SlackOptions> slack,
    IOptions<OnboardingOptions> engineOptions,
    SlackBotIdentity identity,
    SlackApiClient api,
    ILogger<MemberJoinedChannelHandler> logger) : ISlackEventHandler
{
    public string EventType => "member_joined_channel";

    public async Task<bool> AcceptsAsync(SlackEventEnvelope envelope, SlackEvent slackEvent, CancellationToken cancellationToken)
    {
        var configured = options.Value.ChannelId;
        if (!engineOptions.Value.AutoStart || configured.Length == 0 || slackEvent.Channel != configured || slackEvent.UserId is not { Length: > 0 } userId)
        {
            logger.LogDebug("Slack member_joined_channel {EventId} in {Channel} is not for onboarding", envelope.EventId, slackEvent.Channel);
            return false;
        }

        if (userId == await identity.GetUserIdAsync(envelope, api, cancellationToken))
        {
            logger.LogDebug("Slack member_joined_channel {EventId}: the bot itself joined", envelope.EventId);
            return false;
        }

        return true;
    }

    public async Task HandleAsync(SlackEventEnvelope envelope, SlackEvent slackEvent, CancellationToken cancellationToken)
    {
        var userId = slackEvent.UserId!;

        // The event carries only the id: users.info gives the name to greet and record, and tells other bots and apps apart.
        var logId = envelope.EventId ?? "member_joined_channel";
        var info = await api.GetUserAsync(userId, logId, cancellationToken);
        if (info is { IsBot: true })
        {
            logger.LogDebug("Slack member_joined_channel {EventId}: {User} is a bot, an app or deleted; no onboarding", envelope.EventId, userId);
            return;
        }

        var person = SlackContext.For(slack.Value, userId, envelope.TeamId ?? slackEvent.Team, channel: null, isDirect: true, info?.Name ?? "");
        await conversation.AutoStartAsync(person, logId, cancellationToken);
    }
}
