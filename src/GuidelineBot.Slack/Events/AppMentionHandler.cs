namespace GuidelineBot.Slack.Events;

/// <summary><c>app_mention</c>: answer in the thread of the mention.</summary>
internal sealed class AppMentionHandler(SlackEventAnswerer answerer) : ISlackEventHandler
{
    public string EventType => "app_mention";

    public Task<bool> AcceptsAsync(SlackEventEnvelope envelope, SlackEvent slackEvent, CancellationToken cancellationToken) =>
        answerer.CanAnswerAsync(envelope, slackEvent, cancellationToken);

    public Task HandleAsync(SlackEventEnvelope envelope, SlackEvent slackEvent, CancellationToken cancellationToken) =>
        answerer.AnswerAsync(envelope, slackEvent, threadTs: slackEvent.ThreadTs ?? slackEvent.Ts, cancellationToken);
}
