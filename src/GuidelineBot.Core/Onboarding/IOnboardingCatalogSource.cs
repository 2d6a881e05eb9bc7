namespace GuidelineBot.Core.Onboarding;

/// <summary>
/// Where onboarding gets its catalog: a fixed <see cref="OnboardingCatalog"/> is its own source; the server's live
/// knowledge swaps in a new one when <c>onboarding.yml</c> or the documents change. Read it once per step.
/// </summary>
public interface IOnboardingCatalogSource
{
    OnboardingCatalog Current { get; }
}
