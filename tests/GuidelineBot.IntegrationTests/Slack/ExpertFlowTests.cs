using System.Net;
using System.Text.Json;
using GuidelineBot.Core.Conversation;
using GuidelineBot.Core.Experts;
using GuidelineBot.Slack.Commands;
using GuidelineBot.Slack.Interactions;
using GuidelineBot.Testing;
using Microsoft.Extensions.DependencyInjection;
using static GuidelineBot.IntegrationTests.Slack.SlackExpertsHost;
using static GuidelineBot.IntegrationTests.Slack.SlackRequests;

namespace GuidelineBot.IntegrationTests.Slack;

/// <summary>
/// "Ask an expert" on Slack from outside: signed requests to the real server (SQLite store, outbox worker) and a fake
/// Slack Web API recording what the bot sends — the offer, the modals, the ticket post and its updates, answers by modal
/// and by thread reply reaching the asker, refusals, duplicates and retries.
/// </summary>
public sealed class ExpertFlowTests(SlackExpertsHost host) : IClassFixture<SlackExpertsHost>
{
    private const string Declined = "what is the cafeteria lunch menu on friday";

    private FakeSlackApi Api => host.Api;

    private IReadOnlyList<RecordedRequest> TicketPosts(string asker) =>
        Api.PostsTo(ExpertsChannel).Where(p => Texts(p).Contains($"<@{asker}>", StringComparison.Ordinal)).ToList();

    private static string Texts(RecordedRequest request) => string.Join("\n", BlockKitText.All(request.Json.GetProperty("blocks")));

    /// <summary>A fake Slack's delay that outlasts <paramref name="budget"/> by at least a second.</summary>
    private static int Seconds(TimeSpan budget) => (int)Math.Ceiling(budget.TotalSeconds + 1);

    /// <summary>A person's message in a ticket's thread of the experts' channel, as Slack's Events API sends it.</summary>
    private static object ThreadReply(string user, string text, string ts, string threadTs, string? subtype = null) =>
        new { type = "message", subtype, channel = ExpertsChannel, channel_type = "channel", user, text, ts, thread_ts = threadTs };

    /// <summary>Asks a declined question with the slash command, presses Ask an expert and sends the modal.</summary>
    /// <returns>The ticket post in the experts' channel, its ts and the ticket id.</returns>
    private async Task<(RecordedRequest Post, string Ts, string TicketId)> OpenTicketAsync(string asker, string? threadTs = null, string channel = "C0GENERAL")
    {
        var offer = Button(await host.CommandAsync(Declined, asker), ActionIds.AskExpert)!.Value.GetProperty("value").GetString()!;
        var modal = await host.ModalAsync(ActionIds.AskExpert, offer, asker, SlackHost.NewId("ask"), channel, threadTs, ephemeral: threadTs is null);
        using var sent = await host.SubmitAsync(modal, asker, new() { [ExpertInputs.Context] = "for the parents' evening" });
        Assert.Equal(HttpStatusCode.OK, sent.StatusCode);
        await Eventually.WaitUntilAsync(() => TicketPosts(asker).Count == 1, "the ticket is posted in the experts' channel");
        var post = TicketPosts(asker)[0];
        var ts = (await WaitForTicketAsync(asker)).Posts.Single().MessageId;
        return (post, ts, Button(post.Json, ActionIds.ExpertAnswer)!.Value.GetProperty("value").GetString()!);
    }

    private async Task<Ticket> WaitForTicketAsync(string asker)
    {
        var store = host.Factory.Services.GetRequiredService<ITicketStore>();
        Ticket? ticket = null;
        await Eventually.WaitUntilAsync(() =>
        {
            ticket = store.ListAsync(DateTimeOffset.UtcNow.AddHours(-1), default).GetAwaiter().GetResult().SingleOrDefault(t => t.Asker.UserId == asker);
            return ticket is { Posts.Count: > 0 };
        }, "the ticket's post is recorded");
        return ticket!;
    }

    private Task<Ticket?> TicketAsync(string id) => host.Factory.Services.GetRequiredService<ITicketStore>().GetAsync(id, default);

    private IReadOnlyList<RecordedRequest> DirectMessages(string user) => Api.PostsTo(FakeSlackApi.DirectMessageChannel(user));

    [Fact]
    public async Task A_declined_question_offers_ask_an_expert_and_the_button_opens_the_confirmation_modal()
    {
        var asker = SlackHost.NewId("U");
        var answer = await host.CommandAsync(Declined, asker);

        var offer = Button(answer, ActionIds.AskExpert);
        Assert.NotNull(offer);
        Assert.Contains("Ask an expert", offer.Value.GetProperty("text").GetProperty("text").GetString(), StringComparison.Ordinal);
        Assert.Contains(BlockKitText.All(answer.GetProperty("blocks")), t => t.Contains("Director of Technology", StringComparison.Ordinal));

        var modal = await host.ModalAsync(ActionIds.AskExpert, offer.Value.GetProperty("value").GetString()!, asker, SlackHost.NewId("ask"));
        Assert.Equal("modal", modal.GetProperty("type").GetString());
        Assert.Equal(ActionIds.SendToExpert, modal.GetProperty("callback_id").GetString());
        Assert.Equal(MessageContent.SendToExpertsLabel, modal.GetProperty("submit").GetProperty("text").GetString());
        Assert.Contains(BlockKitText.All(modal.GetProperty("blocks")), t => t.Contains(Declined, StringComparison.Ordinal));
        Assert.Equal(ExpertInputs.Context, modal.GetProperty("blocks").EnumerateArray().Single(b => b.GetProperty("type").GetString() == "input")
            .GetProperty("element").GetProperty("action_id").GetString());
        Assert.True(modal.GetProperty("private_metadata").GetString()!.Length <= 3000);
        Assert.Empty(TicketPosts(asker));
    }

