using System.Data.Common;
using System.Globalization;
using GuidelineBot.Core.Onboarding;

namespace GuidelineBot.Storage;

/// <summary>
/// <see cref="IOnboardingStore"/> on SQLite or PostgreSQL. A state's <see cref="OnboardingState.Acknowledged"/> is read
/// from the acknowledgements (<see cref="OnboardingState.WithAcknowledgedFrom"/>; they are written in the same transaction
/// as the step), not stored twice. Saves are optimistic: an insert only when no row exists (version 0), an update only
/// <c>WHERE version = @read</c>; zero affected rows means someone else saved first. The state change and its
/// acknowledgement commit together, durably, before the caller is told it worked.
/// </summary>
public sealed class SqlOnboardingStore(StoreDatabase database) : IOnboardingStore
{
    private const string Columns =
        "channel, user_id, display_name, step, document_index, document_id, section_index, check_index, started_at, updated_at, paused_at, completed_at, version, " +
        "document_hash, document_begun_at";

    private const string AcknowledgementColumns = "channel, user_id, display_name, document_id, document_title, content_hash, acknowledged_at";

    public async Task<OnboardingState?> GetAsync(OnboardingKey key, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(key);
        await using var connection = await database.OpenMigratedAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT {Columns} FROM onboarding_states WHERE channel = @channel AND user_id = @user";
        StoreDatabase.Add(command, "channel", key.Channel);
        StoreDatabase.Add(command, "user", key.UserId);
        OnboardingState state;
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            if (!await reader.ReadAsync(cancellationToken))
            {
                return null;
            }

            state = ReadState(reader);
        }

