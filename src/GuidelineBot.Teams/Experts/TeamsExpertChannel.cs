using System.Text.Json.Nodes;
using GuidelineBot.Core.Conversation;
using GuidelineBot.Core.Experts;
using GuidelineBot.Teams.Configuration;
using GuidelineBot.Teams.Connector;
using GuidelineBot.Teams.Protocol;
using GuidelineBot.Teams.Turns;
using Microsoft.Extensions.Options;

namespace GuidelineBot.Teams.Experts;

/// <summary>
/// The experts' channel in Teams (<c>Experts:TeamsChannel</c>) at the experts' team's service URL
/// (<see cref="ExpertsTeamServiceUrl"/>): a ticket is a new thread in the channel (<c>POST /v3/conversations</c> with
/// <c>isGroup</c> and <c>channelData.channel.id</c>), its card updated in place (<c>PUT …/activities/{root}</c>); who may
/// answer is the channel's roster (<c>GET …/pagedmembers</c>), cached for <c>Experts:MembershipCacheSeconds</c>. What is for
/// one member alone goes to their personal chat with the bot (<c>POST /v3/conversations</c> with them as the one member).
/// </summary>
internal sealed class TeamsExpertChannel(
    ConnectorClient connector,
    ExpertsTeamServiceUrl serviceUrls,
    IOptions<ExpertOptions> experts,
    IOptions<BotOptions> bot,
    TimeProvider time) : IExpertChannel
{
    public const int RosterPageSize = 500;

    private Roster? _roster;

    public string Channel => Channels.Teams;

    private string ChannelId => experts.Value.TeamsChannel ?? throw new InvalidOperationException("Experts:TeamsChannel is not set.");

    private string? TenantId => string.IsNullOrWhiteSpace(bot.Value.MicrosoftAppTenantId) ? null : bot.Value.MicrosoftAppTenantId;

    public async Task<TicketPost> PostAsync(ExpertTicketMessage message, CancellationToken cancellationToken)
    {
        var channelData = new JsonObject { [ActivityChannelData.Channel] = new JsonObject { ["id"] = ChannelId } };
        if (TenantId is { } tenant)
        {
            channelData[ActivityChannelData.Tenant] = new JsonObject { ["id"] = tenant };
        }

        var parameters = new ConversationParameters
        {
            Bot = BotAccount,
            IsGroup = true,
            TenantId = TenantId,
            ChannelData = channelData,
            Activity = Card(message),
        };
        var created = await connector.CreateConversationAsync(await ServiceUrlAsync(cancellationToken), parameters, cancellationToken);
        var root = created?.ActivityId is { Length: > 0 } activityId ? activityId
            : created?.Id is { } id && ExpertsThread.Parse(id).RootMessageId is { } fromId ? fromId
            : throw new InvalidOperationException("The Bot Connector answered without the new thread's message id.");
        return new TicketPost(Channels.Teams, ChannelId, root);
    }

    public async Task UpdateAsync(TicketPost post, ExpertTicketMessage message, CancellationToken cancellationToken)
    {
        var thread = ExpertsThread.Of(post.ConversationId, post.MessageId);
        await connector.UpdateAsync(await ServiceUrlAsync(cancellationToken), thread, post.MessageId,
            Card(message) with { Id = post.MessageId, Conversation = new ConversationAccount { Id = thread } }, cancellationToken);
    }

    /// <summary>
    /// A private message to an expert, in their 1:1 chat with the bot, opened as <see cref="Onboarding.PersonalChat"/>
    /// opens one: by their Teams id (an expert is known by their Entra object id, which the roster maps to it), not a
    /// group, with the tenant.
    /// </summary>
    public async Task TellAsync(string userId, OutboundMessage message, CancellationToken cancellationToken)
    {
        var parameters = new ConversationParameters
        {
            Bot = BotAccount,
            Members = [new ChannelAccount { Id = await TeamsIdAsync(userId, cancellationToken) }],
            IsGroup = false,
            TenantId = TenantId,
            ChannelData = TenantId is { } tenant ? new JsonObject { [ActivityChannelData.Tenant] = new JsonObject { ["id"] = tenant } } : null,
            Activity = TeamsTurn.Compose(message, new Activity { Type = Activity.Types.Message }),
        };
        _ = await connector.CreateConversationAsync(await ServiceUrlAsync(cancellationToken), parameters, cancellationToken)
            ?? throw new InvalidOperationException("The Bot Connector did not open a personal chat with the expert.");
    }

    /// <summary>Whether the person (Entra object id or Teams user id) is on the channel's roster; the roster is cached.</summary>
    public async Task<bool> IsMemberAsync(string userId, CancellationToken cancellationToken) =>
        (await CurrentRosterAsync(cancellationToken)).Ids.ContainsKey(userId);

    /// <summary>The person's Teams id ("29:…") from the roster; the id as given when the roster does not have them.</summary>
    private async Task<string> TeamsIdAsync(string userId, CancellationToken cancellationToken) =>
        (await CurrentRosterAsync(cancellationToken)).Ids.GetValueOrDefault(userId, userId);

    private async Task<Roster> CurrentRosterAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        if (_roster is not { } roster || now - roster.At >= TimeSpan.FromSeconds(experts.Value.MembershipCacheSeconds))
        {
            roster = new Roster(await RosterAsync(cancellationToken), now);
            _roster = roster;
        }

        return roster;
    }

    /// <summary>Every member's Teams id and Entra object id, each to their Teams id.</summary>
    private async Task<Dictionary<string, string>> RosterAsync(CancellationToken cancellationToken)
    {
        var serviceUrl = await ServiceUrlAsync(cancellationToken);
        var ids = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        string? continuation = null;
        do
        {
            var page = await connector.GetPagedMembersAsync(serviceUrl, ChannelId, RosterPageSize, continuation, cancellationToken);
            foreach (var member in page?.Members ?? [])
            {
                if (member.Id is not { Length: > 0 } teamsId)
                {
                    continue;
                }

                ids[teamsId] = teamsId;
                if (member.AadObjectId is { Length: > 0 } objectId)
                {
                    ids[objectId] = teamsId;
                }
            }

            continuation = page?.ContinuationToken is { Length: > 0 } next && next != continuation ? next : null;
        }
        while (continuation is not null);

        return ids;
    }

    private async Task<string> ServiceUrlAsync(CancellationToken cancellationToken) =>
        await serviceUrls.GetAsync(cancellationToken) ?? throw new InvalidOperationException(
            "The experts' team service URL is not known yet: set Experts:TeamsServiceUrl, or install the bot in the experts' team.");

    /// <summary>The ticket's card (alone, as every card: an update must keep the same shape).</summary>
    private static Activity Card(ExpertTicketMessage message) => TeamsTurn.Compose(message, new Activity { Type = Activity.Types.Message });

    private ChannelAccount? BotAccount => string.IsNullOrWhiteSpace(bot.Value.MicrosoftAppId) ? null : new ChannelAccount { Id = "28:" + bot.Value.MicrosoftAppId };

    private sealed record Roster(Dictionary<string, string> Ids, DateTimeOffset At);
}
