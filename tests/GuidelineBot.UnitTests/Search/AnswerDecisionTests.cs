using GuidelineBot.Core.Answers;
using GuidelineBot.Core.Conversation;
using GuidelineBot.Core.Knowledge;
using Microsoft.Extensions.Options;

namespace GuidelineBot.UnitTests.Search;

/// <summary>The answer / decline / "did you mean" decision of <see cref="AnswerService"/> over a scripted search.</summary>
public sealed class AnswerDecisionTests
{
    private static readonly GuidelineSection[] Sections =
    [
        Section("a", "How do I store chemicals?"),
        Section("b", "Where do acids go?"),
        Section("c", "Can I eat in the lab?"),
    ];

    private static GuidelineSection Section(string id, string heading) =>
        new(id, "lab", "Lab Safety", heading, [new Passage("Text of " + heading, 3, 3)], "lab.txt", 3, 3, null);

    private sealed class ScriptedSearch(params SearchHit[] hits) : IGuidelineSearch
    {
        public KnowledgeBase Knowledge { get; } = new([new GuidelineDocument("lab", "Lab Safety", "lab.txt", "00", DocumentMetadata.None, Sections)], []);

        public SearchResult Search(string question, int maxResults, CancellationToken cancellationToken = default) =>
            new(question, hits.Take(maxResults).ToArray());
    }

    private static Reply Ask(params SearchHit[] hits) =>
        new AnswerService(new ScriptedSearch(hits), Options.Create(new AnswerOptions())).Ask("where do I keep acids");

    private static SearchHit Hit(int section, double confidence, bool closeCall = false) =>
        new(Sections[section], 1 - section, confidence, Sections[section].Passages) { IsCloseCall = closeCall };

    [Fact]
    public void A_close_call_answers_the_best_and_offers_the_runner_up_first()
    {
        var answer = Assert.IsType<AnswerReply>(Ask(Hit(0, 0.8), Hit(1, 0.3, closeCall: true), Hit(2, 0.01)));
        Assert.Equal(Sections[0], answer.Section);
        Assert.Equal(Sections[1], answer.Alternative);
        Assert.Equal(Sections[1], answer.Related[0]);
        Assert.Contains("Did you mean: Where do acids go? (Lab Safety)", ReplyText.Render(answer));

        // Offered once, as a question to ask, not again among the related topics.
        var rows = OutboundMessage.From(answer).Content.OfType<ActionsBlock>().Where(b => b.Actions.All(x => x.Kind == ActionKind.Ask)).ToList();
        var offered = rows.Single(b => b.Label?.PlainText == MessageContent.DidYouMeanLabel);
        Assert.Equal(new AskInbound("Where do acids go?", Sections[1].Id), ConversationInbound.FromAction(ActionKind.Ask, Assert.Single(offered.Actions).Value));
        var related = rows.Single(b => b.Label?.PlainText == MessageContent.RelatedLabel);
        Assert.Equal([new AskInbound("Can I eat in the lab?", Sections[2].Id)], related.Actions.Select(x => ConversationInbound.FromAction(ActionKind.Ask, x.Value)));
    }

    [Fact]
    public void A_clear_answer_offers_no_alternative()
    {
        var answer = Assert.IsType<AnswerReply>(Ask(Hit(0, 0.9), Hit(1, 0.3)));
        Assert.Null(answer.Alternative);
        Assert.DoesNotContain("Did you mean", ReplyText.Render(answer));
    }

    [Fact]
    public void Below_the_threshold_the_bot_declines_and_suggests_the_closest_topics()
    {
        var reply = Assert.IsType<NoAnswerReply>(Ask(Hit(0, 0.4), Hit(1, 0.3, closeCall: true)));
        Assert.Equal([Sections[0], Sections[1]], reply.Suggestions);
        Assert.Equal(0.4, reply.Score, 6);
    }

    [Fact]
    public void A_decline_as_text_lists_the_topics_it_offers()
    {
        var text = ReplyText.Render(Ask(Hit(0, 0.4), Hit(1, 0.3, closeCall: true)));
        Assert.Contains("Did you mean one of these topics?", text);
        Assert.Contains("  • How do I store chemicals?\n  • Where do acids go?", text.ReplaceLineEndings("\n"));
    }

    [Fact]
    public void No_hit_at_all_is_a_no_answer_with_topics_to_try()
    {
        var reply = Assert.IsType<NoAnswerReply>(Ask());
        Assert.NotEmpty(reply.Suggestions);
        Assert.Equal(0, reply.Score);
    }
}
