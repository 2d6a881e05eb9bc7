using GuidelineBot.Core.Background;
using GuidelineBot.Core.Conversation;
using GuidelineBot.Core.Experts;
using GuidelineBot.Core.Logging;
using GuidelineBot.Core.Storage;
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
/// handler; an error is logged and the user gets a short apology. A message activity delivered again (the Bot Connector
/// delivers at least once) is answered once: its id, within its conversation, is claimed in the store, as Slack's event
/// ids are, so a repeat on another replica or after a restart is ignored too.
/// </summary>
internal sealed class TurnDispatcher(ConnectorClient connector, IOnceStore once, TimeProvider time, IServiceProvider services, ILogger<TurnDispatcher> log)
    : IWorkItemHandler<Activity>
{
    public const string DedupeScope = "teams-activity";

    /// <summary>How long a message activity's id is remembered (as Slack's event ids).</summary>
    public static readonly TimeSpan SeenFor = TimeSpan.FromHours(6);

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
                case Activity.Types.Message when await IsRepeatAsync(activity, cancellationToken):
                    log.LogInformation("Teams message activity {ActivityId} was already handled; ignoring the repeat", LogText.Clip(activity.Id));
                    break;
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

    /// <summary>
    /// True when the activity's id was claimed before in its conversation; false for a first delivery, an activity
    /// without an id, or when the store cannot say (a person answered twice is better than one not answered).
    /// </summary>
    private async Task<bool> IsRepeatAsync(Activity activity, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(activity.Id) || activity.Conversation?.Id is not { Length: > 0 } conversation)
        {
            return false;
        }

        try
        {
            return !await once.TryClaimAsync(DedupeScope, conversation + "\n" + activity.Id, time.GetUtcNow(), SeenFor, cancellationToken);
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested && ex is not OutOfMemoryException)
        {
            log.LogWarning(ex, "Teams activity {ActivityId}: the store could not record it as handled ({Message}); answering it unrecorded",
                LogText.Clip(activity.Id), ex.Message);
            return false;
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
