using GuidelineBot.Slack.Onboarding;
using Microsoft.Extensions.Logging;

namespace GuidelineBot.Slack.Events;

/// <summary>
/// <c>message.im</c>: a person writes to the bot directly. Onboarding gets the text first (a trigger, or anything typed
/// while their onboarding is active); otherwise it is answered in the DM (in a thread only if they used one).
/// </summary>
internal sealed class DirectMessageHandler(
    SlackEventAnswerer answerer,
    SlackOnboarding onboarding,
    ILogger<DirectMessageHandler> logger) : ISlackEventHandler
{
    public string EventType => "message";

    public async Task<bool> AcceptsAsync(SlackEventEnvelope envelope, SlackEvent slackEvent, CancellationToken cancellationToken)
    {
        // Bot posts, edits, deletions, joins etc. carry a subtype; only a person's new message is a question.
        if (slackEvent.ChannelType != "im" || slackEvent.Subtype is not null)
        {
            logger.LogDebug("Slack event {EventId} is not a new direct message ({ChannelType}, {Subtype}); not answering",
                envelope.EventId, slackEvent.ChannelType, slackEvent.Subtype);
            return false;
        }

        return await answerer.CanAnswerAsync(envelope, slackEvent, cancellationToken);
    }

    public async Task HandleAsync(SlackEventEnvelope envelope, SlackEvent slackEvent, CancellationToken cancellationToken)
    {
        if (slackEvent.UserId is { Length: > 0 } userId && slackEvent.Channel is { Length: > 0 } channel)
        {
            var text = SlackText.ToQuestion(slackEvent.Text);
            var person = new SlackPerson(userId, envelope.TeamId ?? slackEvent.Team);
            if (await onboarding.WantsDirectMessageAsync(person, text, cancellationToken))
            {
                await onboarding.StepAndPostAsync(person, new Core.Onboarding.OnboardingInput.FreeText(text), channel,
                    envelope.EventId ?? "message", cancellationToken);
                return;
            }
        }

        await answerer.AnswerAsync(envelope, slackEvent, threadTs: slackEvent.ThreadTs, cancellationToken);
    }
}
