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
    private const string DedupeScope = "teams-activity";

    /// <summary>How long a message activity's id is remembered (as Slack's event ids).</summary>
    private static readonly TimeSpan SeenFor = TimeSpan.FromHours(6);

    private static readonly TimeSpan ReleaseTimeout = TimeSpan.FromSeconds(10);

    /// <summary>Queue name ("teams"), capacity and parallelism: when the queue stays full the endpoint answers 503.</summary>
    public static readonly WorkQueueSettings<Activity> Settings = new("teams", Capacity: 1000, Consumers: 4);

    public string Describe(Activity activity) => $"Teams {LogText.Clip(activity.Type)} activity {LogText.Clip(activity.Id)}";

    public async Task HandleAsync(Activity activity, CancellationToken cancellationToken)
    {
        var turn = new TeamsTurn(activity, connector);
        string? claimed = null;
        try
        {
            await LearnServiceUrlAsync(activity, cancellationToken);
            if (activity.Type == Activity.Types.Message && DedupeKey(activity) is { } key)
            {
                var first = await TryClaimAsync(key, activity, cancellationToken);
                if (first == false)
                {
                    log.LogInformation("Teams message activity {ActivityId} was already handled; ignoring the repeat", LogText.Clip(activity.Id));
                    return;
                }

                claimed = first == true ? key : null;
            }

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
            if (claimed is not null)
            {
                // Before the apology: once the person has it, a redelivery of the activity is answered.
                await ReleaseAsync(claimed, activity);
            }

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

    /// <summary>A message activity's id within its conversation (Teams' ids are unique there); null without an id.</summary>
    private static string? DedupeKey(Activity activity) =>
        string.IsNullOrEmpty(activity.Id) || activity.Conversation?.Id is not { Length: > 0 } conversation ? null : conversation + "\n" + activity.Id;

    /// <summary>
    /// True for the activity's first delivery, false for a repeat, null when the store could not say: it is then answered
    /// (a person answered twice is better than one not answered).
    /// </summary>
    private async Task<bool?> TryClaimAsync(string key, Activity activity, CancellationToken cancellationToken)
    {
        try
        {
            return await once.TryClaimAsync(DedupeScope, key, time.GetUtcNow(), SeenFor, cancellationToken);
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested && ex is not OutOfMemoryException)
        {
            log.LogWarning(ex, "Teams activity {ActivityId}: the store could not record it as handled ({Message}); answering it unrecorded",
                LogText.Clip(activity.Id), ex.Message);
            return null;
        }
    }

    /// <summary>A failed turn gives its claim back, so that a redelivery of the activity is answered (as Slack's events).</summary>
    private async Task ReleaseAsync(string key, Activity activity)
    {
        // Not the work's token: it may be the one that was cancelled.
        using var timeout = new CancellationTokenSource(ReleaseTimeout, time);
        try
        {
            await once.ReleaseAsync(DedupeScope, key, timeout.Token);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            log.LogError(ex, "Teams activity {ActivityId} failed and could not be released; a redelivery of it will be ignored", LogText.Clip(activity.Id));
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
