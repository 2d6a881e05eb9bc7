using System.Net;
using System.Text.Json;
using GuidelineBot.Core.Conversation;
using GuidelineBot.Testing;
using static GuidelineBot.IntegrationTests.Slack.SlackRequests;

namespace GuidelineBot.IntegrationTests.Slack;

/// <summary>Without <c>Experts:SlackChannel</c> (nor a Teams one), nothing of "Ask an expert" shows on Slack.</summary>
[Collection(SlackCollection.Name)]
public sealed class ExpertsOffTests(SlackHost host)
{
    [Fact]
    public async Task Without_an_experts_channel_a_declined_question_names_the_contact_as_before_and_offers_no_expert()
    {
        using var response = await host.Client.SendAsync(Signed("/slack/commands",
            Command("what is the cafeteria lunch menu on friday", host.Api.ResponseUrl("unused")), FormType, host.Now));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        var texts = BlockKitText.All(body.GetProperty("blocks")).ToList();
        Assert.Contains(texts, t => t.Contains("couldn't find this in the guidelines", StringComparison.Ordinal) && t.Contains("Director of Technology", StringComparison.Ordinal));
        Assert.DoesNotContain(texts, t => t.Contains("Ask an expert", StringComparison.Ordinal) || t.Contains(MessageContent.NoAnswerExpertPrompt, StringComparison.Ordinal));
        Assert.DoesNotContain(BlockKitText.Blocks(body, "actions").SelectMany(b => b.GetProperty("elements").EnumerateArray()),
            b => b.GetProperty("action_id").GetString() == ActionIds.AskExpert);
    }

    [Fact]
    public async Task Without_an_experts_channel_an_old_ask_an_expert_button_says_experts_are_unavailable_and_opens_nothing()
    {
        var responseId = SlackHost.NewId("ask");
        var opened = host.Api.Calls("views.open").Count;

        using var response = await host.Client.SendAsync(Signed("/slack/interactions",
            Interaction(ActionIds.AskExpert, new AnswerRef(null, null, "what is the cafeteria lunch menu on friday").Encode(), host.Api.ResponseUrl(responseId)),
            FormType, host.Now));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await Eventually.WaitUntilAsync(() => host.Api.ResponseUrlPosts(responseId).Count == 1, "the clicker is told");
        Assert.Contains("no experts' channel is set up", string.Join(" ", BlockKitText.All(host.Api.ResponseUrlPosts(responseId)[0].Json.GetProperty("blocks"))),
            StringComparison.Ordinal);
        Assert.Equal(opened, host.Api.Calls("views.open").Count);
    }
}
