using GuidelineBot.Core.Answers;
using GuidelineBot.Core.Telemetry;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace GuidelineBot.Core.Onboarding;

/// <summary>
/// The channel-neutral onboarding engine. Channels translate what a person typed or clicked into an
/// <see cref="OnboardingInput"/> and render the returned <see cref="OnboardingOutput"/>s in order. All state is in the
/// <see cref="IOnboardingStore"/>: any replica can take any step, and a restart loses nothing.
/// </summary>
public sealed class OnboardingService
{
    private const int MaxAttempts = 5;
    private readonly IOnboardingStore _store;
    private readonly AnswerService _answers;
    private readonly TimeProvider _time;
    private readonly OnboardingOptions _options;
    private readonly ILogger<OnboardingService> _logger;
    private readonly string _contact;
    private readonly GuidelineMetrics _metrics;
    private readonly IOnboardingCatalogSource _catalog;

    public OnboardingService(IOnboardingStore store, IOnboardingCatalogSource catalog, AnswerService answers, TimeProvider time,
        IOptions<OnboardingOptions> options, IOptions<AnswerOptions> answerOptions, ILogger<OnboardingService> logger, GuidelineMetrics metrics)
    {
        _metrics = metrics;
        _store = store;
        _catalog = catalog;
        _answers = answers;
        _time = time;
        _options = options.Value;
        _logger = logger;
        _contact = answerOptions.Value.Contact;
    }

    /// <summary>
    /// What the final summary shows besides the titles, from the knowledge as it is now (a reload may have changed
    /// the example sections since the service was built).
    /// </summary>
    private OnboardingMachine.SummaryInfo Summary()
    {
        var knowledge = _answers.Knowledge;
        return new(AnswerService.Examples(knowledge), _contact, knowledge.Documents);
    }

    /// <summary>The documents and check questions this onboarding covers (the current ones when knowledge is live).</summary>
    public OnboardingCatalog Catalog => _catalog.Current;

    /// <summary>
    /// Takes one step for <paramref name="key"/> and returns the messages to show, in order. Typed text that is not a
    /// command (<see cref="OnboardingInput.FreeText"/>) picks a check-question choice when one is open, otherwise it is
    /// answered from the guidelines with a "Continue onboarding?" offer; under an open check question, text the guidelines
    /// do not answer gets "not one of the choices" and the question again. An acknowledgement is committed to the store
    /// before this returns the <see cref="OnboardingAcknowledgementRecorded"/> output. Concurrent steps for the same
    /// person (double clicks, two replicas) are serialized by the store's version check.
    /// </summary>
    /// <param name="displayName">The person's name as the channel knows it (stored with state and acknowledgements).</param>
    public async Task<IReadOnlyList<OnboardingOutput>> HandleAsync(OnboardingKey key, OnboardingInput input, string displayName,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(input);
        if (input is OnboardingInput.FreeText typed && OnboardingInput.FromText(typed.Text) is not OnboardingInput.FreeText)
        {
            input = OnboardingInput.FromText(typed.Text);
        }

        for (var attempt = 1; attempt <= MaxAttempts; attempt++)
        {
            var state = await _store.GetAsync(key, cancellationToken);
            var now = _time.GetUtcNow();
            var step = input;
            switch (input)
            {
                case OnboardingInput.FreeText free when state is not null && OnboardingMachine.MatchChoice(state, Catalog, free.Text, now) is { } choice:
                    step = new OnboardingInput.Answer(choice);
                    break;
                case OnboardingInput.FreeText when state is { Step: OnboardingStep.Checking, IsCompleted: false } && !OnboardingMachine.IsChecking(state, Catalog, now):
                    // A typed choice for a question that is gone since it was shown (its document changed, or onboarding.yml
                    // no longer has it): say so where there is something to say, and show where the person is now.
                    step = new OnboardingInput.Resume();
                    break;
                case OnboardingInput.FreeText free when state is { Step: OnboardingStep.Acknowledging, IsCompleted: false } && OnboardingInput.IsAffirmation(free.Text):
                    // "yes", "I agree", "understood" typed where the step asks to acknowledge the document (a document
                    // changed since is said and shown again by the machine, as for the button).
                    step = new OnboardingInput.Acknowledge();
                    break;
                case OnboardingInput.FreeText free:
                    var answered = Answer(free.Text, state);
                    // Under an open check question, text the guidelines do not answer was most likely meant as a choice,
                    // unless it is asked as a question.
                    return answered.Reply is NoAnswerReply && state is { Step: OnboardingStep.Checking, IsCompleted: false }
                           && !free.Text.TrimEnd().EndsWith('?')
                        ? OnboardingMachine.NotAChoice(state, Catalog, Summary(), free.Text, now)
                        : [answered];
                case OnboardingInput.AskQuestion { Text: { } question } when !string.IsNullOrWhiteSpace(question):
                    return [Answer(question, state)];
            }

            var result = OnboardingMachine.Apply(state, step, key, displayName ?? "", Catalog, Summary(), now);
            if (result.NewState is null)
            {
                return result.Outputs;
            }

            if (await _store.TrySaveAsync(result.NewState, result.Acknowledgement, cancellationToken) is not null)
            {
                Count(state, result.NewState);
                return result.Outputs;
            }

            _logger.LogDebug("Onboarding state of {Key} changed concurrently (attempt {Attempt}); deciding again", key, attempt);
        }

        _logger.LogWarning("Onboarding state of {Key} kept changing concurrently; gave up after {Attempts} attempts", key, MaxAttempts);
        return [new OnboardingNotice(OnboardingNoticeKind.Busy, "Sorry, that didn't go through — please try again.")];
    }

