namespace GuidelineBot.Core.Knowledge;

/// <summary>A problem with one knowledge file; the other documents still load.</summary>
public sealed record KnowledgeError(string File, int Line, string Message)
{
    public override string ToString() => $"{File}:{Line}: {Message}";
}

/// <summary>Thrown by the parsers for a malformed file; carries the line.</summary>
public sealed class KnowledgeFormatException(int line, string message) : Exception(message)
{
    public int Line { get; } = line;
}

/// <summary>What the loader found: the documents that parsed, and one error per file that did not.</summary>
public sealed record KnowledgeBase(IReadOnlyList<GuidelineDocument> Documents, IReadOnlyList<KnowledgeError> Errors)
{
    public IEnumerable<GuidelineSection> Sections => Documents.SelectMany(d => d.Sections);

    public GuidelineSection? FindSection(string id) => Sections.FirstOrDefault(s => s.Id == id);
}
