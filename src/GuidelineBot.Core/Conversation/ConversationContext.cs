using GuidelineBot.Core.Onboarding;

namespace GuidelineBot.Core.Conversation;

/// <summary>The channel names the core knows (<see cref="ConversationContext.Channel"/>).</summary>
public static class Channels
{
    public const string Slack = "slack";
    public const string Teams = "teams";
    public const string Web = "web";
}

/// <summary>
/// Who says something, where. Built by a channel from its request; the core keys onboarding, feedback, welcome-once
/// and the question log on it.
/// </summary>
/// <param name="Channel">"slack", "teams" or "web" (<see cref="Channels"/>).</param>
/// <param name="UserId">The channel's id of the person (Slack <c>U…</c>, Teams Entra object id, the web sign-in's subject).</param>
/// <param name="ConversationId">Where the message was written (Slack channel id, Teams conversation id, web session).</param>
/// <param name="IsDirect">A one-to-one conversation between the person and the bot (Slack DM, Teams personal chat, web).</param>
/// <param name="DisplayName">The person's name as the channel knows it; may be empty.</param>
/// <param name="TenantId">
/// The workspace or tenant when user ids are only unique within it (Slack <c>team_id</c>): onboarding state is kept per
/// tenant and user.
/// </param>
public sealed record ConversationContext(
    string Channel,
    string UserId,
    string ConversationId,
    bool IsDirect,
    string DisplayName = "",
    string? TenantId = null)
{
    /// <summary>
    /// The slash command people type in this channel (e.g. <c>/guidelines</c>), when it has one: help then says how to
    /// use it.
    /// </summary>
    public string? Command { get; init; }

    /// <summary>The message the person acted on (Slack message ts, Teams activity id), when the channel knows it.</summary>
    public string? MessageId { get; init; }

    /// <summary>
    /// Where an answer given later (an expert's) reaches this person, channel-encoded and opaque to the core: a Slack
    /// channel and thread, a Teams service URL and conversation. Null: the channel's default (a Slack DM, the web inbox).
    /// </summary>
    public string? ReplyAddress { get; init; }

    /// <summary>Whose onboarding this is: one state per channel, tenant and user.</summary>
    public OnboardingKey OnboardingKey => new(Channel, string.IsNullOrEmpty(TenantId) ? UserId : $"{TenantId}:{UserId}");
}
