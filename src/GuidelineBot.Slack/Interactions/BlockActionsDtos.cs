namespace GuidelineBot.Slack.Interactions;

/// <summary>The <c>payload</c> of an interaction; only <c>block_actions</c> is handled.</summary>
public sealed record InteractionPayload(
    string? Type,
    SlackActor? User = null,
    SlackChannelRef? Channel = null,
    SlackContainer? Container = null,
    string? ResponseUrl = null,
    string? TriggerId = null,
    IReadOnlyList<SlackAction>? Actions = null,
    SlackTeamRef? Team = null);

public sealed record SlackActor(string? Id, string? Username = null, string? TeamId = null);

public sealed record SlackTeamRef(string? Id, string? Domain = null);

public sealed record SlackChannelRef(string? Id, string? Name = null);

public sealed record SlackContainer(string? Type = null, string? MessageTs = null, string? ChannelId = null, bool? IsEphemeral = null);

public sealed record SlackAction(string? ActionId, string? BlockId = null, string? Value = null, string? Type = null, string? ActionTs = null);
