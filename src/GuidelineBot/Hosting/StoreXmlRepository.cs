using System.Xml.Linq;
using GuidelineBot.Core.Storage;
using Microsoft.AspNetCore.DataProtection.Repositories;

namespace GuidelineBot.Hosting;

/// <summary>
/// The key ring's elements in the store. Data protection calls it synchronously, when it first needs the keys and then
/// about once a day, or to add a key (every 90 days); a failure while it still has the keys read before is logged by it
/// and retried.
/// </summary>
/// <remarks>
/// The first key is made once for every replica. Each replica that reads an empty ring would make a key of its own, and
/// one that had read the ring before the other's key was stored would not know that key until its next daily read (data
/// protection looks again for an unknown key only in its first minutes): its pages' posts to the other replica would be
/// "expired" all day. So only the replica that claims the first key (<see cref="IOnceStore"/>) makes it; another one
/// waits until it is in the store (at most <see cref="FirstKeyWait"/>, after which it makes one itself).
/// </remarks>
internal sealed class StoreXmlRepository(IKeyRingStore store, IOnceStore once, TimeProvider time) : IXmlRepository
{
    /// <summary>How long a replica waits for the first key another one claimed (making it takes milliseconds).</summary>
    internal static readonly TimeSpan FirstKeyWait = TimeSpan.FromSeconds(10);

    /// <summary>A claim whose replica died before storing the key is taken over after this long.</summary>
    private static readonly TimeSpan ClaimLifetime = TimeSpan.FromMinutes(1);

    private static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(100);

    public IReadOnlyCollection<XElement> GetAllElements()
    {
        var elements = Read();
        if (elements.Count > 0 || Wait(() => once.TryClaimAsync("key-ring", "first-key", time.GetUtcNow(), ClaimLifetime, CancellationToken.None)))
        {
            return elements;
        }

        // Wall-clock waiting for another process, not the app's notion of time (a test's fake clock would never move it).
        var waited = System.Diagnostics.Stopwatch.StartNew();
        while (elements.Count == 0 && waited.Elapsed < FirstKeyWait)
        {
            Thread.Sleep(Poll);
            elements = Read();
        }

        return elements;
    }

    public void StoreElement(XElement element, string friendlyName)
    {
        ArgumentNullException.ThrowIfNull(element);
        var name = string.IsNullOrEmpty(friendlyName) ? Guid.NewGuid().ToString("N") : friendlyName;
        Wait(async () =>
        {
            await store.AddAsync(name, element.ToString(SaveOptions.DisableFormatting), time.GetUtcNow(), CancellationToken.None);
            return true;
        });
    }

    private IReadOnlyCollection<XElement> Read() =>
        [.. Wait(() => store.ListAsync(CancellationToken.None)).Select(x => XElement.Parse(x))];

    /// <summary>
    /// Data protection's synchronous call waits for the store on a pool thread. Called where a synchronization context
    /// runs (a dashboard page rendering its antiforgery token: Blazor's renderer), waiting on the caller's thread
    /// deadlocked with PostgreSQL, whose continuations queue back to that very context.
    /// </summary>
    private static T Wait<T>(Func<Task<T>> call) => Task.Run(call).GetAwaiter().GetResult();
}
