using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;
using GuidelineBot.Core.Answers;
using GuidelineBot.Core.Conversation;
using GuidelineBot.Core.Knowledge;
using GuidelineBot.Slack;
using GuidelineBot.Slack.Api;
using GuidelineBot.Slack.Commands;
using GuidelineBot.Slack.Rendering;

namespace GuidelineBot.UnitTests.Slack;

public sealed class SlashCommandRepliesTests
{
    private static readonly AnswerReply Reply = new("can I post photos?",
        new GuidelineSection("doc#s", "doc", "Staff Guidelines", "Can I post photos?", [new Passage("Ask \"first\" — <always>.", 10, 12)], "knowledge/doc.txt", 10, 12, null),
        "Ask \"first\" — <always>.", 0.9, []);

    private static string Fresh(OutboundMessage message, bool share) => JsonSerializer.Serialize(
        CommandResponse.From(SlackRenderer.Render(message, share), CommandResponse.Ephemeral), SlackJsonContext.Default.CommandResponse);

    private static string NewId() => Guid.CreateVersion7().ToString("N");

    [Fact]
    public void The_same_reply_twice_gives_each_its_own_question_id_and_exactly_the_freshly_rendered_bytes()
    {
        var replies = new SlashCommandReplies();
        var (first, second) = (NewId(), NewId());

        var a = Encoding.UTF8.GetString(replies.Json(new AnswerMessage(Reply, first), share: true));
        var b = Encoding.UTF8.GetString(replies.Json(new AnswerMessage(Reply, second), share: true));

        Assert.Equal(Fresh(new AnswerMessage(Reply, first), share: true), a);
        Assert.Equal(Fresh(new AnswerMessage(Reply, second), share: true), b);
        Assert.Contains(first, a, StringComparison.Ordinal);
        Assert.DoesNotContain(first, b, StringComparison.Ordinal);
        Assert.Equal(a.Replace(first, second, StringComparison.Ordinal), b);
    }

    [Fact]
    public void Every_button_of_a_spliced_answer_decodes_to_the_requests_question_id()
    {
        var replies = new SlashCommandReplies();
        replies.Json(new AnswerMessage(Reply, NewId()), share: true);
        var id = NewId();

        using var json = JsonDocument.Parse(replies.Json(new AnswerMessage(Reply, id), share: true));

        var values = json.RootElement.GetProperty("blocks").EnumerateArray()
            .Where(b => b.GetProperty("type").GetString() == "actions")
            .SelectMany(b => b.GetProperty("elements").EnumerateArray())
            .Select(e => AnswerRef.Decode(e.GetProperty("value").GetString()))
            .ToArray();
        Assert.Equal(3, values.Length);
        Assert.All(values, v => Assert.Equal(id, v!.QuestionId));
    }

    [Fact]
    public void Messages_it_cannot_splice_are_rendered_as_they_are()
    {
        var replies = new SlashCommandReplies();
        replies.Json(new AnswerMessage(Reply, NewId()), share: true);
        OutboundMessage[] messages =
        [
            new AnswerMessage(Reply, null),
            new AnswerMessage(Reply, "not-a-hex-id"),
            new AnswerMessage(Reply, NewId()) { Feedback = true },
            new NoticeMessage(NoticeKind.Failed),
        ];

        foreach (var message in messages)
        {
            Assert.Equal(Fresh(message, share: true), Encoding.UTF8.GetString(replies.Json(message, share: true)));
        }

        var unshared = new AnswerMessage(Reply, NewId());
        Assert.Equal(Fresh(unshared, share: false), Encoding.UTF8.GetString(replies.Json(unshared, share: false)));
    }

    /// <summary>Questions whose JSON needs escaping, and lengths around where a button value cuts them.</summary>
    public static TheoryData<string> Questions()
    {
        var cut = AnswerRef.MaxEncodedLength - Reply.Section.Id.Length - 34;
        return new TheoryData<string>(
            "a",
            "can I post \"photos\" of my class?",
            "back\\slash </script> & <b>bold</b> 'single'",
            "émoji 📸 and ünïcödé — “quotes” ‘too’",
            "tab\tcontrol\u0001 and \u2028 line separator",
            new string('x', 31),
            new string('y', 33),
            new string('q', cut - 1),
            new string('q', cut),
            new string('q', cut + 1),
            new string('w', 2000));
    }

    [Theory]
    [MemberData(nameof(Questions))]
    public void Any_question_gives_exactly_the_freshly_rendered_bytes(string question)
    {
        var replies = new SlashCommandReplies();
        replies.Json(new AnswerMessage(Reply with { Question = "an earlier question" }, NewId()), share: true);
        var reply = Reply with { Question = question };
        var id = NewId();

        var json = Encoding.UTF8.GetString(replies.Json(new AnswerMessage(reply, id), share: true));

        Assert.Equal(Fresh(new AnswerMessage(reply, id), share: true), json);
        Assert.Equal(Fresh(new AnswerMessage(reply, id), share: false), Encoding.UTF8.GetString(
            new SlashCommandReplies().Json(new AnswerMessage(reply, id), share: false)));
    }

    [Theory]
    [MemberData(nameof(Questions))]
    public void A_not_covered_reply_with_an_expert_offer_gives_exactly_the_freshly_rendered_bytes(string question)
    {
        var replies = new SlashCommandReplies();
        var reply = new NoAnswerReply(question, [Reply.Section], "the office");
        var id = NewId();
        var message = new NoAnswerMessage(reply, id) { ExpertOffer = new AnswerRef(id, null, question) };

        var json = Encoding.UTF8.GetString(replies.Json(message, share: true));

        Assert.Equal(Fresh(message, share: true), json);
    }

    [Fact]
    public void Different_questions_with_the_same_answer_share_one_template()
    {
        var replies = new SlashCommandReplies();
        var kept = Enumerable.Range(0, 50).Select(i => Reply with { Question = $"question number {i} about \"photos\"?" }).ToList();

        foreach (var reply in kept)
        {
            var id = NewId();
            Assert.Equal(Fresh(new AnswerMessage(reply, id), share: true),
                Encoding.UTF8.GetString(replies.Json(new AnswerMessage(reply, id), share: true)));
        }

        Assert.Equal(1, replies.SharedTemplateCount);

        // Another answer, and a question too long for a button value whole, each get a template of their own.
        kept.Add(Reply with { Question = "x", Text = "Other text." });
        kept.Add(Reply with { Question = new string('z', 2000) });
        replies.Json(new AnswerMessage(kept[^2], NewId()), share: true);
        replies.Json(new AnswerMessage(kept[^1], NewId()), share: true);
        Assert.Equal(3, replies.SharedTemplateCount);
        GC.KeepAlive(kept);
    }

    [Fact]
    public void A_template_no_reply_uses_any_more_is_let_go()
    {
        var replies = new SlashCommandReplies();
        RenderOnce(replies);

        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();

        Assert.Equal(0, replies.SharedTemplateCount);
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void RenderOnce(SlashCommandReplies replies)
    {
        replies.Json(new AnswerMessage(Reply with { Question = "asked once" }, NewId()), share: true);
        Assert.Equal(1, replies.SharedTemplateCount);
    }
}
