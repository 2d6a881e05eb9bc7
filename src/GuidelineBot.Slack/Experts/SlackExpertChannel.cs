using GuidelineBot.Core.Conversation;
using GuidelineBot.Core.Experts;
using GuidelineBot.Slack.Api;
using GuidelineBot.Slack.Rendering;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;

namespace GuidelineBot.Slack.Experts;

/// <summary>
/// The experts' channel in Slack (<c>Experts:SlackChannel</c>): tickets are posted there with <c>chat.postMessage</c> (the
/// returned <c>ts</c> is the post's id, and the root of the thread experts reply in), updated in place with
/// <c>chat.update</c>; who may answer is who is a member (<see cref="SlackExpertMembers"/>); what is for one member alone
/// goes to their DM. A failed call throws, so the core's outbox tries again later.
/// </summary>
internal sealed class SlackExpertChannel(SlackApiClient api, SlackExpertMembers members, SlackDirectMessages direct, IOptions<ExpertOptions> experts)
    : IExpertChannel
{
    public string Channel => Channels.Slack;

    private string ChannelId => experts.Value.SlackChannel?.Trim() ?? throw new InvalidOperationException("Experts:SlackChannel is not set");

    /// <summary>Slack is on (signing secret and bot token) and an experts' channel is set: only then is there a Slack experts' channel.</summary>
    public static bool IsConfigured(IConfiguration configuration) =>
        !string.IsNullOrWhiteSpace(configuration[$"{SlackOptions.SectionName}:{nameof(SlackOptions.SigningSecret)}"]) &&
        !string.IsNullOrWhiteSpace(configuration[$"{SlackOptions.SectionName}:{nameof(SlackOptions.BotToken)}"]) &&
        !string.IsNullOrWhiteSpace(configuration[$"{ExpertOptions.SectionName}:{nameof(ExpertOptions.SlackChannel)}"]);

    public async Task<TicketPost> PostAsync(ExpertTicketMessage message, CancellationToken cancellationToken)
    {
        var channel = ChannelId;
        var rendered = SlackRenderer.Render(message);
        var ts = await api.PostMessageAsync(new ChatPostMessageRequest(channel, rendered.Text, rendered.Blocks), LogId(message), cancellationToken);
        return string.IsNullOrEmpty(ts)
            ? throw new SlackApiException($"Ticket #{message.Ticket.ShortId} was not posted to the experts' channel {channel}")
            : new TicketPost(Channels.Slack, channel, ts);
    }

    public async Task UpdateAsync(TicketPost post, ExpertTicketMessage message, CancellationToken cancellationToken)
    {
        var rendered = SlackRenderer.Render(message);
        if (!await api.UpdateMessageAsync(new ChatUpdateRequest(post.ConversationId, post.MessageId, rendered.Text, rendered.Blocks), LogId(message),
                cancellationToken))
        {
            throw new SlackApiException($"Ticket #{message.Ticket.ShortId}'s post {post.MessageId} in {post.ConversationId} was not updated");
        }
    }

    public async Task TellAsync(string userId, OutboundMessage message, CancellationToken cancellationToken)
    {
        var logId = message is ExpertTicketTakenOverMessage taken ? "ticket #" + taken.Ticket.ShortId + " taken over" : "a note to an expert";
        if (!await direct.PostAsync(userId, channel: null, [SlackRenderer.Render(message)], logId, cancellationToken))
        {
            throw new SlackApiException($"The {logId} was not sent to the expert's DM");
        }
    }

    public Task<bool> IsMemberAsync(string userId, CancellationToken cancellationToken) => members.IsMemberAsync(ChannelId, userId, api, cancellationToken);

    /// <summary>The channel's members: cached, or the one read under way (see <see cref="SlackExpertMembers"/>).</summary>
    public Task<IReadOnlySet<string>> MembersAsync() => members.MembersAsync(ChannelId, api);

    private static string LogId(ExpertTicketMessage message) => "ticket #" + message.Ticket.ShortId;
}
