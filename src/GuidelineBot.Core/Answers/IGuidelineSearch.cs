using GuidelineBot.Core.Knowledge;

namespace GuidelineBot.Core.Answers;

/// <summary>Finds the sections that answer a question. Implemented over Lucene.Net in GuidelineBot.Search.</summary>
public interface IGuidelineSearch
{
    KnowledgeBase Knowledge { get; }

    /// <summary>
    /// A search over one fixed version of the knowledge: a request takes it once and uses it from start to end, so a
    /// reload in between never mixes two versions. A fixed search is its own snapshot; the live one returns the current.
    /// </summary>
    IGuidelineSearch Snapshot => this;

    /// <summary>
    /// False while part of the engine is still being built (a first start's semantic index): its answers then come from
    /// the lexical stage alone and are not cached.
    /// </summary>
    bool IsComplete => true;

    /// <summary>Ranks sections for free user text (never parsed as query syntax). Never throws for odd text.</summary>
    SearchResult Search(string question, int maxResults, CancellationToken cancellationToken = default);
}

/// <summary>One ranked section.</summary>
/// <param name="Confidence">Calibrated 0..1: how sure the engine is that this section answers the question.</param>
/// <param name="Passages">The section's passages that match best, in document order.</param>
public sealed record SearchHit(GuidelineSection Section, double Score, double Confidence, IReadOnlyList<Passage> Passages)
{
    /// <summary>The runner-up is nearly as good as the best hit: worth offering as "did you mean".</summary>
    public bool IsCloseCall { get; init; }
}

public sealed record SearchResult(string Question, IReadOnlyList<SearchHit> Hits)
{
    public SearchHit? Best => Hits.Count > 0 ? Hits[0] : null;
}
