using System.Text.Json;
using System.Text.Json.Serialization;
using GuidelineBot.Knowledge;
using GuidelineBot.Storage;

namespace GuidelineBot.Hosting;

/// <summary>
/// <c>/readyz</c>: 503 until the knowledge index is built (<see cref="IndexWarmup"/> calls <see cref="MarkKnowledgeReady"/>)
/// and while the store cannot be reached; 503 again from the moment the host starts stopping (before the server stops
/// and the background queues drain), so a load balancer stops sending first. Otherwise 200 with
/// <see cref="ReadyStatus"/>, whose hash is the live knowledge's (it follows reloads).
/// </summary>
internal sealed class Readiness(StoreDatabase store, IHostApplicationLifetime lifetime, TimeProvider time, ILogger<Readiness> logger,
    LiveKnowledge? live = null)
{
    /// <summary>How long a store check may take before the replica counts as not ready.</summary>
    private static readonly TimeSpan StoreTimeout = TimeSpan.FromSeconds(3);

    private volatile string? _knowledgeHash;

    public void MarkKnowledgeReady(string knowledgeHash) => _knowledgeHash = knowledgeHash;

    public async Task<(bool Ready, ReadyStatus Status)> CheckAsync(CancellationToken cancellationToken)
    {
        if (lifetime.ApplicationStopping.IsCancellationRequested)
        {
            return (false, new ReadyStatus("stopping", _knowledgeHash, null));
        }

        if (_knowledgeHash is not { } marked)
        {
            return (false, new ReadyStatus("starting", null, null));
        }

        var hash = live?.Version ?? marked;

        // The token asks the driver to stop; the wait ends on time even when it does not (Npgsql keeps waiting for its own
        // connection timeout on a server that accepts and never answers). The abandoned check's own failure is observed
        // and dropped: this check has already reported the store.
        using var timeout = new CancellationTokenSource(StoreTimeout, time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        var check = store.SchemaVersionAsync(linked.Token);
        _ = check.ContinueWith(abandoned => abandoned.Exception, CancellationToken.None,
            TaskContinuationOptions.OnlyOnFaulted | TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
        try
        {
            var version = await check.WaitAsync(StoreTimeout, time, cancellationToken);
            return (true, new ReadyStatus("ready", hash, version));
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            logger.LogWarning("Not ready: the store ({Store}) is unreachable: {Message}", store.Describe(), ex.Message);
            return (false, new ReadyStatus("store unreachable", hash, null));
        }
    }
}

/// <summary>The <c>/readyz</c> body.</summary>
/// <param name="Status"><c>ready</c>, <c>starting</c>, <c>store unreachable</c> or <c>stopping</c>.</param>
/// <param name="KnowledgeHash">The knowledge content hash (<see cref="GuidelineBot.Core.Knowledge.KnowledgeBase.Version"/>) once the index is built.</param>
/// <param name="SchemaVersion">The store's schema version when it was reachable.</param>
internal sealed record ReadyStatus(string Status, string? KnowledgeHash, int? SchemaVersion);

/// <summary>The <c>/healthz</c> body: alive, and the live knowledge's content hash (null while the first index is built).</summary>
internal sealed record LiveStatus(string Status, string? KnowledgeHash);

[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(ReadyStatus))]
[JsonSerializable(typeof(LiveStatus))]
internal sealed partial class ProbeJsonContext : JsonSerializerContext;
