using System.Security.Cryptography;
using System.Text;
using GuidelineBot.Core.Conversation;
using GuidelineBot.Core.Storage;
using GuidelineBot.Slack.Api;
using GuidelineBot.Slack.Rendering;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace GuidelineBot.Slack.Interactions;

/// <summary>
/// <b>Share in channel</b>: re-posts the answer <c>in_channel</c> through the <c>response_url</c>, once per double click:
/// pressed again within seconds it tells the clicker instead of posting the answer twice.
/// </summary>
internal sealed class ShareHandler(
    ConversationService conversation,
    IOptions<SlackOptions> options,
    ResponseUrlReplies replies,
    IOnceStore once,
    TimeProvider time,
    ILogger<ShareHandler> logger)
    : ConversationActionHandler(conversation, options, logger)
{
    /// <summary>
    /// A double click's span: a second press within it is the same Share. (The post is queued, so a press cannot know
    /// whether the first one went out; after this a Share that failed can be pressed again, and one that went out posts again.)
    /// </summary>
    private static readonly TimeSpan SharedFor = TimeSpan.FromSeconds(10);

    protected override bool Handles(ActionKind kind) => kind == ActionKind.Share;

    protected override async Task DeliverAsync(InteractionPayload payload, SlackAction action, ConversationResponse response, CancellationToken cancellationToken)
    {
        if (response.Messages.Count == 0)
        {
            return;
        }

        if (response.Messages[0] is NoticeMessage notice)
        {
            // Nothing to share (the answer is gone since): said to the clicker alone, never posted in the channel.
            await replies.SendToClickerAsync(payload, action, notice, cancellationToken);
            return;
        }

        if (payload.Container?.MessageTs is { Length: > 0 } messageTs &&
            !await once.TryClaimAsync("slack-share", ShareKey(payload.Channel?.Id ?? payload.Container.ChannelId, messageTs, action.Value), time.GetUtcNow(), SharedFor,
                cancellationToken))
        {
            await replies.SendToClickerAsync(payload, action, new NoticeMessage(NoticeKind.AlreadyShared), cancellationToken);
            return;
        }

        await replies.SendAsync(payload, action, CommandResponse.From(SlackRenderer.Render(response.Messages[0]), CommandResponse.InChannel, replaceOriginal: false),
            cancellationToken);
    }

    /// <summary>The message and the answer its button shares, hashed: a button's value runs to 2,000 characters, too long for an index.</summary>
    private static string ShareKey(string? channel, string messageTs, string? value) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"{channel}\n{messageTs}\n{value}")));
}
