using System.Text.Json.Nodes;
using GuidelineBot.Teams.Configuration;
using GuidelineBot.Teams.Connector;
using GuidelineBot.Teams.Protocol;
using GuidelineBot.Teams.Turns;
using Microsoft.Extensions.Options;

namespace GuidelineBot.Teams.Onboarding;

/// <summary>
/// A proactive 1:1 chat between the bot and a person: <c>POST {serviceUrl}/v3/conversations</c> with the bot, the member,
/// <c>isGroup: false</c> and the tenant (<c>tenantId</c> and <c>channelData.tenant.id</c>), then messages sent into it.
/// The service URL is the incoming activity's, so the connector's address policy (HTTPS, or loopback) applies.
/// </summary>
internal sealed class PersonalChat(ConnectorClient connector, IOptions<BotOptions> options)
{
    /// <summary>Creates (or, in Teams, finds) the 1:1 conversation and returns a message template addressed into it.</summary>
    public async Task<Activity> OpenAsync(TeamsTurn turn, ChannelAccount person, CancellationToken cancellationToken)
    {
        var bot = turn.Activity.Recipient ?? throw new InvalidOperationException("The activity has no recipient (the bot).");
        var tenant = turn.TenantId ?? (string.IsNullOrWhiteSpace(options.Value.MicrosoftAppTenantId) ? null : options.Value.MicrosoftAppTenantId);
        var parameters = new ConversationParameters
        {
            Bot = new ChannelAccount { Id = bot.Id, Name = bot.Name },
            Members = [new ChannelAccount { Id = person.Id }],
            IsGroup = false,
            TenantId = tenant,
            ChannelData = tenant is null ? null : new JsonObject { ["tenant"] = new JsonObject { ["id"] = tenant } },
        };
        var created = await connector.CreateConversationAsync(turn.ServiceUrl, parameters, cancellationToken);
        var conversationId = created?.Id is { Length: > 0 } id
            ? id
            : throw new InvalidOperationException("The Bot Connector answered without a conversation id.");
        return new Activity
        {
            Type = Activity.Types.Message,
            ChannelId = turn.Activity.ChannelId,
            ServiceUrl = turn.ServiceUrl,
            From = bot,
            Recipient = person,
            Conversation = new ConversationAccount { Id = conversationId, ConversationType = "personal", TenantId = tenant },
            Locale = turn.Activity.Locale,
        };
    }

    public async Task SendAsync(IEnumerable<Activity> messages, CancellationToken cancellationToken)
    {
        foreach (var message in messages)
        {
            await connector.SendToConversationAsync(message.ServiceUrl!, message.Conversation!.Id!, message, cancellationToken);
        }
    }
}
