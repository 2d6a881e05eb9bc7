namespace GuidelineBot.Search;

/// <summary>The pure ranking function: features in, rank and calibrated confidence out. No Lucene, no model.</summary>
public static class Ranker
{
    public static double Logistic(double x) => 1 / (1 + Math.Exp(-x));

    /// <summary>
    /// Rank scores and confidences of one question's candidates (all from the same stage: lexical features only, or all
    /// with semantic ones), in the order given. A candidate's confidence uses its lead over the best other candidate
    /// (copies of its text aside), counted up to <see cref="RankerWeights.MaxRankLead"/>.
    /// </summary>
    public static (double Rank, double Confidence)[] Evaluate(IReadOnlyList<RankerFeatures> candidates, RankerWeights weights)
    {
        var result = new (double Rank, double Confidence)[candidates.Count];
        if (candidates.Count == 0)
        {
            return result;
        }

        var stage = candidates[0].HasSemantic ? weights.SemanticStage : weights.LexicalStage;
        var best = 0;
        for (var i = 0; i < candidates.Count; i++)
        {
            result[i].Rank = stage.Rank.Apply(candidates[i]);
            if (result[i].Rank > result[best].Rank)
            {
                best = i;
            }
        }

        // The runner-up is the best candidate with another text: a copy of the best is the same answer, not a rival.
        var second = -1;
        for (var i = 0; i < candidates.Count; i++)
        {
            if (i != best && !candidates[i].IsCopyOf(candidates[best]) && (second < 0 || result[i].Rank > result[second].Rank))
            {
                second = i;
            }
        }

        for (var i = 0; i < candidates.Count; i++)
        {
            var other = i == best || candidates[i].IsCopyOf(candidates[best]) ? (second < 0 ? 0 : result[second].Rank) : result[best].Rank;
            var gate = candidates[i].HasSemantic ? 1 : Math.Min(1, candidates[i].Coverage / weights.MinLexicalCoverage);
            var lead = Math.Min(result[i].Rank - other, weights.MaxRankLead);
            result[i].Confidence = gate * Logistic(stage.Confidence.Apply(candidates[i], lead));
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
