using System.Text;
using System.Text.Json;
using GuidelineBot.Core.Answers;
using GuidelineBot.Core.Conversation;
using GuidelineBot.Core.Experts;
using GuidelineBot.Slack;
using GuidelineBot.Slack.Api;
using GuidelineBot.Slack.Commands;
using GuidelineBot.Slack.Rendering;

namespace GuidelineBot.UnitTests.Slack;

/// <summary>"Ask an expert" in Block Kit: the offer, forms as modals, the ticket post, the delivered answer.</summary>
public sealed class SlackExpertRenderingTests
{
    private static readonly DateTimeOffset Asked = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);

    private static readonly Ticket Ticket = new("t0000000000abc123", "can I bring my dog to school?", "it's for a class visit",
        new ExpertAsker(Channels.Slack, "U0ASKER", "Pat Asker", "T0TEAM", "C0GENERAL", false, null), "doc#pets", "Animals at school", 0.31, Asked);

    private static JsonElement Json<T>(T value, System.Text.Json.Serialization.Metadata.JsonTypeInfo<T> type) =>
        JsonDocument.Parse(JsonSerializer.Serialize(value, type)).RootElement;

    private static JsonElement[] Blocks(OutboundMessage message) =>
        Json(CommandResponse.From(SlackRenderer.Render(message), CommandResponse.Ephemeral), SlackJsonContext.Default.CommandResponse)
            .GetProperty("blocks").EnumerateArray().ToArray();

    private static JsonElement Modal(FormMessage form, string metadata = "{}") =>
        Json(new ViewsOpenRequest("trigger", SlackRenderer.Modal(form, metadata)), SlackJsonContext.Default.ViewsOpenRequest).GetProperty("view");

    private static JsonElement[] Buttons(IEnumerable<JsonElement> blocks) =>
        blocks.Where(b => b.GetProperty("type").GetString() == "actions").SelectMany(b => b.GetProperty("elements").EnumerateArray()).ToArray();

    private static string Type(JsonElement block) => block.GetProperty("type").GetString()!;

    private static string Text(JsonElement textObject) => textObject.GetProperty("text").GetString()!;

    [Fact]
    public void A_no_answer_with_an_expert_offer_has_the_ask_an_expert_button_with_its_prompt_and_the_question()
    {
        var reply = new NoAnswerReply("can I bring my dog?", [], "the Director of Technology");
        var offer = new AnswerRef("q1", null, "can I bring my dog?");

        var blocks = Blocks(new NoAnswerMessage(reply, "q1") { ExpertOffer = offer });

        var button = Assert.Single(Buttons(blocks));
        Assert.Contains("Ask an expert", Text(button.GetProperty("text")), StringComparison.Ordinal);
        Assert.Equal(ActionIds.AskExpert, button.GetProperty("action_id").GetString());
        Assert.Equal(offer, AnswerRef.Decode(button.GetProperty("value").GetString()));
        Assert.Contains(blocks, b => Type(b) == "section" && Text(b.GetProperty("text")) == MessageContent.NoAnswerExpertPrompt);
        Assert.Contains(blocks, b => Type(b) == "section" && Text(b.GetProperty("text")).Contains("the Director of Technology", StringComparison.Ordinal));
    }

    [Fact]
    public void A_no_answer_without_an_offer_has_no_expert_button()
    {
        var blocks = Blocks(new NoAnswerMessage(new NoAnswerReply("can I bring my dog?", [], "the Director of Technology"), "q1"));

        Assert.DoesNotContain(Buttons(blocks), b => b.GetProperty("action_id").GetString() == ActionIds.AskExpert);
    }

    [Fact]
    public void The_ask_an_expert_form_is_a_modal_with_an_optional_context_field_and_the_send_button_as_submit()
    {
        var form = new AskExpertFormMessage(new AnswerRef("q1", "doc#pets", "can I bring my dog?"));

        var view = Modal(form, "{\"value\":\"x\"}");

        Assert.Equal("modal", view.GetProperty("type").GetString());
        Assert.Equal(ActionIds.SendToExpert, view.GetProperty("callback_id").GetString());
        Assert.Equal("{\"value\":\"x\"}", view.GetProperty("private_metadata").GetString());
        Assert.Equal(form.Title, Text(view.GetProperty("title")));
        Assert.Equal(MessageContent.SendToExpertsLabel, Text(view.GetProperty("submit")));
        var blocks = view.GetProperty("blocks").EnumerateArray().ToArray();
        Assert.DoesNotContain(blocks, b => Type(b) is "header" or "actions");
        var input = Assert.Single(blocks, b => Type(b) == "input");
        Assert.Equal(ExpertInputs.Context, input.GetProperty("block_id").GetString());
        Assert.True(input.GetProperty("optional").GetBoolean());
        var element = input.GetProperty("element");
        Assert.Equal("plain_text_input", element.GetProperty("type").GetString());
        Assert.Equal(ExpertInputs.Context, element.GetProperty("action_id").GetString());
        Assert.Equal(ExpertInputs.MaxContextLength, element.GetProperty("max_length").GetInt32());
        Assert.Contains(blocks, b => Type(b) == "section" && Text(b.GetProperty("text")).Contains("can I bring my dog?", StringComparison.Ordinal));
    }

    [Fact]
    public void The_answer_form_is_a_modal_with_a_required_multiline_answer_and_an_add_to_knowledge_checkbox()
    {
        var view = Modal(new ExpertAnswerFormMessage(Ticket));

        Assert.Equal(ActionIds.SubmitExpertAnswer, view.GetProperty("callback_id").GetString());
        Assert.True(Text(view.GetProperty("title")).Length <= SlackRenderer.MaxModalLabel);
        Assert.Equal(MessageContent.SubmitAnswerLabel, Text(view.GetProperty("submit")));
        var inputs = view.GetProperty("blocks").EnumerateArray().Where(b => Type(b) == "input").ToArray();
        Assert.Equal(2, inputs.Length);
        Assert.False(inputs[0].GetProperty("optional").GetBoolean());
        Assert.Equal(ExpertInputs.Answer, inputs[0].GetProperty("element").GetProperty("action_id").GetString());
        Assert.True(inputs[0].GetProperty("element").GetProperty("multiline").GetBoolean());
        Assert.Equal(ExpertInputs.MaxAnswerLength, inputs[0].GetProperty("element").GetProperty("max_length").GetInt32());
        var checkbox = inputs[1].GetProperty("element");
        Assert.True(inputs[1].GetProperty("optional").GetBoolean());
        Assert.Equal("checkboxes", checkbox.GetProperty("type").GetString());
        Assert.Equal(ExpertInputs.AddToKnowledge, checkbox.GetProperty("action_id").GetString());
        Assert.Equal(SlackRenderer.ToggleValue, Assert.Single(checkbox.GetProperty("options").EnumerateArray()).GetProperty("value").GetString());
        Assert.Contains("Add to knowledge", Text(inputs[1].GetProperty("label")), StringComparison.Ordinal);
    }

    [Fact]
    public void Long_form_titles_and_submit_labels_are_cut_to_slacks_24_characters()
    {
        var view = SlackRenderer.Modal(new LongForm(), "{}");

        Assert.Equal(SlackRenderer.MaxModalLabel, view.Title.Text.Length);
        Assert.Equal(SlackRenderer.MaxModalLabel, view.Submit.Text.Length);
        Assert.EndsWith("…", view.Title.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void The_ticket_post_shows_question_context_asker_guess_and_the_answer_and_assign_buttons()
    {
        var blocks = Blocks(new ExpertTicketMessage(Ticket, Channels.Slack, Reminder: false, Asked.AddMinutes(5)));

        var texts = string.Join("\n", blocks.Where(b => b.TryGetProperty("text", out _)).Select(b => Text(b.GetProperty("text"))));
        Assert.Contains("can I bring my dog to school?", texts, StringComparison.Ordinal);
        Assert.Contains("it's for a class visit", texts, StringComparison.Ordinal);
        Assert.Contains("<@U0ASKER>", texts, StringComparison.Ordinal);
        Assert.Contains("Animals at school", texts, StringComparison.Ordinal);
        var buttons = Buttons(blocks);
        Assert.Equal([ActionIds.ExpertAnswer, ActionIds.ExpertAssign], buttons.Select(b => b.GetProperty("action_id").GetString()));
        Assert.Equal([MessageContent.AnswerLabel, MessageContent.AssignToMeLabel], buttons.Select(b => Text(b.GetProperty("text"))));
        Assert.All(buttons, b => Assert.Equal(Ticket.Id, b.GetProperty("value").GetString()));
    }

    [Fact]
    public void The_updated_ticket_post_names_the_assignee_and_the_answering_expert()
    {
        var expert = new ExpertRef(Channels.Slack, "U0EXPERT", "Sam Expert");
        var answered = Ticket with
        {
            AssignedTo = expert,
            AssignedAt = Asked.AddMinutes(1),
            Answers = [new TicketAnswer("a1", Ticket.Id, expert, "Only guide dogs, sorry.", false, Asked.AddMinutes(2))],
        };

        var texts = string.Join("\n", Blocks(new ExpertTicketMessage(answered, Channels.Slack, false, Asked.AddMinutes(3)))
            .Where(b => b.TryGetProperty("text", out _)).Select(b => Text(b.GetProperty("text"))));

        Assert.Contains("Assigned to <@U0EXPERT>", texts, StringComparison.Ordinal);
        Assert.Contains("Answered by <@U0EXPERT>", texts, StringComparison.Ordinal);
        Assert.Contains("Only guide dogs, sorry.", texts, StringComparison.Ordinal);
    }

    [Fact]
    public void The_slash_command_template_puts_each_requests_question_id_on_the_ask_an_expert_button()
    {
        var reply = new NoAnswerReply("can I bring my dog?", [], "the Director of Technology");
        var replies = new SlashCommandReplies();
        NoAnswerMessage For(string id) => new(reply, id) { ExpertOffer = new AnswerRef(id, null, reply.Question) };
        var (first, second) = (Guid.NewGuid().ToString("N"), Guid.NewGuid().ToString("N"));

        replies.Json(For(first), share: true);
        var json = Encoding.UTF8.GetString(replies.Json(For(second), share: true));

        var button = Buttons(JsonDocument.Parse(json).RootElement.GetProperty("blocks").EnumerateArray())
            .Single(b => b.GetProperty("action_id").GetString() == ActionIds.AskExpert);
        Assert.Equal(second, AnswerRef.Decode(button.GetProperty("value").GetString())!.QuestionId);
        Assert.DoesNotContain(first, json, StringComparison.Ordinal);
    }

    private sealed record LongForm : FormMessage
    {
        public override string Title => "A form whose title is far longer than Slack allows";

        public override OutboundAction Submit => new("Send this to everybody who might know", ActionKind.SendToExpert, "v");

        public override IReadOnlyList<ContentBlock> Content => [new GuidelineBot.Core.Conversation.ActionsBlock([Submit])];
    }
}
