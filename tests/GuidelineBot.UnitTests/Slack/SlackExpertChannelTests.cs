using System.Net;
using System.Text;
using GuidelineBot.Core.Conversation;
using GuidelineBot.Core.Experts;
using GuidelineBot.Slack;
using GuidelineBot.Slack.Api;
using GuidelineBot.Slack.Experts;
using GuidelineBot.Slack.Interactions;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Logging.Testing;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace GuidelineBot.UnitTests.Slack;

/// <summary>The Slack experts' channel against a scripted Web API: membership pages and cache, posts, failures.</summary>
public sealed class SlackExpertChannelTests
{
    private const string ExpertsChannel = "C0EXPERTS";

    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero));
    private readonly ScriptedSlack _slack = new();
    private readonly ExpertOptions _experts = new() { SlackChannel = ExpertsChannel, MembershipCacheSeconds = 60 };
    private readonly FakeLogger<SlackExpertMembers> _logger = new();
    private readonly SlackExpertMembers _members;
    private readonly SlackExpertChannel _channel;

    public SlackExpertChannelTests()
    {
        var api = new SlackApiClient(new FakeSlackClients(_slack),
            Options.Create(new SlackOptions { SigningSecret = "s", BotToken = "xoxb-test" }), NullLogger<SlackApiClient>.Instance);
        _members = new SlackExpertMembers(Options.Create(_experts), _clock, _logger);
        _channel = new SlackExpertChannel(api, _members, new SlackDirectMessages(api, NullLogger<SlackDirectMessages>.Instance), Options.Create(_experts));
    }

    [Fact]
    public async Task Membership_reads_every_page_then_is_cached_until_the_configured_seconds_pass()
    {
        _slack.Members = ["U1", "U2", "U3", "U4", "U5"];

        Assert.True(await _channel.IsMemberAsync("U5", default));
        Assert.False(await _channel.IsMemberAsync("U9", default));
        Assert.Equal(3, _slack.Calls("conversations.members"));
        Assert.All(_slack.Requests.Where(r => r.Method == "conversations.members"), r => Assert.Equal(ExpertsChannel, r.Form["channel"]));

        _slack.Members = ["U9"];
        _clock.Advance(TimeSpan.FromSeconds(59));
        Assert.False(await _channel.IsMemberAsync("U9", default));
        Assert.Equal(3, _slack.Calls("conversations.members"));

        _clock.Advance(TimeSpan.FromSeconds(2));
        Assert.True(await _channel.IsMemberAsync("U9", default));
        Assert.False(await _channel.IsMemberAsync("U1", default));
        Assert.Equal(4, _slack.Calls("conversations.members"));
    }

    [Fact]
    public async Task One_lookup_serves_everyone_waiting_and_outlives_a_caller_that_stops_waiting()
    {
        _slack.Members = ["U1", "U2", "U3"];
        var slow = new TaskCompletionSource();
        _slack.Hold = slow.Task;

        using var click = new CancellationTokenSource();
        var gaveUp = _channel.IsMemberAsync("U1", click.Token);
        var waiting = _channel.IsMemberAsync("U3", default);
        _clock.Advance(ExpertActionHandler.MembersLookupBudget + TimeSpan.FromSeconds(1)); // no budget here: that is the click's
        await Task.Delay(100);
        Assert.False(gaveUp.IsCompleted);
        await click.CancelAsync(); // a click past its budget
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => gaveUp.WaitAsync(TimeSpan.FromSeconds(5)));
        Assert.False(waiting.IsCompleted);

        // Slack answers after all: the lookup goes on for those still waiting and fills the cache.
        slow.SetResult();
        Assert.True(await waiting.WaitAsync(TimeSpan.FromSeconds(5)));
        Assert.True(await _channel.IsMemberAsync("U1", default));
        Assert.Equal(2, _slack.Calls("conversations.members")); // both pages, read once
    }

    [Fact]
    public async Task A_membership_lookup_that_fails_throws_instead_of_guessing()
    {
        _slack.Fail = "conversations.members";

        await Assert.ThrowsAsync<SlackApiException>(() => _channel.IsMemberAsync("U1", default));
        Assert.Contains(_logger.Collector.GetSnapshot(), r => r.Level == Microsoft.Extensions.Logging.LogLevel.Warning && r.Exception is SlackApiException);
    }

    [Fact]
    public async Task Posting_returns_the_posts_ts_in_the_experts_channel_and_a_failed_post_or_update_throws()
    {
        var ticket = new Ticket("t1234567890", "can I bring my dog?", null,
            new ExpertAsker(Channels.Slack, "U0ASKER", "Pat", "T0", "D0ASKER", true, null), null, null, 0, _clock.GetUtcNow());
        var message = new ExpertTicketMessage(ticket, Channels.Slack, false, _clock.GetUtcNow());

        var post = await _channel.PostAsync(message, default);

        Assert.Equal(new TicketPost(Channels.Slack, ExpertsChannel, "1700000000.000001"), post);
        _slack.Fail = "chat.postMessage";
        await Assert.ThrowsAsync<SlackApiException>(() => _channel.PostAsync(message, default));
        _slack.Fail = "chat.update";
        await Assert.ThrowsAsync<SlackApiException>(() => _channel.UpdateAsync(post, message, default));
        _slack.Fail = null;
        await _channel.UpdateAsync(post, message, default);
        Assert.Contains(_slack.Requests, r => r.Method == "chat.update" && r.Body.Contains("\"ts\":\"1700000000.000001\"", StringComparison.Ordinal));
    }

    [Fact]
    public void The_channel_exists_only_with_slack_on_and_an_experts_channel_set()
    {
        static bool Configured(params (string, string)[] settings) => SlackExpertChannel.IsConfigured(
            new ConfigurationBuilder().AddInMemoryCollection(settings.ToDictionary(s => s.Item1, s => (string?)s.Item2)).Build());

        Assert.True(Configured(("Slack:SigningSecret", "s"), ("Slack:BotToken", "xoxb"), ("Experts:SlackChannel", "C1")));
        Assert.False(Configured(("Slack:SigningSecret", "s"), ("Slack:BotToken", "xoxb")));
        Assert.False(Configured(("Slack:BotToken", "xoxb"), ("Experts:SlackChannel", "C1")));
        Assert.False(Configured(("Slack:SigningSecret", "s"), ("Experts:SlackChannel", "C1")));
    }

    [Fact]
    public void Answers_reach_slack_askers_with_slack_on_and_either_experts_channel_set()
    {
        static bool Needed(params (string, string)[] settings) => SlackExpertDelivery.IsNeeded(
            new ConfigurationBuilder().AddInMemoryCollection(settings.ToDictionary(s => s.Item1, s => (string?)s.Item2)).Build());

        Assert.True(Needed(("Slack:SigningSecret", "s"), ("Slack:BotToken", "xoxb"), ("Experts:SlackChannel", "C1")));
        Assert.True(Needed(("Slack:SigningSecret", "s"), ("Slack:BotToken", "xoxb"), ("Experts:TeamsChannel", "19:experts@thread.tacv2")));
        Assert.False(Needed(("Slack:SigningSecret", "s"), ("Slack:BotToken", "xoxb")));
        Assert.False(Needed(("Slack:BotToken", "xoxb"), ("Experts:TeamsChannel", "19:experts@thread.tacv2")));
    }

    private sealed record Recorded(string Method, string Body)
    {
        public Dictionary<string, Microsoft.Extensions.Primitives.StringValues> Form => QueryHelpers.ParseQuery(Body);
    }

    /// <summary>Answers like Slack: members in pages of two with a cursor, ts for posts; <see cref="Fail"/> makes one method answer ok:false.</summary>
    private sealed class ScriptedSlack : HttpMessageHandler
    {
        private int _posts;

        public List<Recorded> Requests { get; } = [];

        public string[] Members { get; set; } = [];

        public string? Fail { get; set; }

        /// <summary>While not completed, <c>conversations.members</c> does not answer (a slow Slack).</summary>
        public Task Hold { get; set; } = Task.CompletedTask;

        public int Calls(string method)
        {
            lock (Requests)
            {
                return Requests.Count(r => r.Method == method);
            }
        }

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var method = request.RequestUri!.Segments[^1];
            var body = request.Content is null ? "" : await request.Content.ReadAsStringAsync(cancellationToken);
            lock (Requests)
            {
                Requests.Add(new Recorded(method, body));
            }

            if (method == "conversations.members")
            {
                await Hold.WaitAsync(cancellationToken);
            }

            var json = method == Fail ? """{"ok":false,"error":"channel_not_found"}""" : method switch
            {
                "conversations.members" => MembersPage(QueryHelpers.ParseQuery(body).TryGetValue("cursor", out var c) ? int.Parse(c.ToString()) : 0),
                "chat.postMessage" => $$"""{"ok":true,"ts":"1700000000.{{++_posts:000000}}"}""",
                _ => """{"ok":true}""",
            };
            return new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent(json, Encoding.UTF8, "application/json") };
        }

        private string MembersPage(int from)
        {
            var page = Members.Skip(from).Take(2).Select(m => $"\"{m}\"");
            var next = from + 2 < Members.Length ? (from + 2).ToString() : "";
            return $$$"""{"ok":true,"members":[{{{string.Join(",", page)}}}],"response_metadata":{"next_cursor":"{{{next}}}"}}""";
        }
    }

    /// <summary>Every client the API asks for goes to the fake Slack (the handler is shared, as the factory's are).</summary>
    private sealed class FakeSlackClients(HttpMessageHandler slack) : IHttpClientFactory
    {
        public HttpClient CreateClient(string name) => new(slack, disposeHandler: false) { BaseAddress = new Uri("http://127.0.0.1:9/api/") };
    }
}
