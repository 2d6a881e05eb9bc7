using GuidelineBot.Core.Logging;
using GuidelineBot.Core.Onboarding;
using GuidelineBot.Slack.Interactions;
using GuidelineBot.Slack.Rendering;
using Microsoft.Extensions.Logging;

namespace GuidelineBot.Slack.Onboarding;

/// <summary>
/// Onboarding buttons (Next, I have a question, Pause, a check-question choice, the acknowledgement, Continue): the
/// value goes to the engine as the input it encodes; the next messages are posted in the DM. A stale or repeated click
/// is answered by the engine ("That button is from an earlier step…"), never applied twice.
/// </summary>
internal sealed class OnboardingActionHandler(SlackOnboarding onboarding, ILogger<OnboardingActionHandler> logger) : ISlackActionHandler
{
    public bool CanHandle(string actionId) => actionId.StartsWith(SlackOnboardingRenderer.ActionPrefix, StringComparison.Ordinal);

    public async Task HandleAsync(InteractionPayload payload, SlackAction action, CancellationToken cancellationToken)
    {
        if (!OnboardingInput.TryParseButtonValue(action.Value, out var input))
        {
            logger.LogWarning("Slack onboarding action {ActionId} has an unknown value {Value}", action.ActionId, action.Value);
            return;
        }

        var user = payload.User!;
        var person = new SlackPerson(user.Id!, user.TeamId ?? payload.Team?.Id);
        var channel = payload.Channel?.Id ?? payload.Container?.ChannelId;
        var dm = channel?.StartsWith('D') == true ? channel : null;
        await onboarding.StepAndQueueAsync(person, input, dm, $"{action.ActionId}={action.Value} by {LogText.Pseudonym(user.Id)} at {action.ActionTs}", cancellationToken);
    }
}
