using GuidelineBot.Core.Logging;
using GuidelineBot.Core.Onboarding;
using GuidelineBot.Slack.Api;
using GuidelineBot.Slack.Commands;
using Microsoft.Extensions.DependencyInjection;

namespace GuidelineBot.Slack.Onboarding;

/// <summary>
/// <c>/guidelines onboard</c> (also <c>start onboarding</c>, <c>resume</c>, …): takes the step and continues in the
/// person's DM with the app; the command itself answers ephemerally that the DM was sent.
/// </summary>
/// <remarks>
/// Every slash command is matched against this, and nearly all are questions: <see cref="SlackOnboarding"/> (with its
/// Web API client) is resolved from the request's services only when the command is an onboarding one.
/// </remarks>
internal sealed class OnboardCommandKeyword(IServiceProvider requestServices) : ISlackCommandKeyword
{
    public const string SentText = "I've sent you a direct message: the onboarding walk-through continues there. :wave:";
    public const string FailedText = "Sorry, I couldn't start the onboarding just now — please try again in a minute.";

    public bool Matches(SlashCommand command) => OnboardingInput.IsTrigger(command.Text);

    public async Task<CommandResponse> HandleAsync(SlashCommand command, CancellationToken cancellationToken)
    {
        var person = new SlackPerson(command.UserId, command.TeamId, command.UserName ?? "");
        var logId = $"{command.Command} {command.Text} by {LogText.Pseudonym(command.UserId)}";
        var onboarding = requestServices.GetRequiredService<SlackOnboarding>();
        var queued = await onboarding.StepAndQueueAsync(person, OnboardingInput.FromText(command.Text), dmChannel: null, logId, cancellationToken);
        return new CommandResponse(CommandResponse.Ephemeral, queued ? SentText : FailedText);
    }
}
