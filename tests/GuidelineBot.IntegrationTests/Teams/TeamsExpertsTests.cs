using System.Net;
using System.Text.Json.Nodes;
using GuidelineBot.Core.Conversation;
using GuidelineBot.Core.Experts;
using GuidelineBot.Core.Storage;
using GuidelineBot.Testing;
using Microsoft.Extensions.DependencyInjection;
using static GuidelineBot.IntegrationTests.Teams.TeamsExpertsDriver;

namespace GuidelineBot.IntegrationTests.Teams;

/// <summary>
/// "Ask an expert" in Teams through /api/messages and the fake Bot Connector, on the real SQLite store: the offer, the
/// form, the ticket posted as a new thread of the experts' channel, assigning and answering by card or by a reply that
/// mentions the bot, delivery to where the asker asked, the card updated in place, members only, duplicates.
/// </summary>
public sealed class TeamsExpertsTests(TeamsExpertsFixture fixture) : IClassFixture<TeamsExpertsFixture>
{
    private FakeBotFramework Fake => fixture.Fake;

    private TeamsBotFactory Bot => fixture.Bot;

    private TeamsExpertsDriver Driver => new(Fake);

    [Fact]
    public async Task Declined_question_goes_to_the_experts_and_their_card_answer_comes_back_naming_the_expert()
    {
        const string chat = "a:experts-flow";
        var (post, ticketCard) = await Driver.OpenTicketAsync(Bot, chat, "what is the cafeteria menu on tuesday?", "for the fundraiser");

        Assert.Equal(Channel, post.Json["channelData"]!["channel"]!["id"]!.GetValue<string>());
        Assert.True(post.Json["isGroup"]!.GetValue<bool>());
        var shown = CardJson.Text(ticketCard);
        Assert.Contains("cafeteria menu on tuesday", shown, StringComparison.Ordinal);
        Assert.Contains("for the fundraiser", shown, StringComparison.Ordinal);
        Assert.Contains("Dana Teacher", shown, StringComparison.Ordinal);
        Assert.Equal(ExpertInputs.Answer, Assert.Single(CardJson.OfType(ticketCard, "Input.Text"))["id"]!.GetValue<string>());
        Assert.Equal(ExpertInputs.AddToKnowledge, Assert.Single(CardJson.OfType(ticketCard, "Input.Toggle"))["id"]!.GetValue<string>());
        var root = post.ResponseId!;

        // Assign to me, by a member of the channel (on the roster's second page).
        var rosterBefore = Fake.RosterRequests.Count;
        await Driver.PostAsync(Bot, Driver.ExpertSubmit(root, CardJson.SubmitValue(CardJson.SubmitTitled(ticketCard, MessageContent.AssignToMeLabel)), TeamsExpertsFixture.Expert));
        var assigned = await Fake.WaitForAsync(r => r.Method == "POST" && In(r, Thread(root)) && TextOf(r).Contains("Assigned to you", StringComparison.Ordinal), "the assigned notice");
        Assert.Contains("Dana Teacher", TextOf(assigned), StringComparison.Ordinal);
        await Fake.WaitForAsync(r => IsUpdateOf(r, root) && r.Card.Contains("Assigned to Sam Expert", StringComparison.Ordinal), "the ticket card showing the assignee");
        var rosterAfterAssign = Fake.RosterRequests.Count;
        Assert.True(rosterAfterAssign - rosterBefore is 0 or 2, "one roster look-up at most, following its continuation token");

        // The answer, with "Add to knowledge".
        const string answerText = "The menu is on the district website under Nutrition.";
        var answer = CardJson.SubmitValue(CardJson.SubmitTitled(ticketCard, MessageContent.SubmitAnswerLabel),
            new Dictionary<string, string> { [ExpertInputs.Answer] = answerText, [ExpertInputs.AddToKnowledge] = "true" });
        await Driver.PostAsync(Bot, Driver.ExpertSubmit(root, answer, TeamsExpertsFixture.Expert));
        await Fake.WaitForAsync(r => r.Method == "POST" && In(r, Thread(root)) && TextOf(r).Contains("on its way to Dana Teacher", StringComparison.Ordinal), "the sent notice");
        var delivered = await Fake.WaitForAsync(r => IsSendTo(r, chat) && r.Card.Contains(answerText, StringComparison.Ordinal), "the answer delivered to the asker");
        Assert.Contains("Sam Expert", delivered.Card, StringComparison.Ordinal);
        Assert.Contains("cafeteria menu on tuesday", delivered.Card, StringComparison.Ordinal);
        await Fake.WaitForAsync(r => IsUpdateOf(r, root) && r.Card.Contains("Answered by Sam Expert", StringComparison.Ordinal) && r.Card.Contains(answerText, StringComparison.Ordinal),
            "the ticket card showing the answer");
        var suggestions = await Bot.Services.GetRequiredService<ISuggestionStore>().ListAsync(SuggestionStatus.Pending, CancellationToken.None);
        var suggestion = Assert.Single(suggestions, s => s.Answer == answerText);
        Assert.Equal("what is the cafeteria menu on tuesday?", suggestion.Question);
        Assert.Equal("Sam Expert", suggestion.Expert.DisplayName);

        // The same submit again (a double click): one answer, one delivery.
        await Driver.PostAsync(Bot, Driver.ExpertSubmit(root, answer, TeamsExpertsFixture.Expert));
        await Fake.WaitForAsync(r => r.Method == "POST" && In(r, Thread(root)) && TextOf(r).Contains("already sent", StringComparison.Ordinal), "the duplicate notice");
        await Task.Delay(TimeSpan.FromSeconds(2)); // two outbox polls
        Assert.Single(Fake.ConnectorRequests, r => IsSendTo(r, chat) && r.Card.Contains(answerText, StringComparison.Ordinal));
        Assert.Single((await WaitUntilKeptAsync(Bot, root)).Answers);
        Assert.Equal(rosterAfterAssign, Fake.RosterRequests.Count); // the roster stays cached
    }

