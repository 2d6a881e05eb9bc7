using Microsoft.Extensions.Time.Testing;

namespace GuidelineBot.UnitTests;

/// <summary>A fake clock that counts the timers made on it: a loop that waits on it has reached its wait once the count moves.</summary>
internal sealed class CountingClock : FakeTimeProvider
{
    private int _timers;

    public int Timers => Volatile.Read(ref _timers);

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        Interlocked.Increment(ref _timers);
        return base.CreateTimer(callback, state, dueTime, period);
    }
}
