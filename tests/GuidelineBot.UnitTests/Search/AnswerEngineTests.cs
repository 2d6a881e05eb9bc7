using GuidelineBot.Core.Answers;
using GuidelineBot.Core.Conversation;

namespace GuidelineBot.UnitTests.Search;

[Collection(EngineCollection.Name)]
public sealed class AnswerEngineTests(EngineFixture engine)
{
    public static TheoryData<bool> BothModes => new() { true, false };

    private AnswerService Answers(bool reranker) => reranker ? engine.Answers : engine.LexicalAnswers;

    [Theory]
    [MemberData(nameof(BothModes))]
    public void A_question_gets_the_section_text_and_a_citation(bool reranker)
    {
        var answer = Assert.IsType<AnswerReply>(Answers(reranker).Ask("can I friend parents?"));
        Assert.Contains("friend", answer.Section.Heading, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("extreme caution", answer.Text);
        Assert.Equal(answer.Section.Citation, answer.Citation);
        Assert.Contains("knowledge/staff-social-media-guidelines.txt:48-56", answer.Citation);
        Assert.InRange(answer.Score, 0.0, 1.0);
        Assert.InRange(answer.Related.Count, 0, 3);
        Assert.DoesNotContain(answer.Section, answer.Related);
    }

    [Theory]
    [MemberData(nameof(BothModes))]
    public void Typos_are_tolerated(bool reranker)
    {
        var answer = Assert.IsType<AnswerReply>(Answers(reranker).Ask("can i frend parnets"));
        Assert.Contains("friend", answer.Section.Heading, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Spelling_correction_fixes_unknown_words_only()
    {
        Assert.Equal("can i friend parents", engine.Search.CorrectSpelling("can i frend parnets"));
        Assert.Equal("what is the weather tomorrow", engine.Search.CorrectSpelling("what is the weather tomorrow"));
    }

    [Fact]
    public void Synonyms_expand_everyday_words_to_the_guidelines_vocabulary()
    {
        var groups = engine.Search.TermGroups("can my kids see my pics");
        var kids = Assert.Single(groups, g => g.Terms.Contains("kid"));
        Assert.Contains("student", kids.Synonyms);
        var pics = Assert.Single(groups, g => g.Terms.Contains("pic"));
        Assert.Contains("photo", pics.Synonyms);
        Assert.Contains("pictur", pics.Synonyms);
    }

    [Theory]
    [MemberData(nameof(BothModes))]
    public void Synonyms_find_sections_in_other_words(bool reranker)
    {
        var answer = Assert.IsType<AnswerReply>(Answers(reranker).Ask("can I use a pseudonym on my blog"));
        Assert.Equal("Can I post anonymously?", answer.Section.Heading);
    }

    [Fact]
    public void Curly_quotes_fold_so_straight_quotes_match()
    {
        var answer = Assert.IsType<AnswerReply>(engine.Answers.Ask("can I \"friend\" alumni?"));
        Assert.Contains("alumni", answer.Section.Heading);
    }

    [Theory]
    [InlineData("what's the weather tomorrow")]
    [InlineData("how do I book a conference room")]
    [InlineData("what is the capital of france")]
    public void Questions_the_guidelines_do_not_cover_get_an_honest_no_answer(string question)
    {
        var reply = Assert.IsType<NoAnswerReply>(engine.Answers.Ask(question));
        Assert.Equal("the Director of Technology", reply.Contact);
        Assert.Contains("the Director of Technology", reply.Text);
        Assert.InRange(reply.Suggestions.Count, 1, 3);
    }

    [Fact]
    public void Lexical_mode_declines_words_the_guidelines_never_use()
    {
        Assert.IsType<NoAnswerReply>(engine.LexicalAnswers.Ask("what's the weather tomorrow"));
    }

    [Theory]
    [InlineData("AND (( \"*:* \\")]
    [InlineData("title:foo OR body:[a TO z]^10 ~2 -+!&&||")]
    [InlineData("?*")]
    [InlineData("\"unterminated phrase")]
    [InlineData("😀🎉 🙈")]
    [InlineData("   ")]
    [InlineData("")]
    [InlineData("\0\u0001\u202e")]
    [InlineData("SELECT * FROM users; DROP TABLE x; --")]
    public void Odd_text_gets_an_ordinary_reply_never_an_exception(string text)
    {
        foreach (var answers in new[] { engine.Answers, engine.LexicalAnswers })
        {
            var reply = answers.Ask(text);
            Assert.NotNull(reply);
            Assert.False(string.IsNullOrWhiteSpace(ReplyText.Render(reply)));
        }
    }

    [Fact]
    public void Ten_kilobytes_of_junk_is_handled()
    {
        var random = new Random(42);
        var junk = new string(Enumerable.Range(0, 10_240).Select(_ => (char)random.Next(32, 0x2FFF)).ToArray());
        var words = string.Concat(Enumerable.Repeat("friend parents photo students privacy ", 300));
        foreach (var text in new[] { junk, words })
        {
            Assert.NotNull(engine.Answers.Ask(text));
            Assert.NotNull(engine.Search.Search(text, 5));
            Assert.NotNull(engine.Lexical.Search(text, 5));
        }
    }

    [Theory]
    [InlineData("hi", typeof(SmallTalkReply))]
    [InlineData("Hello!", typeof(SmallTalkReply))]
    [InlineData("thanks", typeof(SmallTalkReply))]
    [InlineData("thank you so much", typeof(SmallTalkReply))]
    [InlineData("help", typeof(HelpReply))]
    [InlineData("what can you do?", typeof(HelpReply))]
    [InlineData("", typeof(HelpReply))]
    [InlineData("topics", typeof(TopicsReply))]
    [InlineData("list topics", typeof(TopicsReply))]
    public void Small_talk_gets_short_useful_replies(string text, Type expected)
    {
        Assert.IsType(expected, engine.Answers.Ask(text));
    }

    [Fact]
    public void Help_shows_example_questions_from_the_documents_and_the_topics()
    {
        var help = Assert.IsType<HelpReply>(engine.Answers.Ask("help"));
        Assert.Equal(3, help.Examples.Count);
        Assert.All(help.Examples, q => Assert.Contains(q, engine.Knowledge.Sections));
        Assert.All(help.Examples, q => Assert.EndsWith("?", q.Heading, StringComparison.Ordinal));
        var text = ReplyText.Render(help);
        Assert.Contains("Can I post anonymously?", text);
        Assert.All(help.Examples, q => Assert.Equal(2, text.Split("• " + q.Heading + Environment.NewLine).Length - 1)); // the examples, and among the topics
        var document = engine.Knowledge.Documents[0];
        Assert.Equal(1, text.Split(document.Title + " (" + document.Sections.Count + " topics)").Length - 1); // once, with its topics under it
        Assert.Equal(1, text.Split(MessageContent.TopicsTitle).Length - 1);
    }

    [Fact]
    public void Long_sections_are_quoted_by_their_matching_passages_short_ones_whole()
    {
        var friending = Assert.IsType<AnswerReply>(engine.Answers.Ask("should I be friends with alumni online"));
        Assert.True(friending.Section.Text.Length > 900);
        Assert.Contains("Alumni", friending.Text);
        Assert.True(friending.Text.Length < friending.Section.Quoted.Length);

        var anonymous = Assert.IsType<AnswerReply>(engine.Answers.Ask("can I post anonymously"));
        Assert.Equal(anonymous.Section.Quoted, anonymous.Text);
    }

    [Fact]
    public void The_searcher_is_safe_to_share_across_threads()
    {
        var questions = new[] { "can I friend parents?", "is this enforceable", "can I post anonymously", "what's the weather" };
        var expected = questions.Select(q => engine.Search.Search(q, 3).Best?.Section.Id).ToArray();
        Parallel.For(0, 200, i =>
        {
            var q = i % questions.Length;
            Assert.Equal(expected[q], engine.Search.Search(questions[q], 3).Best?.Section.Id);
        });
    }
}
