using GuidelineBot.Core.Background;
using GuidelineBot.Core.Conversation;
using GuidelineBot.Core.Experts;
using GuidelineBot.Core.Logging;
using GuidelineBot.Teams.Cards;
using GuidelineBot.Teams.Connector;
using GuidelineBot.Teams.Experts;
using GuidelineBot.Teams.Protocol;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace GuidelineBot.Teams.Turns;

/// <summary>
/// Teams' part of the background work: routes an authenticated activity, queued by <c>POST /api/messages</c>, to its
/// handler; an error is logged and the user gets a short apology.
/// </summary>
internal sealed class TurnDispatcher(ConnectorClient connector, IServiceProvider services, ILogger<TurnDispatcher> log)
    : IWorkItemHandler<Activity>
{
    /// <summary>Queue name ("teams"), capacity and parallelism: when the queue stays full the endpoint answers 503.</summary>
    public static readonly WorkQueueSettings<Activity> Settings = new("teams", Capacity: 1000, Consumers: 4);

    public string Describe(Activity activity) => $"Teams {LogText.Clip(activity.Type)} activity {LogText.Clip(activity.Id)}";

    public async Task HandleAsync(Activity activity, CancellationToken cancellationToken)
    {
        var turn = new TeamsTurn(activity, connector);
        try
        {
            await LearnServiceUrlAsync(activity, cancellationToken);
            switch (activity.Type)
            {
                case Activity.Types.Message:
                    await OnMessageAsync(turn, cancellationToken);
                    break;
                case Activity.Types.ConversationUpdate:
                    await services.GetRequiredService<ConversationUpdateHandler>().HandleAsync(turn, cancellationToken);
                    break;
                case Activity.Types.InstallationUpdate:
                    await services.GetRequiredService<InstallationUpdateHandler>().HandleAsync(turn, cancellationToken);
                    break;
                default:
                    log.LogDebug("Ignored a {Type} activity", LogText.Clip(activity.Type));
                    break;
            }
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            log.LogError(ex, "Teams turn failed ({Type} in conversation {ConversationId})", LogText.Clip(activity.Type), LogText.Clip(activity.Conversation?.Id));
            if (activity.Type == Activity.Types.Message)
            {
                await ApologizeAsync(turn, cancellationToken);
            }
        }
    }

    /// <summary>
    /// A card button (its <c>data</c> comes back as the activity's value), an expert's reply in a thread of the experts'
    /// channel, or typed text without the bot's @mention.
    /// </summary>
    private Task OnMessageAsync(TeamsTurn turn, CancellationToken cancellationToken) =>
        services.GetRequiredService<TeamsConversation>().RespondAsync(turn,
            CardActions.Read(turn.Activity.Value)
            ?? (ExpertsChannel is { } experts ? ExpertThreadReply.Read(turn.Activity, experts) : null)
            ?? (ConversationInbound)new TextInbound(MentionText.WithoutBotMention(turn.Activity)), cancellationToken);

    /// <summary>The experts' channel, when "Ask an expert" runs in Teams.</summary>
    private string? ExpertsChannel => services.GetService<TeamsExpertChannel>() is null ? null : services.GetService<IOptions<ExpertOptions>>()?.Value.TeamsChannel;

    /// <summary>Every activity may teach the experts' team service URL; failing to keep it never fails the turn.</summary>
    private async Task LearnServiceUrlAsync(Activity activity, CancellationToken cancellationToken)
    {
        if (services.GetService<ExpertsTeamServiceUrl>() is not { } serviceUrls)
        {
            return;
        }

        try
        {
            await serviceUrls.LearnAsync(activity, cancellationToken);
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            log.LogWarning(ex, "Could not keep the service URL of a {Type} activity", LogText.Clip(activity.Type));
        }
    }

    private async Task ApologizeAsync(TeamsTurn turn, CancellationToken cancellationToken)
    {
        try
        {
            await turn.ReplyAsync(turn.Message(new NoticeMessage(NoticeKind.Failed)), cancellationToken);
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            log.LogError(ex, "Could not send the apology either (conversation {ConversationId})", LogText.Clip(turn.Activity.Conversation?.Id));
        }
    }
}
