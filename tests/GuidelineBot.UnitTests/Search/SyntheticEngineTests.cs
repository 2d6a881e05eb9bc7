using GuidelineBot.Core.Answers;
using GuidelineBot.Core.Knowledge;
using GuidelineBot.Search;
using GuidelineBot.Testing;
using Microsoft.Extensions.Options;

namespace GuidelineBot.UnitTests.Search;

/// <summary>
/// The engine on a small synthetic document (not the seed, not an eval question): the introduction repeats the
/// document's vocabulary, the organisation's name appears across sections, and one word is in every section.
/// </summary>
[Collection(EngineCollection.Name)]
public sealed class SyntheticEngineTests : IDisposable
{
    private const string Document = """
        Laboratory Safety Guidelines

        These laboratory safety guidelines of the Northwind Valley School District apply to every teacher, aide and
        student who works in a school laboratory. They explain the safety rules, why the laboratory rules exist and who
        must follow the safety guidelines in the Northwind Valley School District.

        Q: What eye protection must I wear?

        - Wear splash goggles in the laboratory whenever chemicals, glass or heat are in use.

        Q: What happens if someone ignores the safety rules?

        - Breaking the laboratory rules leads to removal from the laboratory and disciplinary action under Northwind Valley School District policy.

        Q: How do I store chemicals?

        - Keep acids and bases in separate ventilated cabinets in the laboratory, labelled with the date received.

        Q: What do I do if a chemical touches someone's skin?

        - Rinse the skin under running water for fifteen minutes at the laboratory eyewash or sink, then call the nurse. Northwind Valley School District nurses keep the incident log.

        Q: Can I eat in the laboratory?

        - No food or drink in the laboratory, ever.
        """;

    private readonly EngineFixture _engine;
    private readonly TestPaths.TempFolder _folder = new();
    private readonly KnowledgeBase _knowledge;

    public SyntheticEngineTests(EngineFixture engine)
    {
        _engine = engine;
        _folder.Write("lab-safety.txt", Document);
        _knowledge = KnowledgeLoader.Load(new KnowledgeOptions { Path = _folder.Path });
    }

    private LuceneGuidelineSearch Lexical() => new(_knowledge, new SearchOptions { Reranker = RerankerKind.None });

    private LuceneGuidelineSearch WithModel() => new(_knowledge, new SearchOptions(), encoder: _engine.Encoder);

    private static AnswerService Answers(IGuidelineSearch search) => new(search, Options.Create(new AnswerOptions()));

    [Fact]
    public void A_consequences_question_goes_to_its_section_not_to_the_introduction()
    {
        using var search = Lexical();
        var best = search.Search("what happens if I break the laboratory safety rules", 3).Best!;
        Assert.False(best.Section.IsIntroduction);
        Assert.Contains("ignores the safety rules", best.Section.Heading);
    }

    [Fact]
    public void A_question_about_the_guidelines_themselves_goes_to_the_introduction()
    {
        using var search = Lexical();
        Assert.True(search.Search("who do the laboratory safety guidelines apply to", 3).Best!.Section.IsIntroduction);
    }

    [Fact]
    public void The_organisations_name_and_a_word_in_every_section_are_not_coverage()
    {
        using var search = Lexical();
        var name = search.Explain("is northwind valley open on monday", forceSemantic: false);
        Assert.All(name, c => Assert.True(c.Features.Coverage <= TermWeights.BackgroundShare, $"{c.Section.Heading}: {c.Features.Coverage}"));
        Assert.IsType<NoAnswerReply>(Answers(search).Ask("is northwind valley open on monday"));

        var ubiquitous = search.Explain("laboratory", forceSemantic: false);
        Assert.NotEmpty(ubiquitous);
        Assert.All(ubiquitous, c => Assert.True(c.Features.Coverage <= TermWeights.BackgroundShare));
        Assert.IsType<NoAnswerReply>(Answers(search).Ask("laboratory"));

        var goggles = search.Explain("goggles", forceSemantic: false)[0];
        Assert.Equal(1, goggles.Features.Coverage, 6);
    }

