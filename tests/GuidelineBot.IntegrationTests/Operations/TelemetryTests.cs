using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using GuidelineBot.Hosting;
using GuidelineBot.IntegrationTests.Slack;
using GuidelineBot.IntegrationTests.Teams;
using GuidelineBot.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;
using static GuidelineBot.IntegrationTests.Slack.SlackRequests;

namespace GuidelineBot.IntegrationTests.Operations;

/// <summary>Our meters reach Prometheus' <c>/metrics</c> (Metrics:Prometheus=true) after real traffic through the endpoints.</summary>
[Collection(TelemetryCollection.Name)]
public sealed class TelemetryTests : IAsyncLifetime
{
    private FakeSlackApi _api = null!;

    public async Task InitializeAsync() => _api = await FakeSlackApi.StartAsync();

    public async Task DisposeAsync() => await _api.DisposeAsync();

    [Fact]
    public async Task Metrics_shows_questions_by_outcome_latency_feedback_onboarding_failures_and_queue_depth()
    {
        await using var server = new SlackBotFactory(_api, settings: new Dictionary<string, string?>
        {
            ["Metrics:Prometheus"] = "true",
        });
        using var client = server.CreateClient();

        // Collection starts at the first scrape at the latest (MetricsCollection): what comes after it is counted.
        using (var first = await client.GetAsync("/metrics"))
        {
            Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        }

        using (var write = await client.DeleteAsync("/metrics"))
        {
            Assert.Equal(HttpStatusCode.MethodNotAllowed, write.StatusCode); // a scrape is a read
        }

        async Task<HttpResponseMessage> CommandAsync(string text, string user = "U0PERSON") =>
            await client.SendAsync(Signed("/slack/commands", Command(text, _api.ResponseUrl("unused"), user: user), FormType, DateTimeOffset.UtcNow));

        using var answered = await CommandAsync("can I friend parents?");
        using var declined = await CommandAsync("what is the weather tomorrow in Paris");
        using var greeting = await CommandAsync("hello");
        Assert.All(new[] { answered, declined, greeting }, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));

        var value = BlockKitText.AnswerActions(System.Text.Json.JsonDocument.Parse(await answered.Content.ReadAsStringAsync()).RootElement)
            .GetProperty("elements")[0].GetProperty("value").GetString()!;
        using var vote = await client.SendAsync(Signed("/slack/interactions",
            Interaction("feedback_helpful", value, _api.ResponseUrl(SlackHost.NewId("fb")), user: SlackHost.NewId("U")), FormType, DateTimeOffset.UtcNow));
        Assert.Equal(HttpStatusCode.OK, vote.StatusCode);

        using var onboard = await CommandAsync("onboard", user: SlackHost.NewId("U"));
        Assert.Equal(HttpStatusCode.OK, onboard.StatusCode);

        // A mention whose answer Slack refuses with 500 (after the client's retries): an outbound failure.
        var failing = SlackHost.NewId("C");
        _api.AlwaysAnswer(failing, new ScriptedResponse(500, """{"ok":false}"""));
        using var mention = await client.SendAsync(Signed("/slack/events",
            Event(SlackHost.NewId("Ev"), new { type = "app_mention", user = "U0PERSON", text = "<@U0BOT> can I post anonymously?", ts = "1700000000.000100", channel = failing }),
            JsonType, DateTimeOffset.UtcNow));
        Assert.Equal(HttpStatusCode.OK, mention.StatusCode);

        string metrics = "";
        await Eventually.WaitUntilAsync(() =>
        {
            metrics = client.GetStringAsync("/metrics").GetAwaiter().GetResult();
            return Line(metrics, "guidelinebot_outbound_failures_total", "channel=\"slack\"") is not null
                   && Line(metrics, "guidelinebot_onboarding_started_total", "channel=\"slack\"") is not null;
        }, "the outbound failure and the onboarding start reach /metrics", TimeSpan.FromSeconds(30));

