using GuidelineBot.Core.Storage;
using GuidelineBot.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace GuidelineBot.IntegrationTests.Storage;

public sealed class StorageOptionsTests
{
    private static ServiceProvider Build(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        return new ServiceCollection().AddLogging().AddGuidelineStore(configuration).BuildServiceProvider();
    }

    [Fact]
    public void Unknown_provider_is_a_clear_start_up_error()
    {
        using var services = Build(new() { ["Storage:Provider"] = "Mongo", ["Storage:ConnectionString"] = "x" });

        var ex = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<StorageOptions>>().Value);
        Assert.Contains("Storage:Provider 'Mongo' is not supported", ex.Message);
    }

    [Theory]
    [InlineData("Sqlite", "Data Source=")]
    [InlineData("Postgres", "Npgsql")]
    public void Missing_connection_string_names_the_key(string provider, string hint)
    {
        using var services = Build(new() { ["Storage:Provider"] = provider });

        var ex = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<StorageOptions>>().Value);
        Assert.Contains("Storage:ConnectionString is missing", ex.Message);
        Assert.Contains(hint, ex.Message);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("-5")]
    public void Retention_days_below_one_is_a_clear_start_up_error(string days)
    {
        using var services = Build(new() { ["Storage:ConnectionString"] = "Data Source=x.db", ["Storage:RetentionDays"] = days });

        var ex = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<StorageOptions>>().Value);
        Assert.Contains("Storage:RetentionDays", ex.Message);
    }

    [Fact]
    public void Default_provider_is_sqlite_and_postgres_is_chosen_by_name()
    {
        var folder = Path.Combine(Path.GetTempPath(), "guidelinebot-tests", Guid.NewGuid().ToString("N"));
        using (var sqlite = Build(new() { ["Storage:ConnectionString"] = $"Data Source={folder}/a.db" }))
        {
            Assert.IsType<SqliteDatabase>(sqlite.GetRequiredService<StoreDatabase>());
            Assert.IsType<SqlOnceStore>(sqlite.GetRequiredService<IOnceStore>());
            Assert.IsType<SqlFeedbackStore>(sqlite.GetRequiredService<IFeedbackStore>());
        }

        using var postgres = Build(new() { ["Storage:Provider"] = "Postgres", ["Storage:ConnectionString"] = "Host=127.0.0.1;Database=x;Username=u" });
        Assert.IsType<PostgresDatabase>(postgres.GetRequiredService<StoreDatabase>());
        Assert.False(Directory.Exists(folder)); // nothing is created before first use
    }
}
