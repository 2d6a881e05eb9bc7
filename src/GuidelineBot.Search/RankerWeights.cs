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
            Rank: new LinearModel(Lexical: 6.178, Coverage: 3.623, HeadingCoverage: 0.190, SemanticPassage: 0.000, SemanticSentence: 0.000, SemanticHeading: 0.000, OffScopeIntroduction: -2.329, ScopeIntroduction: 3.273, Bias: 0.000),
            Confidence: new LinearModel(Lexical: 0.862, Coverage: 2.465, HeadingCoverage: 0.090, SemanticPassage: 0.000, SemanticSentence: 0.000, SemanticHeading: 0.000, OffScopeIntroduction: -0.218, ScopeIntroduction: 1.079, Bias: -2.940, RankLead: 0.546),
            CloseCallMargin: 1.65),
        SemanticStage: new StageModel(
            Rank: new LinearModel(Lexical: 1.971, Coverage: 3.250, HeadingCoverage: -0.474, SemanticPassage: 10.129, SemanticSentence: 11.232, SemanticHeading: -1.921, OffScopeIntroduction: -1.193, ScopeIntroduction: 4.251, Bias: 0.000),
            Confidence: new LinearModel(Lexical: 1.784, Coverage: 2.161, HeadingCoverage: -2.582, SemanticPassage: 2.992, SemanticSentence: 5.225, SemanticHeading: -3.094, OffScopeIntroduction: -1.239, ScopeIntroduction: 0.547, Bias: -6.926, RankLead: 1.091),
            CloseCallMargin: 1.90),
        DecisiveConfidence: 0.72,
        DecisiveMargin: 0.00,
        MinLexicalCoverage: 0.35);
}
