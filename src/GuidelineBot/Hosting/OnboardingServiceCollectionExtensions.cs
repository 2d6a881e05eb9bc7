using GuidelineBot.Core.Knowledge;
using GuidelineBot.Core.Onboarding;

namespace GuidelineBot.Hosting;

/// <summary>Registers the onboarding engine (the store comes from <c>AddGuidelineStore</c>).</summary>
public static class OnboardingServiceCollectionExtensions
{
    public static IServiceCollection AddOnboarding(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<OnboardingOptions>().Bind(configuration.GetSection(OnboardingOptions.SectionName))
            .Validate(o => KnowledgeLoader.IsInsideFolder(o.QuestionsFile), "Onboarding:QuestionsFile must name the check-questions file inside Knowledge:Path (e.g. onboarding.yml)")
            .ValidateOnStart();
        // The catalog is part of the live knowledge (it reloads with onboarding.yml and the documents); this is the current one.
        services.AddTransient(sp => sp.GetRequiredService<IOnboardingCatalogSource>().Current);
        services.AddSingleton<OnboardingService>();
        services.AddHostedService<OnboardingWarmup>();
        return services;
    }
}

/// <summary>Loads the onboarding catalog (with the first knowledge snapshot) at start-up: a bad <c>Onboarding:Documents</c> stops the server with its message.</summary>
internal sealed class OnboardingWarmup(IServiceProvider services, ILogger<OnboardingWarmup> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        var catalog = services.GetRequiredService<OnboardingCatalog>();
        logger.LogInformation("Onboarding covers {Documents} document(s) with {Questions} check question(s)",
            catalog.Documents.Count, catalog.Documents.Sum(d => d.Questions.Count));
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
