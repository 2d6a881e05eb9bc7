using System.Net;
using GuidelineBot.Core.Conversation;
using GuidelineBot.Slack.Api;
using GuidelineBot.Slack.Experts;
using GuidelineBot.Slack.Interactions;
using GuidelineBot.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using static GuidelineBot.IntegrationTests.Slack.SlackExpertsHost;

namespace GuidelineBot.IntegrationTests.Slack;

/// <summary>
/// A ticket button whose member check finds the list of the experts' channel not cached, and Slack slow to give it: the
/// click is answered within Slack's window with the apology, and the read it started goes on and serves the next click.
/// (Its own server: the member list must not be cached by another test.)
/// </summary>
public sealed class ExpertMembersBudgetTests(SlackExpertsHost host) : IClassFixture<SlackExpertsHost>
{
    private const string Apology = "Sorry, something went wrong on my side — please try again in a minute.";

    [Fact]
    public async Task A_ticket_click_waits_for_the_member_list_at_most_its_budget_and_the_read_serves_the_next_click()
    {
        var members = FakeSlackApi.MembersBody(Experts);
        // The whole list, but only after the click's budget (and within the test factory's attempt timeout, 5 s).
        host.Api.Script(ExpertsChannel, new ScriptedResponse(200, members, DelaySeconds: (int)Math.Ceiling(ExpertActionHandler.MembersLookupBudget.TotalSeconds + 2)));
        var first = SlackHost.NewId("assign");

        using (var response = await host.ClickAsync(ActionIds.ExpertAssign, "t0000000001", Expert, first, ExpertsChannel, ephemeral: false))
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }

        await Eventually.WaitUntilAsync(() => host.Api.ResponseUrlPosts(first).Count == 1, "the clicker is told");
        Assert.Equal(Apology, host.Api.ResponseUrlPosts(first)[0].Json.GetProperty("text").GetString());
        Assert.True(host.Factory.Logged(LogLevel.Warning, "conversations.members", "did not answer within"));

        // The read goes on; once it is in, the next click is checked against it (no second read) and reaches the core,
        // which does not know this ticket.
        var list = host.Factory.Services.GetRequiredService<SlackExpertMembers>();
        var api = host.Factory.Services.GetRequiredService<SlackApiClient>();
        await Eventually.WaitUntilAsync(() => list.MembersAsync(ExpertsChannel, api).IsCompletedSuccessfully, "the read ends");
        var second = SlackHost.NewId("assign");
        using (var response = await host.ClickAsync(ActionIds.ExpertAssign, "t0000000001", Expert, second, ExpertsChannel, ephemeral: false))
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }

        await Eventually.WaitUntilAsync(() => host.Api.ResponseUrlPosts(second).Count == 1, "the clicker is told");
        Assert.Equal(MessageText.Render(new NoticeMessage(NoticeKind.TicketNotFound)), host.Api.ResponseUrlPosts(second)[0].Json.GetProperty("text").GetString());
        Assert.Single(host.Api.Calls("conversations.members"));
    }
}
