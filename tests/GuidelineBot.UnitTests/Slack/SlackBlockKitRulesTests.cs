using System.Text.Json;
using GuidelineBot.Core.Answers;
using GuidelineBot.Core.Conversation;
using GuidelineBot.Core.Experts;
using GuidelineBot.Core.Knowledge;
using GuidelineBot.Core.Onboarding;
using GuidelineBot.Slack;
using GuidelineBot.Slack.Api;
using GuidelineBot.Slack.Rendering;
using GuidelineBot.Testing;
using GuidelineBot.UnitTests.Teams;

namespace GuidelineBot.UnitTests.Slack;

/// <summary>
/// Every kind of message and modal the bot sends Slack, serialised as the endpoints and the Web API client do, keeps the
/// Block Kit rules Slack enforces (<see cref="BlockKitRules"/>): Slack refuses the whole message otherwise.
/// </summary>
public sealed class SlackBlockKitRulesTests
{
    private static readonly KnowledgeBase Knowledge = KnowledgeLoader.Load(new KnowledgeOptions { Path = TestPaths.Knowledge });

    private static readonly DateTimeOffset Asked = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);

    private static readonly Ticket Ticket = new("t0000000000abc123", "can I bring my dog to school?", "it's for a class visit",
        new ExpertAsker(Channels.Slack, "U0ASKER", "Pat Asker", "T0TEAM", "C0GENERAL", false, null), "doc#pets", "Animals at school", 0.31, Asked);

    private static IReadOnlyList<GuidelineSection> Sections => Knowledge.Documents[0].Sections;

    private static AnswerMessage Answer(GuidelineSection section, string? questionId = "q1") =>
        new(new AnswerReply("can I post photos?", section, section.Quoted, 0.9, [Sections[1], Sections[2], Sections[3]]) { Alternative = Sections[1] }, questionId);

    /// <summary>An answer that quotes only the last passage of <paramref name="section"/>: it offers the whole section.</summary>
    internal static AnswerMessage Partial(GuidelineSection section) =>
        Answer(section) with { Reply = Answer(section).Reply with { Text = section.Passages[^1].Text } };

    public static TheoryData<string, OutboundMessage> Messages()
    {
        var longHeading = new GuidelineSection("doc#long", "doc", new string('T', 300), new string('H', 400),
            [new Passage(new string('x', 5000), 1, 2)], "knowledge/doc.txt", 1, 2, null);
        var expert = new ExpertRef(Channels.Slack, "U0EXPERT", "Sam Expert");
        var answer = new TicketAnswer("a1", Ticket.Id, expert, "Only guide dogs, sorry.", false, Asked.AddMinutes(2));
        var answered = Ticket with { AssignedTo = expert, AssignedAt = Asked.AddMinutes(1), Answers = [answer] };
        var data = new TheoryData<string, OutboundMessage>
        {
            { "answer", Answer(Sections[0]) },
            { "answer, too long for every limit", Answer(longHeading) with { } },
            { "answer, part of a long section", Partial(Sections.First(s => s.Passages.Count > 1)) },
            { "decline", new NoAnswerMessage(new NoAnswerReply("weather?", [Sections[0], Sections[1], Sections[2]], "the Director of Technology"), "q2")
                { ExpertOffer = new AnswerRef("q2", null, "weather?") } },
            { "decline without topics", new NoAnswerMessage(new NoAnswerReply("weather?", [], "the Director of Technology"), null) },
            { "help", new HelpMessage(new HelpReply("help", ExampleSections.Of("Can I friend parents?", "Can I post anonymously?"), Knowledge.Documents), Command: "/guidelines") },
            { "welcome", new HelpMessage(new HelpReply("", [], Knowledge.Documents), IsWelcome: true) },
            { "topics", new TopicsMessage(new TopicsReply("topics", Knowledge.Documents)) },
            { "small talk", new SmallTalkMessage(new SmallTalkReply("hi", SmallTalkKind.Greeting, "Hi!")) },
            { "thanks for feedback", new FeedbackThanksMessage(Helpful: false, Counted: true, Answer(Sections[0])) },
            { "ticket opened", new ExpertTicketOpenedMessage(Ticket, Created: true) },
            { "ticket post", new ExpertTicketMessage(Ticket, Channels.Slack, Reminder: false, Asked.AddMinutes(5)) },
            { "ticket reminder, answered", new ExpertTicketMessage(answered, Channels.Slack, Reminder: true, Asked.AddDays(1)) },
            { "expert answer", new ExpertAnswerMessage(answered, answer) },
        };
        foreach (var kind in Enum.GetValues<NoticeKind>())
        {
            data.Add("notice " + kind, new NoticeMessage(kind, "Pat"));
        }

        foreach (OnboardingOutput output in TeamsCardRendererTests.Outputs())
        {
            data.Add("onboarding " + output.GetType().Name, new OnboardingMessage(output));
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Messages))]
    public void A_message_keeps_Block_Kit_rules_as_a_response_and_as_a_post(string kind, OutboundMessage message)
    {
        var rendered = SlackRenderer.Render(message, share: true);
        var response = JsonSerializer.Serialize(CommandResponse.From(rendered, CommandResponse.Ephemeral), SlackJsonContext.Default.CommandResponse);
        var post = JsonSerializer.Serialize(new ChatPostMessageRequest("C0GENERAL", rendered.Text, rendered.Blocks), SlackJsonContext.Default.ChatPostMessageRequest);

        Assert.True(rendered.Blocks.Count > 0, kind);
        Assert.Empty(BlockKitRules.Violations(JsonDocument.Parse(response).RootElement));
        Assert.Empty(BlockKitRules.Violations(JsonDocument.Parse(post).RootElement));
    }

    [Fact]
    public void An_answer_updated_with_the_thanks_keeps_Block_Kit_rules()
    {
        var rendered = SlackRenderer.Render(Answer(Sections[0]), new FeedbackThanksMessage(Helpful: false, Counted: true, Answer(Sections[0])));
        var update = JsonSerializer.Serialize(new ChatUpdateRequest("C0GENERAL", "1700000000.000100", rendered.Text, rendered.Blocks), SlackJsonContext.Default.ChatUpdateRequest);

        Assert.Empty(BlockKitRules.Violations(JsonDocument.Parse(update).RootElement));
    }

    [Fact]
    public void Both_modals_keep_Block_Kit_rules()
    {
        FormMessage[] forms = [new AskExpertFormMessage(new AnswerRef("q1", "doc#pets", "can I bring my dog?")), new ExpertAnswerFormMessage(Ticket)];
        foreach (var form in forms)
        {
            var json = JsonSerializer.Serialize(new ViewsOpenRequest("trigger", SlackRenderer.Modal(form, "{}")), SlackJsonContext.Default.ViewsOpenRequest);
            Assert.Empty(BlockKitRules.Violations(JsonDocument.Parse(json).RootElement.GetProperty("view")));
        }
    }

    [Fact]
    public void Every_text_object_says_its_type_whether_declared_plain_or_as_any_text()
    {
        var json = JsonSerializer.Serialize(CommandResponse.From(SlackRenderer.Render(Answer(Sections[0])), CommandResponse.Ephemeral),
            SlackJsonContext.Default.CommandResponse);
        var blocks = JsonDocument.Parse(json).RootElement.GetProperty("blocks").EnumerateArray().ToArray();

        var header = blocks[0].GetProperty("text");
        Assert.Equal("plain_text", header.GetProperty("type").GetString());
        var plain = JsonDocument.Parse(JsonSerializer.Serialize(new PlainText("Help"), SlackJsonContext.Default.Options)).RootElement;
        Assert.Equal(("plain_text", "Help", true), (plain.GetProperty("type").GetString(), plain.GetProperty("text").GetString(), plain.GetProperty("emoji").GetBoolean()));
        var anyPlain = JsonDocument.Parse(JsonSerializer.Serialize<TextObject>(new PlainText("Help"), SlackJsonContext.Default.Options)).RootElement;
        Assert.Equal("plain_text", anyPlain.GetProperty("type").GetString());
        var mrkdwn = JsonDocument.Parse(JsonSerializer.Serialize<TextObject>(new MrkdwnText("*Help*"), SlackJsonContext.Default.Options)).RootElement;
        Assert.Equal("mrkdwn", mrkdwn.GetProperty("type").GetString());
        Assert.False(mrkdwn.TryGetProperty("emoji", out _));
        var button = blocks.Where(b => b.GetProperty("type").GetString() == "actions").SelectMany(b => b.GetProperty("elements").EnumerateArray()).First();
        Assert.Equal("plain_text", button.GetProperty("text").GetProperty("type").GetString());
    }

    [Fact]
    public void The_rules_catch_what_Slack_refuses()
    {
        static List<string> Of(string json) => BlockKitRules.Violations(JsonDocument.Parse(json).RootElement);

        Assert.Empty(Of("""{"text":"t","blocks":[{"type":"header","text":{"type":"plain_text","text":"Hi"}}]}"""));
        Assert.NotEmpty(Of("""{"text":"t","blocks":[{"type":"header","text":{"emoji":true,"text":"Hi"}}]}"""));
        Assert.NotEmpty(Of("""{"text":"t","blocks":[{"type":"header","text":{"type":"mrkdwn","text":"*Hi*"}}]}"""));
        Assert.NotEmpty(Of("""{"text":"t","blocks":[{"type":"actions","elements":[{"type":"button","text":{"type":"plain_text","text":"a"},"action_id":"x","value":"1"},{"type":"button","text":{"type":"plain_text","text":"b"},"action_id":"x","value":"2"}]}]}"""));
        Assert.NotEmpty(Of("""{"text":"t","blocks":[{"type":"section","text":{"type":"mrkdwn","text":"X"}}]}""".Replace("X", new string('x', 3001), StringComparison.Ordinal)));
        Assert.NotEmpty(Of("""{"text":"t","blocks":[{"type":"context","elements":[{"text":"no type"}]}]}"""));
        Assert.NotEmpty(Of("""{"text":"t","blocks":[{"type":"section"}]}"""));
        Assert.NotEmpty(Of("""{"text":"t","blocks":[{"type":"divider","block_id":"b"},{"type":"divider","block_id":"b"}]}"""));
    }
}
