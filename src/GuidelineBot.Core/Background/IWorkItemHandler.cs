namespace GuidelineBot.Core.Background;

/// <summary>
/// What a channel does with one item of its <see cref="WorkQueue{T}"/>: the only per-channel part of the background
/// work. A singleton that <see cref="WorkQueueWorker{T}"/> hands every item to, concurrently (register it with
/// <c>AddWorkQueue&lt;T, THandler&gt;</c>): it keeps no state of an item.
/// </summary>
public interface IWorkItemHandler<in T>
{
    /// <summary>Does one item; <paramref name="cancellationToken"/> fires only when the shutdown timeout has run out.</summary>
    Task HandleAsync(T item, CancellationToken cancellationToken);

    /// <summary>How the item is named in the logs (no personal data, short).</summary>
    string Describe(T item);
}
