using System.Net;
using System.Text.Json;
using GuidelineBot.Core.Conversation;
using GuidelineBot.Core.Experts;
using GuidelineBot.Testing;
using Microsoft.Extensions.DependencyInjection;
using static GuidelineBot.IntegrationTests.Slack.SlackRequests;

namespace GuidelineBot.IntegrationTests.Slack;

/// <summary>A ticket opened before a restart is answered after it: its post is found from the thread, the answer delivered.</summary>
public sealed class ExpertRestartTests : IAsyncLifetime
{
    private const string ExpertsChannel = SlackExpertsHost.ExpertsChannel;

    private readonly string _directory = Path.Combine(Path.GetTempPath(), "guidelinebot-tests", "experts-restart-" + Guid.NewGuid().ToString("N"));
    private FakeSlackApi _api = null!;

    private string DatabasePath => Path.Combine(_directory, "guidelinebot.db");

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(_directory);
        _api = await FakeSlackApi.StartAsync();
        _api.SetMembers(ExpertsChannel, SlackExpertsHost.Expert);
    }

    public async Task DisposeAsync()
    {
        await _api.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
    }

    private SlackBotFactory Server() => new(_api, databasePath: DatabasePath, settings: new Dictionary<string, string?>
    {
        ["Experts:SlackChannel"] = ExpertsChannel,
        ["Experts:PollSeconds"] = "1",
        ["Experts:RetrySeconds"] = "1",
    });

    [Fact]
    public async Task A_thread_reply_after_a_restart_answers_the_ticket_posted_before_it()
    {
        const string asker = "U0RESTARTASKER";
        string ts;
        await using (var first = Server())
        {
            using var client = first.CreateClient();
            using var command = await client.SendAsync(Signed("/slack/commands",
                Command("what is the cafeteria lunch menu on friday", _api.ResponseUrl("cmd"), asker), FormType, DateTimeOffset.UtcNow));
            var offer = BlockKitText.Blocks(JsonDocument.Parse(await command.Content.ReadAsStringAsync()).RootElement, "actions")
                .SelectMany(b => b.GetProperty("elements").EnumerateArray()).Single(e => e.GetProperty("action_id").GetString() == ActionIds.AskExpert)
                .GetProperty("value").GetString()!;
            using var click = await client.SendAsync(Signed("/slack/interactions",
                Interaction(ActionIds.AskExpert, offer, _api.ResponseUrl("ask"), asker), FormType, DateTimeOffset.UtcNow));
            var view = Assert.Single(_api.Calls("views.open")).Json.GetProperty("view");
            using var sent = await client.SendAsync(Signed("/slack/interactions",
                ViewSubmission(view.GetProperty("callback_id").GetString()!, view.GetProperty("private_metadata").GetString()!, asker), FormType, DateTimeOffset.UtcNow));
            await Eventually.WaitUntilAsync(() => _api.PostsTo(ExpertsChannel).Count == 1, "the ticket is posted");
            ts = await PostTsAsync(first);
        }

        await using (var second = Server())
        {
            using var client = second.CreateClient();
            using var reply = await client.SendAsync(Signed("/slack/events", Event("EvRESTART1", new
            {
                type = "message",
                channel = ExpertsChannel,
                channel_type = "channel",
                user = SlackExpertsHost.Expert,
                text = "Pizza, always.",
                ts = "1700000900.000001",
                thread_ts = ts,
            }), JsonType, DateTimeOffset.UtcNow));

            Assert.Equal(HttpStatusCode.OK, reply.StatusCode);
            await Eventually.WaitUntilAsync(() => _api.PostsTo(FakeSlackApi.DirectMessageChannel(asker)).Count == 1, "the answer reaches the asker");
            Assert.Contains("Pizza, always.", _api.PostsTo(FakeSlackApi.DirectMessageChannel(asker))[0].Body, StringComparison.Ordinal);
        }
    }

    private static async Task<string> PostTsAsync(SlackBotFactory server)
    {
        var store = server.Services.GetRequiredService<ITicketStore>();
        string? ts = null;
        await Eventually.WaitUntilAsync(() =>
        {
            ts = store.ListAsync(DateTimeOffset.UtcNow.AddHours(-1), default).GetAwaiter().GetResult().SingleOrDefault()?.Posts.SingleOrDefault()?.MessageId;
            return ts is not null;
        }, "the post is recorded");
        return ts!;
    }
}
