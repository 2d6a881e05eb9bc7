using System.Buffers.Binary;
using GuidelineBot.Core.Storage;

namespace GuidelineBot.Storage;

/// <summary>
/// <see cref="IVectorStore"/> on SQLite or PostgreSQL: table <c>sentence_vectors</c>, one row per (model, key), the
/// vector as float32 little-endian bytes (1,536 bytes for 384 dimensions). Saving is one transaction of
/// <c>INSERT … ON CONFLICT DO NOTHING</c>, so replicas saving the same vectors at once do not conflict.
/// </summary>
public sealed class SqlVectorStore(StoreDatabase database) : IVectorStore
{
    public async Task<IReadOnlyDictionary<string, float[]>> LoadAsync(string model, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(model);
        await using var connection = await database.OpenMigratedAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT vector_key, vector FROM sentence_vectors WHERE model = @model";
        StoreDatabase.Add(command, "model", model);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var vectors = new Dictionary<string, float[]>(StringComparer.Ordinal);
        while (await reader.ReadAsync(cancellationToken))
        {
            vectors[reader.GetString(0)] = FromBytes(reader.GetFieldValue<byte[]>(1));
        }

        return vectors;
    }

    public async Task SaveAsync(string model, IReadOnlyCollection<KeyValuePair<string, float[]>> vectors, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(model);
        ArgumentNullException.ThrowIfNull(vectors);
        await using var connection = await database.OpenMigratedAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = """
            INSERT INTO sentence_vectors (model, vector_key, vector) VALUES (@model, @key, @vector)
            ON CONFLICT (model, vector_key) DO NOTHING
            """;
        StoreDatabase.Add(command, "model", model);
        var keyParameter = StoreDatabase.Add(command, "key", "");
        var vectorParameter = StoreDatabase.Add(command, "vector", Array.Empty<byte>());
        foreach (var (key, vector) in vectors)
        {
            keyParameter.Value = key;
            vectorParameter.Value = ToBytes(vector);
            await command.ExecuteNonQueryAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
    }

    internal static byte[] ToBytes(float[] vector)
    {
        var bytes = new byte[vector.Length * sizeof(float)];
        for (var i = 0; i < vector.Length; i++)
        {
            BinaryPrimitives.WriteSingleLittleEndian(bytes.AsSpan(i * sizeof(float)), vector[i]);
        }

        return bytes;
    }

    internal static float[] FromBytes(byte[] bytes)
    {
        if (bytes.Length % sizeof(float) != 0)
        {
            throw new InvalidOperationException($"A stored vector has {bytes.Length} bytes, not a whole number of float32 values.");
        }

        var vector = new float[bytes.Length / sizeof(float)];
        for (var i = 0; i < vector.Length; i++)
        {
            vector[i] = BinaryPrimitives.ReadSingleLittleEndian(bytes.AsSpan(i * sizeof(float)));
        }

        return vector;
    }
}
