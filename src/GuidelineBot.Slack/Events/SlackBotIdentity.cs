using GuidelineBot.Slack.Api;

namespace GuidelineBot.Slack.Events;

/// <summary>
/// The bot's own user id: from the event's bot authorization (<c>authorizations[].is_bot</c>; a user installation's
/// id is a person, not the bot), else <c>auth.test</c> once (cached).
/// </summary>
internal sealed class SlackBotIdentity : IDisposable
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private string? _fromAuthTest;

    public async Task<string?> GetUserIdAsync(SlackEventEnvelope envelope, SlackApiClient api, CancellationToken cancellationToken)
    {
        var fromEvent = envelope.Authorizations?.FirstOrDefault(a => a?.IsBot == true)?.UserId;
        if (!string.IsNullOrEmpty(fromEvent))
        {
            return fromEvent;
        }

        if (_fromAuthTest is not null)
        {
            return _fromAuthTest;
        }

        await _gate.WaitAsync(cancellationToken);
        try
        {
            return _fromAuthTest ??= await api.GetBotUserIdAsync(cancellationToken);
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Never answer yourself or another bot (bolt-js ignoreSelf).</summary>
    public static bool IsFromABot(SlackEvent slackEvent, string? botUserId) =>
        !string.IsNullOrEmpty(slackEvent.BotId)
        || slackEvent.Subtype == "bot_message"
        || (botUserId is not null && slackEvent.UserId == botUserId);

    public void Dispose() => _gate.Dispose();
}