    [Fact]
    public async Task A_reply_mentioning_the_bot_in_the_ticket_thread_is_delivered_into_the_askers_channel_thread()
    {
        const string staffThread = "19:staff@thread.tacv2;messageid=1700000000555";
        var (post, _) = await Driver.OpenTicketAsync(Bot, staffThread, "what is the cafeteria menu on wednesday?", null, channel: true);
        var root = post.ResponseId!;

        var reply = Activities.ChannelMention(Fake.ServiceUrl, Thread(root), "Soup and salad, every Wednesday.");
        reply["id"] = "1700000000401";
        await Driver.PostAsync(Bot, As(reply, TeamsExpertsFixture.Expert));

        var delivered = await Fake.WaitForAsync(r => IsSendTo(r, staffThread) && r.Card.Contains("Soup and salad, every Wednesday.", StringComparison.Ordinal),
            "the answer in the asker's thread");
        Assert.Contains("Sam Expert", delivered.Card, StringComparison.Ordinal);
        Assert.DoesNotContain("<at>", delivered.Card, StringComparison.Ordinal);
        await Fake.WaitForAsync(r => IsUpdateOf(r, root) && r.Card.Contains("Answered by Sam Expert", StringComparison.Ordinal), "the ticket card updated");
    }

    [Fact]
    public async Task A_delivery_the_connector_refuses_is_retried_from_the_store()
    {
        const string chat = "a:experts-retry";
        var (post, ticketCard) = await Driver.OpenTicketAsync(Bot, chat, "what is the cafeteria menu on saturday?", null);
        Fake.FailNext(Uri.EscapeDataString(chat) + "/activities", 1, retryAfter: false); // 503 without Retry-After: not repeated by the HTTP client

        const string answerText = "There is no school lunch on Saturdays.";
        await Driver.PostAsync(Bot, Driver.ExpertSubmit(post.ResponseId!, CardJson.SubmitValue(CardJson.SubmitTitled(ticketCard, MessageContent.SubmitAnswerLabel),
            new Dictionary<string, string> { [ExpertInputs.Answer] = answerText, [ExpertInputs.AddToKnowledge] = "false" }), TeamsExpertsFixture.Expert));

        var attempts = await Fake.WaitForMessagesAsync(r => IsSendTo(r, chat) && r.Card.Contains(answerText, StringComparison.Ordinal), 2, "the failed delivery and its retry");
        Assert.Null(attempts[0].ResponseId); // answered 503
        Assert.NotNull(attempts[1].ResponseId);
        var ticket = await WaitUntilKeptAsync(Bot, post.ResponseId!);
        for (var i = 0; i < 800 && ticket.Answers.SingleOrDefault()?.DeliveredAt is null; i++)
        {
            await Task.Delay(25);
            ticket = await WaitUntilKeptAsync(Bot, post.ResponseId!);
        }

        Assert.NotNull(Assert.Single(ticket.Answers).DeliveredAt);
        var suggestions = await Bot.Services.GetRequiredService<ISuggestionStore>().ListAsync(null, CancellationToken.None);
        Assert.DoesNotContain(suggestions, s => s.Answer == answerText); // "Add to knowledge" was not ticked
    }

