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
/// <param name="MaxRankLead">
/// The confidence counts a candidate's lead over the runner-up up to this many rank points (chosen by the fit from a
/// grid): past a clear lead, a larger one says nothing more, and a lone candidate "leads" by its whole score, so one
/// word shared with one section must not make a confident answer.
/// </param>
public sealed record RankerWeights(
    StageModel LexicalStage,
    StageModel SemanticStage,
    double DecisiveConfidence,
    double DecisiveMargin,
    double MinLexicalCoverage,
    double MaxRankLead = double.PositiveInfinity)
{
    /// <summary>Printed by tests/eval/fit.py --train own-train.tsv --train unseen.tsv:even.</summary>
    public static RankerWeights Fitted { get; } = new(
        LexicalStage: new StageModel(
            Rank: new LinearModel(Lexical: 6.026, Coverage: 4.097, HeadingCoverage: 0.257, SemanticPassage: 0.000, SemanticSentence: 0.000, SemanticHeading: 0.000, OffScopeIntroduction: -1.920, ScopeIntroduction: 3.006, Bias: 0.000),
            Confidence: new LinearModel(Lexical: 1.627, Coverage: 3.397, HeadingCoverage: 0.136, SemanticPassage: 0.000, SemanticSentence: 0.000, SemanticHeading: 0.000, OffScopeIntroduction: -0.966, ScopeIntroduction: 1.412, Bias: -5.309, RankLead: 1.178),
            CloseCallMargin: 2.03),
        SemanticStage: new StageModel(
            Rank: new LinearModel(Lexical: 1.888, Coverage: 3.440, HeadingCoverage: -0.331, SemanticPassage: 10.027, SemanticSentence: 10.535, SemanticHeading: -1.048, OffScopeIntroduction: -1.057, ScopeIntroduction: 4.047, Bias: 0.000),
            Confidence: new LinearModel(Lexical: 3.070, Coverage: 1.101, HeadingCoverage: -1.625, SemanticPassage: 3.398, SemanticSentence: 4.905, SemanticHeading: -2.383, OffScopeIntroduction: -2.367, ScopeIntroduction: 1.364, Bias: -8.942, RankLead: 1.547),
            CloseCallMargin: 2.36),
        DecisiveConfidence: 0.73,
        DecisiveMargin: 0.00,
        MinLexicalCoverage: 0.35,
        MaxRankLead: 2.00);
}
