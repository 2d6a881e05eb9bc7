using System.Net;
using System.Text.Json.Nodes;
using GuidelineBot.Core.Conversation;
using GuidelineBot.Core.Experts;
using GuidelineBot.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace GuidelineBot.IntegrationTests.Teams;

/// <summary>
/// Drives "Ask an expert" in Teams the way people do, through /api/messages with signed tokens, and reads what the bot
/// sent through the fake Bot Connector: the asker's declined question, offer, form and confirmation; clicks and replies
/// in the experts' channel.
/// </summary>
public sealed class TeamsExpertsDriver(FakeBotFramework fake)
{
    public const string Channel = TeamsExpertsFixture.Channel;

    private FakeBotFramework Fake => fake;

    /// <summary>The asker asks a declined question, presses Ask an expert, sends it: returns the experts' channel post and its card.</summary>
    public async Task<(RecordedRequest Post, JsonNode Card)> OpenTicketAsync(TeamsBotFactory bot, string conversation, string question, string? context,
        bool channel = false, TeamsBotFactory? clicksOn = null)
    {
        var asked = channel ? Activities.ChannelMention(Fake.ServiceUrl, conversation, question) : Activities.Message(Fake.ServiceUrl, conversation, question);
        await PostAsync(bot, asked);
        var noAnswer = await Fake.WaitForAsync(r => IsSendTo(r, conversation, reply: true) && r.Card.Contains(MessageContent.AskExpertTitle, StringComparison.Ordinal), "the offer");
        Assert.Contains("Director of Technology", noAnswer.Card, StringComparison.Ordinal);

        var clicker = clicksOn ?? bot;
        await PostAsync(clicker, Submit(conversation, noAnswer.ResponseId!, CardJson.SubmitValue(CardJson.SubmitTitled(CardOf(noAnswer), MessageContent.AskExpertLabel)), channel));
        var form = await Fake.WaitForAsync(r => IsSendTo(r, conversation, reply: true) && r.Card.Contains("Input.Text", StringComparison.Ordinal), "the form");
        var field = Assert.Single(CardJson.OfType(CardOf(form), "Input.Text"));
        Assert.Equal(ExpertInputs.Context, field["id"]!.GetValue<string>());

        var fields = context is null ? null : new Dictionary<string, string> { [ExpertInputs.Context] = context };
        await PostAsync(clicker, Submit(conversation, form.ResponseId!, CardJson.SubmitValue(CardJson.SubmitTitled(CardOf(form), MessageContent.SendToExpertsLabel), fields), channel));
        var confirmed = await Fake.WaitForAsync(r => r.Method == "PUT" && In(r, conversation) && r.RawTarget.EndsWith("/activities/" + form.ResponseId, StringComparison.Ordinal), "the form confirmed");
        Assert.Contains("Sent to the experts", confirmed.Card, StringComparison.Ordinal);

        var post = await Fake.WaitForAsync(r => FakeBotFramework.IsChannelPost(r) && r.Body.Contains(question.TrimEnd('?'), StringComparison.Ordinal), "the ticket post");

        await WaitUntilKeptAsync(bot, post.ResponseId!);
        return (post, post.Json["activity"]!["attachments"]![0]!["content"]!);
    }

    /// <summary>
    /// The outbox keeps where it posted once the connector has answered: from then on replies in the thread find the
    /// ticket. Returns the ticket.
    /// </summary>
    public static async Task<Ticket> WaitUntilKeptAsync(TeamsBotFactory bot, string rootMessageId)
    {
        var tickets = bot.Services.GetRequiredService<ITicketStore>();
        for (var i = 0; i < 800; i++)
        {
            if (await tickets.FindByPostAsync(Channels.Teams, Channel, rootMessageId, CancellationToken.None) is { } ticket)
            {
                return ticket;
            }

            await Task.Delay(25);
        }

        throw new Xunit.Sdk.XunitException($"No ticket was kept with the post {rootMessageId} within 20 s.");
    }

    private JsonObject Submit(string conversation, string replyToId, JsonObject value, bool channel)
    {
        var submit = Activities.CardSubmit(Fake.ServiceUrl, conversation, replyToId, value);
        submit["id"] = "1700000000" + Random.Shared.Next(100_000, 999_999);
        if (channel)
        {
            submit["conversation"]!["conversationType"] = "channel";
        }

        return submit;
    }

    /// <summary>
    /// A click on the ticket card in its thread of the experts' channel, by <paramref name="who"/>: each its own activity id,
    /// as Teams gives (a repeated id is a redelivery, answered once).
    /// </summary>
    public JsonObject ExpertSubmit(string root, JsonObject value, ChannelMember who)
    {
        var submit = Activities.CardSubmit(Fake.ServiceUrl, Thread(root), root, value.DeepClone().AsObject());
        submit["id"] = "submit-" + Guid.NewGuid().ToString("N"); // unique across the tests that share a store
        submit["conversation"]!["conversationType"] = "channel";
        return As(submit, who);
    }

    public static JsonObject As(JsonObject activity, ChannelMember who)
    {
        activity["from"] = new JsonObject { ["id"] = who.Id, ["name"] = who.Name, ["aadObjectId"] = who.AadObjectId };
        return activity;
    }

    public async Task PostAsync(TeamsBotFactory bot, JsonObject activity)
    {
        var response = await bot.PostActivityAsync(activity, Fake.CreateToken(bot.Clock.GetUtcNow()));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    public static string Thread(string root) => Channel + ";messageid=" + root;

    public static bool In(RecordedRequest r, string conversation) =>
        r.RawTarget.Contains("/v3/conversations/" + Uri.EscapeDataString(conversation) + "/", StringComparison.Ordinal);

    /// <summary>A message posted into the conversation (a reply when <paramref name="reply"/>, else any post there).</summary>
    public static bool IsSendTo(RecordedRequest r, string conversation, bool reply = false) =>
        r.Method == "POST" && In(r, conversation) && r.ActivityType == "message" && (!reply || !r.RawTarget.EndsWith("/activities", StringComparison.Ordinal));

    public static bool IsUpdateOf(RecordedRequest r, string root) =>
        r.Method == "PUT" && In(r, Thread(root)) && r.RawTarget.EndsWith("/activities/" + root, StringComparison.Ordinal);

    public static string TextOf(RecordedRequest r) => r.ActivityType == "message" ? r.Json["text"]?.GetValue<string>() ?? "" : "";

    public static JsonNode CardOf(RecordedRequest r) => r.Json["attachments"]![0]!["content"]!;
}