        await using var acknowledged = connection.CreateCommand();
        acknowledged.CommandText = $"""
            SELECT {AcknowledgementColumns} FROM onboarding_acknowledgements
            WHERE channel = @channel AND user_id = @user
            """;
        StoreDatabase.Add(acknowledged, "channel", key.Channel);
        StoreDatabase.Add(acknowledged, "user", key.UserId);
        return state.WithAcknowledgedFrom(await ReadAcknowledgementsAsync(acknowledged, cancellationToken));
    }

    public async Task<OnboardingState?> TrySaveAsync(OnboardingState state, OnboardingAcknowledgement? acknowledgement, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(state);
        await using var connection = await database.OpenMigratedAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var saved = state with { Version = state.Version + 1 };

        await using (var command = connection.CreateCommand())
        {
            command.Transaction = transaction;
            command.CommandText = state.Version == 0
                ? $"""
                   INSERT INTO onboarding_states ({Columns})
                   VALUES (@channel, @user, @name, @step, @document_index, @document_id, @section_index, @check_index,
                           @started_at, @updated_at, @paused_at, @completed_at, @version, @document_hash, @document_begun_at)
                   ON CONFLICT (channel, user_id) DO NOTHING
                   """
                : """
                  UPDATE onboarding_states
                  SET display_name = @name, step = @step, document_index = @document_index, document_id = @document_id,
                      section_index = @section_index, check_index = @check_index, started_at = @started_at,
                      updated_at = @updated_at, paused_at = @paused_at, completed_at = @completed_at, version = @version,
                      document_hash = @document_hash, document_begun_at = @document_begun_at
                  WHERE channel = @channel AND user_id = @user AND version = @expected
                  """;
            StoreDatabase.Add(command, "channel", saved.Key.Channel);
            StoreDatabase.Add(command, "user", saved.Key.UserId);
            StoreDatabase.Add(command, "name", saved.DisplayName);
            StoreDatabase.Add(command, "step", saved.Step.ToString());
            StoreDatabase.Add(command, "document_index", saved.DocumentIndex);
            StoreDatabase.Add(command, "document_id", saved.DocumentId);
            StoreDatabase.Add(command, "section_index", saved.SectionIndex);
            StoreDatabase.Add(command, "check_index", saved.CheckIndex);
            database.AddTime(command, "started_at", saved.StartedAt);
            database.AddTime(command, "updated_at", saved.UpdatedAt);
            database.AddTime(command, "paused_at", saved.PausedAt);
            database.AddTime(command, "completed_at", saved.CompletedAt);
            StoreDatabase.Add(command, "version", saved.Version);
            StoreDatabase.Add(command, "document_hash", saved.DocumentHash);
            database.AddTime(command, "document_begun_at", saved.DocumentBegunAt);
            if (state.Version != 0)
            {
                StoreDatabase.Add(command, "expected", state.Version);
            }

            if (await command.ExecuteNonQueryAsync(cancellationToken) != 1)
            {
                await transaction.RollbackAsync(cancellationToken);
                return null;
            }
        }

        if (acknowledgement is not null)
        {
            await using var insert = connection.CreateCommand();
            insert.Transaction = transaction;
            insert.CommandText = """
                INSERT INTO onboarding_acknowledgements (channel, user_id, display_name, document_id, document_title, content_hash, acknowledged_at)
                VALUES (@channel, @user, @name, @document_id, @title, @hash, @at)
                """;
            StoreDatabase.Add(insert, "channel", acknowledgement.Channel);
            StoreDatabase.Add(insert, "user", acknowledgement.UserId);
            StoreDatabase.Add(insert, "name", acknowledgement.DisplayName);
            StoreDatabase.Add(insert, "document_id", acknowledgement.DocumentId);
            StoreDatabase.Add(insert, "title", acknowledgement.DocumentTitle);
            StoreDatabase.Add(insert, "hash", acknowledgement.ContentHash);
            database.AddTime(insert, "at", acknowledgement.AcknowledgedAt);
            await insert.ExecuteNonQueryAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        return saved;
    }

    public async Task<IReadOnlyList<OnboardingState>> ListStatesAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenMigratedAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT {Columns} FROM onboarding_states ORDER BY started_at, channel, user_id";
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var states = new List<OnboardingState>();
        while (await reader.ReadAsync(cancellationToken))
        {
            states.Add(ReadState(reader));
        }

        var acknowledgements = (await ListAcknowledgementsAsync(cancellationToken)).ToLookup(a => new OnboardingKey(a.Channel, a.UserId));
        return states.Select(s => s.WithAcknowledgedFrom(acknowledgements[s.Key])).ToList();
    }

    public async Task<IReadOnlyList<OnboardingAcknowledgement>> ListAcknowledgementsAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenMigratedAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT {AcknowledgementColumns} FROM onboarding_acknowledgements ORDER BY id";
        return await ReadAcknowledgementsAsync(command, cancellationToken);
    }

    private async Task<List<OnboardingAcknowledgement>> ReadAcknowledgementsAsync(DbCommand command, CancellationToken cancellationToken)
    {
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var acknowledgements = new List<OnboardingAcknowledgement>();
        while (await reader.ReadAsync(cancellationToken))
        {
            acknowledgements.Add(new OnboardingAcknowledgement(reader.GetString(0), reader.GetString(1), reader.GetString(2),
                reader.GetString(3), reader.GetString(4), reader.GetString(5), database.ReadTime(reader, 6)));
        }

        return acknowledgements;
    }

    private OnboardingState ReadState(DbDataReader reader) => new(
        new OnboardingKey(reader.GetString(0), reader.GetString(1)),
        reader.GetString(2),
        Enum.Parse<OnboardingStep>(reader.GetString(3)),
        Convert.ToInt32(reader.GetValue(4), CultureInfo.InvariantCulture),
        reader.GetString(5),
        reader.GetString(13),
        reader.IsDBNull(14) ? null : database.ReadTime(reader, 14),
        Convert.ToInt32(reader.GetValue(6), CultureInfo.InvariantCulture),
        Convert.ToInt32(reader.GetValue(7), CultureInfo.InvariantCulture),
        [],
        database.ReadTime(reader, 8),
        database.ReadTime(reader, 9),
        reader.IsDBNull(10) ? null : database.ReadTime(reader, 10),
        reader.IsDBNull(11) ? null : database.ReadTime(reader, 11),
        Convert.ToInt64(reader.GetValue(12), CultureInfo.InvariantCulture));
}