    [Fact]
    public async Task Sending_the_modal_posts_one_ticket_with_answer_and_assign_and_a_second_send_opens_no_other()
    {
        var asker = SlackHost.NewId("U");
        var offer = Button(await host.CommandAsync(Declined, asker), ActionIds.AskExpert)!.Value.GetProperty("value").GetString()!;
        var askId = SlackHost.NewId("ask");
        var modal = await host.ModalAsync(ActionIds.AskExpert, offer, asker, askId);

        using var sent = await host.SubmitAsync(modal, asker, new() { [ExpertInputs.Context] = "for the parents' evening" });

        Assert.Equal(HttpStatusCode.OK, sent.StatusCode);
        Assert.Equal("", await sent.Content.ReadAsStringAsync());
        await Eventually.WaitUntilAsync(() => TicketPosts(asker).Count == 1, "the ticket is posted");
        var post = TicketPosts(asker)[0];
        var texts = Texts(post);
        Assert.Contains(Declined, texts, StringComparison.Ordinal);
        Assert.Contains("for the parents' evening", texts, StringComparison.Ordinal);
        Assert.Equal(MessageContent.AnswerLabel, Button(post.Json, ActionIds.ExpertAnswer)!.Value.GetProperty("text").GetProperty("text").GetString());
        Assert.Equal(MessageContent.AssignToMeLabel, Button(post.Json, ActionIds.ExpertAssign)!.Value.GetProperty("text").GetProperty("text").GetString());
        await Eventually.WaitUntilAsync(() => Api.ResponseUrlPosts(askId).Count == 1, "the asker is told");
        var told = Api.ResponseUrlPosts(askId)[0].Json;
        Assert.Equal("ephemeral", told.GetProperty("response_type").GetString());
        Assert.False(told.GetProperty("replace_original").GetBoolean());
        Assert.Contains("Sent to the experts", string.Join(" ", BlockKitText.All(told.GetProperty("blocks"))), StringComparison.Ordinal);

        using var again = await host.SubmitAsync(modal, asker, new() { [ExpertInputs.Context] = "for the parents' evening" });
        await Eventually.WaitUntilAsync(() => Api.ResponseUrlPosts(askId).Count == 2, "the second send is answered");
        Assert.Contains("already asked", string.Join(" ", BlockKitText.All(Api.ResponseUrlPosts(askId)[1].Json.GetProperty("blocks"))), StringComparison.Ordinal);
        var ticket = await WaitForTicketAsync(asker);
        Assert.Equal(1, (await host.Factory.Services.GetRequiredService<ITicketStore>().ListAsync(DateTimeOffset.UtcNow.AddHours(-1), default))
            .Count(t => t.Asker.UserId == asker));
        Assert.Single(TicketPosts(asker));
        Assert.Equal("slack", ticket.Asker.Channel);
        Assert.Equal(FakeSlackApi.RealName(asker), ticket.Asker.DisplayName);
        Assert.Null(ticket.Asker.ReplyAddress);
    }

    [Fact]
    public async Task Assign_to_me_is_answered_with_the_handle_when_users_info_is_slower_than_slacks_window()
    {
        // Slack wants the click's 200 within 3 s; users.info (with its retries) may take far longer in an outage.
        var asker = SlackHost.NewId("U");
        var (_, _, ticketId) = await OpenTicketAsync(asker);
        var clickId = SlackHost.NewId("assign");
        var lookups = Api.Calls("users.info").Count(c => c.Body.Contains(OtherExpert, StringComparison.Ordinal));
        // Its real name, but only after the click's budget (and within the test factory's attempt timeout, 5 s).
        Api.Script(OtherExpert, new ScriptedResponse(200, FakeSlackApi.UserInfoBody(OtherExpert), DelaySeconds: Seconds(ExpertActionHandler.NameLookupBudget)));

        using var response = await host.ClickAsync(ActionIds.ExpertAssign, ticketId, OtherExpert, clickId, ExpertsChannel, ephemeral: false);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(lookups + 1, Api.Calls("users.info").Count(c => c.Body.Contains(OtherExpert, StringComparison.Ordinal)));
        // The payload's handle, not users.info's real name: the click did not wait for the slow answer.
        Assert.Equal("pat", (await TicketAsync(ticketId))!.AssignedTo!.DisplayName);
    }

