namespace GuidelineBot.UnitTests;

/// <summary>Waits for background work by polling a condition (never a fixed sleep as the assertion).</summary>
internal static class Eventually
{
    /// <summary>Polls <paramref name="done"/> every 5 ms; fails after 10 s, naming <paramref name="what"/>.</summary>
    public static async Task TrueAsync(Func<bool> done, string what)
    {
        for (var deadline = DateTime.UtcNow.AddSeconds(10); !done(); await Task.Delay(5))
        {
            Assert.True(DateTime.UtcNow < deadline, "timed out waiting until " + what);
        }
    }
}
