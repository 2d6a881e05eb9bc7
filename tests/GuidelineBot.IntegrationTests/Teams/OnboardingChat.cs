using System.Net;
using System.Text.Json.Nodes;

namespace GuidelineBot.IntegrationTests.Teams;

/// <summary>
/// One person in one Teams conversation, driving onboarding through /api/messages: each step is a new activity, and its
/// replies are the connector calls answering that activity (in the order they were sent).
/// </summary>
/// <param name="from">Who types (default: Activities.Message's Dana Teacher).</param>
public sealed class OnboardingChat(FakeBotFramework fake, string conversationId, string conversationType = "personal",
    (string Id, string AadObjectId, string Name)? from = null)
{
    private int _step;

    public string ConversationId => conversationId;

    /// <summary>Every message sent so far in reply to the step with this number (1 = the first step).</summary>
    public IReadOnlyList<RecordedRequest> RepliesToStep(int step) =>
        fake.ConnectorRequests.Where(r => r.Method == "POST" && r.ActivityType == "message" &&
                                          r.RawTarget.Contains($"/activities/step-{step}-", StringComparison.Ordinal)).ToList();

    /// <summary>Types <paramref name="text"/> (in a channel with the bot's @mention) and waits for <paramref name="replies"/> messages.</summary>
    public Task<IReadOnlyList<RecordedRequest>> SayAsync(TeamsBotFactory bot, string text, int replies)
    {
        var id = NextId();
        var activity = conversationType == "channel"
            ? Activities.ChannelMention(fake.ServiceUrl, conversationId, text)
            : Activities.Message(fake.ServiceUrl, conversationId, text, conversationType);
        activity["id"] = id;
        return PostAsync(bot, activity, id, replies);
    }

    /// <summary>Submits an onboarding card button (its <c>data</c>, as Teams sends it) and waits for <paramref name="replies"/> messages.</summary>
    public Task<IReadOnlyList<RecordedRequest>> ClickAsync(TeamsBotFactory bot, OnboardingCardButton button, int replies)
    {
        var id = NextId();
        var activity = Activities.CardSubmit(fake.ServiceUrl, conversationId, "activity-card", button.Data.DeepClone().AsObject());
        activity["id"] = id;
        return PostAsync(bot, activity, id, replies);
    }

    private string NextId() => $"step-{Interlocked.Increment(ref _step)}-{Guid.NewGuid():N}";

    private async Task<IReadOnlyList<RecordedRequest>> PostAsync(TeamsBotFactory bot, JsonObject activity, string id, int replies)
    {
        if (from is { } person)
        {
            activity["from"] = new JsonObject { ["id"] = person.Id, ["aadObjectId"] = person.AadObjectId, ["name"] = person.Name };
        }

        var response = await bot.PostActivityAsync(activity, fake.CreateToken(bot.Clock.GetUtcNow()));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await fake.WaitForMessagesAsync(r => r.RawTarget.EndsWith("/activities/" + Uri.EscapeDataString(id), StringComparison.Ordinal), replies, $"the replies to step {id}");
    }
}

/// <summary>An Action.Submit of an onboarding card: its title and the <c>data</c> Teams sends back as the activity's <c>value</c>.</summary>
public sealed record OnboardingCardButton(string Title, JsonObject Data)
{
    public string Value => Data["value"]!.GetValue<string>();
}

public static class OnboardingCards
{
    /// <summary>The onboarding buttons (<c>data.action == "onboarding"</c>) anywhere on the message's card, in order.</summary>
    public static IReadOnlyList<OnboardingCardButton> Buttons(this RecordedRequest message)
    {
        var card = message.Json["attachments"]?[0]?["content"];
        var found = new List<OnboardingCardButton>();
        Walk(card, found);
        return found;
    }

    public static OnboardingCardButton Button(this RecordedRequest message, string title) =>
        message.Buttons().SingleOrDefault(b => b.Title == title)
        ?? throw new Xunit.Sdk.XunitException($"No button '{title}' on the card; buttons: {string.Join(", ", message.Buttons().Select(b => b.Title))}\n{message.Card}");

    /// <summary>The message's words as plain text: its text, or for a card (sent without text) the card's fallback text.</summary>
    public static string Text(this RecordedRequest message) =>
        (message.Json["text"] ?? message.Json["attachments"]?[0]?["content"]?["fallbackText"])?.GetValue<string>() ?? "";

    private static void Walk(JsonNode? node, List<OnboardingCardButton> found)
    {
        switch (node)
        {
            case JsonObject o:
                if (o["type"]?.GetValue<string>() == "Action.Submit" && o["data"] is JsonObject data && data["action"]?.GetValue<string>() == "onboarding")
                {
                    found.Add(new OnboardingCardButton(o["title"]!.GetValue<string>(), data));
                }

                foreach (var (_, child) in o)
                {
                    Walk(child, found);
                }

                break;
            case JsonArray a:
                foreach (var child in a)
                {
                    Walk(child, found);
                }

                break;
        }
    }
}
