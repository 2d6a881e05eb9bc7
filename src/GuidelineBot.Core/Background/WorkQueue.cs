using System.Diagnostics;
using System.Threading.Channels;

namespace GuidelineBot.Core.Background;

/// <summary>
/// Bounded hand-off between a channel's HTTP endpoint, which acknowledges at once, and the <see cref="WorkQueueWorker{T}"/>
/// that does the work. When it stays full, or once the server is stopping, nothing more is accepted: the endpoint answers
/// 503 and the sender retries later, so nothing acknowledged is dropped. Each item keeps the trace of the request that
/// queued it, so the worker continues that trace.
/// </summary>
public sealed class WorkQueue<T>(int capacity, TimeProvider time)
{
    private static readonly TimeSpan EnqueueWait = TimeSpan.FromSeconds(1);

    private readonly Channel<Queued<T>> _channel = Channel.CreateBounded<Queued<T>>(new BoundedChannelOptions(capacity)
    {
        FullMode = BoundedChannelFullMode.Wait,
    });

    public ChannelReader<Queued<T>> Reader => _channel.Reader;

    public int Count => _channel.Reader.Count;

    /// <returns>false when the queue stayed full for a second or the server is stopping: the caller must report failure.</returns>
    public async Task<bool> TryEnqueueAsync(T item, CancellationToken cancellationToken)
    {
        var queued = new Queued<T>(item, Activity.Current?.Context ?? default);
        if (_channel.Writer.TryWrite(queued))
        {
            return true;
        }

        using var timeout = new CancellationTokenSource(EnqueueWait, time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(timeout.Token, cancellationToken);
        try
        {
            await _channel.Writer.WriteAsync(queued, linked.Token);
            return true;
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return false;
        }
        catch (ChannelClosedException)
        {
            return false;
        }
    }

    /// <summary>Stop accepting; what is queued can still be read.</summary>
    public void Complete() => _channel.Writer.TryComplete();
}

/// <summary>An item and the trace of the request that queued it.</summary>
public readonly record struct Queued<T>(T Item, ActivityContext Trace);