    [Fact]
    public void A_document_of_one_section_is_answered_by_the_title_words_its_heading_repeats_and_no_others()
    {
        using var folder = new TestPaths.TempFolder();
        folder.Write("lab-safety.txt", Document);
        folder.Write("drones.md", "# Northwind Valley Drone Policy\n\n## Flying drones over school grounds\n\nUnder Northwind Valley policy, only with written permission from the principal.\n");
        using var search = new LuceneGuidelineSearch(KnowledgeLoader.Load(new KnowledgeOptions { Path = folder.Path }), new SearchOptions { Reranker = RerankerKind.None });

        var best = search.Explain("drone", forceSemantic: false)[0];
        Assert.Equal("Flying drones over school grounds", best.Section.Heading);
        Assert.Equal(1, best.Features.Coverage, 6);
        Assert.Equal("Flying drones over school grounds", Assert.IsType<AnswerReply>(Answers(search).Ask("drone")).Section.Heading);

        // The other title words ("policy", the organisation's name) say nothing about it, though its body repeats them.
        var policy = search.Explain("what is the policy on parking", forceSemantic: false).Single(c => c.Section.DocumentId == "drones");
        Assert.True(policy.Features.Coverage <= TermWeights.BackgroundShare, policy.Features.Coverage.ToString());
        Assert.All(search.Explain("is northwind valley open on monday", forceSemantic: false), c => Assert.True(c.Features.Coverage <= TermWeights.BackgroundShare));
        Assert.IsType<NoAnswerReply>(Answers(search).Ask("is northwind valley open on monday"));

        // The title of a document of many sections still says nothing about which of them answers.
        Assert.All(search.Explain("laboratory", forceSemantic: false), c => Assert.True(c.Features.Coverage <= TermWeights.BackgroundShare));
    }

    [Fact]
    public void A_word_only_its_documents_title_has_counts_beside_the_questions_other_words()
    {
        using var folder = new TestPaths.TempFolder();
        folder.Write("lab-safety.txt", Document);
        folder.Write("parking.txt", "Staff Parking Rules\n\nWhere staff park.\n\nPermits\nEvery car needs a permit from the front office.\n\n"
                                    + "Towing\nCars in fire lanes are towed at the owner's expense.\n\nVisitors\nVisitors park in the marked spaces.\n");
        using var search = new LuceneGuidelineSearch(KnowledgeLoader.Load(new KnowledgeOptions { Path = folder.Path }), new SearchOptions { Reranker = RerankerKind.None });
        double Coverage(string question) => search.Explain(question, forceSemantic: false).Single(c => c.Section.Heading.Contains("touches", StringComparison.Ordinal)).Features.Coverage;

        // The section has "laboratory" (in its title alone, and in all 6 of the document's 10 sections) and "northwind" (the
        // organisation's name, in 3), not "schedule": what each adds to the coverage of "eyewash schedule" is its weight.
        var rest = Coverage("eyewash schedule");
        double Weight(string word) => Coverage(word + " eyewash schedule") is var c ? (c - rest) / (1 - c) : 0;
        var expected = TermWeights.OwnTitle(TermWeights.Idf(6, 10)) / TermWeights.Weight(TermWeights.Idf(3, 10), background: true);
        var ratio = Weight("laboratory") / Weight("northwind");
        Assert.Equal(expected, ratio, 6);
        Assert.True(ratio > 2 * TermWeights.Idf(6, 10) / TermWeights.Idf(3, 10), $"a title word weighs no more than background: {ratio}");

        // Alone it is background as before: covering it is no coverage.
        var alone = TermWeights.Coverage(TermWeights.Weight(TermWeights.Idf(6, 10), background: true), TermWeights.Weight(TermWeights.Idf(6, 10), background: true));
        Assert.All(search.Explain("laboratory", forceSemantic: false), c => Assert.Equal(alone, c.Features.Coverage, 6));
        Assert.True(alone < 2 * TermWeights.BackgroundShare);
    }

