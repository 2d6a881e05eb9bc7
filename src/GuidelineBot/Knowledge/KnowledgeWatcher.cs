using System.Threading.Channels;
using GuidelineBot.Core.Knowledge;
using Microsoft.Extensions.Options;

namespace GuidelineBot.Knowledge;

/// <summary>
/// Reloads the knowledge when its folder changes: on a file watcher event (after <see cref="Debounce"/> of quiet, as an
/// editor's save or a copy raises several), and on a cheap check every <c>Knowledge:PollSeconds</c> for the changes a
/// watcher misses (mounted volumes that swap a symlink) and for expert answers approved in the store (by any replica).
/// Nothing happens before the first snapshot is built.
/// </summary>
internal sealed class KnowledgeWatcher(LiveKnowledge live, IOptions<KnowledgeOptions> options, TimeProvider time, ILogger<KnowledgeWatcher> logger)
    : BackgroundService
{
    /// <summary>Quiet time after a watcher event before the reload starts.</summary>
    internal static readonly TimeSpan Debounce = TimeSpan.FromMilliseconds(300);

    /// <summary>Events that keep coming (a long copy) delay the reload by at most this many <see cref="Debounce"/>s.</summary>
    private const int MaxQuietWaits = 5;

    private readonly Channel<bool> _events = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var path = options.Value.Path;
        var poll = TimeSpan.FromSeconds(options.Value.PollSeconds);
        using var watcher = Watch(path);
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                var changed = await NextEventAsync(poll, stoppingToken);
                for (var i = 0; changed && i < MaxQuietWaits && await NextEventAsync(Debounce, stoppingToken); i++)
                {
                }

                if (live.Fingerprint is not { } loaded
                    || (!changed && KnowledgeFolder.Fingerprint(path) == loaded && !await live.ExpertAnswersChangedAsync(stoppingToken)))
                {
                    continue;
                }

                try
                {
                    await live.ReloadAsync(stoppingToken);
                }
                catch (Exception ex) when (ex is not OperationCanceledException and not OutOfMemoryException)
                {
                    logger.LogError(ex, "Reloading the knowledge from {Path} failed", path);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopped; also when the host is disposed without a stop (a start that failed later), which would
            // otherwise report the watcher as crashed.
        }
    }

    /// <summary>True when a watcher event came within <paramref name="timeout"/> (on the injected clock).</summary>
    private async Task<bool> NextEventAsync(TimeSpan timeout, CancellationToken stoppingToken)
    {
        using var timer = new CancellationTokenSource(timeout, time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken, timer.Token);
        try
        {
            return await _events.Reader.ReadAsync(linked.Token);
        }
        catch (OperationCanceledException) when (!stoppingToken.IsCancellationRequested)
        {
            return false;
        }
    }

    /// <summary>A watcher on the folder and everything in it; null (polling only) when the system refuses one.</summary>
    private FileSystemWatcher? Watch(string path)
    {
        try
        {
            var watcher = new FileSystemWatcher(Path.GetFullPath(path))
            {
                IncludeSubdirectories = true,
                NotifyFilter = NotifyFilters.FileName | NotifyFilters.DirectoryName | NotifyFilters.LastWrite | NotifyFilters.Size
                               | NotifyFilters.CreationTime,
            };
            FileSystemEventHandler changed = (_, _) => _events.Writer.TryWrite(true);
            watcher.Changed += changed;
            watcher.Created += changed;
            watcher.Deleted += changed;
            watcher.Renamed += (_, _) => _events.Writer.TryWrite(true);
            watcher.Error += (_, e) => logger.LogDebug(e.GetException(), "The knowledge folder watcher reported an error; the periodic check continues");
            watcher.EnableRaisingEvents = true;
            return watcher;
        }
        catch (Exception ex) when (ex is IOException or ArgumentException or UnauthorizedAccessException or PlatformNotSupportedException)
        {
            logger.LogWarning("Cannot watch {Path} for changes ({Message}); checking it every {Seconds} s instead", path, ex.Message,
                options.Value.PollSeconds);
            return null;
        }
    }
}
