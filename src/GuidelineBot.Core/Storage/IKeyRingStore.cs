namespace GuidelineBot.Core.Storage;

/// <summary>
/// The key ring that protects the browser's cookies and form tokens (ASP.NET Core's data protection), kept in the store
/// so that every replica, and the same server after a restart, reads what another one protected.
/// </summary>
public interface IKeyRingStore
{
    /// <summary>Every element of the key ring (keys and revocations, as XML), in the order they were added.</summary>
    Task<IReadOnlyList<string>> ListAsync(CancellationToken cancellationToken);

    /// <summary>Adds an element under its name; an element added again under the same name replaces it.</summary>
    Task AddAsync(string name, string xml, DateTimeOffset at, CancellationToken cancellationToken);
}