    [Fact]
    public void A_section_copied_into_a_second_document_is_one_answer_as_sure_as_the_original()
    {
        const string question = "how do I store acids";
        using var once = Lexical();
        var alone = Assert.IsType<AnswerReply>(Answers(once).Ask(question));

        using var folder = new TestPaths.TempFolder();
        folder.Write("lab-safety.txt", Document);
        folder.Write("lab-safety-copy.txt", Document.Replace("Laboratory Safety Guidelines", "Laboratory Safety (copy)", StringComparison.Ordinal));
        using var twice = new LuceneGuidelineSearch(KnowledgeLoader.Load(new KnowledgeOptions { Path = folder.Path }), new SearchOptions { Reranker = RerankerKind.None });
        var hits = twice.Search(question, 5).Hits;
        Assert.Equal(alone.Section.Heading, hits[0].Section.Heading);
        Assert.Equal(hits.Count, hits.Select(h => (h.Section.Heading, h.Section.Text)).Distinct().Count());
        Assert.InRange(hits[0].Confidence, once.Search(question, 1).Hits[0].Confidence - 0.1, 1);
        Assert.IsType<AnswerReply>(Answers(twice).Ask(question));
    }

    [Fact]
    public void Copies_of_one_text_take_one_place_among_the_semantic_candidates()
    {
        // Every section twice (the whole document copied): each nearest text and its copy are equally near, so if
        // copies took a place each, the 8 places would hold only about half of the 6 texts.
        using var folder = new TestPaths.TempFolder();
        folder.Write("lab-safety.txt", Document);
        folder.Write("lab-safety-copy.txt", Document.Replace("Laboratory Safety Guidelines", "Laboratory Safety (copy)", StringComparison.Ordinal));
        var knowledge = KnowledgeLoader.Load(new KnowledgeOptions { Path = folder.Path });
        using var search = new LuceneGuidelineSearch(knowledge, new SearchOptions(), encoder: _engine.Encoder);

        var scored = search.Explain("zebra crossing", forceSemantic: true);

        var texts = knowledge.Sections.Select(s => (s.ParentHeading, s.Heading, s.Text)).Distinct().Count();
        Assert.Equal(12, knowledge.Sections.Count());
        Assert.Equal(texts, scored.Count);
        Assert.Equal(texts, scored.Select(c => (c.Section.ParentHeading, c.Section.Heading, c.Section.Text)).Distinct().Count());
    }

    [Fact]
    public void Only_lucene_candidates_are_scored_lexically()
    {
        using var search = Lexical();
        var scored = search.Explain("goggles", forceSemantic: false);
        Assert.Single(scored);
        Assert.Empty(search.Explain("zebra crossing", forceSemantic: false));
        Assert.IsType<NoAnswerReply>(Answers(search).Ask("zebra crossing"));
    }

    [Fact]
    public void A_decisive_lexical_answer_needs_no_model_and_a_question_sharing_no_word_does()
    {
        using var search = WithModel();
        var before = search.EncodedQuestions;
        var answer = Assert.IsType<AnswerReply>(Answers(search).Ask("what eye protection goggles must I wear"));
        Assert.Contains("eye protection", answer.Section.Heading);
        Assert.Equal(before, search.EncodedQuestions);

        var best = search.Search("I spilled something on my hand, what now?", 3).Best!;
        Assert.Equal(before + 1, search.EncodedQuestions);
        Assert.Contains("touches someone's skin", best.Section.Heading);
    }

