namespace GuidelineBot.Search;

/// <summary>
/// The evidence for one candidate section and one question. Lexical features are always present; the semantic ones only
/// when the question was encoded (<see cref="HasSemantic"/>).
/// </summary>
/// <param name="Lexical">BM25 of the section (its own document plus its best passage) relative to the best candidate, 0..1.</param>
/// <param name="Coverage">
/// Share of the question's informative weight that the section contains, 0..1 (see <see cref="TermWeights"/>: words in
/// most sections of a document, in its title or in its organisation's name weigh almost nothing, and a question made
/// only of such words covers almost nothing).
/// </param>
/// <param name="HeadingCoverage">The same share, counting only the words of the section's heading.</param>
/// <param name="IsIntroduction">The section is a document's "About these guidelines" text.</param>
/// <param name="AsksAboutScope">The question asks about the guidelines themselves (scope, purpose, who they apply to).</param>
public readonly record struct RankerFeatures(
    double Lexical,
    double Coverage,
    double HeadingCoverage,
    bool IsIntroduction,
    bool AsksAboutScope)
{
    public bool HasSemantic { get; init; }

    /// <summary>Cosine of the question to the section's heading (with its document title for an introduction).</summary>
    public double SemanticHeading { get; init; }

    /// <summary>Best cosine of the question to one of the section's passages (each with its heading).</summary>
    public double SemanticPassage { get; init; }

    /// <summary>Best cosine of the question to one sentence or bullet of the section (with its heading).</summary>
    public double SemanticSentence { get; init; }

    /// <summary>
    /// Candidates with the same key carry the same headings and text (a section copied into another document); null: no
    /// copy. A copy is not a rival: a candidate's lead is over the best candidate with another text.
    /// </summary>
    public int? TextKey { get; init; }

    /// <summary>This candidate and <paramref name="other"/> are copies of one text.</summary>
    public bool IsCopyOf(in RankerFeatures other) => TextKey is { } key && key == other.TextKey;

    /// <summary>An introduction answering a question that is not about the guidelines themselves.</summary>
    public bool OffScopeIntroduction => IsIntroduction && !AsksAboutScope;

    /// <summary>An introduction answering a question about the guidelines themselves (what it is written for).</summary>
    public bool ScopeIntroduction => IsIntroduction && AsksAboutScope;
}
