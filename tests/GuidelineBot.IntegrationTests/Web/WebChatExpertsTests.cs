using System.Net;
using System.Text.Json;
using GuidelineBot.Core.Conversation;
using GuidelineBot.Core.Experts;
using GuidelineBot.Testing;
using Microsoft.Extensions.DependencyInjection;
using static GuidelineBot.IntegrationTests.Web.WebChatConversationTests;

namespace GuidelineBot.IntegrationTests.Web;

/// <summary>
/// "Ask an expert" in the web chat's JSON over real HTTP, with a recording experts' channel: the offer on a declined
/// question, the form, the ticket (once per person and question) posted to the experts, an expert's answer (members
/// only) waiting in the store, and <c>POST /chat/opened</c> returning it once, to the asker only.
/// </summary>
public sealed class WebChatExpertsTests : IAsyncLifetime
{
    private const string OffTopic = "what is the weather tomorrow in Paris?";
    private const string Expert = "U-dana";

    private readonly RecordingExpertChannel _experts = new(Channels.Slack, Expert);
    private WebBotFactory _bot = null!;
    private ChatClient _chat = null!;

    public async Task InitializeAsync()
    {
        _bot = new WebBotFactory(settings: new Dictionary<string, string?> { ["Search:Reranker"] = "None", ["Web:MessagesPerMinute"] = "1000" },
            services: s => s.AddSingleton<IExpertChannel>(_experts));
        _chat = new ChatClient(_bot.Start());
        await _chat.LoadPageAsync();
    }

    public async Task DisposeAsync()
    {
        _chat.Dispose();
        await _bot.DisposeAsync();
    }

    private async Task<ConversationResponse> AsExpertAsync(string userId, string name, ConversationInbound inbound)
    {
        using var scope = _bot.Services.CreateScope();
        var context = new ConversationContext(Channels.Slack, userId, RecordingExpertChannel.ConversationId, IsDirect: false, name);
        return await scope.ServiceProvider.GetRequiredService<ConversationService>().HandleAsync(context, inbound, CancellationToken.None);
    }

    private static (string Label, string Kind, string Value) Button(JsonElement message, string kind) =>
        Assert.Single(Buttons(message.GetProperty("blocks").EnumerateArray()), b => b.Kind == kind);

    private static string AllText(JsonElement message) => string.Concat(message.GetProperty("blocks").EnumerateArray().Select(b =>
        Text(b) + (b.TryGetProperty("items", out var items) ? string.Concat(items.EnumerateArray().SelectMany(i => i.EnumerateArray()).Select(s => s.GetProperty("text").GetString())) : "")));

