using System.Xml.Linq;
using GuidelineBot.Core.Storage;
using Microsoft.AspNetCore.DataProtection.Repositories;

namespace GuidelineBot.Hosting;

/// <summary>
/// The key ring's elements in the store. Data protection calls it synchronously, when it first needs the keys and then
/// about once a day, or to add a key (every 90 days); a failure while it still has the keys read before is logged by it
/// and retried.
/// </summary>
internal sealed class StoreXmlRepository(IKeyRingStore store, TimeProvider time) : IXmlRepository
{
    public IReadOnlyCollection<XElement> GetAllElements() =>
        [.. store.ListAsync(CancellationToken.None).GetAwaiter().GetResult().Select(x => XElement.Parse(x))];

    public void StoreElement(XElement element, string friendlyName)
    {
        ArgumentNullException.ThrowIfNull(element);
        var name = string.IsNullOrEmpty(friendlyName) ? Guid.NewGuid().ToString("N") : friendlyName;
        store.AddAsync(name, element.ToString(SaveOptions.DisableFormatting), time.GetUtcNow(), CancellationToken.None).GetAwaiter().GetResult();
    }
}
