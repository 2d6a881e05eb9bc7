using GuidelineBot.Core.Knowledge;

namespace GuidelineBot.Search;

/// <summary>One candidate section with its evidence, rank and calibrated confidence (exposed for fitting and tests).</summary>
/// <param name="FoundByLucene">Lucene retrieved it (else only the semantic index did).</param>
public sealed record ScoredSection(GuidelineSection Section, RankerFeatures Features, double Rank, double Confidence, bool FoundByLucene)
{
    internal double[] PassageScores { get; init; } = [];

    internal int Index { get; init; }
}
