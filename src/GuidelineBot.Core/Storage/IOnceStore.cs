namespace GuidelineBot.Core.Storage;

/// <summary>
/// "Do this once": the first caller to claim (scope, key) gets true, everyone after gets false — across threads,
/// restarts and replicas. Used for Slack event ids (deduplicating retries), the Teams welcome once per
/// conversation, and starting a person's onboarding once.
/// </summary>
public interface IOnceStore
{
    /// <param name="expiresAfter">When set, the claim may be forgotten after this long (e.g. seen event ids after a few hours).</param>
    Task<bool> TryClaimAsync(string scope, string key, DateTimeOffset now, TimeSpan? expiresAfter, CancellationToken cancellationToken);

    /// <summary>Gives a claim back (the claimed work failed), so the next <see cref="TryClaimAsync"/> wins again.</summary>
    Task ReleaseAsync(string scope, string key, CancellationToken cancellationToken);
}
