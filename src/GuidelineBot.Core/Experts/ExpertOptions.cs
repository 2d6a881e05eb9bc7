using System.ComponentModel.DataAnnotations;

namespace GuidelineBot.Core.Experts;

/// <summary>
/// "Ask an expert" (configuration section <c>Experts</c>). With neither experts' channel set, questions the guidelines do
/// not answer name the contact only, as before; with one, they offer <b>Ask an expert</b>.
/// </summary>
public sealed class ExpertOptions
{
    public const string SectionName = "Experts";

    /// <summary>The Slack channel id (<c>C…</c>) where tickets are posted and answered.</summary>
    public string? SlackChannel { get; set; }

    /// <summary>The Teams channel's conversation id (<c>19:…@thread.tacv2</c>) where tickets are posted and answered.</summary>
    public string? TeamsChannel { get; set; }

    /// <summary>The Teams service URL of the experts' team; learned when the bot is installed in the team when not set.</summary>
    public string? TeamsServiceUrl { get; set; }

    /// <summary>An unanswered ticket older than this is re-announced once in the experts' channel.</summary>
    [Range(0.01, 24 * 365, ErrorMessage = "Experts:ReminderHours must be between {1} and {2}.")]
    public double ReminderHours { get; set; } = 24;

    /// <summary>How long a looked-up channel membership is trusted.</summary>
    [Range(1, 86_400, ErrorMessage = "Experts:MembershipCacheSeconds must be between {1} and {2}.")]
    public int MembershipCacheSeconds { get; set; } = 300;

    /// <summary>How often the outbox looks for due deliveries and reminders (posts made here are sent at once).</summary>
    [Range(1, 3600, ErrorMessage = "Experts:PollSeconds must be between {1} and {2}.")]
    public int PollSeconds { get; set; } = 10;

    /// <summary>A failed post or delivery is tried again after this many seconds, doubling per attempt up to an hour.</summary>
    [Range(1, 3600, ErrorMessage = "Experts:RetrySeconds must be between {1} and {2}.")]
    public int RetrySeconds { get; set; } = 30;

    /// <summary>A post or delivery that failed this many times is given up (logged as an error, its last error kept in the store).</summary>
    [Range(1, 10_000, ErrorMessage = "Experts:MaxAttempts must be between {1} and {2}.")]
    public int MaxAttempts { get; set; } = 60;
}
