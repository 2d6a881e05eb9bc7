using System.Runtime.CompilerServices;
using Microsoft.Extensions.Options;

namespace GuidelineBot.Storage;

/// <summary>Start-up validation with messages that say which key to fix.</summary>
internal sealed class StorageOptionsValidator : IValidateOptions<StorageOptions>
{
    public ValidateOptionsResult Validate(string? name, StorageOptions options)
    {
        if (!StorageOptions.TryParseProvider(options.Provider, out var provider))
        {
            return ValidateOptionsResult.Fail(StorageOptions.UnknownProviderMessage(options.Provider));
        }

        if (string.IsNullOrWhiteSpace(options.ConnectionString))
        {
            return ValidateOptionsResult.Fail(provider == StorageProvider.Sqlite
                ? "Storage:ConnectionString is missing: for SQLite set e.g. 'Data Source=data/guidelinebot.db' (env Storage__ConnectionString)."
                : "Storage:ConnectionString is missing: for Postgres set an Npgsql connection string, e.g. 'Host=db;Database=guidelinebot;Username=bot;Password=…' (env Storage__ConnectionString).");
        }

        if (options.RetentionDays is < 1 or > StorageOptions.MaxRetentionDays)
        {
            return ValidateOptionsResult.Fail(
                $"Storage:RetentionDays must be a whole number of days from 1 to {StorageOptions.MaxRetentionDays} (default {StorageOptions.DefaultRetentionDays}); got {options.RetentionDays}.");
        }

        try
        {
            if (provider == StorageProvider.Sqlite)
            {
                CheckSqlite(options.ConnectionString);
            }
            else
            {
                CheckPostgres(options.ConnectionString);
            }
        }
        catch (Exception ex) when (ex is ArgumentException or FormatException or KeyNotFoundException)
        {
            return ValidateOptionsResult.Fail($"Storage:ConnectionString is not a valid {provider} connection string: {ex.Message}");
        }

        return ValidateOptionsResult.Success;
    }

    private static void CheckSqlite(string connectionString) => _ = new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(connectionString).ToString();

    /// <summary>Apart (and never inlined), so that a SQLite store does not load Npgsql (≈1.4 MB of a lexical server's memory).</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void CheckPostgres(string connectionString) => _ = new Npgsql.NpgsqlConnectionStringBuilder(connectionString).ToString();
}
