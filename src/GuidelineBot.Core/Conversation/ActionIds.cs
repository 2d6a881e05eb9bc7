using System.Globalization;

namespace GuidelineBot.Core.Conversation;

/// <summary>
/// The names of the buttons GuidelineBot renders, one table for every channel: the <see cref="ActionKind"/> each stands
/// for. Teams puts a stem (<see cref="Ask"/>, <see cref="Feedback"/>, <see cref="Onboarding"/>) in its submit data's
/// <c>action</c>; Slack needs an action id unique in its row (<see cref="For"/>, read back by <see cref="Kind"/>); the
/// web chat posts the <see cref="ActionKind"/> itself.
/// </summary>
public static class ActionIds
{
    public const string Ask = "ask";
    public const string Feedback = "feedback";
    public const string Share = "share";
    public const string Onboarding = "onboarding";

    public const string AskExpert = "ask_expert";
    public const string SendToExpert = "send_to_expert";
    public const string ExpertAnswer = "expert_answer";
    public const string ExpertAssign = "expert_assign";
    public const string SubmitExpertAnswer = "expert_submit";

    public const string Helpful = Feedback + "_helpful";
    public const string NotHelpful = Feedback + "_not_helpful";

    /// <summary>Prefix of "ask this" buttons (suggested topics, example questions); suffixed with an index to stay unique.</summary>
    public const string AskPrefix = Ask + "_";

    /// <summary>Prefix of onboarding buttons; the value is the engine's button value.</summary>
    public const string OnboardingPrefix = Onboarding + "_";

    /// <summary>The action id of the <paramref name="index"/>th button of its row.</summary>
    public static string For(ActionKind kind, int index) => kind switch
    {
        ActionKind.Share => Share,
        ActionKind.Helpful => Helpful,
        ActionKind.NotHelpful => NotHelpful,
        ActionKind.Onboarding => OnboardingPrefix + index.ToString(CultureInfo.InvariantCulture),
        ActionKind.AskExpert => AskExpert,
        ActionKind.SendToExpert => SendToExpert,
        ActionKind.ExpertAnswer => ExpertAnswer,
        ActionKind.ExpertAssign => ExpertAssign,
        ActionKind.SubmitExpertAnswer => SubmitExpertAnswer,
        _ => AskPrefix + index.ToString(CultureInfo.InvariantCulture),
    };

    /// <summary>The kind of button an action id stands for, or null for one GuidelineBot never renders.</summary>
    public static ActionKind? Kind(string actionId) => actionId switch
    {
        Share => ActionKind.Share,
        Helpful => ActionKind.Helpful,
        NotHelpful => ActionKind.NotHelpful,
        AskExpert => ActionKind.AskExpert,
        SendToExpert => ActionKind.SendToExpert,
        ExpertAnswer => ActionKind.ExpertAnswer,
        ExpertAssign => ActionKind.ExpertAssign,
        SubmitExpertAnswer => ActionKind.SubmitExpertAnswer,
        _ when actionId.StartsWith(AskPrefix, StringComparison.Ordinal) => ActionKind.Ask,
        _ when actionId.StartsWith(OnboardingPrefix, StringComparison.Ordinal) => ActionKind.Onboarding,
        _ => null,
    };
}
