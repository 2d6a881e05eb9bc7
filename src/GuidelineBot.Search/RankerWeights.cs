namespace GuidelineBot.Search;

/// <summary>
/// The fitted weights (tests/eval/fit.py prints them; see README "How answers are found"). Fitted on the training halves
/// of our own question sets, never on the development set.
/// </summary>
/// <param name="LexicalStage">Used when the question is not encoded (lexical mode, or a decisive lexical answer).</param>
/// <param name="SemanticStage">Used when the question was encoded.</param>
/// <param name="DecisiveConfidence">
/// Cascade: a lexical confidence at or above this needs no model (on the training sets such lexical answers were never
/// worse than the semantic stage's) — provided the runner-up is at least <see cref="DecisiveMargin"/> behind.
/// </param>
/// <param name="DecisiveMargin">Minimum lead in lexical confidence of the best candidate over the runner-up for the cascade.</param>
/// <param name="MinLexicalCoverage">
/// A guard, not fitted: without semantic evidence a candidate's confidence is scaled down by its coverage below this
/// share, so a lead in BM25 over equally weak candidates (a question made of background words) is never an answer.
/// </param>
public sealed record RankerWeights(StageModel LexicalStage, StageModel SemanticStage, double DecisiveConfidence, double DecisiveMargin, double MinLexicalCoverage)
{
    /// <summary>Printed by tests/eval/fit.py --train own-train.tsv --train unseen.tsv:even.</summary>
    public static RankerWeights Fitted { get; } = new(
        LexicalStage: new StageModel(
            Rank: new LinearModel(Lexical: 6.056, Coverage: 4.042, HeadingCoverage: 0.211, SemanticPassage: 0.000, SemanticSentence: 0.000, SemanticHeading: 0.000, OffScopeIntroduction: -1.973, ScopeIntroduction: 3.020, Bias: 0.000),
            Confidence: new LinearModel(Lexical: 1.801, Coverage: 3.173, HeadingCoverage: -0.187, SemanticPassage: 0.000, SemanticSentence: 0.000, SemanticHeading: 0.000, OffScopeIntroduction: -0.691, ScopeIntroduction: 1.363, Bias: -4.107, RankLead: 0.590),
            CloseCallMargin: 1.31),
        SemanticStage: new StageModel(
            Rank: new LinearModel(Lexical: 1.838, Coverage: 3.452, HeadingCoverage: -0.295, SemanticPassage: 10.018, SemanticSentence: 10.572, SemanticHeading: -1.083, OffScopeIntroduction: -1.025, ScopeIntroduction: 4.026, Bias: 0.000),
            Confidence: new LinearModel(Lexical: 2.816, Coverage: 1.195, HeadingCoverage: -1.809, SemanticPassage: 2.649, SemanticSentence: 4.117, SemanticHeading: -2.622, OffScopeIntroduction: -2.745, ScopeIntroduction: 0.681, Bias: -6.879, RankLead: 1.010),
            CloseCallMargin: 1.87),
        DecisiveConfidence: 0.80,
        DecisiveMargin: 0.00,
        MinLexicalCoverage: 0.35);
}
