using System.Diagnostics;
using GuidelineBot.Slack.Api;
using GuidelineBot.Slack.Events;
using GuidelineBot.Slack.Rendering;

namespace GuidelineBot.Slack.Background;

/// <summary>Work done after Slack got its acknowledgement. <paramref name="LogId"/> identifies it in the logs.</summary>
public abstract record SlackWork(string LogId)
{
    /// <summary>The trace of the request that queued the work; the worker continues it (logs, spans, outbound calls).</summary>
    public ActivityContext Trace { get; init; } = Activity.Current?.Context ?? default;
}

/// <summary>An Events API callback to deduplicate and answer.</summary>
public sealed record EventWork(SlackEventEnvelope Envelope, string EventId) : SlackWork(EventId);

/// <summary>A message for an interaction's or command's <c>response_url</c>.</summary>
public sealed record ResponseUrlWork(string ResponseUrl, CommandResponse Message, string LogId) : SlackWork(LogId);

/// <summary>
/// Messages for a person's direct message with the app, posted in order: into <paramref name="Channel"/> when known (a
/// <c>D…</c> id), otherwise into the DM that <c>conversations.open</c> returns for <paramref name="UserId"/>.
/// </summary>
public sealed record DirectMessageWork(string UserId, string? Channel, IReadOnlyList<SlackMessage> Messages, string LogId) : SlackWork(LogId);