    [Fact]
    public async Task Ask_an_expert_tells_the_clicker_when_views_open_is_slower_than_slacks_window()
    {
        // The trigger expires 3 s after the click, and the click's 200 is due then: a form opened later is no use.
        var asker = SlackHost.NewId("U");
        var offer = Button(await host.CommandAsync(Declined, asker), ActionIds.AskExpert)!.Value.GetProperty("value").GetString()!;
        var clickId = SlackHost.NewId("ask");
        var trigger = SlackHost.NewId("trigger");
        var opened = Api.Calls("views.open").Count;
        // Opened, but only after the click's budget (and within the test factory's attempt timeout, 5 s).
        Api.Script(trigger, new ScriptedResponse(200, DelaySeconds: Seconds(ExpertActionHandler.ClickBudget)));

        using var response = await host.ClickAsync(ActionIds.AskExpert, offer, asker, clickId, triggerId: trigger);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(opened + 1, Api.Calls("views.open").Count);
        await Eventually.WaitUntilAsync(() => Api.ResponseUrlPosts(clickId).Count == 1, "the clicker is told the form did not open");
        Assert.Equal(SlashCommandEndpoint.FailedText, Api.ResponseUrlPosts(clickId)[0].Json.GetProperty("text").GetString());
    }

    [Fact]
    public async Task Assign_to_me_by_a_member_updates_the_post_in_place_and_tells_only_the_clicker()
    {
        var asker = SlackHost.NewId("U");
        var (_, ts, ticketId) = await OpenTicketAsync(asker);
        var clickId = SlackHost.NewId("assign");

        using var response = await host.ClickAsync(ActionIds.ExpertAssign, ticketId, Expert, clickId, ExpertsChannel, ephemeral: false);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await Eventually.WaitUntilAsync(() => Api.ResponseUrlPosts(clickId).Count == 1, "the expert is told");
        var told = Api.ResponseUrlPosts(clickId)[0].Json;
        Assert.Equal("ephemeral", told.GetProperty("response_type").GetString());
        Assert.Contains("Assigned to you", string.Join(" ", BlockKitText.All(told.GetProperty("blocks"))), StringComparison.Ordinal);
        await Eventually.WaitUntilAsync(() => Api.Calls("chat.update").Any(u => u.Json.GetProperty("ts").GetString() == ts), "the post is updated");
        var update = Api.Calls("chat.update").Last(u => u.Json.GetProperty("ts").GetString() == ts);
        Assert.Equal(ExpertsChannel, update.Channel);
        Assert.Contains($"Assigned to <@{Expert}>", Texts(update), StringComparison.Ordinal);
        Assert.Equal(FakeSlackApi.RealName(Expert), (await TicketAsync(ticketId))!.AssignedTo!.DisplayName);
    }

    [Fact]
    public async Task Two_members_pressing_assign_to_me_at_once_one_gets_the_ticket_and_the_other_is_told_privately_who_has_it()
    {
        var asker = SlackHost.NewId("U");
        var (post, ts, ticketId) = await OpenTicketAsync(asker);
        var value = Button(post.Json, ActionIds.ExpertAssign)!.Value.GetProperty("value").GetString()!;
        var (first, second) = (SlackHost.NewId("assign"), SlackHost.NewId("assign"));

        var clicks = await Task.WhenAll(
            host.ClickAsync(ActionIds.ExpertAssign, value, Expert, first, ExpertsChannel, ephemeral: false),
            host.ClickAsync(ActionIds.ExpertAssign, value, OtherExpert, second, ExpertsChannel, ephemeral: false));

        Assert.All(clicks, c => Assert.Equal(HttpStatusCode.OK, c.StatusCode));
        foreach (var click in clicks)
        {
            click.Dispose();
        }

        await Eventually.WaitUntilAsync(() => Api.ResponseUrlPosts(first).Count == 1 && Api.ResponseUrlPosts(second).Count == 1, "both are told");
        var holder = (await TicketAsync(ticketId))!.AssignedTo!;
        var (won, lost) = holder.UserId == Expert ? (first, second) : (second, first);
        var wonText = string.Join(" ", BlockKitText.All(Api.ResponseUrlPosts(won)[0].Json.GetProperty("blocks")));
        var lostReply = Api.ResponseUrlPosts(lost)[0].Json;
        var lostText = string.Join(" ", BlockKitText.All(lostReply.GetProperty("blocks")));
        Assert.Contains("Assigned to you", wonText, StringComparison.Ordinal);
        Assert.DoesNotContain("Assigned to you", lostText, StringComparison.Ordinal);
        Assert.Contains(holder.DisplayName + " has this ticket now", lostText, StringComparison.Ordinal);
        Assert.Equal("ephemeral", lostReply.GetProperty("response_type").GetString());
        await Eventually.WaitUntilAsync(() => Api.Calls("chat.update").Any(u => u.Json.GetProperty("ts").GetString() == ts
            && Texts(u).Contains($"Assigned to <@{holder.UserId}>", StringComparison.Ordinal)), "the post shows who has it");
    }

