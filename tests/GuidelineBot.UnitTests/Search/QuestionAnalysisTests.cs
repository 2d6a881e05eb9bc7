using GuidelineBot.Core.Knowledge;
using GuidelineBot.Search;
using Lucene.Net.Analysis.TokenAttributes;

namespace GuidelineBot.UnitTests.Search;

/// <summary>
/// The question is analysed once (synonyms and the typed words together, see <see cref="TypedWords"/>): a term counts
/// as typed exactly where the synonym-free analysis of the question yields it, whatever the synonym rules; the same term
/// emitted as a synonym elsewhere in the question is a synonym there.
/// </summary>
[Collection(EngineCollection.Name)]
public sealed class QuestionAnalysisTests(EngineFixture engine)
{
    private const string Document = "Photos\n\nQ: Can I share snapshots of my class?\n- Only with consent from every family.\n\nQ: Can I bring pets?\n- No animals on campus.\n";

    [Fact]
    public void Typed_terms_are_the_synonym_free_terms_of_every_repository_question()
    {
        var questions = File.ReadLines(Path.Combine(TestPaths.Root, "tests", "eval", "seed-paraphrases.tsv"))
            .Where(l => l.Length > 0 && !l.StartsWith('#'))
            .Select(l => l.Split('\t')[0])
            .Append("Can my KIDS see the pics I post of my students' field trip?")
            .ToList();
        var synonymsUsed = 0;
        foreach (var question in questions)
        {
            var typed = SynonymFreeTerms(question);
            var groups = engine.Lexical.TermGroups(question);
            Assert.All(groups, g => Assert.All(g.Terms, t => Assert.Contains(t, typed)));
            Assert.All(groups, g => Assert.Empty(g.Synonyms.Intersect(g.Terms)));
            synonymsUsed += groups.Count(g => g.Synonyms.Count > 0);
        }

        Assert.True(synonymsUsed > questions.Count, $"the questions exercise the synonym rules ({synonymsUsed} groups)");
    }

    [Theory]
    [InlineData("fake name => pseudonym\n", "can i use a fake name on twitter policy", "twitter,polici")]
    [InlineData("lose my job => fired\n", "can i lose my job over a tweet", "tweet")]
    [InlineData("the rules => policy\n", "the rules about phones", "phone")]
    public void Words_typed_after_a_rewrite_shorter_than_its_match_stay_typed(string rules, string question, string after)
    {
        // The rewrite moves every later token's position back; where a word was typed is its place in the text.
        using var search = Lexical(rules);
        var groups = search.TermGroups(question);
        Assert.All(after.Split(','), t => Assert.Single(groups, g => g.Terms.SequenceEqual([t])));
    }

    [Fact]
    public void A_later_word_of_a_synonym_that_repeats_the_last_typed_word_is_a_synonym()
    {
        // "free speech" → "freedom of speech": the second "speech" lands a position further on, with the offsets of the
        // typed "speech"; only the first token with that word and offset is typed. Typed there too, it made a second
        // "speech" group, dropped as a word typed twice with the synonyms at its position ("mind" of "speak my mind").
        var groups = engine.Lexical.TermGroups("free speech?");
        Assert.Equal([["free"], ["speech"]], groups.Where(g => g.Terms.Count > 0).Select(g => g.Terms));
        Assert.Contains(groups, g => g.Synonyms.Contains("mind"));
    }

    [Fact]
    public void Words_typed_after_an_over_long_token_stay_typed()
    {
        // The tokenizer skips a token of 256+ characters and the synonym filter drops the position gap it leaves.
        var groups = engine.Lexical.TermGroups("message " + new string('a', 300) + " parents policy");
        Assert.Single(groups, g => g.Terms.SequenceEqual(["messag"]));
        Assert.Single(groups, g => g.Terms.SequenceEqual(["parent"]));
        Assert.Single(groups, g => g.Terms.SequenceEqual(["polici"]));
    }

    [Fact]
    public void A_word_typed_next_to_its_own_synonyms_stays_typed_where_it_was_typed()
    {
        var groups = engine.Lexical.TermGroups("can my kids and students see my pics");
        var kids = Assert.Single(groups, g => g.Terms.Contains("kid"));
        var students = Assert.Single(groups, g => g.Terms.Contains("student"));
        Assert.NotSame(kids, students);
        Assert.Equal(["kid"], kids.Terms);
        Assert.Contains("student", kids.Synonyms);
        Assert.Contains("pupil", kids.Synonyms);
        Assert.Equal(["student"], students.Terms);
    }

    [Fact]
    public void A_synonym_that_is_a_word_typed_elsewhere_does_not_make_the_word_it_lands_on_typed()
    {
        // "message" has the synonym "direct message", whose "message" lands on the position of "parents": that must not
        // make every section saying "message" cover "parents".
        var groups = engine.Lexical.TermGroups("can I message parents");
        Assert.Equal(["parent"], Assert.Single(groups, g => g.Terms.Contains("parent")).Terms);
        var message = Assert.Single(groups, g => g.Terms.Contains("messag"));
        Assert.Equal(["messag"], message.Terms);
        Assert.Contains("direct", message.Synonyms);
    }

