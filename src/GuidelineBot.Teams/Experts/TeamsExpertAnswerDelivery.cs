using GuidelineBot.Core.Conversation;
using GuidelineBot.Core.Experts;
using GuidelineBot.Teams.Connector;
using GuidelineBot.Teams.Protocol;
using GuidelineBot.Teams.Turns;

namespace GuidelineBot.Teams.Experts;

/// <summary>
/// Delivers an expert's answer to a Teams asker where they asked: a proactive message into the conversation of the
/// question (<see cref="TeamsReplyAddress"/>: the 1:1 chat, group chat or channel thread). An asker without an address
/// (a ticket from before it was kept) is reached in their conversation through the experts' team's service URL.
/// Any failure throws, so the outbox tries again later.
/// </summary>
internal sealed class TeamsExpertAnswerDelivery(ConnectorClient connector, ExpertsTeamServiceUrl? serviceUrls = null) : IExpertAnswerDelivery
{
    public string Channel => Channels.Teams;

    public async Task DeliverAsync(ExpertAsker asker, ExpertAnswerMessage message, CancellationToken cancellationToken)
    {
        var address = TeamsReplyAddress.Decode(asker.ReplyAddress)
                      ?? new TeamsReplyAddress((serviceUrls is null ? null : await serviceUrls.GetAsync(cancellationToken))
                                               ?? throw new InvalidOperationException("No Teams service URL is known to reach the asker."),
                          asker.ConversationId, asker.TenantId);
        var activity = TeamsTurn.Compose(message, new Activity
        {
            Type = Activity.Types.Message,
            ChannelId = "msteams",
            Conversation = new ConversationAccount { Id = address.ConversationId, TenantId = address.TenantId },
        });
        await connector.SendToConversationAsync(address.ServiceUrl, address.ConversationId, activity, cancellationToken);
    }
}
