using GuidelineBot.Slack.Api;
using GuidelineBot.Slack.Events;

namespace GuidelineBot.Slack.Background;

/// <summary>Work done after Slack got its acknowledgement. <paramref name="LogId"/> identifies it in the logs.</summary>
public abstract record SlackWork(string LogId);

/// <summary>An Events API callback to deduplicate and answer.</summary>
public sealed record EventWork(SlackEventEnvelope Envelope, string EventId) : SlackWork(EventId);

/// <summary>A message for an interaction's or command's <c>response_url</c>.</summary>
public sealed record ResponseUrlWork(string ResponseUrl, CommandResponse Message, string LogId) : SlackWork(LogId);
