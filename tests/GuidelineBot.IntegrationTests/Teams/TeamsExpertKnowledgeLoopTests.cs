using System.Globalization;
using GuidelineBot.Core.Conversation;
using GuidelineBot.Core.Experts;
using GuidelineBot.Testing;
using Microsoft.Extensions.DependencyInjection;
using static GuidelineBot.IntegrationTests.Teams.TeamsExpertsDriver;

namespace GuidelineBot.IntegrationTests.Teams;

/// <summary>
/// The whole loop in Teams, from outside: a declined question goes to the experts, an expert answers it on the ticket
/// card with "Add to knowledge", an admin approves it, and the next person asking gets the expert's answer cited as
/// "Expert answers" with the expert as owner. A server of its own: the approval changes its knowledge.
/// </summary>
public sealed class TeamsExpertKnowledgeLoopTests(TeamsExpertsFixture fixture) : IClassFixture<TeamsExpertsFixture>
{
    private const string Question = "who decides what the cafeteria serves on thursdays?";
    private const string Answer = "The catering committee sets the menu each term; send ideas to the school office.";

    private FakeBotFramework Fake => fixture.Fake;

    private TeamsBotFactory Bot => fixture.Bot;

    [Fact]
    public async Task An_approved_expert_answer_is_what_the_next_asker_of_the_same_question_gets_with_its_citation()
    {
        var driver = new TeamsExpertsDriver(Fake);
        var (post, ticketCard) = await driver.OpenTicketAsync(Bot, "a:loop-asker", Question, "a parent asked");
        var submit = CardJson.SubmitValue(CardJson.SubmitTitled(ticketCard, MessageContent.SubmitAnswerLabel),
            new Dictionary<string, string> { [ExpertInputs.Answer] = Answer, [ExpertInputs.AddToKnowledge] = "true" });
        await driver.PostAsync(Bot, driver.ExpertSubmit(post.ResponseId!, submit, TeamsExpertsFixture.Expert));
        await Fake.WaitForAsync(r => IsSendTo(r, "a:loop-asker") && r.Card.Contains(Answer, StringComparison.Ordinal), "the answer delivered to the asker");

        var suggestions = Bot.Services.GetRequiredService<ISuggestionStore>();
        KnowledgeSuggestion? suggestion = null;
        for (var i = 0; i < 400 && suggestion is null; i++)
        {
            suggestion = (await suggestions.ListAsync(SuggestionStatus.Pending, CancellationToken.None)).SingleOrDefault(s => s.Answer == Answer);
            await Task.Delay(suggestion is null ? 25 : 0);
        }

        Assert.NotNull(suggestion);
        var approvedAt = DateTimeOffset.UtcNow;
        Assert.True(await suggestions.DecideAsync(suggestion.Id, SuggestionStatus.Pending, suggestion.Question, suggestion.Answer, SuggestionStatus.Approved, "Ann Admin", approvedAt,
            CancellationToken.None));

        // The next asker, in a chat of their own: asked until the replica has reloaded (it polls the store every few seconds).
        RecordedRequest? answered = null;
        for (var attempt = 0; attempt < 15 && answered is null; attempt++)
        {
            var conversation = "a:loop-next-" + attempt.ToString(CultureInfo.InvariantCulture);
            await driver.PostAsync(Bot, Activities.Message(Fake.ServiceUrl, conversation, Question));
            var reply = await Fake.WaitForAsync(r => IsSendTo(r, conversation, reply: true), "the reply to the next asker");
            answered = reply.Card.Contains(Answer, StringComparison.Ordinal) ? reply : null;
            await Task.Delay(answered is null ? 1000 : 0);
        }

        Assert.NotNull(answered);
        Assert.Contains("Expert answers", answered.Card, StringComparison.Ordinal);
        Assert.Contains("owner: Sam Expert", answered.Card, StringComparison.Ordinal);
        Assert.Contains("last reviewed " + approvedAt.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), answered.Card, StringComparison.Ordinal);
        Assert.DoesNotContain(MessageContent.AskExpertTitle, answered.Card, StringComparison.Ordinal);
    }
}
