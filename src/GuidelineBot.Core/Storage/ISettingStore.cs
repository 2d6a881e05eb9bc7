namespace GuidelineBot.Core.Storage;

/// <summary>
/// A few named values the bot learns and keeps across restarts and replicas, e.g. the Teams service URL of the experts'
/// team, learned when the bot is installed there.
/// </summary>
public interface ISettingStore
{
    Task<string?> GetAsync(string key, CancellationToken cancellationToken);

    /// <summary>Sets (or replaces) the value.</summary>
    Task SetAsync(string key, string value, DateTimeOffset at, CancellationToken cancellationToken);
}
