using System.Collections.Concurrent;
using GuidelineBot.Core.Onboarding;
using GuidelineBot.Core.Questions;
using GuidelineBot.Core.Storage;

namespace GuidelineBot.UnitTests.Conversation;

/// <summary>In-memory stores with the contracts' semantics, for the conversation core without a database.</summary>
internal sealed class MemoryFeedbackStore : IFeedbackStore
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, FeedbackRecord> _votes = [];
    private readonly List<FeedbackRecord> _added = [];

    public Task AddAsync(FeedbackRecord feedback, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            _added.Add(feedback);
        }

        return Task.CompletedTask;
    }

    public Task<bool> VoteAsync(FeedbackRecord feedback, string voteKey, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            if (_votes.TryGetValue(voteKey, out var earlier) && earlier.Helpful == feedback.Helpful)
            {
                return Task.FromResult(false);
            }

            _votes[voteKey] = feedback;
            return Task.FromResult(true);
        }
    }

    public Task<IReadOnlyList<FeedbackRecord>> ListAsync(DateTimeOffset since, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            return Task.FromResult<IReadOnlyList<FeedbackRecord>>([.. _added.Concat(_votes.Values).Where(f => f.At >= since)]);
        }
    }
}

internal sealed class MemoryOnceStore : IOnceStore
{
    private readonly ConcurrentDictionary<(string, string), bool> _claims = new();

    public Task<bool> TryClaimAsync(string scope, string key, DateTimeOffset now, TimeSpan? expiresAfter, CancellationToken cancellationToken) =>
        Task.FromResult(_claims.TryAdd((scope, key), true));

    public Task ReleaseAsync(string scope, string key, CancellationToken cancellationToken)
    {
        _claims.TryRemove((scope, key), out _);
        return Task.CompletedTask;
    }
}

internal sealed class MemoryOnboardingStore : IOnboardingStore
{
    private readonly Lock _gate = new();
    private readonly Dictionary<OnboardingKey, OnboardingState> _states = [];
    private readonly List<OnboardingAcknowledgement> _acknowledgements = [];

    public Task<OnboardingState?> GetAsync(OnboardingKey key, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            return Task.FromResult(_states.GetValueOrDefault(key));
        }
    }

    public Task<OnboardingState?> TrySaveAsync(OnboardingState state, OnboardingAcknowledgement? acknowledgement, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            if ((_states.GetValueOrDefault(state.Key)?.Version ?? 0) != state.Version)
            {
                return Task.FromResult<OnboardingState?>(null);
            }

            var saved = state with { Version = state.Version + 1 };
            _states[state.Key] = saved;
            if (acknowledgement is not null)
            {
                _acknowledgements.Add(acknowledgement);
            }

            return Task.FromResult<OnboardingState?>(saved);
        }
    }

    public Task<IReadOnlyList<OnboardingState>> ListStatesAsync(CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            return Task.FromResult<IReadOnlyList<OnboardingState>>(_states.Values.ToList());
        }
    }

    public Task<IReadOnlyList<OnboardingAcknowledgement>> ListAcknowledgementsAsync(CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            return Task.FromResult<IReadOnlyList<OnboardingAcknowledgement>>(_acknowledgements.ToList());
        }
    }
}

/// <summary>Keeps what it is given; <see cref="Fail"/> makes every call throw (a database that is down).</summary>
internal sealed class MemoryQuestionLog : IQuestionLog
{
    private readonly ConcurrentQueue<QuestionRecord> _questions = new();
    private readonly ConcurrentQueue<(string Id, bool Helpful)> _feedback = new();

    public bool Fail { get; set; }

    public IReadOnlyList<QuestionRecord> Questions => _questions.ToArray();

    public IReadOnlyList<(string Id, bool Helpful)> Feedback => _feedback.ToArray();

    public Task RecordAsync(QuestionRecord question, CancellationToken cancellationToken)
    {
        ThrowIfFailing();
        _questions.Enqueue(question);
        return Task.CompletedTask;
    }

    public Task RecordFeedbackAsync(string questionId, bool helpful, CancellationToken cancellationToken)
    {
        ThrowIfFailing();
        _feedback.Enqueue((questionId, helpful));
        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<QuestionRecord>> ListAsync(DateTimeOffset? since, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<QuestionRecord>>(_questions.Reverse().ToArray());

    private void ThrowIfFailing()
    {
        if (Fail)
        {
            throw new InvalidOperationException("the question log is down");
        }
    }
}
