using GuidelineBot.Core.Onboarding;
using GuidelineBot.Core.Storage;
using GuidelineBot.Storage;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace GuidelineBot.IntegrationTests.Slack;

/// <summary>
/// The server's real feedback, onboarding and once stores, which fail like a locked database while <see cref="Broken"/>
/// (feedback and onboarding) or <see cref="ClaimsBroken"/> (once) is set: for testing what the endpoints do when the
/// store is down.
/// </summary>
public sealed class BreakableStores
{
    private volatile bool _broken;
    private volatile bool _claimsBroken;

    public bool Broken
    {
        get => _broken;
        set => _broken = value;
    }

    public bool ClaimsBroken
    {
        get => _claimsBroken;
        set => _claimsBroken = value;
    }

    /// <summary>Replaces <see cref="IFeedbackStore"/>, <see cref="IOnboardingStore"/> and <see cref="IOnceStore"/> in the server's services.</summary>
    public void Install(IServiceCollection services)
    {
        services.AddSingleton<IFeedbackStore>(sp => new Feedback(new SqlFeedbackStore(sp.GetRequiredService<StoreDatabase>()), this));
        services.AddSingleton<IOnboardingStore>(sp => new Onboarding(new SqlOnboardingStore(sp.GetRequiredService<StoreDatabase>()), this));
        services.AddSingleton<IOnceStore>(sp => new Once(new SqlOnceStore(sp.GetRequiredService<StoreDatabase>()), this));
    }

    private static SqliteException Down() => new("database is locked (test: the store is down)", 5);

    private void ThrowIfBroken()
    {
        if (_broken)
        {
            throw Down();
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

        public Task<IReadOnlyList<FeedbackRecord>> ListAsync(DateTimeOffset since, CancellationToken cancellationToken) => inner.ListAsync(since, cancellationToken);
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

    private sealed class Once(IOnceStore inner, BreakableStores state) : IOnceStore
    {
        public Task<bool> TryClaimAsync(string scope, string key, DateTimeOffset now, TimeSpan? expiresAfter, CancellationToken cancellationToken) =>
            state.ClaimsBroken ? throw Down() : inner.TryClaimAsync(scope, key, now, expiresAfter, cancellationToken);

        public Task ReleaseAsync(string scope, string key, CancellationToken cancellationToken) =>
            state.ClaimsBroken ? throw Down() : inner.ReleaseAsync(scope, key, cancellationToken);
    }
}
