using System.Runtime.CompilerServices;
using Microsoft.Extensions.Options;

namespace GuidelineBot.Storage;

/// <summary>
/// <c>Storage</c> section: <c>Storage:Provider</c> (<c>Sqlite</c>, the default, or <c>Postgres</c>) and
/// <c>Storage:ConnectionString</c> (SQLite: <c>Data Source=data/guidelinebot.db</c>, the file and its folder are created
/// on first run; PostgreSQL: an Npgsql connection string).
/// </summary>
public sealed class StorageOptions
{
    public const string SectionName = "Storage";

    public string Provider { get; set; } = nameof(StorageProvider.Sqlite);

    public string ConnectionString { get; set; } = "";

    /// <summary>How long feedback, the question log, done expert outbox jobs (and expiring once-claims) are kept, in days; purged daily. Acknowledgements, tickets and suggestions are kept.</summary>
    public int RetentionDays { get; set; } = DefaultRetentionDays;

    public const int DefaultRetentionDays = 365;

    /// <summary>Upper bound for <see cref="RetentionDays"/> (a century): beyond it the cutoff would leave the calendar.</summary>
    public const int MaxRetentionDays = 36_500;

    /// <summary>The parsed <see cref="Provider"/>; only meaningful once the options validated.</summary>
    public StorageProvider ProviderKind =>
        TryParseProvider(Provider, out var kind) ? kind : throw new InvalidOperationException(UnknownProviderMessage(Provider));

    internal static bool TryParseProvider(string? value, out StorageProvider provider)
    {
        provider = StorageProvider.Sqlite;
        if (string.IsNullOrWhiteSpace(value))
        {
            return true;
        }

        switch (value.Trim().ToLowerInvariant())
        {
            case "sqlite":
                provider = StorageProvider.Sqlite;
                return true;
            case "postgres" or "postgresql" or "npgsql":
                provider = StorageProvider.Postgres;
                return true;
            default:
                return false;
        }
    }

    internal static string UnknownProviderMessage(string? value) =>
        $"Storage:Provider '{value}' is not supported: use 'Sqlite' (the default, an embedded file) or 'Postgres'.";
}

public enum StorageProvider
{
    Sqlite,
    Postgres,
}

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
