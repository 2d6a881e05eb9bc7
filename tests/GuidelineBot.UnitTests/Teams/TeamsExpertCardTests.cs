using System.Text.Json.Nodes;
using GuidelineBot.Core.Answers;
using GuidelineBot.Core.Conversation;
using GuidelineBot.Core.Experts;
using GuidelineBot.Teams.Cards;
using GuidelineBot.Testing;

namespace GuidelineBot.UnitTests.Teams;

/// <summary>"Ask an expert" as Adaptive Cards: the offer, the asker's form, the experts' ticket card with its answer box, the delivered answer.</summary>
public sealed class TeamsExpertCardTests
{
    private static readonly AnswerRef Question = new("q-7", "d0.s9", "can I bring my dog to the class trip?");

    private static readonly DateTimeOffset AskedAt = new(2026, 11, 30, 9, 15, 0, TimeSpan.Zero);

    private static Ticket NewTicket() => new("tkt-3f9a1c", Question.Question, "it is a guide dog",
        new ExpertAsker(Channels.Teams, "aad-asker", "Dana Teacher", "tenant-1", "a:dana", true, null), "d0.s9", "Animals on site", 0.31, AskedAt);

    [Fact]
    public void No_answer_offers_ask_an_expert_whose_click_asks_for_the_form_on_that_question()
    {
        var message = new NoAnswerMessage(new NoAnswerReply(Question.Question, [], "the Director of Technology"), "q-7") { ExpertOffer = Question };

        var card = TeamsCardRenderer.Render(message)!.Content;

        var offer = Assert.Single(CardJson.Submits(card), s => s["title"]!.GetValue<string>().Contains("Ask an expert", StringComparison.Ordinal));
        Assert.Equal(MessageContent.AskExpertLabel, offer["title"]!.GetValue<string>());
        Assert.Null(offer["associatedInputs"]);
        Assert.Equal(Question, Assert.IsType<AskExpertInbound>(CardJson.Click(offer)).Question);
    }

    [Fact]
    public void No_answer_without_experts_has_no_offer()
    {
        var card = TeamsCardRenderer.Render(new NoAnswerMessage(new NoAnswerReply(Question.Question, [], "the Director of Technology"), "q-7"))!.Content;

        Assert.DoesNotContain(CardJson.Submits(card), s => s["title"]!.GetValue<string>().Contains("Ask an expert", StringComparison.Ordinal));
        Assert.Contains("Director of Technology", CardJson.Text(card), StringComparison.Ordinal);
    }

    [Fact]
    public void Ask_expert_form_has_an_optional_context_line_and_its_submit_sends_it_with_the_question()
    {
        var form = new AskExpertFormMessage(Question);

        var card = TeamsCardRenderer.Render(form)!.Content;

        var input = Assert.Single(CardJson.OfType(card, "Input.Text"));
        Assert.Equal(ExpertInputs.Context, input["id"]!.GetValue<string>());
        Assert.False(input["isRequired"]!.GetValue<bool>());
        Assert.False(input["isMultiline"]!.GetValue<bool>());
        Assert.Equal(ExpertInputs.MaxContextLength, input["maxLength"]!.GetValue<int>());
        Assert.False(string.IsNullOrEmpty(input["placeholder"]?.GetValue<string>()));
        var submit = Assert.Single(CardJson.Submits(card));
        Assert.Equal(MessageContent.SendToExpertsLabel, submit["title"]!.GetValue<string>());
        Assert.Equal("auto", submit["associatedInputs"]!.GetValue<string>());

        var sent = Assert.IsType<SendToExpertInbound>(CardJson.Click(submit, new Dictionary<string, string> { [ExpertInputs.Context] = " it's a guide dog " }));
        Assert.Equal(Question, sent.Question);
        Assert.Equal("it's a guide dog", sent.Context);
        Assert.Null(Assert.IsType<SendToExpertInbound>(CardJson.Click(submit, new Dictionary<string, string> { [ExpertInputs.Context] = "" })).Context);
    }

    [Fact]
    public void Ticket_card_shows_the_ticket_with_answer_box_add_to_knowledge_submit_and_assign_instead_of_an_answer_button()
    {
        var ticket = NewTicket();
        var message = new ExpertTicketMessage(ticket, Channels.Teams, Reminder: false, AskedAt.AddMinutes(5));

        var card = TeamsCardRenderer.Render(message)!.Content;
        var text = CardJson.Text(card);

        Assert.Contains(ticket.Question, text, StringComparison.Ordinal);
        Assert.Contains("it is a guide dog", text, StringComparison.Ordinal);
        Assert.Contains("Dana Teacher", text, StringComparison.Ordinal);
        Assert.Contains("Animals on site", text, StringComparison.Ordinal);
        Assert.Contains("#" + ticket.ShortId, text, StringComparison.Ordinal);

        var answer = Assert.Single(CardJson.OfType(card, "Input.Text"));
        Assert.Equal(ExpertInputs.Answer, answer["id"]!.GetValue<string>());
        Assert.True(answer["isRequired"]!.GetValue<bool>());
        Assert.True(answer["isMultiline"]!.GetValue<bool>());
        Assert.Equal(ExpertInputs.MaxAnswerLength, answer["maxLength"]!.GetValue<int>());
        var toggle = Assert.Single(CardJson.OfType(card, "Input.Toggle"));
        Assert.Equal(ExpertInputs.AddToKnowledge, toggle["id"]!.GetValue<string>());
        Assert.Equal("true", toggle["valueOn"]!.GetValue<string>());
        Assert.Equal("false", toggle["valueOff"]!.GetValue<string>());
        Assert.Contains("Add to knowledge", toggle["title"]!.GetValue<string>(), StringComparison.Ordinal);

        var submits = CardJson.Submits(card);
        Assert.Equal([MessageContent.SubmitAnswerLabel, MessageContent.AssignToMeLabel], submits.Select(s => s["title"]!.GetValue<string>()));
        Assert.DoesNotContain(submits, s => s["data"]!["action"]!.GetValue<string>() == ActionIds.ExpertAnswer);

        var submitted = Assert.IsType<ExpertAnswerInbound>(CardJson.Click(submits[0], new Dictionary<string, string>
        {
            [ExpertInputs.Answer] = "Guide dogs are welcome; tell the trip lead.",
            [ExpertInputs.AddToKnowledge] = "true",
        }));
        Assert.Equal(new ExpertAnswerInbound(ticket.Id, "Guide dogs are welcome; tell the trip lead.", true), submitted);
        Assert.False(Assert.IsType<ExpertAnswerInbound>(CardJson.Click(submits[0], new Dictionary<string, string>
        {
            [ExpertInputs.Answer] = "No.",
            [ExpertInputs.AddToKnowledge] = "false",
        })).AddToKnowledge);

        // Assign to me sends no fields, so the required answer box does not hold it back.
        Assert.Equal("none", submits[1]["associatedInputs"]!.GetValue<string>());
        Assert.Equal("auto", submits[0]["associatedInputs"]!.GetValue<string>());
        Assert.Equal(ticket.Id, Assert.IsType<ExpertAssignInbound>(CardJson.Click(submits[1])).TicketId);
    }