    [Fact]
    public async Task A_semantic_index_built_in_the_background_leaves_the_lexical_stage_answering_until_it_is_ready()
    {
        using var encoder = new GatedEncoder(_engine.Encoder);
        var built = 0;
        using var search = new LuceneGuidelineSearch(_knowledge, new SearchOptions(), SynonymSet.None, encoder,
            new EngineStart(SemanticInBackground: true, NeverWaitForModel: true, SemanticBuilt: () => built++));

        Assert.False(search.IsComplete);
        var before = search.Explain("what if a chemical gets on a student's skin", forceSemantic: true);
        Assert.NotEmpty(before);
        Assert.All(before, c => Assert.False(c.Features.HasSemantic));
        Assert.Equal(0, search.EncodedQuestions);
        Assert.Equal("What do I do if a chemical touches someone's skin?", before[0].Section.Heading);

        Assert.Equal(0, built);
        encoder.Release();
        await search.SemanticReady.WaitAsync(TimeSpan.FromSeconds(60));
        Assert.Equal(1, built);
        Assert.True(search.IsComplete);
        var after = search.Explain("what if a chemical gets on a student's skin", forceSemantic: true);
        Assert.All(after, c => Assert.True(c.Features.HasSemantic));
        Assert.Equal(1, search.EncodedQuestions);
    }

    [Fact]
    public async Task A_semantic_index_that_fails_to_build_leaves_the_lexical_stage_answering()
    {
        using var search = new LuceneGuidelineSearch(_knowledge, new SearchOptions(), SynonymSet.None, new BrokenEncoder(), new EngineStart(true, true));

        await Assert.ThrowsAsync<InvalidOperationException>(() => search.SemanticReady.WaitAsync(TimeSpan.FromSeconds(30)));
        Assert.True(search.IsComplete);
        Assert.Equal("How do I store chemicals?", search.Search("how do I store chemicals", 3).Best?.Section.Heading);
        Assert.All(search.Explain("how do I store chemicals", forceSemantic: true), c => Assert.False(c.Features.HasSemantic));

        // Disposed twice (the live knowledge, then the container): the second time does nothing.
        search.Dispose();
        search.Dispose();
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task In_a_server_a_question_never_waits_for_the_models_session(bool firstStart)
    {
        var encoder = new SessionlessEncoder(_engine.Encoder);
        using var search = new LuceneGuidelineSearch(_knowledge, new SearchOptions(), SynonymSet.None, encoder,
            new EngineStart(SemanticInBackground: firstStart, NeverWaitForModel: true));
        await search.SemanticReady.WaitAsync(TimeSpan.FromSeconds(60));

        // The index is built (as from stored vectors), the session is not: the lexical stage answers and asks for the session.
        Assert.False(search.IsComplete);
        Assert.All(search.Explain("what if a chemical gets on a student's skin", forceSemantic: true), c => Assert.False(c.Features.HasSemantic));
        Assert.Equal(0, search.EncodedQuestions);
        Assert.True(encoder.PrepareRequested);

        encoder.Ready = true;
        Assert.True(search.IsComplete);
        Assert.All(search.Explain("what if a chemical gets on a student's skin", forceSemantic: true), c => Assert.True(c.Features.HasSemantic));
        Assert.Equal(1, search.EncodedQuestions);
    }

    [Fact]
    public void Built_whole_the_engine_waits_for_the_model_when_a_question_needs_it()
    {
        var waiting = new SessionlessEncoder(_engine.Encoder);
        using var whole = new LuceneGuidelineSearch(_knowledge, new SearchOptions(), SynonymSet.None, waiting, EngineStart.Whole);
        Assert.True(whole.IsComplete);
        Assert.All(whole.Explain("what if a chemical gets on a student's skin", forceSemantic: true), c => Assert.True(c.Features.HasSemantic));
        Assert.False(waiting.PrepareRequested);
    }

    /// <summary>An encoder whose session is not built until the test says so (vectors are still produced, as if stored).</summary>
    private sealed class SessionlessEncoder(ISemanticEncoder inner) : ISemanticEncoder
    {
        public bool Ready { get; set; }

        public bool PrepareRequested { get; private set; }

        public bool IsReady => Ready;

        public void PrepareInBackground() => PrepareRequested = true;

        public float[][] Encode(IReadOnlyList<string> texts, CancellationToken cancellationToken = default) => inner.Encode(texts, cancellationToken);
    }

    private sealed class BrokenEncoder : ISemanticEncoder
    {
        public float[][] Encode(IReadOnlyList<string> texts, CancellationToken cancellationToken = default) =>
            throw new InvalidOperationException("the model is missing");
    }

    public void Dispose() => _folder.Dispose();
}
