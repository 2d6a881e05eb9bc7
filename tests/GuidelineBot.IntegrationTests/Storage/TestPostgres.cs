using Npgsql;

namespace GuidelineBot.IntegrationTests.Storage;

/// <summary>
/// The PostgreSQL that <c>tests/scripts/postgres-start.sh</c> starts (tests/run.sh sources it) and names in
/// <c>GUIDELINEBOT_TEST_POSTGRES</c>. Without it a test fails when <c>CI</c> is set and is reported as skipped on a
/// developer machine. Each test works in its own fresh schema, dropped afterwards.
/// </summary>
public static class TestPostgres
{
    public const string Variable = "GUIDELINEBOT_TEST_POSTGRES";

    private static bool IsCi =>
        Environment.GetEnvironmentVariable("CI") is { Length: > 0 } ci &&
        !ci.Equals("false", StringComparison.OrdinalIgnoreCase) && ci != "0";

    /// <summary>The server's connection string; throws <see cref="SkipException"/> (dev) or fails (CI) without one.</summary>
    public static string ServerConnectionString()
    {
        var value = Environment.GetEnvironmentVariable(Variable);
        if (!string.IsNullOrWhiteSpace(value))
        {
            return value;
        }

        if (IsCi)
        {
            throw new InvalidOperationException(
                $"{Variable} is not set, and CI is: the PostgreSQL tests must run. tests/run.sh sources tests/scripts/postgres-start.sh, " +
                "which installs and starts PostgreSQL; its output says why it did not.");
        }

        throw new SkipException($"{Variable} is not set: run `source tests/scripts/postgres-start.sh` first (tests/run.sh does). Under CI=true this fails.");
    }

    /// <summary>Creates an empty schema and returns a connection string whose search path is that schema.</summary>
    public static async Task<(string ConnectionString, string Schema)> CreateSchemaAsync()
    {
        var server = ServerConnectionString();
        var schema = "gbt_" + Guid.NewGuid().ToString("N");
        await using (var connection = new NpgsqlConnection(server))
        {
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand($"CREATE SCHEMA {schema}", connection);
            await command.ExecuteNonQueryAsync();
        }

        var builder = new NpgsqlConnectionStringBuilder(server) { SearchPath = schema };
        return (builder.ConnectionString, schema);
    }

    public static async Task DropSchemaAsync(string schema)
    {
        await using var connection = new NpgsqlConnection(ServerConnectionString());
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"DROP SCHEMA IF EXISTS {schema} CASCADE", connection);
        await command.ExecuteNonQueryAsync();
    }
}