    [Fact]
    public void A_rewrite_rule_that_removes_the_typed_word_still_counts_its_stem_as_typed()
    {
        // "snapping => snaps": the typed word leaves the stream, and its stem "snap" comes back as the rule's output.
        using var search = Lexical("snapping => snaps\n");
        var group = Assert.Single(search.TermGroups("snapping"));
        Assert.Equal(["snap"], group.Terms);
        Assert.Empty(group.Synonyms);
    }

    [Fact]
    public void A_rewrite_rule_output_the_user_did_not_type_is_a_synonym()
    {
        using var search = Lexical("fake name => pseudonym\n");
        var group = Assert.Single(search.TermGroups("a fake name"));
        Assert.Empty(group.Terms);
        Assert.Equal(["pseudonym"], group.Synonyms);
    }

    [Fact]
    public void The_later_words_of_a_multi_word_synonym_belong_to_the_word_they_replace()
    {
        // "screen capture" takes two positions: its second word is stacked on the word typed next ("zebras"), which
        // must not look matched wherever "capture" appears.
        using var search = Lexical("repost, screen capture\n");
        var groups = search.TermGroups("repost zebras");
        Assert.Equal(2, groups.Count);
        Assert.Equal(["repost"], groups[0].Terms);
        Assert.Contains("screen", groups[0].Synonyms);
        Assert.Contains("captur", groups[0].Synonyms);
        Assert.Equal(["zebra"], groups[1].Terms);
        Assert.Empty(groups[1].Synonyms);
    }

    [Fact]
    public void A_synonym_of_three_words_stays_with_its_word_two_positions_on()
    {
        using var search = Lexical("repost, screen capture image\n");
        var groups = search.TermGroups("repost zebras lions");
        Assert.Equal([["repost"], ["zebra"], ["lion"]], groups.Select(g => g.Terms));
        Assert.Contains("imag", groups[0].Synonyms);
        Assert.All(groups.Skip(1), g => Assert.Empty(g.Synonyms));
    }

    [Fact]
    public void A_multi_word_synonym_of_the_last_word_adds_no_word_of_its_own()
    {
        using var search = Lexical("repost, screen capture\n");
        var group = Assert.Single(search.TermGroups("can i repost"));
        Assert.Equal(["repost"], group.Terms);
        Assert.Contains("captur", group.Synonyms);
    }

    [Fact]
    public void Typed_multi_word_phrases_keep_one_group_per_word_with_the_synonyms_where_they_stand()
    {
        using var search = Lexical("social media, facebook, social network\n");
        var groups = search.TermGroups("social media tips");
        Assert.Equal([["social"], ["media"], ["tip"]], groups.Select(g => g.Terms));
        Assert.Contains("facebook", groups[0].Synonyms);
        Assert.Contains("network", groups[1].Synonyms);
    }

    [Theory]
    [InlineData("can i post my personal opinion")]
    [InlineData("rules for social media accounts")]
    [InlineData("can I post when I am off duty")]
    [InlineData("are my facebook privacy settings enough")]
    [InlineData("does the first amendment protect my teacher blog")]
    [InlineData("can i use a fake name on twitter")]
    [InlineData("should i follow former students on instagram")]
    public void Every_typed_word_keeps_a_group_of_its_own_with_the_repository_synonyms(string question)
    {
        var groups = engine.Lexical.TermGroups(question);
        var typed = SynonymFreeTerms(question);
        Assert.All(groups, g => Assert.True(g.Terms.Count <= 1, $"one typed word per group: {g}"));
        Assert.Equal(typed.Count, groups.Count(g => g.Terms.Count == 1));
    }

    [Fact]
    public void The_later_words_of_a_synonym_of_the_last_word_do_not_land_on_an_earlier_word()
    {
        // "twitter" has multi-word synonyms ("social network", …) whose later words take the positions after it.
        var groups = engine.Lexical.TermGroups("can i use a fake name on twitter");
        Assert.DoesNotContain("network", Assert.Single(groups, g => g.Terms.Contains("name")).Synonyms);
        Assert.Contains("network", Assert.Single(groups, g => g.Terms.Contains("twitter")).Synonyms);
    }

    [Fact]
    public void Each_use_of_the_reused_analysis_starts_from_a_clean_slate()
    {
        using var search = Lexical("photo, snapshot\n");
        Assert.Equal(["snapshot"], Assert.Single(search.TermGroups("snapshot")).Terms);
        // The previous question's typed word must not leak into this one.
        var group = Assert.Single(search.TermGroups("photo"));
        Assert.Equal(["photo"], group.Terms);
        Assert.Equal(["snapshot"], group.Synonyms);
    }

