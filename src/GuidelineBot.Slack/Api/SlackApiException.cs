namespace GuidelineBot.Slack.Api;

/// <summary>A Web API call that must succeed did not (the client logged why): the caller's retry takes over (e.g. the experts' outbox).</summary>
public sealed class SlackApiException(string message) : Exception(message);