    [Fact]
    public async Task An_unanswered_ticket_is_announced_again_after_the_reminder_hours_and_a_reply_to_the_reminder_answers_it()
    {
        const string chat = "a:experts-remind";
        const string question = "what is the cafeteria menu on monday?";
        await Driver.OpenTicketAsync(Bot, chat, question, null);

        Bot.Clock.Offset += TimeSpan.FromHours(25); // Experts:ReminderHours is 24
        var reminder = await Fake.WaitForAsync(r => FakeBotFramework.IsChannelPost(r) && r.Body.Contains("Still unanswered", StringComparison.Ordinal)
                                                    && r.Body.Contains("cafeteria menu on monday", StringComparison.Ordinal), "the reminder");
        await WaitUntilKeptAsync(Bot, reminder.ResponseId!);

        var reply = Activities.ChannelMention(Fake.ServiceUrl, Thread(reminder.ResponseId!), "Fish on Mondays.");
        reply["id"] = "1700000000701";
        await Driver.PostAsync(Bot, As(reply, TeamsExpertsFixture.Expert));

        await Fake.WaitForAsync(r => IsSendTo(r, chat) && r.Card.Contains("Fish on Mondays.", StringComparison.Ordinal), "the answer to the reminder delivered");
        Assert.Single(Fake.ConnectorRequests, r => FakeBotFramework.IsChannelPost(r) && r.Body.Contains("Still unanswered", StringComparison.Ordinal)
                                                   && r.Body.Contains("cafeteria menu on monday", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Someone_not_on_the_channels_roster_is_refused_and_nothing_changes()
    {
        var (post, ticketCard) = await Driver.OpenTicketAsync(Bot, "a:experts-refused", "what is the cafeteria menu on thursday?", null);
        var root = post.ResponseId!;
        var outsider = new ChannelMember("29:user-1", "aad-user-1", "Dana Teacher");

        await Driver.PostAsync(Bot, Driver.ExpertSubmit(root, CardJson.SubmitValue(CardJson.SubmitTitled(ticketCard, MessageContent.AssignToMeLabel)), outsider));
        var answer = CardJson.SubmitValue(CardJson.SubmitTitled(ticketCard, MessageContent.SubmitAnswerLabel),
            new Dictionary<string, string> { [ExpertInputs.Answer] = "I think it is pizza.", [ExpertInputs.AddToKnowledge] = "true" });
        await Driver.PostAsync(Bot, Driver.ExpertSubmit(root, answer, outsider));
        var reply = Activities.ChannelMention(Fake.ServiceUrl, Thread(root), "Pizza, surely.");
        reply["id"] = "1700000000502";
        await Driver.PostAsync(Bot, As(reply, outsider));

        await Fake.WaitForMessagesAsync(r => In(r, Thread(root)) && TextOf(r).Contains("only members of the experts' channel", StringComparison.Ordinal), 3, "three refusals");
        var ticket = await WaitUntilKeptAsync(Bot, root);
        Assert.Null(ticket.AssignedTo);
        Assert.Empty(ticket.Answers);
        await Task.Delay(TimeSpan.FromSeconds(2)); // two outbox polls
        Assert.DoesNotContain(Fake.ConnectorRequests, r => IsUpdateOf(r, root));
        Assert.DoesNotContain(Fake.ConnectorRequests, r => IsSendTo(r, "a:experts-refused") && r.Card.Contains("pizza", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task Taking_over_a_ticket_tells_the_expert_who_had_it_in_a_personal_chat_and_the_card_shows_the_new_assignee()
    {
        var (post, ticketCard) = await Driver.OpenTicketAsync(Bot, "a:experts-takeover", "what is the cafeteria menu on saturday?", null);
        var root = post.ResponseId!;
        await Driver.PostAsync(Bot, Driver.ExpertSubmit(root, CardJson.SubmitValue(CardJson.SubmitTitled(ticketCard, MessageContent.AssignToMeLabel)),
            TeamsExpertsFixture.Expert));
        var shown = await Fake.WaitForAsync(r => IsUpdateOf(r, root) && r.Card.Contains("Assigned to Sam Expert", StringComparison.Ordinal), "the card showing Sam");
        var sam = (await WaitUntilKeptAsync(Bot, root)).AssignedTo!;

        // Pressed on the card that shows Sam holding it: a takeover.
        await Driver.PostAsync(Bot, Driver.ExpertSubmit(root, CardJson.SubmitValue(CardJson.SubmitTitled(CardOf(shown), MessageContent.AssignToMeLabel)),
            TeamsExpertsFixture.Colleague));

        await Fake.WaitForAsync(r => IsUpdateOf(r, root) && r.Card.Contains("Assigned to Cai Colleague", StringComparison.Ordinal), "the card showing the new assignee");
        static string Opening(RecordedRequest r) => r.Json["activity"]?["attachments"]?[0]?["content"] is { } card ? CardJson.Text(card) : "";
        var told = await Fake.WaitForAsync(r => r.Method == "POST" && r.Path.EndsWith("/v3/conversations", StringComparison.Ordinal)
            && Opening(r).Contains("was taken over", StringComparison.Ordinal), "the personal chat to the expert who had it");
        // As the bot opens any personal chat: by the Teams id (the ticket knows Sam by his Entra object id), not a group,
        // with the tenant.
        Assert.Equal(TeamsExpertsFixture.Expert.AadObjectId, sam.UserId);
        Assert.False(told.Json["isGroup"]!.GetValue<bool>());
        Assert.Equal(TeamsExpertsFixture.Expert.Id, told.Json["members"]![0]!["id"]!.GetValue<string>());
        Assert.NotNull(told.Json["channelData"]?["tenant"]?["id"]);
        Assert.Contains("was taken over: Cai Colleague has it now.", Opening(told), StringComparison.Ordinal);
        Assert.Contains("cafeteria menu on saturday", Opening(told), StringComparison.Ordinal);
        Assert.Equal("Cai Colleague", (await WaitUntilKeptAsync(Bot, root)).AssignedTo!.DisplayName);
    }

    [Fact]
    public async Task An_expert_named_by_an_activity_from_another_channel_of_the_bot_is_refused()
    {
        // Web Chat and Direct Line are channels of the same bot registration: their tokens are valid, and their clients
        // name the sender, aadObjectId included. Such a sender is never taken for someone on the Teams roster.
        var (post, ticketCard) = await Driver.OpenTicketAsync(Bot, "a:experts-webchat", "when does the library close on fridays?", null);
        var root = post.ResponseId!;
        var click = Driver.ExpertSubmit(root, CardJson.SubmitValue(CardJson.SubmitTitled(ticketCard, MessageContent.AssignToMeLabel)), TeamsExpertsFixture.Expert);
        click["channelId"] = "webchat";

        var response = await Bot.PostActivityAsync(click, Fake.CreateToken(Bot.Clock.GetUtcNow(), key: Fake.WebChatKey));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await Fake.WaitForMessagesAsync(r => In(r, Thread(root)) && TextOf(r).Contains("only members of the experts' channel", StringComparison.Ordinal), 1, "the refusal");
        Assert.Null((await WaitUntilKeptAsync(Bot, root)).AssignedTo);
    }

    [Fact]
    public async Task Thumbs_down_shows_ask_an_expert_under_the_answer_voted_on()
    {
        const string chat = "a:experts-thumbs";
        await Driver.PostAsync(Bot, Activities.Message(Fake.ServiceUrl, chat, "can I friend parents?"));
        var answer = await Fake.WaitForAsync(r => IsSendTo(r, chat, reply: true) && r.Card.Contains("Not helpful", StringComparison.Ordinal), "the answer");
        Assert.DoesNotContain("Ask an expert", answer.Card, StringComparison.Ordinal);

        var notHelpful = CardJson.SubmitValue(CardJson.SubmitTitled(CardOf(answer), MessageContent.NotHelpfulLabel));
        await Driver.PostAsync(Bot, Activities.CardSubmit(Fake.ServiceUrl, chat, answer.ResponseId!, notHelpful));

        var updated = await Fake.WaitForAsync(r => r.Method == "PUT" && In(r, chat) && r.RawTarget.EndsWith("/activities/" + answer.ResponseId, StringComparison.Ordinal), "the card voted on");
        Assert.Contains("Friending", updated.Card, StringComparison.Ordinal);
        var offer = CardJson.SubmitTitled(CardOf(updated), MessageContent.AskExpertLabel);
        Assert.Equal(ActionIds.AskExpert, offer["data"]!["action"]!.GetValue<string>());
    }

    [Fact]
    public async Task The_experts_service_url_is_learned_from_teams_only_not_from_another_channel_of_the_bot()
    {
        // Web Chat and Direct Line reach the same endpoint with a valid token, and their clients write channelData.
        var settings = TeamsExpertsFixture.Settings(serviceUrl: null);
        await using var bot = new TeamsBotFactory(Fake, settings: settings);
        var spoofed = Fake.BaseUrl + "/connector/webchat/";
        var teams = Fake.BaseUrl + "/connector/amer/";
        foreach (var (channelId, url) in new[] { ("webchat", spoofed), ("msteams", teams) })
        {
            var installed = Activities.BotAdded(url, Channel);
            installed["channelId"] = channelId;
            installed["channelData"]!["team"] = new JsonObject { ["id"] = Channel, ["name"] = "Experts" };
            var key = channelId == "webchat" ? Fake.WebChatKey : Fake.TeamsKey; // a Web Chat activity is signed with a key endorsed for it
            var response = await bot.PostActivityAsync(installed, Fake.CreateToken(bot.Clock.GetUtcNow(), serviceUrl: url, key: key));
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }

        var store = bot.Services.GetRequiredService<ISettingStore>();
        string? kept = null;
        for (var i = 0; i < 800 && kept is null; i++)
        {
            await Task.Delay(i == 0 ? 0 : 25);
            kept = await store.GetAsync("teams.experts.serviceUrl", CancellationToken.None);
        }

        Assert.Equal(teams, kept);
    }

    [Fact]
    public async Task The_experts_service_url_learned_when_the_bot_joins_their_team_survives_a_restart()
    {
        // A service URL of its own, so the post can only have gone there because it was learned.
        var learned = Fake.BaseUrl + "/connector/emea/";
        var folder = Path.Combine(Path.GetTempPath(), "guidelinebot-tests", Guid.NewGuid().ToString("N"));
        var settings = TeamsExpertsFixture.Settings(serviceUrl: null);
        settings["Storage:ConnectionString"] = $"Data Source={Path.Combine(folder, "guidelinebot.db")}";
        Directory.CreateDirectory(folder);
        try
        {
            await using (var first = new TeamsBotFactory(Fake, settings: settings))
            {
                var installed = Activities.BotAdded(learned, Channel);
                installed["channelData"]!["team"] = new JsonObject { ["id"] = Channel, ["name"] = "Experts" };
                var response = await first.PostActivityAsync(installed, Fake.CreateToken(first.Clock.GetUtcNow(), serviceUrl: learned));
                Assert.Equal(HttpStatusCode.OK, response.StatusCode);
                var store = first.Services.GetRequiredService<ISettingStore>();
                string? kept = null;
                for (var i = 0; i < 800 && kept != learned; i++)
                {
                    await Task.Delay(i == 0 ? 0 : 25);
                    kept = await store.GetAsync("teams.experts.serviceUrl", CancellationToken.None);
                }

                Assert.Equal(learned, kept);
            }

            await using var second = new TeamsBotFactory(Fake, settings: settings);
            var (post, _) = await Driver.OpenTicketAsync(second, "a:experts-restart", "what is the cafeteria menu on friday?", null);
            Assert.StartsWith("/connector/emea/v3/conversations", post.Path, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
