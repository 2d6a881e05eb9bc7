using System.Net;
using System.Text.Json.Nodes;
using GuidelineBot.Core.Answers;
using GuidelineBot.Core.Conversation;
using GuidelineBot.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace GuidelineBot.IntegrationTests.Teams;

/// <summary>What people see: mentions, cards, feedback, welcome, errors — through /api/messages and the fake connector.</summary>
[Collection(TeamsCollection.Name)]
public sealed class TeamsBehaviourTests(TeamsFixture fixture)
{
    private FakeBotFramework Fake => fixture.Fake;

    private TeamsBotFactory Bot => fixture.Bot;

    private string Token() => Fake.CreateToken(Bot.Clock.GetUtcNow());

    [Fact]
    public async Task Channel_mention_of_the_bot_is_stripped_before_answering()
    {
        // "help" is only recognised as help once "<at>GuidelineBot</at>" is gone.
        var response = await Bot.PostActivityAsync(Activities.ChannelMention(Fake.ServiceUrl, "19:channel-help@thread.tacv2", "help"), Token());
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var reply = await Fake.WaitForAsync(r => r.RawTarget.Contains("channel-help", StringComparison.Ordinal) && r.ActivityType == "message", "help");
        Assert.Contains("How I can help", reply.Card, StringComparison.Ordinal);
        Assert.Contains("Topics I cover", reply.Card, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Channel_question_with_mention_gets_the_friending_answer()
    {
        await Bot.PostActivityAsync(Activities.ChannelMention(Fake.ServiceUrl, "19:channel-q@thread.tacv2", "can I friend parents?"), Token());
        var reply = await Fake.WaitForAsync(r => r.RawTarget.Contains("channel-q", StringComparison.Ordinal) && r.ActivityType == "message", "the answer");
        Assert.Contains("Friending", reply.Card, StringComparison.Ordinal);
        Assert.Equal("message", reply.ActivityType);
        Assert.Equal(Activities.BotId, reply.Json["from"]!["id"]!.GetValue<string>());

        // Sent as UTF-8 text, not \uXXXX escapes (six characters each of Teams' size limit): the citation's "›".
        Assert.Contains(" › ", reply.Body, StringComparison.Ordinal);
        Assert.DoesNotContain("\\u203A", reply.Body, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task A_message_activity_delivered_again_is_answered_once_and_a_new_one_in_the_same_chat_is_answered()
    {
        // The Bot Connector delivers at least once: the same activity (same id in the same conversation) twice.
        var conversation = "a:redelivered-" + Guid.NewGuid().ToString("N");
        var activity = Activities.Message(Fake.ServiceUrl, conversation, "can I friend parents?", id: "1700000000555");
        Assert.Equal(HttpStatusCode.OK, (await Bot.PostActivityAsync(activity, Token())).StatusCode);
        await Fake.WaitForAsync(r => r.RawTarget.EndsWith("/activities/1700000000555", StringComparison.Ordinal) && r.ActivityType == "message", "the answer");
        Assert.Equal(HttpStatusCode.OK, (await Bot.PostActivityAsync(activity, Token())).StatusCode);
        await Eventually.WaitUntilAsync(() => Bot.Logged(Microsoft.Extensions.Logging.LogLevel.Information, "1700000000555", "already handled"), "the repeat ignored");

        // A new message in the same chat is answered.
        var next = Activities.Message(Fake.ServiceUrl, conversation, "can I post photos of my class?", id: "1700000000556");
        Assert.Equal(HttpStatusCode.OK, (await Bot.PostActivityAsync(next, Token())).StatusCode);
        await Fake.WaitForAsync(r => r.RawTarget.EndsWith("/activities/1700000000556", StringComparison.Ordinal) && r.ActivityType == "message", "the new answer");

        Assert.Single(Fake.ConnectorRequests, r => r.RawTarget.EndsWith("/activities/1700000000555", StringComparison.Ordinal) && r.ActivityType == "message");
    }

    [Theory]
    [InlineData("odd-syntax", "AND (( \"*:* \\ title:x OR [a TO z]^9 ~2")]
    [InlineData("odd-emoji", "😀🎉🙈 👍")]
    [InlineData("odd-junk", null)]
    public async Task Odd_text_gets_a_normal_reply(string conversation, string? text)
    {
        text ??= string.Concat(Enumerable.Range(0, 10_240).Select(i => (char)('!' + (i * 7919 % 90))));
        var response = await Bot.PostActivityAsync(Activities.Message(Fake.ServiceUrl, "a:" + conversation, text), Token());
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var reply = await Fake.WaitForAsync(r => r.RawTarget.Contains("a%3A" + conversation, StringComparison.Ordinal) && r.ActivityType == "message", conversation);
        Assert.DoesNotContain("something went wrong", reply.Json.ToJsonString(), StringComparison.Ordinal);
        Assert.Contains("application/vnd.microsoft.card.adaptive", reply.Json.ToJsonString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Topics_lists_the_documents_sections()
    {
        await Bot.PostActivityAsync(Activities.Message(Fake.ServiceUrl, "a:topics", "topics"), Token());
        var reply = await Fake.WaitForAsync(r => r.RawTarget.Contains("a%3Atopics", StringComparison.Ordinal) && r.ActivityType == "message", "topics");
        var answers = Bot.Services.GetRequiredService<AnswerService>();
        var document = answers.Knowledge.Documents[0];
        Assert.Contains(document.Title, reply.Card, StringComparison.Ordinal);
        Assert.Contains(document.Sections[^1].Heading, reply.Card, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Unknown_question_gets_the_honest_no_answer_with_suggestion_buttons()
    {
        await Bot.PostActivityAsync(Activities.Message(Fake.ServiceUrl, "a:noanswer", "what is the cafeteria menu on tuesday?"), Token());
        var reply = await Fake.WaitForAsync(r => r.RawTarget.Contains("a%3Anoanswer", StringComparison.Ordinal) && r.ActivityType == "message", "no-answer");
        Assert.Contains("couldn't find this in the guidelines", reply.Card, StringComparison.Ordinal);
        Assert.Contains("Director of Technology", reply.Card, StringComparison.Ordinal);
        Assert.Contains("\"action\":\"ask\"", reply.Card, StringComparison.Ordinal);
        // The card alone (Teams would show a text above it as a second message saying the same), its summary the preview.
        Assert.Null(reply.Json["text"]);
        Assert.StartsWith("I couldn't find this in the guidelines", reply.Json["summary"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Answer_card_has_citation_feedback_buttons_and_related_topics()
    {
        var answers = Bot.Services.GetRequiredService<AnswerService>();
        var expected = Assert.IsType<AnswerReply>(answers.Ask("can I friend parents?"));

        await Bot.PostActivityAsync(Activities.Message(Fake.ServiceUrl, "a:card", "can I friend parents?"), Token());
        var reply = await Fake.WaitForAsync(r => r.RawTarget.Contains("a%3Acard", StringComparison.Ordinal) && r.ActivityType == "message", "the answer");

        var card = reply.Json["attachments"]![0]!["content"]!;
        Assert.Equal("1.5", card["version"]!.GetValue<string>());
        Assert.Equal(expected.Section.Heading, card["body"]![0]!["text"]!.GetValue<string>());
        Assert.Contains(expected.Section.Breadcrumb, reply.Card, StringComparison.Ordinal);
        Assert.Contains("\"helpful\":true", reply.Card, StringComparison.Ordinal);
        Assert.Contains("\"helpful\":false", reply.Card, StringComparison.Ordinal);
        Assert.NotEmpty(expected.Related);
        foreach (var related in expected.Related)
        {
            var button = FindAction(card, related.Heading);
            Assert.NotNull(button);
            Assert.Equal("ask", button["data"]!["action"]!.GetValue<string>());
            Assert.Equal(related.Heading, button["data"]!["question"]!.GetValue<string>());
        }

        // The card alone: no text repeating the answer; the summary is a one-line preview for notifications.
        Assert.Null(reply.Json["text"]);
        var summary = reply.Json["summary"]!.GetValue<string>();
        Assert.StartsWith(expected.Section.Heading + " — ", summary, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', summary);
        Assert.InRange(summary.Length, expected.Section.Heading.Length + 4, MessageText.MaxSummaryLength);
    }

    private static JsonNode? FindAction(JsonNode card, string title) =>
        CardJson.Submits(card).FirstOrDefault(a => a["title"]!.GetValue<string>() == title);

    [Fact]
    public async Task Topic_button_asks_that_topic()
    {
        var answers = Bot.Services.GetRequiredService<AnswerService>();
        var section = answers.Knowledge.Sections.First(s => !s.IsIntroduction && s.Heading.Contains("friend", StringComparison.OrdinalIgnoreCase));
        var submit = Activities.CardSubmit(Fake.ServiceUrl, "a:button", "activity-card", new JsonObject { ["action"] = "ask", ["question"] = section.Heading });

        await Bot.PostActivityAsync(submit, Token());
        var reply = await Fake.WaitForAsync(r => r.RawTarget.Contains("a%3Abutton", StringComparison.Ordinal) && r.ActivityType == "message", "the topic");
        Assert.Contains(section.Heading, reply.Card, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Card_submit_stores_feedback_and_updates_the_card_to_a_thank_you()
    {
        var answers = Bot.Services.GetRequiredService<AnswerService>();
        var answer = Assert.IsType<AnswerReply>(answers.Ask("can I friend parents?"));
        var value = new JsonObject { ["action"] = "feedback", ["helpful"] = true, ["question"] = "can I friend parents?", ["sectionId"] = answer.Section.Id };

        var response = await Bot.PostActivityAsync(Activities.CardSubmit(Fake.ServiceUrl, "a:feedback", "activity-777", value), Token());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var update = await Fake.WaitForAsync(r => r.Method == "PUT" && r.RawTarget.Contains("a%3Afeedback", StringComparison.Ordinal), "the card update");
        Assert.Equal("/connector/v3/conversations/a%3Afeedback/activities/activity-777", update.RawTarget);
        Assert.Equal("Bearer " + FakeBotFramework.ConnectorToken, update.Authorization);
        Assert.Contains("Thanks for your feedback", update.Card, StringComparison.Ordinal);
        Assert.DoesNotContain("Was this helpful?", update.Card, StringComparison.Ordinal);
        Assert.Contains(answer.Section.Heading, update.Card, StringComparison.Ordinal);

        var stored = (await Bot.Feedback.ListAsync(DateTimeOffset.MinValue, CancellationToken.None)).Single(f => f.Question == "can I friend parents?" && f.UserId == "aad-user-1");
        Assert.Equal("teams", stored.Channel);
        Assert.True(stored.Helpful);
        Assert.Equal(answer.Section.Id, stored.SectionId);
    }

    [Fact]
    public async Task A_vote_on_a_card_in_a_channel_leaves_the_card_to_everyone_and_thanks_the_voter_privately()
    {
        // The card was replaced by a thank-you for everyone in the channel, its buttons gone for the others.
        const string channel = "19:team-votes@thread.tacv2;messageid=1700000000500";
        var answers = Bot.Services.GetRequiredService<AnswerService>();
        var answer = Assert.IsType<AnswerReply>(answers.Ask("can I post photos of my class?"));
        var value = new JsonObject { ["action"] = "feedback", ["helpful"] = false, ["question"] = "can I post photos of my class?", ["sectionId"] = answer.Section.Id };
        var submit = Activities.CardSubmit(Fake.ServiceUrl, channel, "activity-500", value);
        submit["conversation"]!["conversationType"] = "channel";
        var before = Fake.ConnectorRequests.Count;

        var response = await Bot.PostActivityAsync(submit, Token());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var thanks = await Fake.WaitForAsync(r => r.Method == "POST" && r.Card.Contains("Thanks for your feedback on", StringComparison.Ordinal), "the thanks");
        var heading = answer.Section.Heading;
        Assert.Contains(heading[(heading.LastIndexOf('\'') + 1)..], thanks.Card, StringComparison.Ordinal); // it names the answer (past an apostrophe the card may escape)
        Assert.DoesNotContain(Uri.EscapeDataString(channel), thanks.RawTarget, StringComparison.Ordinal);
        Assert.Contains(Fake.ConnectorRequests.Skip(before), r => r.Method == "POST" && r.Path.EndsWith("/v3/conversations", StringComparison.Ordinal)); // the 1:1 chat
        Assert.DoesNotContain(Fake.ConnectorRequests.Skip(before), r => r.Method == "PUT");
        Assert.False((await Bot.Feedback.ListAsync(DateTimeOffset.MinValue, CancellationToken.None)).Single(f => f.Question == "can I post photos of my class?").Helpful);
    }

    [Fact]
    public async Task Install_sends_one_welcome_and_a_second_install_event_none()
    {
        const string conversation = "19:team-general@thread.tacv2";
        var escaped = Uri.EscapeDataString(conversation);

        Assert.Equal(HttpStatusCode.OK, (await Bot.PostActivityAsync(Activities.BotAdded(Fake.ServiceUrl, conversation), Token())).StatusCode);
        var welcome = await Fake.WaitForAsync(r => r.RawTarget.Contains(escaped, StringComparison.Ordinal) && r.ActivityType == "message", "the welcome");
        Assert.Equal("/connector/v3/conversations/" + escaped + "/activities", welcome.RawTarget);
        Assert.Contains("Hi, I'm GuidelineBot", welcome.Card, StringComparison.Ordinal);

        // Teams also sends installationUpdate, and may repeat conversationUpdate: no second welcome.
        Assert.Equal(HttpStatusCode.OK, (await Bot.PostActivityAsync(Activities.InstallationAdd(Fake.ServiceUrl, conversation), Token())).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await Bot.PostActivityAsync(Activities.BotAdded(Fake.ServiceUrl, conversation), Token())).StatusCode);
        // A question in the same conversation, answered after the events above were handled.
        await Bot.PostActivityAsync(Activities.Message(Fake.ServiceUrl, conversation, "hi", id: "after-install"), Token());
        await Fake.WaitForAsync(r => r.RawTarget.EndsWith("/after-install", StringComparison.Ordinal) && r.ActivityType == "message", "the later reply");

        Assert.Single(Fake.ConnectorRequests, r => r.RawTarget.Contains(escaped, StringComparison.Ordinal) && r.Card.Contains("Hi, I'm GuidelineBot", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Installation_update_alone_welcomes_once()
    {
        const string conversation = "a:personal-install";
        await Bot.PostActivityAsync(Activities.InstallationAdd(Fake.ServiceUrl, conversation), Token());
        var welcome = await Fake.WaitForAsync(r => r.RawTarget.Contains("personal-install", StringComparison.Ordinal) && r.ActivityType == "message", "the welcome");
        Assert.Contains("Hi, I'm GuidelineBot", welcome.Card, StringComparison.Ordinal);
        Assert.False(await Bot.Once.TryClaimAsync("teams-welcome", conversation, DateTimeOffset.UtcNow, null, CancellationToken.None));
    }

    [Fact]
    public async Task An_error_inside_a_turn_is_logged_and_the_user_gets_an_apology_then_the_bot_keeps_serving()
    {
        Bot.Feedback.FailFor = "will fail";
        try
        {
            // A vote on a section the knowledge has (a vote on no answer is not counted, so it never reaches the store).
            var sectionId = Bot.Services.GetRequiredService<GuidelineBot.Core.Knowledge.KnowledgeBase>().Sections.ElementAt(1).Id;
            var value = new JsonObject { ["action"] = "feedback", ["helpful"] = false, ["question"] = "will fail", ["sectionId"] = sectionId };
            var submit = Activities.CardSubmit(Fake.ServiceUrl, "a:broken", "activity-1", value);
            await Bot.PostActivityAsync(submit, Token());
            var apology = await Fake.WaitForAsync(r => r.RawTarget.Contains("a%3Abroken", StringComparison.Ordinal) && r.ActivityType == "message", "the apology");
            Assert.Contains("Sorry, something went wrong", apology.Json["text"]!.GetValue<string>(), StringComparison.Ordinal);
            Assert.DoesNotContain(Fake.ConnectorRequests, r => r.Method == "PUT" && r.RawTarget.Contains("a%3Abroken", StringComparison.Ordinal));

            // The failed turn gave back its claim on the activity: delivered again once the store works, it is answered.
            Bot.Feedback.FailFor = null;
            await Bot.PostActivityAsync(submit, Token());
            await Fake.WaitForAsync(r => r.Method == "PUT" && r.RawTarget.Contains("a%3Abroken", StringComparison.Ordinal), "the vote's card update on the redelivery");
        }
        finally
        {
            Bot.Feedback.FailFor = null;
        }

        await Bot.PostActivityAsync(Activities.Message(Fake.ServiceUrl, "a:after-error", "can I friend parents?"), Token());
        var reply = await Fake.WaitForAsync(r => r.RawTarget.Contains("a%3Aafter-error", StringComparison.Ordinal) && r.ActivityType == "message", "the next answer");
        Assert.Contains("Friending", reply.Card, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Connector_creates_a_proactive_one_to_one_conversation_for_onboarding()
    {
        using var scope = Bot.Services.CreateScope();
        var connector = scope.ServiceProvider.GetRequiredService<GuidelineBot.Teams.Connector.ConnectorClient>();
        var created = await connector.CreateConversationAsync(Fake.ServiceUrl, new GuidelineBot.Teams.Protocol.ConversationParameters
        {
            Bot = new() { Id = Activities.BotId },
            Members = [new() { Id = "29:new-hire" }],
            TenantId = FakeBotFramework.TenantId,
            ChannelData = new JsonObject { ["tenant"] = new JsonObject { ["id"] = FakeBotFramework.TenantId } },
        }, CancellationToken.None);

        Assert.StartsWith("activity-", created!.Id, StringComparison.Ordinal);
        var request = Fake.ConnectorRequests.Single(r => r.RawTarget == "/connector/v3/conversations" && r.Json["members"]?[0]?["id"]?.GetValue<string>() == "29:new-hire");
        Assert.Equal("POST", request.Method);
        Assert.Equal("Bearer " + FakeBotFramework.ConnectorToken, request.Authorization);
        Assert.Equal("29:new-hire", request.Json["members"]![0]!["id"]!.GetValue<string>());
        Assert.False(request.Json["isGroup"]!.GetValue<bool>());
        Assert.Equal(FakeBotFramework.TenantId, request.Json["tenantId"]!.GetValue<string>());
    }

    [Fact]
    public async Task Connector_refuses_a_plain_http_service_url_that_is_not_loopback()
    {
        using var scope = Bot.Services.CreateScope();
        var connector = scope.ServiceProvider.GetRequiredService<GuidelineBot.Teams.Connector.ConnectorClient>();
        await Assert.ThrowsAsync<InvalidOperationException>(() => connector.SendToConversationAsync(
            "http://smba.example.invalid/", "a:x", new GuidelineBot.Teams.Protocol.Activity { Type = "message", Text = "hi" }, CancellationToken.None));
    }

    [Fact]
    public async Task Connector_503_is_retried_and_the_reply_arrives()
    {
        Fake.FailNext("a%3Aretry", 2);
        await Bot.PostActivityAsync(Activities.Message(Fake.ServiceUrl, "a:retry", "can I friend parents?", id: "retry-1"), Token());
        await Fake.WaitForAsync(r => r.RawTarget.EndsWith("a%3Aretry/activities/retry-1", StringComparison.Ordinal) && r.ActivityType == "message" && r.Card.Contains("Friending", StringComparison.Ordinal), "the answer");
        Assert.True(Fake.ConnectorRequests.Count(r => r.RawTarget.Contains("a%3Aretry", StringComparison.Ordinal)) >= 3);
    }
}
