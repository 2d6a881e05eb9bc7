using GuidelineBot.Search;

namespace GuidelineBot.UnitTests.Search;

/// <summary>The pure ranker: features in, rank and confidence out — no Lucene, no model.</summary>
public sealed class RankerTests
{
    private static readonly RankerWeights Weights = RankerWeights.Fitted;

    private static RankerFeatures Lexical(double lexical, double coverage, double heading = 0, bool intro = false, bool scope = false) =>
        new(lexical, coverage, heading, intro, scope);

    private static RankerFeatures Semantic(RankerFeatures f, double sentence, double passage, double heading = 0.3) =>
        f with { HasSemantic = true, SemanticSentence = sentence, SemanticPassage = passage, SemanticHeading = heading };

    [Fact]
    public void More_coverage_ranks_higher_and_is_more_confident()
    {
        var r = Ranker.Evaluate([Lexical(1, 0.4), Lexical(1, 0.9)], Weights);
        Assert.True(r[1].Rank > r[0].Rank);
        Assert.True(r[1].Confidence > r[0].Confidence);
    }

    [Fact]
    public void An_introduction_loses_to_an_equal_section_and_wins_when_the_question_asks_about_the_guidelines()
    {
        var offScope = Ranker.Evaluate([Lexical(1, 0.8, intro: true), Lexical(1, 0.8)], Weights);
        Assert.True(offScope[1].Rank > offScope[0].Rank);

        var aboutScope = Ranker.Evaluate([Lexical(1, 0.8, intro: true, scope: true), Lexical(1, 0.8, scope: true)], Weights);
        Assert.True(aboutScope[0].Rank > aboutScope[1].Rank);
        Assert.True(aboutScope[0].Confidence > offScope[0].Confidence);
    }

    [Fact]
    public void Without_semantic_evidence_weak_coverage_caps_the_confidence()
    {
        var weak = Ranker.Evaluate([Lexical(1, Weights.MinLexicalCoverage / 4), Lexical(0.1, 0)], Weights);
        Assert.True(weak[0].Confidence <= 0.25);
        Assert.True(weak[0].Rank > weak[1].Rank);
    }

    [Fact]
    public void A_clear_winner_is_more_confident_than_the_best_of_look_alikes()
    {
        var clear = Ranker.Evaluate([Semantic(Lexical(1, 0.7), 0.6, 0.55), Semantic(Lexical(0.2, 0.1), 0.2, 0.2)], Weights);
        var close = Ranker.Evaluate([Semantic(Lexical(1, 0.7), 0.6, 0.55), Semantic(Lexical(0.95, 0.7), 0.59, 0.55)], Weights);
        Assert.True(clear[0].Confidence > close[0].Confidence);
    }

    [Fact]
    public void A_lead_counts_only_up_to_the_cap_so_a_lone_candidate_is_not_sure_of_itself()
    {
        Assert.True(double.IsFinite(Weights.MaxRankLead) && Weights.MaxRankLead > 0);
        var candidate = Lexical(1, 0.45);
        var alone = Ranker.Evaluate([candidate], Weights);
        var farAhead = Ranker.Evaluate([candidate, Lexical(0.01, 0.01)], Weights);
        Assert.True(farAhead[0].Rank - farAhead[1].Rank > Weights.MaxRankLead);
        Assert.Equal(alone[0].Confidence, farAhead[0].Confidence, 12);

        // Below the cap a larger lead still means more confidence; uncapped, the lone candidate would be surer.
        var close = Ranker.Evaluate([candidate, Lexical(0.9, 0.4)], Weights);
        Assert.True(close[0].Confidence < alone[0].Confidence);
        var uncapped = Ranker.Evaluate([candidate], Weights with { MaxRankLead = double.PositiveInfinity });
        Assert.True(uncapped[0].Confidence > alone[0].Confidence);
    }

