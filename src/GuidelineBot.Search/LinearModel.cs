namespace GuidelineBot.Search;

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
