using GuidelineBot.Core.Background;

namespace GuidelineBot.Slack.Background;

/// <summary>
/// Bounded hand-off between the HTTP handlers (which must ack within Slack's 3 s) and <see cref="SlackWorker"/>.
/// When it stays full the handler answers 503, so Slack retries later instead of the answer being lost.
/// </summary>
public sealed class SlackWorkQueue(TimeProvider time) : WorkQueue<SlackWork>(Capacity, time)
{
    public const int Capacity = 512;
}