    [Fact]
    public void A_copy_of_the_best_text_is_not_its_rival()
    {
        var best = Lexical(1, 0.8) with { TextKey = 3 };
        var rival = Lexical(0.5, 0.5) with { TextKey = 5 };
        var withCopy = Ranker.Evaluate([best, best, rival], Weights);
        var alone = Ranker.Evaluate([best, rival], Weights);
        Assert.Equal(alone[0].Confidence, withCopy[0].Confidence, 12);
        Assert.Equal(alone[0].Confidence, withCopy[1].Confidence, 12);
        Assert.Equal(alone[1].Confidence, withCopy[2].Confidence, 12);

        // Two different texts that rank the same are rivals: neither is sure.
        var tie = Ranker.Evaluate([best, best with { TextKey = 4 }, rival], Weights);
        Assert.True(tie[0].Confidence < alone[0].Confidence);
    }

    [Fact]
    public void Semantic_similarity_decides_between_sections_that_share_no_word_with_the_question()
    {
        var r = Ranker.Evaluate([Semantic(Lexical(0, 0), 0.25, 0.2), Semantic(Lexical(0, 0), 0.7, 0.6)], Weights);
        Assert.True(r[1].Rank > r[0].Rank);
        Assert.True(r[1].Confidence > r[0].Confidence);
    }

    [Fact]
    public void Confidences_are_probabilities_and_an_empty_list_is_fine()
    {
        Assert.Empty(Ranker.Evaluate([], Weights));
        var r = Ranker.Evaluate([Lexical(1, 1, 1), Lexical(0, 0), Semantic(Lexical(0, 0), 1, 1)], Weights);
        Assert.All(r, x => Assert.InRange(x.Confidence, 0.0, 1.0));
    }

    [Fact]
    public void The_cascade_skips_the_model_only_for_a_sure_answer_well_ahead_of_the_runner_up()
    {
        var weights = Weights with { DecisiveConfidence = 0.9, DecisiveMargin = 0.3 };
        Assert.True(Ranker.IsDecisive([0.99, 0.05], weights));
        Assert.True(Ranker.IsDecisive([0.9], weights));
        Assert.False(Ranker.IsDecisive([0.99, 0.98], weights));
        Assert.False(Ranker.IsDecisive([0.89, 0], weights));
        Assert.False(Ranker.IsDecisive([], weights));
    }

    [Fact]
    public void A_runner_up_within_the_stage_margin_is_a_close_call()
    {
        // Both stages offer "did you mean" (the fitted margins are measured out of fold; in-sample the semantic one was 0).
        Assert.True(Weights.LexicalStage.CloseCallMargin > 0 && Weights.SemanticStage.CloseCallMargin > 0);
        Assert.True(Ranker.IsCloseCall(Lexical(1, 1), 10, 10 - Weights.LexicalStage.CloseCallMargin + 0.01, Weights));
        Assert.False(Ranker.IsCloseCall(Lexical(1, 1), 10, 10 - Weights.LexicalStage.CloseCallMargin - 0.01, Weights));

        var runnerUp = Semantic(Lexical(1, 1), 0.5, 0.5);
        Assert.True(Ranker.IsCloseCall(runnerUp, 10, 10 - Weights.SemanticStage.CloseCallMargin + 0.01, Weights));
        Assert.False(Ranker.IsCloseCall(runnerUp, 10, 10 - Weights.SemanticStage.CloseCallMargin - 0.01, Weights));
    }

    [Fact]
    public void Background_words_weigh_a_fraction_and_cannot_make_coverage_on_their_own()
    {
        var idf = TermWeights.Idf(1, 20);
        Assert.Equal(idf * TermWeights.BackgroundShare, TermWeights.Weight(idf, background: true), 9);
        Assert.True(TermWeights.Idf(19, 20) < TermWeights.Idf(1, 20));

        // A question made only of one background word, fully matched, covers little.
        var common = TermWeights.Weight(TermWeights.Idf(15, 20), background: true);
        Assert.True(TermWeights.Coverage(common, common) <= TermWeights.BackgroundShare);

        // An informative word fully matched is full coverage.
        Assert.Equal(1, TermWeights.Coverage(idf, idf), 9);
        Assert.Equal(0, TermWeights.Coverage(0, 0));
    }
}