    [Fact]
    public void A_question_gets_the_same_term_groups_whatever_was_asked_before()
    {
        // Each typed word's own analysis is kept across questions (by the word as typed): the groups of a question must
        // not depend on which questions came first. Two fresh engines, one asked in the file's order, one in reverse.
        var questions = File.ReadLines(Path.Combine(TestPaths.Root, "tests", "eval", "seed-paraphrases.tsv"))
            .Concat(File.ReadLines(Path.Combine(TestPaths.Root, "tests", "eval", "own", "train.tsv")))
            .Where(l => l.Length > 0 && !l.StartsWith('#'))
            .Select(l => l.Split('\t')[0])
            .ToList();
        var options = new SearchOptions { Reranker = RerankerKind.None };
        using var forward = new LuceneGuidelineSearch(engine.Knowledge, options, TestPaths.Synonyms);
        using var backward = new LuceneGuidelineSearch(engine.Knowledge, options, TestPaths.Synonyms);

        var groups = questions.Select(forward.TermGroups).ToList();
        var inOrder = groups.Select(Describe).ToList();
        var reversed = Enumerable.Reverse(questions).Select(q => Describe(backward.TermGroups(q))).Reverse().ToList();
        var again = questions.Select(q => Describe(forward.TermGroups(q))).ToList();

        Assert.Equal(inOrder, reversed);
        Assert.Equal(inOrder, again);
        var withSynonyms = groups.Count(g => g.Exists(x => x.Synonyms.Count > 0));
        Assert.True(withSynonyms > questions.Count / 2, $"the questions exercise the synonym rules ({withSynonyms} of {questions.Count})");

        static string Describe(List<LuceneSectionIndex.TermGroup> groups) => string.Join(" ; ", groups.Select(g => $"{g} {g.Idf:R}"));
    }

    [Theory]
    [InlineData("ca\u0301n I fr\u0308iend pa\u0327rents?", "can I friend parents?")]
    [InlineData("cafe\u0301 ru\u0302les", "caf\u00e9 r\u00fbles")]
    [InlineData("Cre\u0300me bru\u0302le\u0301e", "creme brulee")]
    public void Accents_written_as_combining_marks_analyse_as_the_precomposed_or_plain_word(string decomposed, string composed)
    {
        Assert.Equal(SynonymFreeTerms(composed), SynonymFreeTerms(decomposed));
        Assert.DoesNotContain(SynonymFreeTerms(decomposed), t => t.Any(c => c >= '\u0300' && c <= '\u036f'));
    }

    [Fact]
    public void Marks_with_no_letter_before_them_leave_the_words_around_them_as_they_are() =>
        Assert.Equal(SynonymFreeTerms("friend parents"), SynonymFreeTerms("\u0301\u0302 friend \u0327 parents \u0301"));

    [Fact]
    public void A_question_and_a_document_with_decomposed_accents_find_each_other()
    {
        var search = engine.Lexical;
        var plain = search.Search("can I friend parents?", 1).Hits[0];
        var marked = search.Search("ca\u0301n I fr\u0308iend pa\u0327rents?", 1).Hits[0];
        Assert.Equal(plain.Section.Id, marked.Section.Id);
        Assert.Equal(plain.Confidence, marked.Confidence, 6);

        using var folder = new TestPaths.TempFolder();
        folder.Write("cafe.txt", "Cafe\u0301 Rules\n\nQ: Can I bring a cre\u0300me bru\u0302le\u0301e?\n- Only to the staff room.\n\nQ: Can I bring pets?\n- No animals.\n");
        using var decomposedDocument = new LuceneGuidelineSearch(KnowledgeLoader.Load(new KnowledgeOptions { Path = folder.Path }), new SearchOptions { Reranker = RerankerKind.None });
        Assert.Equal("Can I bring a cre\u0300me bru\u0302le\u0301e?", decomposedDocument.Search("may I bring cr\u00e8me br\u00fbl\u00e9e", 1).Hits[0].Section.Heading);
    }

    private static LuceneGuidelineSearch Lexical(string synonymRules)
    {
        using var folder = new TestPaths.TempFolder();
        folder.Write("doc.txt", Document);
        var synonyms = folder.Write("synonyms.txt", synonymRules);
        var knowledge = KnowledgeLoader.Load(new KnowledgeOptions { Path = folder.Path });
        return new LuceneGuidelineSearch(knowledge, new SearchOptions { Reranker = RerankerKind.None }, synonyms);
    }

    private static HashSet<string> SynonymFreeTerms(string text)
    {
        using var analyzer = GuidelineAnalyzer.CreateIndex();
        using var ts = analyzer.GetTokenStream("f", text);
        var term = ts.AddAttribute<ICharTermAttribute>();
        var terms = new HashSet<string>(StringComparer.Ordinal);
        ts.Reset();
        while (ts.IncrementToken())
        {
            terms.Add(term.ToString());
        }

        ts.End();
        return terms;
    }
}