    [Fact]
    public async Task A_declined_question_goes_to_the_experts_once_and_their_answer_waits_for_the_next_opening()
    {
        var declined = Assert.Single(Messages(await Ok(_chat.PostMessageAsync(OffTopic))));
        Assert.Equal("noAnswer", declined.GetProperty("kind").GetString());
        var ask = Button(declined, "askExpert");
        Assert.Equal(MessageContent.AskExpertLabel, ask.Label);

        var form = Assert.Single(Messages(await Ok(_chat.PostActionAsync("askExpert", ask.Value))));
        Assert.Equal("form", form.GetProperty("kind").GetString());
        var field = Assert.Single(form.GetProperty("blocks").EnumerateArray(), b => Type(b) == "input");
        Assert.Equal((ExpertInputs.Context, ExpertInputs.MaxContextLength), (field.GetProperty("id").GetString(), field.GetProperty("maxLength").GetInt32()));
        var send = Button(form, "sendToExpert");

        var inputs = new Dictionary<string, string> { [ExpertInputs.Context] = "It's for our class trip." };
        var opened = Assert.Single(Messages(await Ok(_chat.PostActionAsync(send.Kind, send.Value, inputs: inputs))));
        var again = Assert.Single(Messages(await Ok(_chat.PostActionAsync(send.Kind, send.Value, inputs: inputs))));

        Assert.Equal("ticketOpened", opened.GetProperty("kind").GetString());
        Assert.Contains("Sent to the experts", AllText(opened), StringComparison.Ordinal);
        Assert.Contains("already asked", AllText(again), StringComparison.Ordinal);
        var ticket = Assert.Single(await _bot.Services.GetRequiredService<ITicketStore>().ListUnansweredAsync(CancellationToken.None));
        Assert.Equal((OffTopic, "It's for our class trip.", Channels.Web), (ticket.Question, ticket.Context, ticket.Asker.Channel));
        await Eventually.WaitUntilAsync(() => _experts.Posts.Any(p => p.Ticket.Id == ticket.Id), "the ticket is posted to the experts");
        Assert.Single(_experts.Posts, p => p.Ticket.Id == ticket.Id && !p.Reminder);

        // Someone outside the experts' channel cannot answer; a member can.
        var refused = await AsExpertAsync("U-mallory", "Mallory", new ExpertAnswerInbound(ticket.Id, "Stay home.", AddToKnowledge: false));
        Assert.Equal(NoticeKind.NotAnExpert, Assert.IsType<NoticeMessage>(Assert.Single(refused.Messages)).Kind);
        Assert.Empty(Messages(await Ok(_chat.PostOpenedAsync())));
        var sent = await AsExpertAsync(Expert, "Dana Expert", new ExpertAnswerInbound(ticket.Id, "Pack a raincoat: rain is forecast.", AddToKnowledge: false));
        Assert.Equal(NoticeKind.ExpertAnswerSent, Assert.IsType<NoticeMessage>(Assert.Single(sent.Messages)).Kind);

        using var someoneElse = new ChatClient(_chat.BaseUrl);
        await someoneElse.LoadPageAsync();
        Assert.Empty(Messages(await Ok(someoneElse.PostOpenedAsync())));
        var delivered = Assert.Single(Messages(await Ok(_chat.PostOpenedAsync())));
        Assert.Equal("expertAnswer", delivered.GetProperty("kind").GetString());
        Assert.Contains("Pack a raincoat: rain is forecast.", AllText(delivered), StringComparison.Ordinal);
        Assert.Contains("Dana Expert", AllText(delivered), StringComparison.Ordinal);
        Assert.Empty(Messages(await Ok(_chat.PostOpenedAsync())));
    }

