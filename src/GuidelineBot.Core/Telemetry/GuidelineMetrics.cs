using System.Diagnostics;
using System.Diagnostics.Metrics;
using GuidelineBot.Core.Answers;

namespace GuidelineBot.Core.Telemetry;

/// <summary>
/// The bot's own meters (meter <see cref="MeterName"/>), recorded by the channel handlers: questions by channel and
/// outcome, answer latency, feedback by rating, onboarding started/completed, outbound failures and queue depth.
/// Exported by the host (OpenTelemetry: OTLP and/or Prometheus); a no-op when nothing listens.
/// </summary>
public sealed class GuidelineMetrics
{
    public const string MeterName = "GuidelineBot";

    /// <summary>The name of <see cref="Tracing"/>: spans from the endpoints through search to the outbound post.</summary>
    public const string ActivitySourceName = "GuidelineBot";

    /// <summary>Spans of our own (answering a question; the channel handlers nest in the HTTP spans around them).</summary>
    public static readonly ActivitySource Tracing = new(ActivitySourceName);

    /// <summary>
    /// The answer-time histogram's buckets, in seconds: from 100 µs (a repeated question) through the few milliseconds of
    /// a question the model encodes to a second (the exporters' defaults are made for milliseconds, and would put every
    /// answer in the first bucket).
    /// </summary>
    public static readonly IReadOnlyList<double> AnswerDurationBuckets =
        [0.0001, 0.00025, 0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1];

    private readonly Counter<long> _questions;
    private readonly Histogram<double> _answerDuration;
    private readonly Counter<long> _feedback;
    private readonly Counter<long> _onboardingStarted;
    private readonly Counter<long> _onboardingCompleted;
    private readonly Counter<long> _outboundFailures;
    private readonly List<Func<Measurement<int>>> _queues = [];
    private readonly Lock _gate = new();

    public GuidelineMetrics(IMeterFactory meterFactory)
    {
        ArgumentNullException.ThrowIfNull(meterFactory);
        var meter = meterFactory.Create(MeterName);
        _questions = meter.CreateCounter<long>("guidelinebot.questions", "{question}", "Questions asked, by channel and outcome (answered, declined, picked, small_talk)");
        _answerDuration = meter.CreateHistogram<double>("guidelinebot.answer.duration", "s", "Time to answer a question (analysis, search, ranking)",
            tags: null, advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = AnswerDurationBuckets });
        _feedback = meter.CreateCounter<long>("guidelinebot.feedback", "{vote}", "Feedback votes, by channel and rating (helpful, not_helpful)");
        _onboardingStarted = meter.CreateCounter<long>("guidelinebot.onboarding.started", "{onboarding}", "Onboardings started, by channel");
        _onboardingCompleted = meter.CreateCounter<long>("guidelinebot.onboarding.completed", "{onboarding}", "Onboardings completed, by channel");
        _outboundFailures = meter.CreateCounter<long>("guidelinebot.outbound.failures", "{request}", "Posts to Slack or the Bot Connector that failed after retries, by channel");
        meter.CreateObservableGauge("guidelinebot.queue.depth", ObserveQueues, "{item}", "Work waiting in a background queue, by queue");
    }

    /// <summary>One question asked in <paramref name="channel"/> and how it ended.</summary>
    public void Question(string channel, Reply reply) =>
        _questions.Add(1, new("channel", channel), new("outcome", Outcome(reply)));

    /// <summary>How long <see cref="AnswerService.Ask"/> took, tagged with the outcome.</summary>
    public void AnswerDuration(Reply reply, TimeSpan elapsed) =>
        _answerDuration.Record(elapsed.TotalSeconds, new KeyValuePair<string, object?>("outcome", Outcome(reply)));

    public void Feedback(string channel, bool helpful) =>
        _feedback.Add(1, new("channel", channel), new("rating", helpful ? "helpful" : "not_helpful"));

    public void OnboardingStarted(string channel) => _onboardingStarted.Add(1, new KeyValuePair<string, object?>("channel", channel));

    public void OnboardingCompleted(string channel) => _onboardingCompleted.Add(1, new KeyValuePair<string, object?>("channel", channel));

    public void OutboundFailure(string channel) => _outboundFailures.Add(1, new KeyValuePair<string, object?>("channel", channel));

    /// <summary>Reports the depth of a background queue (read when the metrics are collected).</summary>
    public void ObserveQueue(string queue, Func<int> depth)
    {
        lock (_gate)
        {
            _queues.Add(() => new Measurement<int>(depth(), new KeyValuePair<string, object?>("queue", queue)));
        }
    }

    /// <summary>answered, declined, picked (a section opened from a button) or small_talk (greetings, thanks, help, topics).</summary>
    public static string Outcome(Reply reply) => reply switch
    {
        AnswerReply { Picked: true } => "picked",
        AnswerReply => "answered",
        NoAnswerReply => "declined",
        _ => "small_talk",
    };

    private IEnumerable<Measurement<int>> ObserveQueues()
    {
        lock (_gate)
        {
            return _queues.Select(q => q()).ToList();
        }
    }
}
