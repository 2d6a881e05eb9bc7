using GuidelineBot.Storage;

namespace GuidelineBot.IntegrationTests.Storage;

/// <summary>The contract on PostgreSQL (tests/scripts/postgres-start.sh): a fresh schema per test.</summary>
public sealed class PostgresStoreTests : StoreContractTests
{
    private string? _connectionString;
    private string? _schema;

    protected override async Task<StoreDatabase> CreateStoreAsync()
    {
        (_connectionString, _schema) = await TestPostgres.CreateSchemaAsync();
        return new PostgresDatabase(_connectionString);
    }

    protected override StoreDatabase OpenAnother() => new PostgresDatabase(_connectionString!);

    protected override async Task DropStoreAsync()
    {
        if (_schema is not null)
        {
            await TestPostgres.DropSchemaAsync(_schema);
        }
    }
}
