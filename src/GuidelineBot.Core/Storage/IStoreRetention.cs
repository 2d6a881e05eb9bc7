namespace GuidelineBot.Core.Storage;

/// <summary>Deletes what is kept only for a while (<c>Storage:RetentionDays</c>); acknowledgements and onboarding state stay.</summary>
public interface IStoreRetention
{
    /// <summary>Deletes records made before <paramref name="cutoff"/> and claims expired by <paramref name="now"/>.</summary>
    /// <returns>Rows deleted per table.</returns>
    Task<IReadOnlyDictionary<string, int>> PurgeAsync(DateTimeOffset cutoff, DateTimeOffset now, CancellationToken cancellationToken);
}
