using System.Threading.Channels;
using GuidelineBot.Teams.Protocol;
using ActivityContext = System.Diagnostics.ActivityContext;

namespace GuidelineBot.Teams.Endpoint;

/// <summary>
/// Authenticated activities waiting for <see cref="TurnWorker"/>: the HTTP response does not wait for the answer. Each
/// keeps the trace of the request that brought it, so the worker continues that trace.
/// </summary>
internal sealed class TurnQueue
{
    public const int Capacity = 1000;

    private readonly Channel<(Activity Activity, ActivityContext Trace)> _channel = Channel.CreateBounded<(Activity, ActivityContext)>(new BoundedChannelOptions(Capacity)
    {
        FullMode = BoundedChannelFullMode.Wait,
        SingleReader = false,
    });

    /// <summary>Activities waiting (the queue-depth gauge).</summary>
    public int Count => _channel.Reader.Count;

    /// <summary>False when the queue is full (the caller answers 503 and the Bot Connector retries).</summary>
    public bool TryEnqueue(Activity activity) => _channel.Writer.TryWrite((activity, System.Diagnostics.Activity.Current?.Context ?? default));

    public IAsyncEnumerable<(Activity Activity, ActivityContext Trace)> ReadAllAsync(CancellationToken cancellationToken) => _channel.Reader.ReadAllAsync(cancellationToken);
}