    [Fact]
    public async Task Taking_over_a_ticket_tells_the_expert_who_had_it_in_a_dm_who_took_it_and_the_post_shows_the_new_assignee()
    {
        var asker = SlackHost.NewId("U");
        var (post, ts, ticketId) = await OpenTicketAsync(asker);
        var claimId = SlackHost.NewId("assign");
        using (await host.ClickAsync(ActionIds.ExpertAssign, Button(post.Json, ActionIds.ExpertAssign)!.Value.GetProperty("value").GetString()!, Expert,
                   claimId, ExpertsChannel, ephemeral: false))
        {
        }

        RecordedRequest? Showing(string user) => Api.Calls("chat.update")
            .LastOrDefault(u => u.Json.GetProperty("ts").GetString() == ts && Texts(u).Contains($"Assigned to <@{user}>", StringComparison.Ordinal));
        await Eventually.WaitUntilAsync(() => Showing(Expert) is not null, "the post shows the first expert");
        var shortId = (await TicketAsync(ticketId))!.ShortId;
        var takeId = SlackHost.NewId("assign");

        using var take = await host.ClickAsync(ActionIds.ExpertAssign, Button(Showing(Expert)!.Json, ActionIds.ExpertAssign)!.Value.GetProperty("value").GetString()!,
            OtherExpert, takeId, ExpertsChannel, ephemeral: false);

        Assert.Equal(HttpStatusCode.OK, take.StatusCode);
        await Eventually.WaitUntilAsync(() => Api.ResponseUrlPosts(takeId).Count == 1, "the new assignee is told");
        Assert.Contains("you took it over from " + FakeSlackApi.RealName(Expert), string.Join(" ", BlockKitText.All(Api.ResponseUrlPosts(takeId)[0].Json.GetProperty("blocks"))),
            StringComparison.Ordinal);
        await Eventually.WaitUntilAsync(() => DirectMessages(Expert).Any(m => Texts(m).Contains("#" + shortId, StringComparison.Ordinal)), "the first expert is told in their DM");
        var told = Texts(DirectMessages(Expert).Single(m => Texts(m).Contains("#" + shortId, StringComparison.Ordinal)));
        Assert.Contains($"<@{OtherExpert}>", told, StringComparison.Ordinal);
        Assert.Contains($"Ticket #{shortId}, which you had, was taken over:", told, StringComparison.Ordinal);
        await Eventually.WaitUntilAsync(() => Showing(OtherExpert) is not null, "the post shows the new assignee");
        Assert.Equal(OtherExpert, (await TicketAsync(ticketId))!.AssignedTo!.UserId);
        Assert.DoesNotContain(DirectMessages(OtherExpert), m => Texts(m).Contains("#" + shortId, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Someone_outside_the_experts_channel_is_refused_politely_and_nothing_changes()
    {
        var asker = SlackHost.NewId("U");
        var (_, ts, ticketId) = await OpenTicketAsync(asker);
        var outsider = SlackHost.NewId("U");
        var (assignId, answerId) = (SlackHost.NewId("assign"), SlackHost.NewId("answer"));
        var opened = Api.Calls("views.open").Count;

        using var assign = await host.ClickAsync(ActionIds.ExpertAssign, ticketId, outsider, assignId, ExpertsChannel, ephemeral: false);
        using var answer = await host.ClickAsync(ActionIds.ExpertAnswer, ticketId, outsider, answerId, ExpertsChannel, ephemeral: false);
        using var reply = await host.Client.SendAsync(Signed("/slack/events", Event(SlackHost.NewId("Ev"), ThreadReply(outsider, "Sure, bring pizza.", "1700000300.000001", ts)), JsonType, host.Now));

        Assert.Equal(HttpStatusCode.OK, assign.StatusCode);
        Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
        await Eventually.WaitUntilAsync(() => Api.ResponseUrlPosts(assignId).Count == 1 && Api.ResponseUrlPosts(answerId).Count == 1, "both clicks are refused");
        await Eventually.WaitUntilAsync(() => Api.Calls("chat.postEphemeral").Any(e => e.Json.GetProperty("user").GetString() == outsider), "the reply is refused");
        var refusal = Api.Calls("chat.postEphemeral").Single(e => e.Json.GetProperty("user").GetString() == outsider);
        Assert.Equal(ExpertsChannel, refusal.Channel);
        Assert.Equal(ts, refusal.Json.GetProperty("thread_ts").GetString());
        foreach (var told in new[] { Api.ResponseUrlPosts(assignId)[0], Api.ResponseUrlPosts(answerId)[0], refusal })
        {
            Assert.Contains("only members of the experts' channel", Texts(told), StringComparison.Ordinal);
        }

        Assert.Equal(opened, Api.Calls("views.open").Count);
        var ticket = (await TicketAsync(ticketId))!;
        Assert.Null(ticket.AssignedTo);
        Assert.Empty(ticket.Answers);
        Assert.DoesNotContain(Api.Calls("chat.update"), u => u.Json.GetProperty("ts").GetString() == ts);
        Assert.Empty(DirectMessages(asker));
    }

    [Fact]
    public async Task An_answer_through_the_modal_reaches_the_asker_by_DM_once_naming_the_expert_updates_the_post_and_is_suggested_for_the_knowledge()
    {
        var asker = SlackHost.NewId("U");
        var (_, ts, ticketId) = await OpenTicketAsync(asker);
        var clickId = SlackHost.NewId("answer");
        var modal = await host.ModalAsync(ActionIds.ExpertAnswer, ticketId, Expert, clickId, ExpertsChannel, ephemeral: false);
        Assert.Equal(ActionIds.SubmitExpertAnswer, modal.GetProperty("callback_id").GetString());
        const string text = "The menu is on the intranet every Monday; Fridays are pizza.";

        using var sent = await host.SubmitAsync(modal, Expert, new() { [ExpertInputs.Answer] = text }, new() { [ExpertInputs.AddToKnowledge] = true });
        using var again = await host.SubmitAsync(modal, Expert, new() { [ExpertInputs.Answer] = text }, new() { [ExpertInputs.AddToKnowledge] = true });

        Assert.Equal(HttpStatusCode.OK, sent.StatusCode);
        await Eventually.WaitUntilAsync(() => DirectMessages(asker).Count >= 1, "the answer reaches the asker");
        Assert.Single(Api.OpensFor(asker));
        var delivered = Texts(DirectMessages(asker)[0]);
        Assert.Contains(text, delivered, StringComparison.Ordinal);
        Assert.Contains(FakeSlackApi.RealName(Expert), delivered, StringComparison.Ordinal);
        Assert.Contains(Declined, delivered, StringComparison.Ordinal);
        await Eventually.WaitUntilAsync(() => Api.ResponseUrlPosts(clickId).Count == 2, "the expert is told twice");
        var notices = Api.ResponseUrlPosts(clickId).Select(Texts).ToList();
        Assert.Contains(notices, n => n.Contains($"on its way to {FakeSlackApi.RealName(asker)}", StringComparison.Ordinal));
        Assert.Contains(notices, n => n.Contains("already sent", StringComparison.Ordinal));
        await Eventually.WaitUntilAsync(() => Api.Calls("chat.update").Any(u => u.Json.GetProperty("ts").GetString() == ts && Texts(u).Contains(text, StringComparison.Ordinal)),
            "the post shows the answer");
        Assert.Contains($"Answered by <@{Expert}>", Texts(Api.Calls("chat.update").Last(u => u.Json.GetProperty("ts").GetString() == ts)), StringComparison.Ordinal);
        var suggestion = Assert.Single(await host.SuggestionsAsync(), s => s.TicketId == ticketId);
        Assert.Equal(text, suggestion.Answer);
        Assert.Equal(Declined, suggestion.Question);
        Assert.Equal(SuggestionStatus.Pending, suggestion.Status);
        var ticket = (await TicketAsync(ticketId))!;
        Assert.NotNull(Assert.Single(ticket.Answers).DeliveredAt);
        Assert.Single(DirectMessages(asker));
    }

    [Theory]
    [InlineData("   ")]
    [InlineData("###")]
    public async Task An_answer_without_words_keeps_the_modal_open_with_the_error_under_the_field(string text)
    {
        var (_, _, ticketId) = await OpenTicketAsync(SlackHost.NewId("U"));
        var modal = await host.ModalAsync(ActionIds.ExpertAnswer, ticketId, Expert, SlackHost.NewId("answer"), ExpertsChannel, ephemeral: false);

        using var sent = await host.SubmitAsync(modal, Expert, new() { [ExpertInputs.Answer] = text });

        Assert.Equal(HttpStatusCode.OK, sent.StatusCode);
        var body = JsonDocument.Parse(await sent.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal("errors", body.GetProperty("response_action").GetString());
        Assert.Contains("no words", body.GetProperty("errors").GetProperty(ExpertInputs.Answer).GetString(), StringComparison.Ordinal);
        Assert.Empty((await TicketAsync(ticketId))!.Answers);
    }

    [Fact]
    public async Task A_thread_reply_by_an_expert_is_delivered_once_even_when_slack_retries_the_event()
    {
        var asker = SlackHost.NewId("U");
        var (_, ts, ticketId) = await OpenTicketAsync(asker);
        var eventId = SlackHost.NewId("Ev");
        var reply = Event(eventId, ThreadReply(OtherExpert, "Ask the kitchen &amp; they'll tell you.", "1700000400.000001", ts));

        using var first = await host.Client.SendAsync(Signed("/slack/events", reply, JsonType, host.Now));
        await Eventually.WaitUntilAsync(() => DirectMessages(asker).Count >= 1, "the reply reaches the asker");
        using var retry = await host.Client.SendAsync(Signed("/slack/events", reply, JsonType, host.Now, retryNum: 1));

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, retry.StatusCode);
        Assert.Contains("Ask the kitchen &amp; they'll tell you.", Texts(DirectMessages(asker)[0]), StringComparison.Ordinal); // escaped once, as mrkdwn
        await Eventually.WaitUntilAsync(() => Api.Calls("chat.postEphemeral").Any(e => e.Json.GetProperty("user").GetString() == OtherExpert &&
                                                                                     e.Json.GetProperty("thread_ts").GetString() == ts), "the expert is thanked in the thread");
        var ticket = (await TicketAsync(ticketId))!;
        var stored = Assert.Single(ticket.Answers);
        Assert.Equal(OtherExpert, stored.Expert.UserId);
        Assert.Equal("Ask the kitchen & they'll tell you.", stored.Text);
        Assert.Single(DirectMessages(asker));
    }

    [Fact]
    public async Task A_thread_reply_keeps_its_links_addresses_and_names_the_people_it_mentions()
    {
        // Read as a question, the reply lost both: "see the menu at the district site & ask".
        var asker = SlackHost.NewId("U");
        var (_, ts, ticketId) = await OpenTicketAsync(asker);
        var reply = Event(SlackHost.NewId("Ev"), ThreadReply(OtherExpert,
            "See the menu at <https://example.org/menu|the district site> &amp; ask <@UKITCHEN1>.", "1700000420.000001", ts));

        using var response = await host.Client.SendAsync(Signed("/slack/events", reply, JsonType, host.Now));
        await Eventually.WaitUntilAsync(() => DirectMessages(asker).Count >= 1, "the reply reaches the asker");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal($"See the menu at the district site (https://example.org/menu) & ask @{FakeSlackApi.RealName("UKITCHEN1")}.",
            Assert.Single((await TicketAsync(ticketId))!.Answers).Text);
    }

    [Fact]
    public async Task A_thread_reply_with_a_file_attached_is_delivered_by_its_text()
    {
        var asker = SlackHost.NewId("U");
        var (_, ts, ticketId) = await OpenTicketAsync(asker);
        var reply = ThreadReply(OtherExpert, "Yes, with the form the office keeps.", "1700000450.000001", ts, subtype: "file_share");

        using var response = await host.Client.SendAsync(Signed("/slack/events", Event(SlackHost.NewId("Ev"), reply), JsonType, host.Now));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await Eventually.WaitUntilAsync(() => DirectMessages(asker).Count >= 1, "the reply reaches the asker");
        Assert.Contains("Yes, with the form the office keeps.", Texts(DirectMessages(asker)[0]), StringComparison.Ordinal);
        Assert.Equal("Yes, with the form the office keeps.", Assert.Single((await TicketAsync(ticketId))!.Answers).Text);
    }

    [Fact]
    public async Task Other_messages_in_the_experts_channel_are_ignored()
    {
        var asker = SlackHost.NewId("U");
        var (_, ts, ticketId) = await OpenTicketAsync(asker);
        var before = Api.Requests.Count;
        foreach (var message in new object[]
                 {
                     new { type = "message", channel = ExpertsChannel, channel_type = "channel", user = Expert, text = "morning all", ts = "1700000500.000001" },
                     new { type = "message", channel = ExpertsChannel, channel_type = "channel", user = Expert, text = "edited", ts = "1700000500.000002", thread_ts = ts, subtype = "message_changed" },
                     new { type = "message", channel = ExpertsChannel, channel_type = "channel", bot_id = "B0OTHER", text = "a bot", ts = "1700000500.000003", thread_ts = ts },
                     new { type = "message", channel = ExpertsChannel, channel_type = "channel", user = Expert, text = "", ts = "1700000500.000005", thread_ts = ts, subtype = "file_share" },
                     new { type = "message", channel = "C0ELSEWHERE", channel_type = "channel", user = Expert, text = "another thread", ts = "1700000500.000004", thread_ts = ts },
                     // Talk in a thread that is no ticket's: no "it stayed in the thread" notice (there was none to leave).
                     new { type = "message", channel = ExpertsChannel, channel_type = "channel", user = Expert, text = "<@UKITCHEN1> lunch?", ts = "1700000500.000006", thread_ts = "1700000499.000001" },
                 })
        {
            var eventId = SlackHost.NewId("Ev");
            using var response = await host.Client.SendAsync(Signed("/slack/events", Event(eventId, message), JsonType, host.Now));
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }

        // A marker event that is answered proves the ignored ones before it were processed.
        var marker = SlackHost.NewId("Ev");
        using var mention = await host.Client.SendAsync(Signed("/slack/events", Event(marker, new
        {
            type = "app_mention",
            user = asker,
            text = "<@U0BOT> can I post photos of my class?",
            ts = "1700000500.000009",
            channel = "C0MARKER",
        }), JsonType, host.Now));
        await Eventually.WaitUntilAsync(() => Api.PostsTo("C0MARKER").Count == 1, "the marker is answered");
        Assert.Empty((await TicketAsync(ticketId))!.Answers);
        Assert.DoesNotContain(Api.Requests.Skip(before), r => r.Target is "chat.postEphemeral" or "chat.update");
    }

    [Fact]
    public async Task Talk_among_the_experts_in_a_ticket_s_thread_stays_there_and_the_answer_after_it_is_delivered()
    {
        // Forwarded before: the asker got "@Sam not sure, do you know?" and "+1" as answers from a person.
        var asker = SlackHost.NewId("U");
        var (_, ts, ticketId) = await OpenTicketAsync(asker);
        var before = Api.Requests.Count;
        foreach (var (text, replyTs) in new[]
                 {
                     ("<@UKITCHEN1> not sure, do you know?", "1700000470.000001"),
                     ("<!here> anyone?", "1700000470.000002"),
                     ("+1", "1700000470.000003"),
                     (":thumbsup::skin-tone-2:", "1700000470.000004"),
                 })
        {
            using var response = await host.Client.SendAsync(Signed("/slack/events", Event(SlackHost.NewId("Ev"), ThreadReply(OtherExpert, text, replyTs, ts)), JsonType, host.Now));
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }

        using var answer = await host.Client.SendAsync(Signed("/slack/events",
            Event(SlackHost.NewId("Ev"), ThreadReply(OtherExpert, "<@U0BOT> Yes, with the form; <@UKITCHEN1> keeps it.", "1700000470.000009", ts)), JsonType, host.Now));
        await Eventually.WaitUntilAsync(() => DirectMessages(asker).Count >= 1, "the answer reaches the asker");

        Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
        Assert.Equal($"Yes, with the form; @{FakeSlackApi.RealName("UKITCHEN1")} keeps it.", Assert.Single((await TicketAsync(ticketId))!.Answers).Text);
        Assert.Single(DirectMessages(asker));
        // The expert is told that the replies addressing someone stayed (two), and that the answer went out; +1 and the emoji are silent.
        List<string> Told() => Api.Requests.Skip(before).Where(r => r.Target == "chat.postEphemeral")
            .Select(r => string.Join(" ", BlockKitText.All(r.Json.GetProperty("blocks")))).ToList();
        await Eventually.WaitUntilAsync(() => Told().Count >= 3, "the expert is told three times");
        var told = Told();
        Assert.Equal(3, told.Count);
        Assert.Equal(2, told.Count(t => t.Contains("it starts with @someone", StringComparison.Ordinal)));
        Assert.Single(told, t => t.Contains("on its way to", StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_asker_who_mentioned_the_bot_gets_the_answer_in_the_thread_of_their_mention()
    {
        const string mentionTs = "1700000600.000001";
        var (asker, channel, ticket) = await TicketFromAMentionAsync(mentionTs);
        Assert.Equal($"{channel}:{mentionTs}", ticket.Asker.ReplyAddress);
        var clickId = SlackHost.NewId("answer");
        var answerModal = await host.ModalAsync(ActionIds.ExpertAnswer, ticket.Id, Expert, clickId, ExpertsChannel, ephemeral: false);
        using var answered = await host.SubmitAsync(answerModal, Expert, new() { [ExpertInputs.Answer] = "Pizza on Fridays." });

        await Eventually.WaitUntilAsync(() => Api.PostsTo(channel).Count == 2, "the answer is posted in the thread");
        var delivered = Api.PostsTo(channel)[1];
        Assert.Equal(mentionTs, delivered.Json.GetProperty("thread_ts").GetString());
        Assert.Contains("Pizza on Fridays.", Texts(delivered), StringComparison.Ordinal);
        Assert.Empty(Api.OpensFor(asker));
    }

    [Theory]
    [InlineData("channel_not_found")]
    [InlineData("not_in_channel")]
    [InlineData("is_archived")]
    public async Task An_answer_for_a_thread_whose_channel_is_gone_reaches_the_asker_in_their_direct_message(string error)
    {
        // The outbox retried the thread for ever: the answer never reached the asker.
        var (asker, channel, ticket) = await TicketFromAMentionAsync("1700000700.000001");
        Api.AlwaysAnswer(channel, new ScriptedResponse(200, $$"""{"ok":false,"error":"{{error}}"}"""));

        var answerModal = await host.ModalAsync(ActionIds.ExpertAnswer, ticket.Id, Expert, SlackHost.NewId("answer"), ExpertsChannel, ephemeral: false);
        using var answered = await host.SubmitAsync(answerModal, Expert, new() { [ExpertInputs.Answer] = "Tacos on Tuesdays." });

        var dm = FakeSlackApi.DirectMessageChannel(asker);
        await Eventually.WaitUntilAsync(() => Api.PostsTo(dm).Any(p => Texts(p).Contains("Tacos on Tuesdays.", StringComparison.Ordinal)),
            "the answer is sent to the asker's direct message");
        Assert.Equal(2, Api.PostsTo(channel).Count); // the thread was tried once, not again and again
        Assert.False(Api.PostsTo(dm).Single(p => Texts(p).Contains("Tacos on Tuesdays.", StringComparison.Ordinal)).Json.TryGetProperty("thread_ts", out _));
    }

    [Fact]
    public async Task An_answer_for_a_thread_that_Slack_refuses_for_a_while_is_not_moved_to_the_direct_message()
    {
        // A refusal that says nothing of the conversation (a rate limit, an outage) is retried where the person asked.
        var (asker, channel, ticket) = await TicketFromAMentionAsync("1700000800.000001");
        Api.AlwaysAnswer(channel, new ScriptedResponse(200, """{"ok":false,"error":"internal_error"}"""));

        var answerModal = await host.ModalAsync(ActionIds.ExpertAnswer, ticket.Id, Expert, SlackHost.NewId("answer"), ExpertsChannel, ephemeral: false);
        using var answered = await host.SubmitAsync(answerModal, Expert, new() { [ExpertInputs.Answer] = "Soup on Mondays." });

        await Eventually.WaitUntilAsync(() => Api.PostsTo(channel).Count >= 2, "the thread is tried");
        await Task.Delay(TimeSpan.FromSeconds(1)); // a move to the DM would follow the refusal at once
        Assert.DoesNotContain(Api.PostsTo(FakeSlackApi.DirectMessageChannel(asker)), p => Texts(p).Contains("Soup on Mondays.", StringComparison.Ordinal));
    }

    /// <summary>
    /// A new person mentions the bot in a new channel with a question it declines (answered in the mention's thread), and
    /// sends it to the experts from there: the ticket, whose answer is to go back to that thread.
    /// </summary>
    private async Task<(string Asker, string Channel, Ticket Ticket)> TicketFromAMentionAsync(string mentionTs)
    {
        var asker = SlackHost.NewId("U");
        var channel = SlackHost.NewId("C");
        using var mention = await host.Client.SendAsync(Signed("/slack/events", Event(SlackHost.NewId("Ev"), new
        {
            type = "app_mention",
            user = asker,
            text = "<@U0BOT> " + Declined,
            ts = mentionTs,
            channel,
        }), JsonType, host.Now));
        await Eventually.WaitUntilAsync(() => Api.PostsTo(channel).Count == 1, "the mention is answered");
        var answer = Api.PostsTo(channel)[0];
        Assert.Equal(mentionTs, answer.Json.GetProperty("thread_ts").GetString());
        var offer = Button(answer.Json, ActionIds.AskExpert)!.Value.GetProperty("value").GetString()!;
        var modal = await host.ModalAsync(ActionIds.AskExpert, offer, asker, SlackHost.NewId("ask"), channel, mentionTs, ephemeral: false);
        using var sent = await host.SubmitAsync(modal, asker);
        return (asker, channel, await WaitForTicketAsync(asker));
    }

    [Fact]
    public async Task A_thumbs_down_offers_ask_an_expert()
    {
        var user = SlackHost.NewId("U");
        var answer = await host.CommandAsync("can I post photos of my class?", user);
        var value = Button(answer, ActionIds.NotHelpful)!.Value.GetProperty("value").GetString()!;
        var responseId = SlackHost.NewId("fb");

        using var response = await host.ClickAsync(ActionIds.NotHelpful, value, user, responseId);

        await Eventually.WaitUntilAsync(() => Api.ResponseUrlPosts(responseId).Count == 1, "the vote is answered");
        var offer = Button(Api.ResponseUrlPosts(responseId)[0].Json, ActionIds.AskExpert);
        Assert.NotNull(offer);
        Assert.Equal("can I post photos of my class?", AnswerRef.Decode(offer.Value.GetProperty("value").GetString())!.Question);
    }

    [Fact]
    public async Task A_delivery_that_fails_is_retried_from_the_store_until_it_reaches_the_asker()
    {
        var asker = SlackHost.NewId("U");
        var (_, _, ticketId) = await OpenTicketAsync(asker);
        Api.Script(FakeSlackApi.DirectMessageChannel(asker),
            new ScriptedResponse(200, """{"ok":false,"error":"fatal_error"}"""),
            new ScriptedResponse(500, """{"ok":false}"""));
        var modal = await host.ModalAsync(ActionIds.ExpertAnswer, ticketId, Expert, SlackHost.NewId("answer"), ExpertsChannel, ephemeral: false);

        using var sent = await host.SubmitAsync(modal, Expert, new() { [ExpertInputs.Answer] = "Fish on Fridays." });

        await Eventually.WaitUntilAsync(() => DirectMessages(asker).Count >= 3, "the third attempt", TimeSpan.FromSeconds(30));
        Ticket? ticket = null;
        await Eventually.WaitUntilAsync(() => (ticket = TicketAsync(ticketId).GetAwaiter().GetResult()) is { Answers: [{ DeliveredAt: not null }] },
            "the answer is marked delivered");
        Assert.Equal(3, DirectMessages(asker).Count);
        Assert.All(DirectMessages(asker), p => Assert.Contains("Fish on Fridays.", Texts(p), StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_view_submission_must_be_signed_and_carry_our_metadata()
    {
        var body = ViewSubmission(ActionIds.SendToExpert, "{}", "U0PERSON");

        using var unsigned = await host.Client.SendAsync(Unsigned("/slack/interactions", body, FormType));
        using var forged = await host.Client.SendAsync(Signed("/slack/interactions", body, FormType, host.Now, secret: "not-the-secret"));
        using var foreign = await host.Client.SendAsync(Signed("/slack/interactions", body, FormType, host.Now));

        Assert.Equal(HttpStatusCode.Unauthorized, unsigned.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, forged.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, foreign.StatusCode);
    }
}
