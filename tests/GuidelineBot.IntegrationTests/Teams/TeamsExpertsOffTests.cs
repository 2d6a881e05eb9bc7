using GuidelineBot.Core.Conversation;
using GuidelineBot.Core.Experts;
using GuidelineBot.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace GuidelineBot.IntegrationTests.Teams;

/// <summary>Without <c>Experts:TeamsChannel</c> (the shared Teams server): no experts' channel, no offer, the contact named as before.</summary>
[Collection(TeamsCollection.Name)]
public sealed class TeamsExpertsOffTests(TeamsFixture fixture)
{
    private FakeBotFramework Fake => fixture.Fake;

    private TeamsBotFactory Bot => fixture.Bot;

    [Fact]
    public async Task Without_an_experts_channel_a_declined_question_names_the_contact_and_offers_no_expert()
    {
        Assert.Empty(Bot.Services.GetServices<IExpertChannel>());
        Assert.Empty(Bot.Services.GetServices<IExpertAnswerDelivery>());

        await Bot.PostActivityAsync(Activities.Message(Fake.ServiceUrl, "a:experts-off", "what is the cafeteria menu on sunday?"), Fake.CreateToken(Bot.Clock.GetUtcNow()));
        var reply = await Fake.WaitForAsync(r => r.RawTarget.Contains("a%3Aexperts-off", StringComparison.Ordinal) && r.ActivityType == "message", "the no-answer");

        Assert.True(reply.Card.Contains("couldn't find this in the guidelines", StringComparison.Ordinal), reply.Body);
        Assert.Contains("Director of Technology", reply.Card, StringComparison.Ordinal);
        Assert.DoesNotContain(MessageContent.AskExpertTitle, reply.Card, StringComparison.Ordinal);
        Assert.DoesNotContain(CardJson.Submits(reply.Json["attachments"]![0]!["content"]), s => s["data"]?["action"]?.GetValue<string>() == ActionIds.AskExpert);
    }

    [Fact]
    public async Task A_forged_ask_an_expert_click_gets_a_notice_and_opens_nothing()
    {
        var click = Activities.CardSubmit(Fake.ServiceUrl, "a:forged-expert-click", "activity-1",
            new System.Text.Json.Nodes.JsonObject { ["action"] = ActionIds.SendToExpert, ["value"] = "\n\nwhat is the cafeteria menu on sunday?" });
        await Bot.PostActivityAsync(click, Fake.CreateToken(Bot.Clock.GetUtcNow()));

        var reply = await Fake.WaitForAsync(r => r.RawTarget.Contains("a%3Aforged-expert-click", StringComparison.Ordinal) && r.ActivityType == "message", "the notice");
        Assert.Contains("no experts' channel is set up", reply.Json["text"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.DoesNotContain(Fake.ConnectorRequests, FakeBotFramework.IsChannelPost);
    }
}
