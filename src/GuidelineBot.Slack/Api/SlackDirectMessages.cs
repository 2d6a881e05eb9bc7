using GuidelineBot.Core.Logging;
using GuidelineBot.Slack.Rendering;
using Microsoft.Extensions.Logging;

namespace GuidelineBot.Slack.Api;

/// <summary>
/// Posts messages, in order, one <c>chat.postMessage</c> each: into a channel (a thread when given), or into a person's
/// direct message with the app (<c>conversations.open</c> when the DM's id is not known yet). A failed post stops the
/// rest (they would make no sense without it) and is logged with <c>logId</c>.
/// </summary>
public sealed class SlackDirectMessages(SlackApiClient api, ILogger<SlackDirectMessages> logger)
{
    /// <param name="channel">Where to post (a DM's <c>D…</c> id, or a channel); null opens the person's DM first.</param>
    /// <param name="threadTs">The thread to answer in, if any.</param>
    /// <param name="directMessageWhenGone">
    /// When <paramref name="channel"/> cannot take the first message any more (<see cref="SlackPostResult.ConversationGone"/>:
    /// deleted, archived, the bot removed), post them all in the person's DM instead, where retrying the channel never would.
    /// </param>
    /// <returns>True when every message was posted.</returns>
    public async Task<bool> PostAsync(string userId, string? channel, IReadOnlyList<SlackMessage> messages, string logId,
        CancellationToken cancellationToken, string? threadTs = null, bool directMessageWhenGone = false)
    {
        if (messages.Count == 0)
        {
            return true;
        }

        var given = channel;
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
            var posted = await api.PostMessageOrErrorAsync(new ChatPostMessageRequest(channel, message.Text, message.Blocks, threadTs), logId, cancellationToken);
            if (posted.Ts is not null)
            {
                continue;
            }

            if (i == 0 && given is not null && directMessageWhenGone && posted.ConversationGone)
            {
                logger.LogWarning("Slack conversation {Channel} for {LogId} cannot be posted in ({Error}): sending to {User}'s direct message instead",
                    channel, logId, posted.Error, LogText.Pseudonym(userId));
                return await PostAsync(userId, channel: null, messages, logId, cancellationToken);
            }

            logger.LogError("Direct message to {User} for {LogId} stopped at message {Number} of {Count}", LogText.Pseudonym(userId), logId, i + 1, messages.Count);
            return false;
        }

        logger.LogInformation("Posted {Count} message(s) to {User} in {Channel} for {LogId}", messages.Count, LogText.Pseudonym(userId), channel, logId);
        return true;
    }
}
