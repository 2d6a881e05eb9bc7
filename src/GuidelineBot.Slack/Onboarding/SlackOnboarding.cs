using GuidelineBot.Core.Onboarding;
using GuidelineBot.Slack.Api;
using GuidelineBot.Slack.Background;
using GuidelineBot.Slack.Rendering;
using Microsoft.Extensions.Logging;

namespace GuidelineBot.Slack.Onboarding;

/// <summary>
/// Onboarding in Slack: takes a step in the core's <see cref="OnboardingService"/> (which stores it), renders the
/// outputs as Block Kit and gets them into the person's DM with the app. From an HTTP request (slash command, button)
/// the step is taken at once — an acknowledgement is committed before Slack gets its 200 — and the posting is queued;
/// from an event (already in the background) it is posted directly.
/// </summary>
internal sealed class SlackOnboarding(
    OnboardingService engine,
    SlackOnboardingRenderer renderer,
    SlackDirectMessages directMessages,
    SlackWorkQueue queue,
    SlackApiClient api,
    ILogger<SlackOnboarding> logger)
{
    /// <summary>Takes the step and queues the messages for the DM (<paramref name="dmChannel"/> if known, else opened).</summary>
    /// <returns>False when the messages could not be queued (logged).</returns>
    public async Task<bool> StepAndQueueAsync(SlackPerson person, OnboardingInput input, string? dmChannel, string logId,
        CancellationToken cancellationToken)
    {
        var outputs = await engine.HandleAsync(person.Key, input, person.DisplayName, cancellationToken);
        logger.LogInformation("Onboarding step {Input} for {Key} ({LogId}): {Outputs}", input.GetType().Name, person.LogName, logId,
            string.Join(", ", outputs.Select(o => o.GetType().Name)));
        var work = new DirectMessageWork(person.UserId, dmChannel, renderer.Render(outputs), logId);
        if (await queue.TryEnqueueAsync(work, cancellationToken))
        {
            return true;
        }

        logger.LogError("Onboarding messages for {Key} ({LogId}) not sent: the work queue is full", person.LogName, logId);
        return false;
    }

    /// <summary>Takes the step and posts the messages into <paramref name="dmChannel"/> now (background callers).</summary>
    /// <remarks>A start typed in the DM carries no name: it is looked up (<c>users.info</c>) so greeting and records have one.</remarks>
    public async Task StepAndPostAsync(SlackPerson person, OnboardingInput input, string dmChannel, string logId, CancellationToken cancellationToken)
    {
        if (person.DisplayName.Length == 0 && input is OnboardingInput.FreeText { Text: var text } && OnboardingInput.FromText(text) is OnboardingInput.Start &&
            await api.GetUserAsync(person.UserId, logId, cancellationToken) is { Name.Length: > 0 } info)
        {
            person = person with { DisplayName = info.Name };
        }

        var outputs = await engine.HandleAsync(person.Key, input, person.DisplayName, cancellationToken);
        logger.LogInformation("Onboarding step {Input} for {Key} ({LogId}): {Outputs}", input.GetType().Name, person.LogName, logId,
            string.Join(", ", outputs.Select(o => o.GetType().Name)));
        await directMessages.PostAsync(person.UserId, dmChannel, renderer.Render(outputs), logId, cancellationToken);
    }

    /// <summary>
    /// A person just joined: when <c>Onboarding:AutoStart</c> is on and they never had an onboarding, starts it and
    /// sends the first messages (<c>conversations.open</c> + <c>chat.postMessage</c>). The store decides "never had one",
    /// so repeated or retried join events, on any replica, start a person once.
    /// </summary>
    public async Task AutoStartAsync(SlackPerson person, string logId, CancellationToken cancellationToken)
    {
        var outputs = await engine.AutoStartAsync(person.Key, person.DisplayName, cancellationToken);
        if (outputs.Count == 0)
        {
            logger.LogInformation("Onboarding not auto-started for {Key} ({LogId}): auto-start is off or they already have one", person.LogName, logId);
            return;
        }

        logger.LogInformation("Onboarding auto-started for {Key} ({LogId})", person.LogName, logId);
        await directMessages.PostAsync(person.UserId, channel: null, renderer.Render(outputs), logId, cancellationToken);
    }

    /// <summary>
    /// True when a DM's text belongs to onboarding: a trigger (<c>onboard</c>, <c>start onboarding</c>, <c>resume</c>),
    /// or anything typed while the person's onboarding is active (not paused, not completed) — the engine then answers it
    /// (a check-question choice, next/pause, or a question answered from the guidelines with "Continue onboarding?").
    /// </summary>
    public async Task<bool> WantsDirectMessageAsync(SlackPerson person, string text, CancellationToken cancellationToken) =>
        OnboardingInput.IsTrigger(text) || await engine.IsActiveAsync(person.Key, cancellationToken);
}
