namespace GuidelineBot.Search;

/// <summary>
/// The fitted weights (tests/eval/fit.py prints them; see README "How answers are found"). Fitted on every question set
/// we wrote, never on the development set; the choices the fit makes (the lead cap, the close-call margins) and the
/// quality it reports for new questions are measured out of fold.
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
/// grid, out of fold): past a clear lead, a larger one says nothing more, and a lone candidate "leads" by its whole score, so one
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
    /// <summary>Printed by tests/eval/fit.py --train /tmp/own-train.tsv --train /tmp/own-test.tsv --train /tmp/seed-paraphrases.tsv --train /tmp/unseen.tsv.</summary>
    public static RankerWeights Fitted { get; } = new(
        LexicalStage: new StageModel(
            Rank: new LinearModel(Lexical: 5.743, Coverage: 4.561, HeadingCoverage: 0.597, SemanticPassage: 0.000, SemanticSentence: 0.000, SemanticHeading: 0.000, OffScopeIntroduction: -2.798, ScopeIntroduction: 2.755, Bias: 0.000),
            Confidence: new LinearModel(Lexical: 3.648, Coverage: 3.547, HeadingCoverage: 1.309, SemanticPassage: 0.000, SemanticSentence: 0.000, SemanticHeading: 0.000, OffScopeIntroduction: -2.031, ScopeIntroduction: 1.537, Bias: -7.035, RankLead: 1.182),
            CloseCallMargin: 1.54),
        SemanticStage: new StageModel(
            Rank: new LinearModel(Lexical: 2.238, Coverage: 4.599, HeadingCoverage: -0.083, SemanticPassage: 10.525, SemanticSentence: 10.140, SemanticHeading: -1.212, OffScopeIntroduction: -1.831, ScopeIntroduction: 3.905, Bias: 0.000),
            Confidence: new LinearModel(Lexical: 1.801, Coverage: 2.134, HeadingCoverage: 0.000, SemanticPassage: 3.611, SemanticSentence: 4.012, SemanticHeading: 0.131, OffScopeIntroduction: -2.501, ScopeIntroduction: 1.422, Bias: -8.657, RankLead: 2.013),
            CloseCallMargin: 2.30),
        DecisiveConfidence: 0.75,
        DecisiveMargin: 0.00,
        MinLexicalCoverage: 0.35,
        MaxRankLead: 1.50);
}
