using System.Security.Cryptography;
using System.Text;

namespace GuidelineBot.Core.Knowledge;

/// <summary>A problem with one knowledge file; the other documents still load.</summary>
public sealed record KnowledgeError(string File, int Line, string Message)
{
    /// <summary>The file loaded all the same: the message is advice (a repeated heading), not why it was skipped.</summary>
    public bool Loaded { get; init; }

    public override string ToString() => $"{File}:{Line}: {Message}";
}

/// <summary>Thrown by the parsers for a malformed file; carries the line.</summary>
public sealed class KnowledgeFormatException(int line, string message) : Exception(message)
{
    public int Line { get; } = line;
}

/// <summary>What the loader found: the documents that parsed, and one error per file that did not.</summary>
public sealed record KnowledgeBase
{
    public KnowledgeBase(IReadOnlyList<GuidelineDocument> documents, IReadOnlyList<KnowledgeError> errors)
    {
        Documents = documents;
        Errors = errors;
    }

    public IReadOnlyList<GuidelineDocument> Documents
    {
        get;
        init
        {
            field = value;
            Version = ComputeVersion(value, SynonymsHash);
        }
    }

    public IReadOnlyList<KnowledgeError> Errors { get; init; }

    /// <summary>SHA-256 of the synonym file in effect (<see cref="KnowledgeLoader.HashSynonyms"/>); null without one.</summary>
    public string? SynonymsHash
    {
        get;
        init
        {
            field = value;
            Version = ComputeVersion(Documents, value);
        }
    }

    /// <summary>
    /// The content version of the whole knowledge base: SHA-256 over every document's id and content hash, in order,
    /// and the synonym file's hash. Anything derived from the knowledge (cached answers) is keyed by it, so new or
    /// changed documents or synonyms are never answered from what the old ones said.
    /// </summary>
    public string Version { get; private init; } = "";

    public IEnumerable<GuidelineSection> Sections => Documents.SelectMany(d => d.Sections);

    public GuidelineSection? FindSection(string id) => Sections.FirstOrDefault(s => s.Id == id);

    private static string ComputeVersion(IReadOnlyList<GuidelineDocument> documents, string? synonymsHash)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var d in documents)
        {
            hash.AppendData(Encoding.UTF8.GetBytes(d.Id + "\n" + d.ContentHash + "\n"));
        }

        if (synonymsHash is not null)
        {
            hash.AppendData(Encoding.UTF8.GetBytes("synonyms\n" + synonymsHash + "\n"));
        }

        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }
}
