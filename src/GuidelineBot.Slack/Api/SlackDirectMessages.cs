using GuidelineBot.Core.Logging;
using GuidelineBot.Slack.Rendering;
using Microsoft.Extensions.Logging;

namespace GuidelineBot.Slack.Api;

/// <summary>
/// Posts messages into a person's direct message with the app: <c>conversations.open</c> (when the DM's id is not known
/// yet) + one <c>chat.postMessage</c> per message, in order. A failed post stops the rest (they would make no sense
/// without it) and is logged with <c>logId</c>.
/// </summary>
public sealed class SlackDirectMessages(SlackApiClient api, ILogger<SlackDirectMessages> logger)
{
    /// <param name="channel">The DM's id (<c>D…</c>) when the request came from it; null opens it first.</param>
    /// <returns>True when every message was posted.</returns>
    public async Task<bool> PostAsync(string userId, string? channel, IReadOnlyList<SlackMessage> messages, string logId,
        CancellationToken cancellationToken)
    {
        if (messages.Count == 0)
        {
            return true;
        }

        channel ??= await api.OpenDirectMessageAsync(userId, logId, cancellationToken);
        if (channel is null)
        {
            logger.LogError("Direct message to {User} for {LogId} not delivered: the DM could not be opened ({Count} message(s) lost)",
                LogText.Pseudonym(userId), logId, messages.Count);
            return false;
        }

        for (var i = 0; i < messages.Count; i++)
        {
            var message = messages[i];
            if (!await api.PostMessageAsync(new ChatPostMessageRequest(channel, message.Text, message.Blocks), logId, cancellationToken))
            {
                logger.LogError("Direct message to {User} for {LogId} stopped at message {Number} of {Count}", LogText.Pseudonym(userId), logId, i + 1, messages.Count);
                return false;
            }
        }

        logger.LogInformation("Posted {Count} message(s) to {User} in {Channel} for {LogId}", messages.Count, LogText.Pseudonym(userId), channel, logId);
        return true;
    }
}
