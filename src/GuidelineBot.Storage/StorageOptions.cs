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
