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
}
