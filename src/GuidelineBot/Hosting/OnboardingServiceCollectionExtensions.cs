using GuidelineBot.Core.Knowledge;
using GuidelineBot.Core.Onboarding;
using Microsoft.Extensions.Options;

namespace GuidelineBot.Hosting;

/// <summary>Registers the onboarding engine (the store comes from <c>AddGuidelineStore</c>).</summary>
public static class OnboardingServiceCollectionExtensions
{
    public static IServiceCollection AddOnboarding(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<OnboardingOptions>().Bind(configuration.GetSection(OnboardingOptions.SectionName))
            .Validate(o => !string.IsNullOrWhiteSpace(o.QuestionsFile), "Onboarding:QuestionsFile must name the check-questions file (e.g. onboarding.yml)")
            .ValidateOnStart();
        services.AddSingleton(sp =>
        {
            var catalog = OnboardingCatalog.Load(sp.GetRequiredService<KnowledgeBase>(),
                sp.GetRequiredService<IOptions<KnowledgeOptions>>().Value, sp.GetRequiredService<IOptions<OnboardingOptions>>().Value);
            var log = sp.GetRequiredService<ILoggerFactory>().CreateLogger("GuidelineBot.Onboarding");
            foreach (var error in catalog.Errors)
            {
                log.LogError("Check question skipped: {File}:{Line}: {Message}", error.File, error.Line, error.Message);
            }

            return catalog;
        });
        services.AddSingleton<OnboardingService>();
        services.AddHostedService<OnboardingWarmup>();
        return services;
    }
}

/// <summary>Loads the onboarding catalog at start-up: a bad <c>Onboarding:Documents</c> stops the server with its message.</summary>
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
