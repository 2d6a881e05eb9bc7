using System.Net;
using System.Text.Json;
using GuidelineBot.Core.Conversation;
using GuidelineBot.Core.Experts;
using GuidelineBot.Testing;
using Microsoft.Extensions.DependencyInjection;
using static GuidelineBot.IntegrationTests.Slack.SlackExpertsHost;

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

    private static string? ButtonValue(JsonElement message, string actionId) => Button(message, actionId)?.GetProperty("value").GetString();

    private async Task SubmitAsync(JsonElement view, string user, Dictionary<string, string> texts, Dictionary<string, bool>? ticks = null)
    {
        using var response = await host.SubmitAsync(view, user, texts, ticks);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task An_approved_expert_answer_is_what_the_next_asker_of_the_same_question_gets_with_its_citation()
    {
        var asker = SlackHost.NewId("U");
        var declined = await host.CommandAsync(Question, asker);
        var offer = ButtonValue(declined, ActionIds.AskExpert);
        Assert.NotNull(offer); // declined today: the guidelines are silent
        await SubmitAsync(await host.ModalAsync(ActionIds.AskExpert, offer, asker, SlackHost.NewId("click")), asker, new() { [ExpertInputs.Context] = "a parent asked" });
        var store = host.Factory.Services.GetRequiredService<ITicketStore>();
        Ticket? ticket = null;
        await Eventually.WaitUntilAsync(() =>
        {
            ticket = store.ListAsync(DateTimeOffset.UtcNow.AddHours(-1), default).GetAwaiter().GetResult().SingleOrDefault(t => t.Asker.UserId == asker);
            return ticket is { Posts.Count: 1 };
        }, "the ticket is posted");

        var form = await host.ModalAsync(ActionIds.ExpertAnswer, ticket!.Id, Expert, SlackHost.NewId("click"), ExpertsChannel, ephemeral: false);
        await SubmitAsync(form, Expert, new() { [ExpertInputs.Answer] = Answer }, new() { [ExpertInputs.AddToKnowledge] = true });
        await Eventually.WaitUntilAsync(() => Api.PostsTo(FakeSlackApi.DirectMessageChannel(asker)).Count == 1, "the asker gets the answer");
        KnowledgeSuggestion? suggestion = null;
        await Eventually.WaitUntilAsync(() => (suggestion = host.SuggestionsAsync().GetAwaiter().GetResult().SingleOrDefault(s => s.TicketId == ticket.Id)) is not null,
            "the answer is a suggestion");

        // Before an admin approves it, the next asker is still declined.
        Assert.NotNull(ButtonValue(await host.CommandAsync(Question, SlackHost.NewId("U")), ActionIds.AskExpert));

        var approvedAt = DateTimeOffset.UtcNow;
        Assert.True(await host.Factory.Services.GetRequiredService<ISuggestionStore>().DecideAsync(suggestion!.Id, SuggestionStatus.Pending, suggestion.Question, suggestion.Answer,
            SuggestionStatus.Approved, "Ada Admin", approvedAt, default));

        string text = "";
        await Eventually.WaitUntilAsync(() =>
        {
            text = string.Join("\n", BlockKitText.All(host.CommandAsync(Question, SlackHost.NewId("U")).GetAwaiter().GetResult().GetProperty("blocks")));
            return text.Contains(Answer, StringComparison.Ordinal);
        }, "the next asker gets the expert answer", TimeSpan.FromSeconds(15));
        Assert.Contains("Expert answers", text, StringComparison.Ordinal);
        Assert.Contains("owner: " + FakeSlackApi.RealName(Expert), text, StringComparison.Ordinal);
        Assert.Contains("last reviewed " + approvedAt.UtcDateTime.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), text, StringComparison.Ordinal);
        Assert.DoesNotContain("I couldn't find this in the guidelines", text, StringComparison.Ordinal);
    }
}