    /// <summary>
    /// True while the person is part-way through and not paused: channels then send their typed text here
    /// (as <see cref="OnboardingInput.FreeText"/>) instead of to the plain answer path.
    /// </summary>
    public async Task<bool> IsActiveAsync(OnboardingKey key, CancellationToken cancellationToken) =>
        await _store.GetAsync(key, cancellationToken) is { IsCompleted: false, IsPaused: false };

    /// <summary>
    /// For a person who just joined (Teams membersAdded, Slack team_join): when <c>Onboarding:AutoStart</c> is on and
    /// they never had an onboarding, starts one and returns its first messages; otherwise returns nothing. The first
    /// stored state wins, so duplicate or retried join events (also on other replicas) start a person only once.
    /// </summary>
    public async Task<IReadOnlyList<OnboardingOutput>> AutoStartAsync(OnboardingKey key, string displayName, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(key);
        if (!_options.AutoStart || Catalog.Documents.Count == 0)
        {
            return [];
        }

        for (var attempt = 1; attempt <= MaxAttempts; attempt++)
        {
            if (await _store.GetAsync(key, cancellationToken) is not null)
            {
                return [];
            }

            var result = OnboardingMachine.Apply(null, new OnboardingInput.Start(), key, displayName ?? "", Catalog, Summary(), _time.GetUtcNow());
            if (result.NewState is null || await _store.TrySaveAsync(result.NewState, null, cancellationToken) is not null)
            {
                Count(null, result.NewState);
                return result.Outputs;
            }
        }

        return [];
    }

    /// <summary>Onboarding started / completed meters, from a saved step's before and after.</summary>
    private void Count(OnboardingState? before, OnboardingState? after)
    {
        if (after is null)
        {
            return;
        }

        if (before?.StartedAt != after.StartedAt)
        {
            _metrics.OnboardingStarted(after.Key.Channel);
        }

        if (after.IsCompleted && before is not { IsCompleted: true })
        {
            _metrics.OnboardingCompleted(after.Key.Channel);
        }
    }

    private OnboardingAnsweredQuestion Answer(string question, OnboardingState? state) =>
        new(_answers.Ask(question), OfferContinue: state is { IsCompleted: false });
}
