using GuidelineBot.Core.Experts;
using GuidelineBot.Core.Logging;
using GuidelineBot.Core.Storage;
using GuidelineBot.Teams.Protocol;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace GuidelineBot.Teams.Experts;

/// <summary>
/// The Bot Connector service URL of the experts' team: <c>Experts:TeamsServiceUrl</c> when set, else the one learned from
/// Teams and kept in the store (<see cref="ISettingStore"/>, so restarts and other replicas know it). Every authenticated
/// Teams activity (<c>channelId</c> <c>msteams</c>) teaches it: one from the experts' channel itself (a message, a thread
/// reply, the bot added there) sets it; the bot being installed in any team sets it only while none is known (a tenant's
/// teams share their region's URL).
/// </summary>
internal sealed class ExpertsTeamServiceUrl(
    IOptions<ExpertOptions> options,
    ISettingStore settings,
    TimeProvider time,
    ILogger<ExpertsTeamServiceUrl> log)
{
    public const string SettingKey = "teams.experts.serviceUrl";

    private string? _known;

    private string Channel => options.Value.TeamsChannel ?? "";

    /// <summary>The service URL to post to, or null while none is configured or learned.</summary>
    public async Task<string?> GetAsync(CancellationToken cancellationToken)
    {
        if (options.Value.TeamsServiceUrl is { Length: > 0 } configured)
        {
            return configured;
        }

        // Read each time: another replica may have learned a newer one.
        _known = await settings.GetAsync(SettingKey, cancellationToken) ?? _known;
        return _known;
    }

    /// <summary>Keeps <paramref name="activity"/>'s service URL when it comes from the experts' channel or installs the bot in a team.</summary>
    public async Task LearnAsync(Activity activity, CancellationToken cancellationToken)
    {
        // Only Teams itself says which team an activity is from: another channel of the same Azure Bot (Web Chat, Direct
        // Line) passes on whatever channelData its client sends.
        if (!string.IsNullOrWhiteSpace(options.Value.TeamsServiceUrl) || activity.ServiceUrl is not { Length: > 0 } serviceUrl
            || !activity.IsFromTeams)
        {
            return;
        }

        var fromExperts = IsFromExpertsChannel(activity);
        if (!fromExperts && !IsTeamInstall(activity))
        {
            return;
        }

        _known ??= await settings.GetAsync(SettingKey, cancellationToken);
        if (string.Equals(_known, serviceUrl, StringComparison.OrdinalIgnoreCase) || (!fromExperts && _known is not null))
        {
            return;
        }

        await settings.SetAsync(SettingKey, serviceUrl, time.GetUtcNow(), cancellationToken);
        _known = serviceUrl;
        log.LogInformation("Learned the experts' team service URL {ServiceUrl} from a {Type} activity", LogText.Clip(serviceUrl), LogText.Clip(activity.Type));
    }

    private bool IsFromExpertsChannel(Activity activity) =>
        Channel.Length > 0 && (
            (activity.Conversation?.Id is { } conversationId && ExpertsThread.Parse(conversationId).IsIn(Channel))
            || ActivityChannelData.Id(activity, ActivityChannelData.Channel) is { } channel && ExpertsThread.Parse(channel).IsIn(Channel)
            || ActivityChannelData.Id(activity, ActivityChannelData.Team) is { } team && ExpertsThread.Parse(team).IsIn(Channel));

    /// <summary>The bot added to a team (<c>conversationUpdate</c> with itself in <c>membersAdded</c>, or <c>installationUpdate: add</c>).</summary>
    private static bool IsTeamInstall(Activity activity) =>
        ActivityChannelData.Id(activity, ActivityChannelData.Team) is not null && (
            (activity.Type == Activity.Types.InstallationUpdate && string.Equals(activity.Action, "add", StringComparison.OrdinalIgnoreCase))
            || (activity.Type == Activity.Types.ConversationUpdate && activity.Recipient?.Id is { Length: > 0 } bot
                && (activity.MembersAdded ?? []).Any(m => string.Equals(m.Id, bot, StringComparison.OrdinalIgnoreCase))));
}
