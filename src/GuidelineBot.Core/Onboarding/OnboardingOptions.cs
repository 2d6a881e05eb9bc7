namespace GuidelineBot.Core.Onboarding;

/// <summary>Configuration section <c>Onboarding</c>.</summary>
public sealed class OnboardingOptions
{
    public const string SectionName = "Onboarding";

    /// <summary>Which documents the walk-through covers, in order, by id (file name without extension) or title. Empty: all.</summary>
    public List<string> Documents { get; set; } = [];

    /// <summary>Start onboarding proactively for people who join (Teams membersAdded, Slack team_join).</summary>
    public bool AutoStart { get; set; }

    /// <summary>The check-questions file inside the knowledge folder.</summary>
    public string QuestionsFile { get; set; } = DefaultQuestionsFile;

    /// <summary>The check questions file's usual name; a folder without it has no check questions, and says nothing of it.</summary>
    public const string DefaultQuestionsFile = "onboarding.yml";
}
