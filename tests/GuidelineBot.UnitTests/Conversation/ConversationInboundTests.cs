using System.Text.Json;
using GuidelineBot.Core.Conversation;
using GuidelineBot.Teams.Cards;

namespace GuidelineBot.UnitTests.Conversation;

/// <summary>Reading a pressed button back: a vote or a share is about one of our answers (its section and question), else nothing.</summary>
public sealed class ConversationInboundTests
{
    private static readonly AnswerRef Answer = new("q1", "staff-social-media-guidelines#7", "can I friend parents?");

    [Theory]
    [InlineData(ActionKind.Helpful)]
    [InlineData(ActionKind.NotHelpful)]
    [InlineData(ActionKind.Share)]
    public void An_answers_own_button_value_is_read_back(ActionKind kind)
    {
        var inbound = ConversationInbound.FromAction(kind, Answer.Encode());

        var read = kind == ActionKind.Share ? Assert.IsType<ShareInbound>(inbound).Answer : Assert.IsType<FeedbackInbound>(inbound).Answer;
        Assert.Equal(Answer, read);
        if (inbound is FeedbackInbound vote)
        {
            Assert.Equal(kind == ActionKind.Helpful, vote.Helpful);
        }
    }

    [Theory]
    [InlineData("garbage")] // a bare text: no section
    [InlineData("\nq1\ncan I friend parents?")] // no section
    [InlineData("doc#1\nq1\n   ")] // no question
    [InlineData("   \ncan I friend parents?")] // older two-part value, blank section
    public void A_vote_or_share_not_about_an_answer_is_not_read(string value)
    {
        Assert.Null(ConversationInbound.FromAction(ActionKind.Helpful, value));
        Assert.Null(ConversationInbound.FromAction(ActionKind.NotHelpful, value));
        Assert.Null(ConversationInbound.FromAction(ActionKind.Share, value));
    }

    [Theory]
    [InlineData("\nq1\ncan I friend parents?", true)] // declined: no section, still a question for the experts
    [InlineData("doc#1\nq1\ncan I friend parents?", true)]
    [InlineData("doc#1\nq1\n", false)]
    [InlineData("\nq1\n   ", false)]
    [InlineData("\n\n", false)]
    public void A_question_for_the_experts_needs_a_question(string value, bool read)
    {
        var ask = ConversationInbound.FromAction(ActionKind.AskExpert, value);
        var send = ConversationInbound.FromAction(ActionKind.SendToExpert, value, new Dictionary<string, string> { ["context"] = "urgent" });

        Assert.Equal(read, ask is AskExpertInbound);
        Assert.Equal(read, send is SendToExpertInbound);
    }

    [Theory]
    [InlineData("can I friend parents on social media", 20, "can I friend…")]
    [InlineData("can I friend parents", 20, "can I friend parents")]
    [InlineData("abcdefghijklmnopqrstuvwxyz", 10, "abcdefghi…")]
    [InlineData("a bcdefghijklmnopqrstuvwxyz", 10, "a bcdefgh…")] // no boundary in the second half: cut in the word
    [InlineData("ab📸cd", 4, "ab…")] // never half a surrogate pair
    public void Shorten_cuts_at_a_word_boundary_and_marks_the_cut(string text, int max, string expected)
    {
        var shortened = MessageText.Shorten(text, max);

        Assert.Equal(expected, shortened);
        Assert.True(shortened.Length <= max);
    }

    [Fact]
    public void A_question_too_long_for_a_button_value_is_cut_at_a_word_and_marked()
    {
        var question = string.Concat(Enumerable.Repeat("may I post photos of pupils ", 100));
        var encoded = new AnswerRef("q1", "doc#1", question).Encode();

        var decoded = AnswerRef.Decode(encoded)!;
        Assert.True(encoded.Length <= AnswerRef.MaxEncodedLength);
        Assert.EndsWith("pupils…", decoded.Question, StringComparison.Ordinal);
        Assert.StartsWith(decoded.Question[..^1], question, StringComparison.Ordinal);
    }

    [Fact]
    public void An_answers_value_carries_its_section_check_and_still_fits_a_button_with_a_long_question()
    {
        var question = string.Concat(Enumerable.Repeat("may I post photos of pupils ", 100));
        var answer = new AnswerRef("q1", "doc#1", question) { SectionCheck = "0a1b2c3d" };

        var encoded = answer.Encode();
        var decoded = AnswerRef.Decode(encoded)!;

        Assert.True(encoded.Length <= AnswerRef.MaxEncodedLength);
        Assert.Equal(("q1", "doc#1", "0a1b2c3d"), (decoded.QuestionId, decoded.SectionId, decoded.SectionCheck));
        Assert.EndsWith("…", decoded.Question, StringComparison.Ordinal);
        Assert.StartsWith(decoded.Question[..^1], question, StringComparison.Ordinal);
        Assert.Equal(answer with { Question = "can I friend parents?" }, AnswerRef.Decode((answer with { Question = "can I friend parents?" }).Encode()));
        Assert.IsType<FeedbackInbound>(ConversationInbound.FromAction(ActionKind.Helpful, encoded));
    }

    [Fact]
    public void A_value_longer_than_any_button_value_is_not_a_vote()
    {
        var longest = new AnswerRef("q1", "doc#1", new string('a', 5000)).Encode();
        Assert.Equal(AnswerRef.MaxEncodedLength, longest.Length);
        Assert.IsType<FeedbackInbound>(ConversationInbound.FromAction(ActionKind.Helpful, longest));

        Assert.Null(ConversationInbound.FromAction(ActionKind.Helpful, longest + "a"));
    }

    [Fact]
    public void The_older_two_part_value_with_a_section_is_still_a_vote() =>
        Assert.Equal(new AnswerRef(null, "doc#1", "can I friend parents?"),
            Assert.IsType<FeedbackInbound>(ConversationInbound.FromAction(ActionKind.Helpful, "doc#1\ncan I friend parents?")).Answer);

    [Theory]
    [InlineData("""{"action":"feedback","helpful":true}""")]
    [InlineData("""{"action":"feedback","helpful":true,"question":null,"sectionId":null}""")]
    [InlineData("""{"action":"feedback","helpful":false,"question":"can I friend parents?"}""")]
    [InlineData("""{"action":"feedback","helpful":false,"sectionId":"doc#1","question":""}""")]
    public void A_Teams_feedback_submit_without_its_section_or_question_is_not_read(string data) =>
        Assert.Null(CardActions.Read(JsonDocument.Parse(data).RootElement));

    [Fact]
    public void A_Teams_feedback_submit_of_an_answer_is_read()
    {
        var data = CardActions.Data(new OutboundAction("👎", ActionKind.NotHelpful, Answer.Encode()));

        var vote = Assert.IsType<FeedbackInbound>(CardActions.Read(JsonDocument.Parse(data.ToJsonString()).RootElement));

        Assert.Equal(Answer, vote.Answer);
        Assert.False(vote.Helpful);
    }
}
