using GuidelineBot.Core.Conversation;

namespace GuidelineBot.Slack.Rendering;

/// <summary>Action ids of the buttons GuidelineBot renders: the <see cref="ActionKind"/> they stand for.</summary>
public static class ActionIds
{
    public const string Share = "share";
    public const string Helpful = "feedback_helpful";
    public const string NotHelpful = "feedback_not_helpful";

    /// <summary>Prefix of "ask this" buttons (suggested topics, example questions); suffixed with an index to stay unique.</summary>
    public const string AskPrefix = "ask_";

    /// <summary>Prefix of onboarding buttons; the value is the engine's button value.</summary>
    public const string OnboardingPrefix = "onboarding_";

    /// <summary>The action id of the <paramref name="index"/>th button of its row.</summary>
    public static string For(ActionKind kind, int index) => kind switch
    {
        ActionKind.Share => Share,
        ActionKind.Helpful => Helpful,
        ActionKind.NotHelpful => NotHelpful,
        ActionKind.Onboarding => OnboardingPrefix + index.ToString(System.Globalization.CultureInfo.InvariantCulture),
        _ => AskPrefix + index.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };

    /// <summary>The kind of button an action id stands for, or null for one GuidelineBot never renders.</summary>
    public static ActionKind? Kind(string actionId) => actionId switch
    {
        Share => ActionKind.Share,
        Helpful => ActionKind.Helpful,
        NotHelpful => ActionKind.NotHelpful,
        _ when actionId.StartsWith(AskPrefix, StringComparison.Ordinal) => ActionKind.Ask,
        _ when actionId.StartsWith(OnboardingPrefix, StringComparison.Ordinal) => ActionKind.Onboarding,
        _ => null,
    };
}
