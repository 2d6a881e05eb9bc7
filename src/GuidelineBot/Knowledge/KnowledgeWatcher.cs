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

    /// <summary>Set when the folder itself was deleted, created, moved or its link repointed: the watcher must start again.</summary>
    private volatile bool _folderReplaced;

    /// <summary>
    /// How often the folder is checked while it is gone (deleted, its watcher with it) when <c>Knowledge:PollSeconds</c>
    /// is longer: a folder restored from a backup is seen again within this.
    /// </summary>
    internal static readonly TimeSpan UnwatchedPoll = TimeSpan.FromSeconds(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var path = options.Value.Path;
        var poll = TimeSpan.FromSeconds(options.Value.PollSeconds);
        var watcher = Watch(path, quiet: false);
        using var outside = WatchFromOutside(path);
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                // (Only while the folder is gone: with a watcher refused at start, the configured poll is the one.)
                var changed = await NextEventAsync(watcher is null && UnwatchedPoll < poll && !Directory.Exists(path) ? UnwatchedPoll : poll, stoppingToken);
                for (var i = 0; changed && i < MaxQuietWaits && await NextEventAsync(Debounce, stoppingToken); i++)
                {
                }

                if (live.Fingerprint is not { } loaded)
                {
                    continue;
                }

                // A change the watcher did not report: the folder was replaced (deleted and restored, moved aside, its
                // symlink pointed elsewhere), and the watcher still watches the old one, or none.
                var missed = !changed && KnowledgeFolder.Fingerprint(path) != loaded;
                if (!changed && !missed && !await live.ExpertAnswersChangedAsync(stoppingToken))
                {
                    continue;
                }

                if (missed || _folderReplaced || !Directory.Exists(path))
                {
                    _folderReplaced = false;
                    watcher?.Dispose();
                    watcher = Directory.Exists(path) ? Watch(path, quiet: true) : null;
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
        finally
        {
            watcher?.Dispose();
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

    /// <summary>
    /// A watcher on the folder's own entry in its parent folder: a folder deleted and restored, moved aside with another
    /// moved in its place, or a link to it repointed, raises no event inside the folder the other watcher watches.
    /// Null when there is no parent to watch.
    /// </summary>
    private FileSystemWatcher? WatchFromOutside(string path)
    {
        var full = Path.TrimEndingDirectorySeparator(Path.GetFullPath(path));
        if (Path.GetDirectoryName(full) is not { } parent || Path.GetFileName(full) is not { Length: > 0 } name)
        {
            return null;
        }

        try
        {
            var watcher = new FileSystemWatcher(parent, name)
            {
                IncludeSubdirectories = false,
                NotifyFilter = NotifyFilters.DirectoryName | NotifyFilters.FileName,
            };
            FileSystemEventHandler replaced = (_, _) => Replaced();
            watcher.Created += replaced;
            watcher.Deleted += replaced;
            watcher.Renamed += (_, _) => Replaced();
            watcher.EnableRaisingEvents = true;
            return watcher;
        }
        catch (Exception ex) when (ex is IOException or ArgumentException or UnauthorizedAccessException or PlatformNotSupportedException)
        {
            logger.LogDebug(ex, "Cannot watch the folder that holds {Path}; the periodic check sees it replaced", path);
            return null;
        }

        void Replaced()
        {
            _folderReplaced = true;
            _events.Writer.TryWrite(true);
        }
    }

    /// <summary>
    /// A watcher on the folder and everything in it (not the folders its symbolic links lead to: the periodic check
    /// sees those); null (polling only) when the system refuses one, which is logged unless <paramref name="quiet"/>
    /// (a folder watched again after it was replaced: said once at start is enough).
    /// </summary>
    private FileSystemWatcher? Watch(string path, bool quiet)
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
            logger.Log(quiet ? LogLevel.Debug : LogLevel.Warning, "Cannot watch {Path} for changes ({Message}); checking it every {Seconds} s instead", path, ex.Message,
                options.Value.PollSeconds);
            return null;
        }
    }
}
