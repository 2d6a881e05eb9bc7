using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using GuidelineBot.Core.Conversation;
using GuidelineBot.Core.Experts;
using GuidelineBot.Slack.Commands;
using GuidelineBot.Slack.Interactions;
using GuidelineBot.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using static GuidelineBot.IntegrationTests.Slack.SlackExpertsHost;

namespace GuidelineBot.IntegrationTests.Slack;

/// <summary>
/// An <b>Answer</b> click makes two Slack calls in a row: the member list of the experts' channel (when it is not
/// cached) and <c>views.open</c>. Both fit in the click's one window (<see cref="ExpertActionHandler.ClickBudget"/>),
/// since Slack wants the click's 200, and the trigger_id expires, 3 s after the click: each call within its own budget
/// used to add up to 3.5 s. (Its own server: the member list must not be cached by another test.)
/// </summary>
public sealed class ExpertClickWindowTests(SlackExpertsHost host) : IClassFixture<SlackExpertsHost>
{
    [Fact]
    public async Task A_slow_member_list_leaves_views_open_only_the_rest_of_the_clicks_window()
    {
        // First a click through the same path that needs no member list (Ask an expert: its form opens with views.open),
        // so that the measured click's time is the scripted delays' and not a cold path's on a loaded machine (the member
        // list, a quarter of its budget late, once overran the rest of it in a CI run).
        var asker = SlackHost.NewId("U");
        var offer = Button(await host.CommandAsync("what is the cafeteria lunch menu on thursday", asker), ActionIds.AskExpert)!.Value
            .GetProperty("value").GetString()!;
        await host.ModalAsync(ActionIds.AskExpert, offer, asker, SlackHost.NewId("warm"));
        var opened = host.Api.Calls("views.open").Count;

        var members = FakeSlackApi.MembersBody(Experts);
        // Within the member list's own budget, with room to spare on a slow machine (half its budget once overran it in a
        // loaded CI run: the click then went on without the list, and no form was opened), but a tenth of the click's window…
        var membersDelay = ExpertActionHandler.MembersLookupBudget / 4;
        // (Scripted by channel; nothing else goes to the experts' channel here: the ticket is opened in the store.)
        host.Api.Script(ExpertsChannel, new ScriptedResponse(200, members, DelaySeconds: membersDelay.TotalSeconds));
        // …and views.open answers only after the whole window.
        var trigger = SlackHost.NewId("trigger");
        host.Api.Script(trigger, new ScriptedResponse(200, DelaySeconds: Math.Ceiling(ExpertActionHandler.ClickBudget.TotalSeconds + 1)));
        var ticket = await OpenTicketAsync();
        var clickId = SlackHost.NewId("answer");

        using (var response = await host.ClickAsync(ActionIds.ExpertAnswer, ticket.Id, Expert, clickId, ExpertsChannel, ephemeral: false, triggerId: trigger))
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }

        // The member list was read in time and the core let the expert answer; views.open was given only what the member
        // list left of the window (each call within its own budget gave it the whole 2.5 s), and the expert is told.
        Assert.Single(host.Api.Calls("conversations.members"));
        Assert.Equal(opened + 1, host.Api.Calls("views.open").Count);
        var cutOff = host.Factory.Logs.Entries.Single(e => e.Level == LogLevel.Warning && e.Message.Contains("views.open", StringComparison.Ordinal));
        var waited = TimeSpan.FromSeconds(double.Parse(Regex.Match(cutOff.Message, @"within ([0-9.]+) s").Groups[1].Value, CultureInfo.InvariantCulture));
        Assert.InRange(waited, TimeSpan.Zero, ExpertActionHandler.ClickBudget - membersDelay);
        await Eventually.WaitUntilAsync(() => host.Api.ResponseUrlPosts(clickId).Count == 1, "the expert is told the form did not open");
        Assert.Equal(SlashCommandEndpoint.FailedText, host.Api.ResponseUrlPosts(clickId)[0].Json.GetProperty("text").GetString());
        Assert.False(host.Factory.Logged(LogLevel.Warning, "conversations.members", "did not answer within"));
    }

    private async Task<Ticket> OpenTicketAsync()
    {
        var asker = new ExpertAsker(Channels.Slack, SlackHost.NewId("U"), "Pat", "T0001", "C0GENERAL", false, null);
        var ticket = new Ticket(SlackHost.NewId("t"), "what is the cafeteria lunch menu on friday", null, asker, null, null, 0, DateTimeOffset.UtcNow);
        var (opened, created) = await host.Factory.Services.GetRequiredService<ITicketStore>().OpenAsync(ticket, ticket.Id, CancellationToken.None);
        Assert.True(created);
        return opened;
    }
}
