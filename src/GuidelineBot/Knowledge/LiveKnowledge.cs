using GuidelineBot.Core.Knowledge;
using GuidelineBot.Core.Onboarding;
using Microsoft.Extensions.Options;

namespace GuidelineBot.Knowledge;

/// <summary>
/// The knowledge that answers right now: one <see cref="KnowledgeSnapshot"/>, replaced as a whole by a reload (the
/// file watcher's, or <c>POST /admin/reload</c>). Reloads run one at a time; the first snapshot is built on first use.
/// </summary>
internal sealed class LiveKnowledge(KnowledgeSnapshotBuilder builder, IOptions<KnowledgeOptions> options, ILogger<LiveKnowledge> logger,
    ServerKnowledgeStart? serverStart = null)
    : IKnowledgeStatus, IOnboardingCatalogSource, IDisposable
{
    private readonly SemaphoreSlim _reload = new(1, 1);
    private volatile KnowledgeSnapshot? _current;
    private volatile string? _fingerprint;

    /// <summary>Set while the store cannot be read, so an outage is logged once, not on every check.</summary>
    private volatile bool _storeUnreadable;

    /// <summary>
    /// The current snapshot; the first use builds it and waits for it — in the server (<see cref="ServerKnowledgeStart"/>)
    /// without waiting for its semantic index, which is built in the background (see <see cref="Hosting.IndexWarmup"/>).
    /// </summary>
    public KnowledgeSnapshot Snapshot => _current ?? First();

    /// <summary>Snapshots are built for the server (see <see cref="ServerKnowledgeStart"/>), not for the command line.</summary>
    private bool ForServer => serverStart is not null;

    private KnowledgeSnapshot First()
    {
        _reload.Wait();
        try
        {
            if (_current is null)
            {
                var fingerprint = KnowledgeFolder.Fingerprint(options.Value.Path);
                _current = Swap(null, builder.BuildAsync(null, ForServer, CancellationToken.None).GetAwaiter().GetResult());
                _fingerprint = fingerprint;
            }

            return _current;
        }
        finally
        {
            _reload.Release();
        }
    }

    /// <summary>The knowledge content hash once the first snapshot is built, else null (never builds it).</summary>
    public string? Version => _current?.Status.Version;

    /// <summary>The folder's <see cref="KnowledgeFolder.Fingerprint"/> as the last reload saw it (null before the first).</summary>
    public string? Fingerprint => _fingerprint;

    public KnowledgeStatus Current => Snapshot.Status;

    /// <summary>
    /// Whether the store's approved expert answers differ from the ones the live snapshot was built with (another
    /// replica's approval too). False before the first snapshot, without a store, while the store cannot be read, and once stopping.
    /// </summary>
    public async Task<bool> ExpertAnswersChangedAsync(CancellationToken cancellationToken)
    {
        if (_current is not { } current)
        {
            return false;
        }

        try
        {
            var version = await builder.ExpertAnswersVersionAsync(cancellationToken);
            _storeUnreadable = false;
            return version != current.ExpertAnswersVersion;
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            if (cancellationToken.IsCancellationRequested)
            {
                // Stopping (the read cancelled, or the store failed in its own way first, a driver's timeout): nothing to check any more.
                return false;
            }

            if (!_storeUnreadable)
            {
                _storeUnreadable = true;
                logger.LogWarning(ex, "Cannot check the store for newly approved expert answers; the ones loaded before stay live");
            }

            return false;
        }
    }

    OnboardingCatalog IOnboardingCatalogSource.Current => Snapshot.Onboarding;

    public async Task<KnowledgeStatus> ReloadAsync(CancellationToken cancellationToken)
    {
        await _reload.WaitAsync(cancellationToken);
        try
        {
            var live = _current;
            var fingerprint = KnowledgeFolder.Fingerprint(options.Value.Path);
            KnowledgeSnapshot next;
            try
            {
                next = await builder.BuildAsync(live, ForServer, cancellationToken);
            }
            catch (Exception ex) when (live is not null && ex is not OperationCanceledException and not OutOfMemoryException)
            {
                logger.LogError(ex, "Reloading the knowledge failed; knowledge {KnowledgeHash} stays live", live.Status.Version);
                return live.Status;
            }

            _current = Swap(live, next);
            _fingerprint = fingerprint;
            return next.Status;
        }
        finally
        {
            _reload.Release();
        }
    }

    public void Dispose()
    {
        (_current?.Search as IDisposable)?.Dispose();
        _reload.Dispose();
    }

    /// <summary>Logs what the new snapshot brings. The old one is left to the garbage collector, never disposed: requests may still be using it.</summary>
    private KnowledgeSnapshot Swap(KnowledgeSnapshot? live, KnowledgeSnapshot next)
    {
        if (ReferenceEquals(live, next))
        {
            return next;
        }

        foreach (var warning in next.Status.Warnings)
        {
            if (warning.Message.StartsWith(KnowledgeSnapshotBuilder.NoDocuments, StringComparison.Ordinal))
            {
                // Its own line below, with the folder's full path.
                continue;
            }

            if (warning.Loaded)
            {
                logger.LogWarning("Knowledge file {File} (line {Line}): {Message}", warning.File, warning.Line, warning.Message);
            }
            else if (live is null)
            {
                // The first load (and every command line's only one) has no earlier version to keep.
                logger.LogWarning("Skipped knowledge file {File} (line {Line}): {Message}", warning.File, warning.Line, warning.Message);
            }
            else
            {
                logger.LogWarning("Skipped knowledge file {File} (line {Line}): {Message}; its last good version, if any, stays live",
                    warning.File, warning.Line, warning.Message);
            }
        }

        var status = next.Status;
        if (status.Warnings.FirstOrDefault(w => w.Message.StartsWith(KnowledgeSnapshotBuilder.NoDocuments, StringComparison.Ordinal)) is { } empty)
        {
            logger.LogWarning("No guideline documents are loaded from {Folder}: {What}",
                System.IO.Path.GetFullPath(options.Value.Path), empty.Message[KnowledgeSnapshotBuilder.NoDocuments.Length..]);
        }

        logger.LogInformation("{Action} knowledge {KnowledgeHash}: {Documents} documents, {Sections} sections, {Questions} check questions",
            live is null ? "Loaded" : "Reloaded", status.Version, status.Documents.Count, status.Documents.Sum(d => d.Sections),
            next.Onboarding.Documents.Sum(d => d.Questions.Count));
        return next;
    }
}

/// <summary>
/// Registered by the server only (<see cref="KnowledgeReloadEndpoint.AddLiveKnowledge"/>): its first snapshot answers
/// before its semantic index is built, and no question waits for the model's session. The command line always waits
/// for the whole engine.
/// </summary>
internal sealed class ServerKnowledgeStart;
