using GuidelineBot.Core.Conversation;
using GuidelineBot.Slack.Api;
using GuidelineBot.Slack.Conversation;
using GuidelineBot.Slack.Events;
using GuidelineBot.Slack.Rendering;

namespace GuidelineBot.Slack.Background;

/// <summary>Work done after Slack got its acknowledgement. <paramref name="LogId"/> identifies it in the logs.</summary>
public abstract record SlackWork(string LogId);

/// <summary>An Events API callback to deduplicate and answer.</summary>
public sealed record EventWork(SlackEventEnvelope Envelope, string EventId) : SlackWork(EventId);

/// <summary>A message for an interaction's or command's <c>response_url</c>.</summary>
public sealed record ResponseUrlWork(string ResponseUrl, CommandResponse Message, string LogId) : SlackWork(LogId);

/// <summary>
/// Messages for a person's direct message with the app, posted in order: into <paramref name="Channel"/> when known (a
/// <c>D…</c> id), otherwise into the DM that <c>conversations.open</c> returns for <paramref name="UserId"/>.
/// </summary>
public sealed record DirectMessageWork(string UserId, string? Channel, IReadOnlyList<SlackMessage> Messages, string LogId) : SlackWork(LogId);

/// <summary>
/// A submitted modal, acknowledged (the modal closed) and taken here: <paramref name="Kind"/> is its submit, the form's
/// values are <paramref name="Inputs"/>, <paramref name="Metadata"/> says where the person opened it.
/// </summary>
/// <param name="Handle">The person's Slack handle, for when their name cannot be looked up.</param>
public sealed record ViewSubmissionWork(string UserId, string? Handle, string? TeamId, ActionKind Kind, ModalMetadata Metadata,
    IReadOnlyDictionary<string, string> Inputs, string LogId) : SlackWork(LogId);
