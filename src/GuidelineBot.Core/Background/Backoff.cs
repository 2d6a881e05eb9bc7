namespace GuidelineBot.Core.Background;

/// <summary>Waits between tries of work that failed for a reason that can pass (the store down).</summary>
public static class Backoff
{
    /// <summary>The wait after <paramref name="delay"/>: twice as long, at most <paramref name="max"/>.</summary>
    public static TimeSpan Doubled(TimeSpan delay, TimeSpan max) => TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, max.Ticks));
}