    [Fact]
    public async Task An_expert_answer_approved_for_the_knowledge_is_what_the_next_asker_gets_with_its_citation()
    {
        const string answerText = "Check the national weather service; the school posts closures on its website.";
        var declined = Assert.Single(Messages(await Ok(_chat.PostMessageAsync(OffTopic))));
        var form = Assert.Single(Messages(await Ok(_chat.PostActionAsync("askExpert", Button(declined, "askExpert").Value))));
        var send = Button(form, "sendToExpert");
        Assert.Single(Messages(await Ok(_chat.PostActionAsync(send.Kind, send.Value, inputs: new Dictionary<string, string>()))));
        var ticket = Assert.Single(await _bot.Services.GetRequiredService<ITicketStore>().ListUnansweredAsync(CancellationToken.None));
        await AsExpertAsync(Expert, "Dana Expert", new ExpertAnswerInbound(ticket.Id, answerText, AddToKnowledge: true));
        var suggestions = _bot.Services.GetRequiredService<ISuggestionStore>();
        var suggestion = Assert.Single(await suggestions.ListAsync(SuggestionStatus.Pending, CancellationToken.None));
        Assert.Equal("noAnswer", Assert.Single(Messages(await Ok(_chat.PostMessageAsync(OffTopic)))).GetProperty("kind").GetString()); // not before approval

        var approvedAt = DateTimeOffset.UtcNow;
        Assert.True(await suggestions.DecideAsync(suggestion.Id, SuggestionStatus.Pending, suggestion.Question, suggestion.Answer, SuggestionStatus.Approved, "Ann Admin", approvedAt,
            CancellationToken.None));

        JsonElement answer = default;
        using var nextAsker = new ChatClient(_chat.BaseUrl);
        await nextAsker.LoadPageAsync();
        await Eventually.WaitUntilAsync(() =>
        {
            answer = Assert.Single(Messages(Ok(nextAsker.PostMessageAsync(OffTopic)).GetAwaiter().GetResult()));
            return answer.GetProperty("kind").GetString() == "answer";
        }, "the approved answer is served", TimeSpan.FromSeconds(15));
        var text = AllText(answer);
        var passages = answer.GetProperty("blocks").EnumerateArray().Where(b => Type(b) == "guidelineText")
            .SelectMany(b => b.GetProperty("passages").EnumerateArray()).Select(p => p.GetString());
        Assert.Equal(answerText, Assert.Single(passages));
        Assert.Contains("Expert answers", text, StringComparison.Ordinal);
        Assert.Contains("owner: Dana Expert", text, StringComparison.Ordinal);
        Assert.Contains("last reviewed " + approvedAt.UtcDateTime.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_thumbs_down_offers_the_experts_too_and_the_form_sends_the_answered_question()
    {
        const string question = "can I friend parents?";
        var answer = Assert.Single(Messages(await Ok(_chat.PostMessageAsync(question))));
        Assert.Equal("answer", answer.GetProperty("kind").GetString());

        var thanks = Assert.Single(Messages(await Ok(_chat.PostActionAsync("notHelpful", Button(answer, "notHelpful").Value))));
        Assert.Equal("feedbackThanks", thanks.GetProperty("kind").GetString());
        var form = Assert.Single(Messages(await Ok(_chat.PostActionAsync("askExpert", Button(thanks, "askExpert").Value))));
        var send = Button(form, "sendToExpert");
        Assert.Single(Messages(await Ok(_chat.PostActionAsync(send.Kind, send.Value, inputs: new Dictionary<string, string>()))));

        var ticket = Assert.Single(await _bot.Services.GetRequiredService<ITicketStore>().ListUnansweredAsync(CancellationToken.None));
        Assert.Equal(question, ticket.Question);
        Assert.Null(ticket.Context);
        Assert.False(string.IsNullOrEmpty(ticket.GuessSectionId));
    }

    [Fact]
    public async Task Opening_needs_the_antiforgery_token_and_odd_form_fields_are_a_400()
    {
        using var withoutToken = await _chat.PostOpenedAsync(withToken: false);
        var send = (Kind: "sendToExpert", Value: new AnswerRef(null, null, OffTopic).Encode());
        using var tooMany = await _chat.PostActionAsync(send.Kind, send.Value, inputs: Enumerable.Range(0, 20).ToDictionary(i => "f" + i, i => "x"));
        using var tooLong = await _chat.PostActionAsync(send.Kind, send.Value, inputs: new Dictionary<string, string> { [ExpertInputs.Context] = new string('x', 5000) });
        using var nullValue = await _chat.PostJsonAsync("/chat/actions", JsonSerializer.Serialize(new { kind = send.Kind, value = send.Value, inputs = new { context = (string?)null } }));
        using var notAnObject = await _chat.PostJsonAsync("/chat/actions", JsonSerializer.Serialize(new { kind = send.Kind, value = send.Value, inputs = new[] { "context" } }));
        using var expertsOwnButton = await _chat.PostActionAsync("submitExpertAnswer", "ticket-1", inputs: new Dictionary<string, string> { [ExpertInputs.Answer] = "x" });

        Assert.Equal(HttpStatusCode.BadRequest, withoutToken.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, tooMany.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, tooLong.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, nullValue.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, notAnObject.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, expertsOwnButton.StatusCode);
        Assert.Empty(await _bot.Services.GetRequiredService<ITicketStore>().ListUnansweredAsync(CancellationToken.None));
        Assert.DoesNotContain(_bot.Logs.Entries, e => e.Level >= Microsoft.Extensions.Logging.LogLevel.Error);
    }
}

/// <summary>Without an experts' channel the web chat offers no "Ask an expert" and opening it shows nothing.</summary>
public sealed class WebChatWithoutExpertsTests
{
    [Fact]
    public async Task A_declined_question_names_the_contact_only()
    {
        await using var bot = new WebBotFactory(settings: new Dictionary<string, string?> { ["Search:Reranker"] = "None" });
        using var chat = new ChatClient(bot.Start());
        await chat.LoadPageAsync();

        var declined = Assert.Single(Messages(await Ok(chat.PostMessageAsync("what is the weather tomorrow in Paris?"))));

        Assert.Equal("noAnswer", declined.GetProperty("kind").GetString());
        Assert.DoesNotContain(Buttons(declined.GetProperty("blocks").EnumerateArray()), b => b.Kind == "askExpert");
        Assert.Empty(Messages(await Ok(chat.PostOpenedAsync())));
    }
}
