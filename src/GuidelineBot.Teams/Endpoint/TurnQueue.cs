using GuidelineBot.Core.Background;
using GuidelineBot.Teams.Protocol;

namespace GuidelineBot.Teams.Endpoint;

/// <summary>Authenticated activities waiting for <see cref="TurnWorker"/>: the HTTP response does not wait for the answer.</summary>
internal sealed class TurnQueue(TimeProvider time) : WorkQueue<Activity>(Capacity, time)
{
    public const int Capacity = 1000;
}
