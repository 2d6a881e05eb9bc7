using GuidelineBot.Core.Answers;
using GuidelineBot.Core.Knowledge;
using GuidelineBot.Core.Onboarding;

namespace GuidelineBot.Knowledge;

/// <summary>
/// One immutable version of everything that answers: the knowledge (the folder's documents and the approved expert
/// answers) with its index, the onboarding catalog built on
/// it and the status shown to operators. Swapped as a whole; a request uses one from start to end.
/// </summary>
/// <param name="Synonyms">The synonym file text in effect (the last good one), null for none.</param>
/// <param name="OnboardingQuestions">The questions file text in effect (what <see cref="Onboarding"/> was built from).</param>
/// <param name="LastGoodOnboardingQuestions">The last questions file text that loaded without an error, if any.</param>
/// <param name="ExpertAnswers">The approved expert answers in <see cref="Knowledge"/> ("Expert answers"), null for none.</param>
/// <param name="ExpertAnswersVersion">The store's <see cref="Core.Experts.ISuggestionStore.ApprovedVersionAsync"/> they were read at; null without a store.</param>
internal sealed record KnowledgeSnapshot(
    IGuidelineSearch Search,
    OnboardingCatalog Onboarding,
    KnowledgeStatus Status,
    string? Synonyms,
    string? OnboardingQuestions,
    string? LastGoodOnboardingQuestions,
    GuidelineDocument? ExpertAnswers = null,
    string? ExpertAnswersVersion = null)
{
    public KnowledgeBase Knowledge => Search.Knowledge;
}
