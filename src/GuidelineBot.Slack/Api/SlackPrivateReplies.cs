using GuidelineBot.Core.Logging;
using GuidelineBot.Slack.Conversation;
using GuidelineBot.Slack.Rendering;
using Microsoft.Extensions.Logging;

namespace GuidelineBot.Slack.Api;

/// <summary>
/// Tells one person something only they see, where they are: through the <c>response_url</c> of their click when there
/// is one (ephemeral, the message they clicked stays), else <c>chat.postEphemeral</c> in the channel (in the thread
/// given), else in their DM. Failures are logged.
/// </summary>
public sealed class SlackPrivateReplies(SlackApiClient api, SlackDirectMessages direct, ILogger<SlackPrivateReplies> logger)
{
    /// <param name="channel">Where they are: a channel, their DM (<c>D…</c>), or null for their DM.</param>
    /// <returns>True when every message reached them.</returns>
    public async Task<bool> TellAsync(string userId, string? channel, string? responseUrl, IReadOnlyList<SlackMessage> messages, string logId,
        CancellationToken cancellationToken, string? threadTs = null)
    {
        var told = 0;
        foreach (var message in messages)
        {
            if (!await TellAsync(userId, channel, responseUrl, message, logId, threadTs, cancellationToken))
            {
                logger.LogError("Private reply to {User} for {LogId} stopped at message {Number} of {Count}",
                    LogText.Pseudonym(userId), logId, told + 1, messages.Count);
                return false;
            }

            told++;
        }

        return true;
    }

    private async Task<bool> TellAsync(string userId, string? channel, string? responseUrl, SlackMessage message, string logId, string? threadTs,
        CancellationToken cancellationToken)
    {
        if (!string.IsNullOrEmpty(responseUrl) &&
            await api.PostToResponseUrlAsync(responseUrl, CommandResponse.From(message, CommandResponse.Ephemeral, replaceOriginal: false), logId, cancellationToken))
        {
            return true;
        }

        if (string.IsNullOrEmpty(channel) || SlackContext.IsDirectMessage(channel))
        {
            return await direct.PostAsync(userId, string.IsNullOrEmpty(channel) ? null : channel, [message], logId, cancellationToken, threadTs);
        }

        return await api.PostEphemeralAsync(new ChatPostEphemeralRequest(channel, userId, message.Text, message.Blocks, threadTs), logId, cancellationToken);
    }
}
