using GuidelineBot.Core.Onboarding;
using GuidelineBot.Core.Storage;
using GuidelineBot.Storage;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace GuidelineBot.IntegrationTests.Slack;

/// <summary>
/// The server's real feedback and onboarding stores, which fail like a locked database while <see cref="Broken"/> is
/// set: for testing what the endpoints do when the store is down.
/// </summary>
public sealed class BreakableStores
{
    private volatile bool _broken;

    public bool Broken
    {
        get => _broken;
        set => _broken = value;
    }

    /// <summary>Replaces <see cref="IFeedbackStore"/> and <see cref="IOnboardingStore"/> in the server's services.</summary>
    public void Install(IServiceCollection services)
    {
        services.AddSingleton<IFeedbackStore>(sp => new Feedback(new SqlFeedbackStore(sp.GetRequiredService<StoreDatabase>()), this));
        services.AddSingleton<IOnboardingStore>(sp => new Onboarding(new SqlOnboardingStore(sp.GetRequiredService<StoreDatabase>()), this));
    }

    private void ThrowIfBroken()
    {
        if (_broken)
        {
            throw new SqliteException("database is locked (test: the store is down)", 5);
        }
    }

    private sealed class Feedback(IFeedbackStore inner, BreakableStores state) : IFeedbackStore
    {
        public Task AddAsync(FeedbackRecord feedback, CancellationToken cancellationToken)
        {
            state.ThrowIfBroken();
            return inner.AddAsync(feedback, cancellationToken);
        }

        public Task<bool> VoteAsync(FeedbackRecord feedback, string voteKey, CancellationToken cancellationToken)
        {
            state.ThrowIfBroken();
            return inner.VoteAsync(feedback, voteKey, cancellationToken);
        }

        public Task<IReadOnlyList<FeedbackRecord>> ListAsync(CancellationToken cancellationToken) => inner.ListAsync(cancellationToken);
    }

    private sealed class Onboarding(IOnboardingStore inner, BreakableStores state) : IOnboardingStore
    {
        public Task<OnboardingState?> GetAsync(OnboardingKey key, CancellationToken cancellationToken)
        {
            state.ThrowIfBroken();
            return inner.GetAsync(key, cancellationToken);
        }

        public Task<OnboardingState?> TrySaveAsync(OnboardingState onboarding, OnboardingAcknowledgement? acknowledgement, CancellationToken cancellationToken)
        {
            state.ThrowIfBroken();
            return inner.TrySaveAsync(onboarding, acknowledgement, cancellationToken);
        }

        public Task<IReadOnlyList<OnboardingState>> ListStatesAsync(CancellationToken cancellationToken) => inner.ListStatesAsync(cancellationToken);

        public Task<IReadOnlyList<OnboardingAcknowledgement>> ListAcknowledgementsAsync(CancellationToken cancellationToken) =>
            inner.ListAcknowledgementsAsync(cancellationToken);
    }
}
