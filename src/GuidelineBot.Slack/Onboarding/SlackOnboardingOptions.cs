using System.Text.RegularExpressions;

namespace GuidelineBot.Slack.Onboarding;

/// <summary>
/// The Slack part of the <c>Onboarding</c> section (<c>Onboarding:AutoStart</c>, <c>Onboarding:Documents</c> belong to
/// the engine's options). <see cref="SlackChannel"/>: a channel id whose new members get onboarding when
/// <c>Onboarding:AutoStart</c> is on (<c>member_joined_channel</c>); empty = only <c>team_join</c> starts it.
/// </summary>
public sealed partial class SlackOnboardingOptions
{
    public const string SectionName = "Onboarding";

    /// <summary>A channel id such as <c>C0123456789</c> (not a #name), or empty.</summary>
    public string? SlackChannel { get; set; } = "";

    /// <summary><see cref="SlackChannel"/> trimmed; empty when not set.</summary>
    public string ChannelId => SlackChannel?.Trim() ?? "";

    internal static bool IsValidChannel(string? channel) => string.IsNullOrWhiteSpace(channel) || ChannelIdRegex().IsMatch(channel.Trim());

    [GeneratedRegex("^[CG][A-Z0-9]{2,}$")]
    private static partial Regex ChannelIdRegex();
}
