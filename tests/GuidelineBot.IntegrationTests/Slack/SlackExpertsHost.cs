using System.Net;
using System.Text.Json;
using GuidelineBot.Core.Experts;
using Microsoft.Extensions.DependencyInjection;
using static GuidelineBot.IntegrationTests.Slack.SlackRequests;

namespace GuidelineBot.IntegrationTests.Slack;

/// <summary>
/// The real server (SQLite store, expert service and outbox worker) with Slack on and <c>Experts:SlackChannel</c> set,
/// against a fake Slack where <see cref="Experts"/> are the members of the experts' channel. Failed posts are retried
/// after a second.
/// </summary>
public sealed class SlackExpertsHost : IAsyncLifetime
{
    public const string ExpertsChannel = "C0EXPERTS";
    public const string Expert = "U0EXPERT1";
    public const string OtherExpert = "U0EXPERT2";

    /// <summary>Members of the experts' channel: more than one page of <c>conversations.members</c>.</summary>
    public static readonly string[] Experts = ["U0LURKER1", "U0LURKER2", OtherExpert, Expert];

    public FakeSlackApi Api { get; private set; } = null!;

    public SlackBotFactory Factory { get; private set; } = null!;

    public HttpClient Client { get; private set; } = null!;

    public DateTimeOffset Now => DateTimeOffset.UtcNow;

    public async Task InitializeAsync()
    {
        Api = await FakeSlackApi.StartAsync();
        Api.SetMembers(ExpertsChannel, Experts);
        Factory = new SlackBotFactory(Api, settings: new Dictionary<string, string?>
        {
            ["Experts:SlackChannel"] = ExpertsChannel,
            ["Experts:PollSeconds"] = "1",
            ["Experts:RetrySeconds"] = "1",
        });
        Client = Factory.CreateClient();
    }

    public async Task DisposeAsync()
    {
        Client.Dispose();
        await Factory.DisposeAsync();
        await Api.DisposeAsync();
    }

    /// <summary>Asks with the signed slash command; the immediate reply.</summary>
    public async Task<JsonElement> CommandAsync(string question, string user)
    {
        using var response = await Client.SendAsync(Signed("/slack/commands", Command(question, Api.ResponseUrl(SlackHost.NewId("cmd")), user), FormType, Now));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
    }

    /// <summary>The button of the message with this action id, if any.</summary>
    public static JsonElement? Button(JsonElement message, string actionId) =>
        BlockKitText.Blocks(message, "actions").SelectMany(b => b.GetProperty("elements").EnumerateArray())
            .Cast<JsonElement?>().FirstOrDefault(e => e!.Value.GetProperty("action_id").GetString() == actionId);

    /// <summary>Clicks a button, signed.</summary>
    public async Task<HttpResponseMessage> ClickAsync(string actionId, string value, string user, string responseId, string channel = "C0GENERAL",
        string? threadTs = null, bool ephemeral = true, string triggerId = "123.456.abc") =>
        await Client.SendAsync(Signed("/slack/interactions",
            Interaction(actionId, value, Api.ResponseUrl(responseId), user, ephemeral, channel, threadTs, triggerId), FormType, Now));

    /// <summary>Clicks, and returns the view the click opened with <c>views.open</c>.</summary>
    public async Task<JsonElement> ModalAsync(string actionId, string value, string user, string responseId, string channel = "C0GENERAL",
        string? threadTs = null, bool ephemeral = true)
    {
        var before = Api.Calls("views.open").Count;
        using var response = await ClickAsync(actionId, value, user, responseId, channel, threadTs, ephemeral);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var opened = Api.Calls("views.open");
        Assert.Equal(before + 1, opened.Count);
        Assert.Equal("123.456.abc", opened[^1].Json.GetProperty("trigger_id").GetString());
        return opened[^1].Json.GetProperty("view");
    }

    /// <summary>Submits an opened modal, signed, with the given field values.</summary>
    public async Task<HttpResponseMessage> SubmitAsync(JsonElement view, string user, Dictionary<string, string>? texts = null, Dictionary<string, bool>? ticks = null) =>
        await Client.SendAsync(Signed("/slack/interactions",
            ViewSubmission(view.GetProperty("callback_id").GetString()!, view.GetProperty("private_metadata").GetString()!, user, texts, ticks), FormType, Now));

    public Task<IReadOnlyList<KnowledgeSuggestion>> SuggestionsAsync() =>
        Factory.Services.GetRequiredService<ISuggestionStore>().ListAsync(null, default);
}
