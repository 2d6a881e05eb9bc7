using GuidelineBot.Core.Onboarding;
using GuidelineBot.Core.Storage;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace GuidelineBot.IntegrationTests.Storage;

/// <summary>The server creates and migrates its store at start-up, in the factory's own temp file.</summary>
public sealed class StoreStartupTests
{
    [Fact]
    public async Task Server_start_creates_the_sqlite_file_in_wal_mode_with_the_schema()
    {
        await using var factory = new GuidelineBotFactory();
        Assert.False(File.Exists(factory.DatabasePath));

        using var client = factory.CreateClient(); // starts the host: hosted services run the migrations

        Assert.True(File.Exists(factory.DatabasePath));
        await using var connection = new SqliteConnection($"Data Source={factory.DatabasePath};Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA journal_mode";
        Assert.Equal("wal", (string?)await command.ExecuteScalarAsync());
        command.CommandText = "SELECT count(*) FROM schema_migrations";
        Assert.True((long)(await command.ExecuteScalarAsync())! >= 1);
    }

    [Fact]
    public async Task Once_store_from_the_server_claims_once()
    {
        await using var factory = new GuidelineBotFactory();
        using var client = factory.CreateClient();
        var once = factory.Services.GetRequiredService<IOnceStore>();
        var now = DateTimeOffset.UtcNow;

        Assert.True(await once.TryClaimAsync("test", "k1", now, null, CancellationToken.None));
        Assert.False(await once.TryClaimAsync("test", "k1", now, null, CancellationToken.None));
    }

    [Fact]
    public async Task Server_wires_the_onboarding_engine_to_its_store_and_the_shipped_check_questions()
    {
        await using var factory = new GuidelineBotFactory();
        using var client = factory.CreateClient();
        var engine = factory.Services.GetRequiredService<OnboardingService>();
        var key = new OnboardingKey("teams", "29:wiring");

        var outputs = await engine.HandleAsync(key, OnboardingInput.FromText("start onboarding"), "Wiring Test", CancellationToken.None);

        Assert.IsType<OnboardingGreeting>(outputs[0]);
        Assert.Equal(5, engine.Catalog.Documents.Single().Questions.Count);
        Assert.Empty(engine.Catalog.Errors);
        Assert.True(await engine.IsActiveAsync(key, CancellationToken.None));
        Assert.NotNull(await factory.Services.GetRequiredService<IOnboardingStore>().GetAsync(key, CancellationToken.None));
    }
}
