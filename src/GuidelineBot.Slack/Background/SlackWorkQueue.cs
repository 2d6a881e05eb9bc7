using System.Threading.Channels;

namespace GuidelineBot.Slack.Background;

/// <summary>
/// Bounded hand-off between the HTTP handlers (which must ack within Slack's 3 s) and <see cref="SlackWorker"/>.
/// When it stays full the handler answers 503, so Slack retries later instead of the answer being lost.
/// </summary>
public sealed class SlackWorkQueue(TimeProvider time)
{
    public const int Capacity = 512;
    private static readonly TimeSpan EnqueueWait = TimeSpan.FromSeconds(1);

    private readonly Channel<SlackWork> _channel = Channel.CreateBounded<SlackWork>(new BoundedChannelOptions(Capacity)
    {
        FullMode = BoundedChannelFullMode.Wait,
    });

    internal ChannelReader<SlackWork> Reader => _channel.Reader;

    public int Count => _channel.Reader.Count;

    /// <returns>false when the queue stayed full (or the server is stopping): the caller must report failure.</returns>
    public async Task<bool> TryEnqueueAsync(SlackWork work, CancellationToken cancellationToken)
    {
        if (_channel.Writer.TryWrite(work))
        {
            return true;
        }

        using var timeout = new CancellationTokenSource(EnqueueWait, time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(timeout.Token, cancellationToken);
        try
        {
            await _channel.Writer.WriteAsync(work, linked.Token);
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

    internal void Complete() => _channel.Writer.TryComplete();
}
