using System.Net;
using System.Text.Json;
using GuidelineBot.Core.Conversation;
using GuidelineBot.Core.Experts;
using Microsoft.Extensions.DependencyInjection;
using static GuidelineBot.IntegrationTests.Slack.SlackExpertsHost;
using static GuidelineBot.IntegrationTests.Slack.SlackRequests;

namespace GuidelineBot.IntegrationTests.Slack;

/// <summary>
/// The whole loop on Slack, from outside: a declined question goes to the experts, an expert answers it with "Add to
/// knowledge", an admin approves it, and the next person asking the same question gets the expert's answer from the
/// guidelines, cited as "Expert answers" with the expert as owner. A server of its own: the approval changes its knowledge.
/// </summary>
public sealed class ExpertKnowledgeLoopTests(SlackExpertsHost host) : IClassFixture<SlackExpertsHost>
{
    private const string Question = "who decides what the cafeteria serves for lunch on fridays";
    private const string Answer = "The catering committee sets the lunch menu each term; send menu ideas to the school office.";

    private FakeSlackApi Api => host.Api;

    private async Task<JsonElement> CommandAsync(string question, string user)
    {
        using var response = await host.Client.SendAsync(Signed("/slack/commands", Command(question, Api.ResponseUrl(SlackHost.NewId("cmd")), user), FormType, host.Now));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
    }

    private static string? ButtonValue(JsonElement message, string actionId) =>
        BlockKitText.Blocks(message, "actions").SelectMany(b => b.GetProperty("elements").EnumerateArray())
            .Where(e => e.GetProperty("action_id").GetString() == actionId).Select(e => e.GetProperty("value").GetString()).FirstOrDefault();

    private async Task<JsonElement> ModalAsync(string actionId, string value, string user, string channel, bool ephemeral)
    {
        var before = Api.Calls("views.open").Count;
        using var response = await host.Client.SendAsync(Signed("/slack/interactions",
            Interaction(actionId, value, Api.ResponseUrl(SlackHost.NewId("click")), user, ephemeral, channel), FormType, host.Now));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(before + 1, Api.Calls("views.open").Count);
        return Api.Calls("views.open")[^1].Json.GetProperty("view");
    }

    private async Task SubmitAsync(JsonElement view, string user, Dictionary<string, string> texts, Dictionary<string, bool>? ticks = null)
    {
        using var response = await host.Client.SendAsync(Signed("/slack/interactions",
            ViewSubmission(view.GetProperty("callback_id").GetString()!, view.GetProperty("private_metadata").GetString()!, user, texts, ticks), FormType, host.Now));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task An_approved_expert_answer_is_what_the_next_asker_of_the_same_question_gets_with_its_citation()
    {
        var asker = SlackHost.NewId("U");
        var declined = await CommandAsync(Question, asker);
        var offer = ButtonValue(declined, ActionIds.AskExpert);
        Assert.NotNull(offer); // declined today: the guidelines are silent
        await SubmitAsync(await ModalAsync(ActionIds.AskExpert, offer, asker, "C0GENERAL", ephemeral: true), asker, new() { [ExpertInputs.Context] = "a parent asked" });
        var store = host.Factory.Services.GetRequiredService<ITicketStore>();
        Ticket? ticket = null;
        await Eventually.WaitUntilAsync(() =>
        {
            ticket = store.ListAsync(DateTimeOffset.UtcNow.AddHours(-1), default).GetAwaiter().GetResult().SingleOrDefault(t => t.Asker.UserId == asker);
            return ticket is { Posts.Count: 1 };
        }, "the ticket is posted");

        var form = await ModalAsync(ActionIds.ExpertAnswer, ticket!.Id, Expert, ExpertsChannel, ephemeral: false);
        await SubmitAsync(form, Expert, new() { [ExpertInputs.Answer] = Answer }, new() { [ExpertInputs.AddToKnowledge] = true });
        await Eventually.WaitUntilAsync(() => Api.PostsTo(FakeSlackApi.DirectMessageChannel(asker)).Count == 1, "the asker gets the answer");
        KnowledgeSuggestion? suggestion = null;
        await Eventually.WaitUntilAsync(() => (suggestion = host.SuggestionsAsync().GetAwaiter().GetResult().SingleOrDefault(s => s.TicketId == ticket.Id)) is not null,
            "the answer is a suggestion");

        // Before an admin approves it, the next asker is still declined.
        Assert.NotNull(ButtonValue(await CommandAsync(Question, SlackHost.NewId("U")), ActionIds.AskExpert));

        var approvedAt = DateTimeOffset.UtcNow;
        Assert.True(await host.Factory.Services.GetRequiredService<ISuggestionStore>().DecideAsync(suggestion!.Id, suggestion.Question, suggestion.Answer,
            SuggestionStatus.Approved, "Ada Admin", approvedAt, default));

        string text = "";
        await Eventually.WaitUntilAsync(() =>
        {
            text = string.Join("\n", BlockKitText.All(CommandAsync(Question, SlackHost.NewId("U")).GetAwaiter().GetResult().GetProperty("blocks")));
            return text.Contains(Answer, StringComparison.Ordinal);
        }, "the next asker gets the expert answer", TimeSpan.FromSeconds(15));
        Assert.Contains("Expert answers", text, StringComparison.Ordinal);
        Assert.Contains("owner: " + FakeSlackApi.RealName(Expert), text, StringComparison.Ordinal);
        Assert.Contains("last reviewed " + approvedAt.UtcDateTime.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), text, StringComparison.Ordinal);
        Assert.DoesNotContain("I couldn't find this in the guidelines", text, StringComparison.Ordinal);
    }
}
