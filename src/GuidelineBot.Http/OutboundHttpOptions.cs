namespace GuidelineBot.Http;

/// <summary>Timeouts and retries of one outbound HttpClient (named options, the client's name), see <see cref="PostSafeResilience"/>.</summary>
public sealed class OutboundHttpOptions
{
    /// <summary>Upper bound for one call including all retries and Retry-After waits.</summary>
    public TimeSpan TotalTimeout { get; set; } = TimeSpan.FromSeconds(90);

    /// <summary>One attempt: past this the call fails and is not repeated (the other side may have acted on it).</summary>
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(10);

    public int MaxRetryAttempts { get; set; } = 5;

    /// <summary>First back-off delay (exponential with jitter) when no Retry-After says how long to wait.</summary>
    public TimeSpan BaseDelay { get; set; } = TimeSpan.FromSeconds(1);
}
