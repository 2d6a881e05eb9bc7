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

    /// <summary>An introduction answering a question that is not about the guidelines themselves.</summary>
    public bool OffScopeIntroduction => IsIntroduction && !AsksAboutScope;

    /// <summary>An introduction answering a question about the guidelines themselves (what it is written for).</summary>
    public bool ScopeIntroduction => IsIntroduction && AsksAboutScope;
}

/// <summary>A linear function of the features: Σ weight × feature (+ <see cref="Bias"/> and the rank lead for a confidence).</summary>
/// <param name="Lexical">Weight of <see cref="RankerFeatures.Lexical"/>.</param>
/// <param name="Coverage">Weight of <see cref="RankerFeatures.Coverage"/>.</param>
/// <param name="HeadingCoverage">Weight of <see cref="RankerFeatures.HeadingCoverage"/>.</param>
/// <param name="SemanticPassage">Weight of <see cref="RankerFeatures.SemanticPassage"/> (semantic stage only).</param>
/// <param name="SemanticSentence">Weight of <see cref="RankerFeatures.SemanticSentence"/> (semantic stage only).</param>
/// <param name="SemanticHeading">Weight of <see cref="RankerFeatures.SemanticHeading"/> (semantic stage only).</param>
/// <param name="OffScopeIntroduction">Added when an introduction meets a question that is not about the guidelines.</param>
/// <param name="ScopeIntroduction">Added when an introduction meets a question about the guidelines themselves.</param>
/// <param name="Bias">Intercept (confidence models only).</param>
/// <param name="RankLead">
/// Weight of the candidate's lead in rank score over the best other candidate (negative when behind); confidence
/// models only: a clear winner is more likely right than the best of several look-alikes.
/// </param>
public sealed record LinearModel(
    double Lexical,
    double Coverage,
    double HeadingCoverage,
    double SemanticPassage,
    double SemanticSentence,
    double SemanticHeading,
    double OffScopeIntroduction,
    double ScopeIntroduction,
    double Bias,
    double RankLead = 0)
{
    public double Apply(RankerFeatures f, double rankLead = 0) =>
        Bias + Lexical * f.Lexical + Coverage * f.Coverage + HeadingCoverage * f.HeadingCoverage
        + (f.HasSemantic ? SemanticPassage * f.SemanticPassage + SemanticSentence * f.SemanticSentence + SemanticHeading * f.SemanticHeading : 0)
        + (f.OffScopeIntroduction ? OffScopeIntroduction : 0)
        + (f.ScopeIntroduction ? ScopeIntroduction : 0)
        + RankLead * rankLead;
}

/// <summary>One stage of the cascade: a rank score that orders the candidates, and a logistic confidence.</summary>
/// <param name="CloseCallMargin">
/// A runner-up within this many rank points of the best is a close call, offered as "did you mean" (fitted: within it
/// the runner-up was the right section in at least a quarter of the training cases).
/// </param>
public sealed record StageModel(LinearModel Rank, LinearModel Confidence, double CloseCallMargin);

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

/// <summary>The pure ranking function: features in, rank and calibrated confidence out. No Lucene, no model.</summary>
public static class Ranker
{
    public static double Logistic(double x) => 1 / (1 + Math.Exp(-x));

    /// <summary>
    /// Rank scores and confidences of one question's candidates (all from the same stage: lexical features only, or all
    /// with semantic ones), in the order given. A candidate's confidence uses its lead over the best other candidate.
    /// </summary>
    public static (double Rank, double Confidence)[] Evaluate(IReadOnlyList<RankerFeatures> candidates, RankerWeights weights)
    {
        var result = new (double Rank, double Confidence)[candidates.Count];
        if (candidates.Count == 0)
        {
            return result;
        }

        var stage = candidates[0].HasSemantic ? weights.SemanticStage : weights.LexicalStage;
        int best = -1, second = -1;
        for (var i = 0; i < candidates.Count; i++)
        {
            result[i].Rank = stage.Rank.Apply(candidates[i]);
            if (best < 0 || result[i].Rank > result[best].Rank)
            {
                (second, best) = (best, i);
            }
            else if (second < 0 || result[i].Rank > result[second].Rank)
            {
                second = i;
            }
        }

        for (var i = 0; i < candidates.Count; i++)
        {
            var other = i == best ? (second < 0 ? 0 : result[second].Rank) : result[best].Rank;
            var gate = candidates[i].HasSemantic ? 1 : Math.Min(1, candidates[i].Coverage / weights.MinLexicalCoverage);
            result[i].Confidence = gate * Logistic(stage.Confidence.Apply(candidates[i], result[i].Rank - other));
        }

        return result;
    }

    /// <summary>The runner-up is a close call: near enough to the best that the answer should offer it too.</summary>
    public static bool IsCloseCall(RankerFeatures runnerUp, double bestRank, double runnerUpRank, RankerWeights weights)
    {
        var stage = runnerUp.HasSemantic ? weights.SemanticStage : weights.LexicalStage;
        return bestRank - runnerUpRank <= stage.CloseCallMargin;
    }

    /// <summary>
    /// Cascade test on lexical confidences sorted best first: the best is sure enough and far enough ahead of the
    /// runner-up that encoding the question did not change answers for the better on the training sets.
    /// </summary>
    public static bool IsDecisive(IReadOnlyList<double> lexicalConfidences, RankerWeights weights)
    {
        if (lexicalConfidences.Count == 0 || lexicalConfidences[0] < weights.DecisiveConfidence)
        {
            return false;
        }

        var runnerUp = lexicalConfidences.Count > 1 ? lexicalConfidences[1] : 0;
        return lexicalConfidences[0] - runnerUp >= weights.DecisiveMargin;
    }
}

/// <summary>
/// How much a question word counts as evidence for a section, from its section frequency (BM25-style IDF) and whether
/// it is background vocabulary of the section's document.
/// </summary>
public static class TermWeights
{
    /// <summary>A background word (document title, organisation name, most of the document's sections) keeps this share of its weight.</summary>
    public const double BackgroundShare = 0.1;

    /// <summary>
    /// The weight of one ordinary informative word: coverage divides by at least this much, so a question whose words are
    /// all background covers at most <see cref="BackgroundShare"/>-ish of it.
    /// </summary>
    public const double MinQuestionWeight = 1.0;

    /// <summary>Synonym matches count this share of the word the user typed.</summary>
    public const double SynonymShare = 0.85;

    /// <summary>A word in at least this share of its document's sections is background vocabulary of that document.</summary>
    public const double UbiquitousSectionShare = 0.5;

    /// <summary>BM25 IDF (+0.5 so that even common words keep a little weight) over <paramref name="sections"/> sections.</summary>
    public static double Idf(int sectionFrequency, int sections)
    {
        var n = Math.Max(1, sections);
        return 0.5 + Math.Log(1 + (n - sectionFrequency + 0.5) / (sectionFrequency + 0.5));
    }

    /// <summary>Weight of a word for a section of a document where it is (or is not) background vocabulary.</summary>
    public static double Weight(double idf, bool background) => background ? idf * BackgroundShare : idf;

    /// <summary>Matched weight over the question's weight (at least <see cref="MinQuestionWeight"/>).</summary>
    public static double Coverage(double matched, double total) => total <= 0 ? 0 : matched / Math.Max(total, MinQuestionWeight);
}