    [Fact]
    public void Updated_ticket_card_names_who_took_and_answered_it()
    {
        var expert = new ExpertRef(Channels.Teams, "aad-expert", "Sam Expert");
        var ticket = NewTicket() with
        {
            AssignedTo = expert,
            AssignedAt = AskedAt.AddMinutes(10),
            Answers = [new TicketAnswer("ans-1", "tkt-3f9a1c", expert, "Guide dogs are welcome.", true, AskedAt.AddMinutes(20))],
        };

        var text = CardJson.Text(TeamsCardRenderer.Render(new ExpertTicketMessage(ticket, Channels.Teams, false, AskedAt.AddHours(1)))!.Content);

        Assert.Contains("Assigned to Sam Expert", text, StringComparison.Ordinal);
        Assert.Contains("Answered by Sam Expert", text, StringComparison.Ordinal);
        Assert.Contains("Guide dogs are welcome.", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Expert_answer_card_names_the_expert_and_the_question()
    {
        var ticket = NewTicket();
        var answer = new TicketAnswer("ans-1", ticket.Id, new ExpertRef(Channels.Teams, "aad-expert", "Sam Expert"), "Guide dogs are welcome.", false, AskedAt.AddHours(1));

        var text = CardJson.Text(TeamsCardRenderer.Render(new ExpertAnswerMessage(ticket, answer))!.Content);

        Assert.Contains("Sam Expert", text, StringComparison.Ordinal);
        Assert.Contains(ticket.Question, text, StringComparison.Ordinal);
        Assert.Contains("Guide dogs are welcome.", text, StringComparison.Ordinal);
        Assert.Empty(CardJson.OfType(TeamsCardRenderer.Render(new ExpertAnswerMessage(ticket, answer))!.Content, "Input.Text"));
    }

    [Fact]
    public void A_thumbs_down_offer_follows_the_answer_voted_on_in_one_card()
    {
        var knowledge = GuidelineBot.Core.Knowledge.KnowledgeLoader.Load(new GuidelineBot.Core.Knowledge.KnowledgeOptions { Path = TestPaths.Knowledge });
        var section = knowledge.Documents[0].Sections[2];
        var answer = new AnswerMessage(new AnswerReply(Question.Question, section, section.Quoted, 0.5, []), "q-7") { Feedback = false };
        var thanks = new FeedbackThanksMessage(false, true, answer) { ExpertOffer = Question };

        var card = TeamsCardRenderer.Render(answer, thanks.Content.OfType<ActionsBlock>())!.Content;

        Assert.Contains(section.Heading, CardJson.Text(card), StringComparison.Ordinal);
        var offer = Assert.Single(CardJson.Submits(card));
        Assert.Equal(MessageContent.AskExpertLabel, offer["title"]!.GetValue<string>());
        Assert.Equal(Question, Assert.IsType<AskExpertInbound>(CardJson.Click(offer)).Question);
    }

    [Theory]
    [InlineData("{\"action\":\"expert_assign\"}")]
    [InlineData("{\"action\":\"expert_submit\",\"value\":\"  \"}")]
    [InlineData("{\"action\":\"ask_expert\",\"value\":42}")]
    [InlineData("{\"action\":\"expert_nonsense\",\"value\":\"t\"}")]
    public void Malformed_expert_submits_read_as_nothing(string value)
    {
        using var json = System.Text.Json.JsonDocument.Parse(value);
        Assert.Null(CardActions.Read(json.RootElement.Clone()));
    }

    [Fact]
    public void Field_values_that_are_not_strings_are_left_out()
    {
        var value = new JsonObject { ["action"] = ActionIds.SubmitExpertAnswer, ["value"] = "tkt-1", ["answer"] = 42, ["addToKnowledge"] = "true" };
        using var json = System.Text.Json.JsonDocument.Parse(value.ToJsonString());

        var read = Assert.IsType<ExpertAnswerInbound>(CardActions.Read(json.RootElement.Clone()));

        Assert.Equal("", read.Text);
        Assert.True(read.AddToKnowledge);
    }
}