        Assert.True(Count(metrics, "guidelinebot_questions_total", "channel=\"slack\"", "outcome=\"answered\"") >= 1, metrics);
        Assert.True(Count(metrics, "guidelinebot_questions_total", "channel=\"slack\"", "outcome=\"declined\"") >= 1, metrics);
        Assert.True(Count(metrics, "guidelinebot_questions_total", "channel=\"slack\"", "outcome=\"small_talk\"") >= 1, metrics);
        Assert.True(Count(metrics, "guidelinebot_answer_duration_seconds_count", "outcome=\"answered\"") >= 1, metrics);
        // Buckets in seconds, from 100 µs: not the exporters' millisecond defaults (5, 10, … 10000), where every answer is in the first.
        Assert.NotNull(Line(metrics, "guidelinebot_answer_duration_seconds_bucket", "outcome=\"answered\"", "le=\"0.0001\""));
        Assert.NotNull(Line(metrics, "guidelinebot_answer_duration_seconds_bucket", "outcome=\"answered\"", "le=\"0.001\""));
        Assert.Null(Line(metrics, "guidelinebot_answer_duration_seconds_bucket", "le=\"5000\""));
        Assert.True(Count(metrics, "guidelinebot_feedback_total", "channel=\"slack\"", "rating=\"helpful\"") >= 1, metrics);
        Assert.True(Count(metrics, "guidelinebot_outbound_failures_total", "channel=\"slack\"") >= 1, metrics);
        Assert.NotNull(Line(metrics, "guidelinebot_queue_depth", "queue=\"slack\""));
        Assert.NotNull(Line(metrics, "guidelinebot_queue_depth", "queue=\"teams\""));
        Assert.NotNull(Line(metrics, "http_server_request_duration_seconds_count")); // ASP.NET Core instrumentation
    }

    [Fact]
    public async Task A_Teams_reply_the_Bot_Connector_refuses_is_counted_as_a_Teams_outbound_failure()
    {
        await using var fake = await FakeBotFramework.StartAsync();
        await using var server = new TeamsBotFactory(fake, settings: new Dictionary<string, string?> { ["Metrics:Prometheus"] = "true" });
        using var client = server.CreateClient();
        using (var first = await client.GetAsync("/metrics"))
        {
            Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        }

        // The answer to this message is refused (403, not retried): failures of the Teams client, none of Slack's.
        var conversation = "telemetry-" + Guid.NewGuid().ToString("N");
        const string activityId = "1700000000777";
        fake.Refuse($"/connector/v3/conversations/{conversation}/activities/{activityId}");
        using var response = await server.PostActivityAsync(Activities.Message(fake.ServiceUrl, conversation, "can I friend parents?", id: activityId),
            fake.CreateToken(server.Clock.GetUtcNow()));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await fake.WaitForAsync(r => r.RawTarget.EndsWith("/activities/" + activityId, StringComparison.Ordinal), "the refused answer");

        string metrics = "";
        await Eventually.WaitUntilAsync(() =>
        {
            metrics = client.GetStringAsync("/metrics").GetAwaiter().GetResult();
            return Line(metrics, "guidelinebot_outbound_failures_total", "channel=\"teams\"") is not null;
        }, "the Teams outbound failure reaches /metrics", TimeSpan.FromSeconds(30));

        // The answer refused, then (the turn failed) the apology to the same reply target: one or two by the scrape.
        Assert.InRange(Count(metrics, "guidelinebot_outbound_failures_total", "channel=\"teams\""), 1, 2);
        Assert.Equal(0, Count(metrics, "guidelinebot_outbound_failures_total", "channel=\"slack\""));
    }

    [Fact]
    public async Task A_Slack_mention_is_one_trace_from_the_endpoint_through_the_answer_to_the_outbound_post()
    {
        var traceId = ActivityTraceId.CreateRandom();
        var spans = new ConcurrentQueue<Activity>();
        using var listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name is "GuidelineBot" or "System.Net.Http",
            Sample = (ref ActivityCreationOptions<ActivityContext> options) =>
                options.TraceId == traceId ? ActivitySamplingResult.AllDataAndRecorded : ActivitySamplingResult.None,
            ActivityStopped = activity =>
            {
                if (activity.TraceId == traceId)
                {
                    spans.Enqueue(activity);
                }
            },
        };
        ActivitySource.AddActivityListener(listener);

        await using var server = new SlackBotFactory(_api);
        using var client = server.CreateClient();
        var channel = SlackHost.NewId("C");
        using var mention = Signed("/slack/events",
            Event(SlackHost.NewId("Ev"), new { type = "app_mention", user = "U0PERSON", text = "<@U0BOT> can I friend parents?", ts = "1700000000.000100", channel }),
            JsonType, DateTimeOffset.UtcNow);
        mention.Headers.Add("traceparent", $"00-{traceId.ToHexString()}-{ActivitySpanId.CreateRandom().ToHexString()}-01");
        using var response = await client.SendAsync(mention);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);

        await Eventually.WaitUntilAsync(() => spans.Any(s => s.OperationName == "guidelinebot.slack.work"), "the worker's span ends");
        var work = spans.Single(s => s.OperationName == "guidelinebot.slack.work");
        var answer = spans.Single(s => s.OperationName == "guidelinebot.answer");
        Assert.Equal(work.SpanId, answer.ParentSpanId);
        Assert.Equal("answered", answer.GetTagItem("guidelinebot.outcome"));
        Assert.Contains(spans, s => s.Source.Name == "System.Net.Http" && s.TagObjects.Any(t => t.Value?.ToString()?.Contains("chat.postMessage", StringComparison.Ordinal) == true));
        Assert.Single(_api.PostsTo(channel));
    }

    [Fact]
    public async Task Metrics_is_off_outside_Development_unless_switched_on()
    {
        await using var server = new SlackBotFactory(_api); // environment "Testing", no Metrics:Prometheus
        using var client = server.CreateClient();
        using var response = await client.GetAsync("/metrics");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task Metrics_alone_start_a_second_after_the_server_is_listening_not_before_its_first_answers()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var server = new SlackBotFactory(_api, time: clock, settings: new Dictionary<string, string?> { ["Metrics:Prometheus"] = "true" });
        using var client = server.CreateClient();
        var metrics = server.Services.GetRequiredService<MetricsCollection>();

        using var answered = await client.SendAsync(Signed("/slack/commands", Command("can I friend parents?", _api.ResponseUrl("unused")), FormType, DateTimeOffset.UtcNow));
        Assert.Equal(HttpStatusCode.OK, answered.StatusCode);
        Assert.False(metrics.Started);

        clock.Advance(MetricsCollection.StartDelay - TimeSpan.FromMilliseconds(1));
        await Task.Delay(100);
        Assert.False(metrics.Started);

        clock.Advance(TimeSpan.FromMilliseconds(1));
        await Eventually.WaitUntilAsync(() => metrics.Started, "collection starts once StartDelay has passed");
        Assert.Same(metrics.Start(), metrics.Start());
    }

    [Fact]
    public async Task Nothing_is_collected_for_an_exporter_that_is_not_configured()
    {
        // No OTLP endpoint (also when the environment names one), no Metrics:Prometheus.
        await using (var quiet = new SlackBotFactory(_api, settings: new Dictionary<string, string?> { ["OTEL_EXPORTER_OTLP_ENDPOINT"] = "" }))
        {
            Assert.Null(quiet.Services.GetService<TracerProvider>());
            Assert.Null(quiet.Services.GetService<MeterProvider>());
            Assert.Null(quiet.Services.GetService<MetricsCollection>());
        }

        // /metrics alone: no provider is built at start (MetricsCollection builds its own when collection starts).
        await using (var scraped = new SlackBotFactory(_api, settings: new Dictionary<string, string?> { ["Metrics:Prometheus"] = "true", ["OTEL_EXPORTER_OTLP_ENDPOINT"] = "" }))
        {
            Assert.Null(scraped.Services.GetService<TracerProvider>());
            Assert.Null(scraped.Services.GetService<MeterProvider>());
            Assert.NotNull(scraped.Services.GetRequiredService<MetricsCollection>().Start());
        }

        // An OTLP endpoint on a loopback port nothing listens on: both are collected from the start (the export fails quietly).
        await using var exported = new SlackBotFactory(_api, settings: new Dictionary<string, string?> { ["OTEL_EXPORTER_OTLP_ENDPOINT"] = "http://127.0.0.1:9" });
        Assert.NotNull(exported.Services.GetService<TracerProvider>());
        Assert.NotNull(exported.Services.GetService<MeterProvider>());
        Assert.Null(exported.Services.GetService<MetricsCollection>());
    }

    [Fact]
    public async Task With_OTLP_and_Prometheus_metrics_reach_metrics_from_the_start()
    {
        await using var server = new SlackBotFactory(_api, settings: new Dictionary<string, string?>
        {
            ["Metrics:Prometheus"] = "true",
            ["OTEL_EXPORTER_OTLP_ENDPOINT"] = "http://127.0.0.1:9",
        });
        using var client = server.CreateClient();
        using var answered = await client.SendAsync(Signed("/slack/commands", Command("can I friend parents?", _api.ResponseUrl("unused")), FormType, DateTimeOffset.UtcNow));
        Assert.Equal(HttpStatusCode.OK, answered.StatusCode);

        string metrics = "";
        await Eventually.WaitUntilAsync(() =>
        {
            metrics = client.GetStringAsync("/metrics").GetAwaiter().GetResult();
            return Count(metrics, "guidelinebot_questions_total", "channel=\"slack\"", "outcome=\"answered\"") >= 1;
        }, "the answer sent before the first scrape is counted");
    }

    [Fact]
    public async Task In_Production_with_OTLP_logs_go_to_the_JSON_console_and_over_OTLP()
    {
        await using var server = new SlackBotFactory(_api, settings: new Dictionary<string, string?>
        {
            ["environment"] = "Production",
            ["OTEL_EXPORTER_OTLP_ENDPOINT"] = "http://127.0.0.1:9",
        });
        var providers = server.Services.GetServices<ILoggerProvider>().Select(p => p.GetType().Name).ToList();

        Assert.Contains("ConsoleLoggerProvider", providers);
        Assert.Contains("OpenTelemetryLoggerProvider", providers);
    }

    private static string? Line(string metrics, string name, params string[] labels) =>
        metrics.Split('\n').FirstOrDefault(l => (l.StartsWith(name + "{", StringComparison.Ordinal) || l.StartsWith(name + " ", StringComparison.Ordinal))
                                                && labels.All(x => l.Contains(x, StringComparison.Ordinal)));

    private static double Count(string metrics, string name, params string[] labels)
    {
        if (Line(metrics, name, labels) is not { } line)
        {
            return 0;
        }

        var rest = line.Contains('}', StringComparison.Ordinal) ? line[(line.LastIndexOf('}') + 1)..] : line[name.Length..];
        return double.Parse(rest.Trim().Split(' ')[0], System.Globalization.CultureInfo.InvariantCulture);
    }
}

/// <summary>
/// Metrics are gathered by process-wide listeners (every live host's meters by name): these tests run alone, after the
/// parallel ones, so other test classes' servers do not crowd the metrics they read.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class TelemetryCollection
{
    public const string Name = "Telemetry";
}
