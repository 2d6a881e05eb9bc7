using Microsoft.Extensions.Time.Testing;

namespace GuidelineBot.IntegrationTests.Slack;

/// <summary>A fake Slack API plus the real server pointed at it (real clock).</summary>
public class SlackHost : IAsyncLifetime
{
    public FakeSlackApi Api { get; private set; } = null!;

    public SlackBotFactory Factory { get; private set; } = null!;

    public HttpClient Client { get; private set; } = null!;

    protected virtual TimeProvider? Time => null;

    public virtual DateTimeOffset Now => DateTimeOffset.UtcNow;

    public async Task InitializeAsync()
    {
        Api = await FakeSlackApi.StartAsync();
        Factory = new SlackBotFactory(Api, Time);
        Client = Factory.CreateClient();
    }

    public async Task DisposeAsync()
    {
        Client.Dispose();
        await Factory.DisposeAsync();
        await Api.DisposeAsync();
    }

    public static string NewId(string prefix) => prefix + Guid.NewGuid().ToString("N")[..12].ToUpperInvariant();
}

/// <summary>The same with a <see cref="FakeTimeProvider"/> as the server's clock (signature windows).</summary>
public sealed class SlackFakeClockHost : SlackHost
{
    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero));

    protected override TimeProvider? Time => Clock;

    public override DateTimeOffset Now => Clock.GetUtcNow();
}

/// <summary>One real-clock Slack host shared by the Slack test classes (each server start builds the index).</summary>
[CollectionDefinition(Name)]
public sealed class SlackCollection : ICollectionFixture<SlackHost>
{
    public const string Name = "Slack server";
}
