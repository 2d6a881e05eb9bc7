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
            Rank: new LinearModel(Lexical: 6.202, Coverage: 3.365, HeadingCoverage: 0.559, SemanticPassage: 0.000, SemanticSentence: 0.000, SemanticHeading: 0.000, OffScopeIntroduction: -2.242, ScopeIntroduction: 3.159, Bias: 0.000),
            Confidence: new LinearModel(Lexical: 1.569, Coverage: 2.515, HeadingCoverage: -0.218, SemanticPassage: 0.000, SemanticSentence: 0.000, SemanticHeading: 0.000, OffScopeIntroduction: -0.865, ScopeIntroduction: 1.607, Bias: -3.764, RankLead: 0.635),
            CloseCallMargin: 1.48),
        SemanticStage: new StageModel(
            Rank: new LinearModel(Lexical: 1.962, Coverage: 3.107, HeadingCoverage: -0.217, SemanticPassage: 10.075, SemanticSentence: 10.813, SemanticHeading: -1.326, OffScopeIntroduction: -1.094, ScopeIntroduction: 4.120, Bias: 0.000),
            Confidence: new LinearModel(Lexical: 2.820, Coverage: 1.331, HeadingCoverage: -1.608, SemanticPassage: 2.985, SemanticSentence: 4.509, SemanticHeading: -2.877, OffScopeIntroduction: -2.656, ScopeIntroduction: 0.716, Bias: -7.160, RankLead: 1.019),
            CloseCallMargin: 1.60),
        DecisiveConfidence: 0.90,
        DecisiveMargin: 0.00,
        MinLexicalCoverage: 0.35);
}
