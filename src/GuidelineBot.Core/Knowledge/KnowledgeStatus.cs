namespace GuidelineBot.Core.Knowledge;

/// <summary>What is live now: the documents, their hashes, when they were loaded and what was wrong with any file.</summary>
/// <param name="Version">The content hash of the whole knowledge base (<see cref="KnowledgeBase.Version"/>).</param>
/// <param name="Warnings">
/// Files that could not be loaded (the last good version of each stays live), and advice on files that did
/// (<see cref="KnowledgeError.Loaded"/>), with file and line.
/// </param>
public sealed record KnowledgeStatus(
    string Version,
    DateTimeOffset LoadedAt,
    IReadOnlyList<DocumentStatus> Documents,
    IReadOnlyList<KnowledgeError> Warnings);

/// <summary>One live document.</summary>
public sealed record DocumentStatus(string Id, string Title, string File, int Sections, string ContentHash);

/// <summary>The knowledge that answers questions right now, and the way to reload it.</summary>
public interface IKnowledgeStatus
{
    KnowledgeStatus Current { get; }

    /// <summary>Reads <c>Knowledge:Path</c> again now (as the file watcher does) and swaps in what changed.</summary>
    Task<KnowledgeStatus> ReloadAsync(CancellationToken cancellationToken);
}
