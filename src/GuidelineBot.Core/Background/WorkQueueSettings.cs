namespace GuidelineBot.Core.Background;

/// <summary>
/// One channel's queue: <paramref name="Name"/> labels its depth metric (<c>guidelinebot.queue.depth</c>) and spans
/// (<c>guidelinebot.{name}.work</c>); at most <paramref name="Capacity"/> items wait; <paramref name="Consumers"/> run at once.
/// </summary>
public sealed record WorkQueueSettings<T>(string Name, int Capacity, int Consumers);
