using GuidelineBot.Core.Storage;

namespace GuidelineBot.Storage;

/// <summary>
/// <see cref="IOnceStore"/> on SQLite or PostgreSQL. A claim is one <c>INSERT … ON CONFLICT</c>: the database decides
/// who was first (one affected row), so it holds across threads, processes and replicas. An expired claim is taken over
/// by the same statement; expired rows are deleted now and then.
/// </summary>
public sealed class SqlOnceStore(StoreDatabase database) : IOnceStore
{
    private static readonly TimeSpan PurgeInterval = TimeSpan.FromMinutes(10);

    // Per instance (not static): when this store last deleted expired claims, in UTC ticks.
    private long _nextPurgeTicks;

    public async Task<bool> TryClaimAsync(string scope, string key, DateTimeOffset now, TimeSpan? expiresAfter, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(scope);
        ArgumentException.ThrowIfNullOrEmpty(key);
        if (expiresAfter is { } ttl && ttl <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(expiresAfter), expiresAfter, "must be positive when set");
        }

        await using var connection = await database.OpenMigratedAsync(cancellationToken);
        await using (var claim = connection.CreateCommand())
        {
            claim.CommandText = """
                INSERT INTO once_claims (scope, claim_key, claimed_at, expires_at)
                VALUES (@scope, @key, @now, @expires)
                ON CONFLICT (scope, claim_key) DO UPDATE
                    SET claimed_at = excluded.claimed_at, expires_at = excluded.expires_at
                    WHERE once_claims.expires_at IS NOT NULL AND once_claims.expires_at <= excluded.claimed_at
                """;
            StoreDatabase.Add(claim, "scope", scope);
            StoreDatabase.Add(claim, "key", key);
            database.AddTime(claim, "now", now);
            database.AddTime(claim, "expires", now + expiresAfter);
            var claimed = await claim.ExecuteNonQueryAsync(cancellationToken) == 1;

            await PurgeExpiredIfDueAsync(connection, now, cancellationToken);
            return claimed;
        }
    }

    public async Task ReleaseAsync(string scope, string key, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(scope);
        ArgumentException.ThrowIfNullOrEmpty(key);
        await using var connection = await database.OpenMigratedAsync(cancellationToken);
        await using var release = connection.CreateCommand();
        release.CommandText = "DELETE FROM once_claims WHERE scope = @scope AND claim_key = @key";
        StoreDatabase.Add(release, "scope", scope);
        StoreDatabase.Add(release, "key", key);
        await release.ExecuteNonQueryAsync(cancellationToken);
    }

    private async Task PurgeExpiredIfDueAsync(System.Data.Common.DbConnection connection, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var due = Interlocked.Read(ref _nextPurgeTicks);
        if (now.UtcTicks < due ||
            Interlocked.CompareExchange(ref _nextPurgeTicks, (now + PurgeInterval).UtcTicks, due) != due)
        {
            return;
        }

        await using var purge = connection.CreateCommand();
        purge.CommandText = "DELETE FROM once_claims WHERE expires_at IS NOT NULL AND expires_at < @now";
        database.AddTime(purge, "now", now);
        await purge.ExecuteNonQueryAsync(cancellationToken);
    }
}
