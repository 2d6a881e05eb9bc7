using GuidelineBot.Core.Answers;
using GuidelineBot.Core.Knowledge;
using GuidelineBot.Core.Onboarding;
using GuidelineBot.Core.Telemetry;
using GuidelineBot.Knowledge;
using GuidelineBot.Search;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace GuidelineBot.Hosting;

/// <summary>Registers the answer engine: live knowledge (see <see cref="LiveKnowledge"/>), the Lucene index (+ optional re-ranker) and the answer service.</summary>
public static class EngineServiceCollectionExtensions
{
    public static IServiceCollection AddGuidelineEngine(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<KnowledgeOptions>().Bind(configuration.GetSection(KnowledgeOptions.SectionName))
            .Validate(o => !string.IsNullOrWhiteSpace(o.Path), "Knowledge:Path must name the knowledge folder")
            .Validate(o => KnowledgeLoader.IsInsideFolder(o.SynonymsFile), "Knowledge:SynonymsFile must name a file inside Knowledge:Path (e.g. synonyms.txt)")
            .ValidateOnStart();
        services.AddOptions<SearchOptions>().Bind(configuration.GetSection(SearchOptions.SectionName)).ValidateOnStart();
        services.AddOptions<AnswerOptions>().Bind(configuration.GetSection(AnswerOptions.SectionName)).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<KnowledgeOptions>, KnowledgeOptionsValidator>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<KnowledgeOptions>, KnowledgeFolderValidator>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<SearchOptions>, SearchOptionsValidator>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<AnswerOptions>, AnswerOptionsValidator>());

        services.AddSingleton(TimeProvider.System);
        services.AddMetrics();
        services.TryAddSingleton<GuidelineMetrics>();
        services.AddSingleton(sp =>
        {
            var search = sp.GetRequiredService<IOptions<SearchOptions>>().Value;
            return new MiniLmEncoder(search.ModelCachePath, search.ModelPrecision, sp.GetService<ILogger<MiniLmEncoder>>(),
                sp.GetService<TimeProvider>());
        });
        services.AddSingleton(sp =>
        {
            var encoder = sp.GetRequiredService<MiniLmEncoder>();
            return new CachedSemanticEncoder(encoder, encoder.ModelId, sp.GetRequiredService<IOptions<SearchOptions>>().Value.QuestionCacheSize);
        });
        services.AddSingleton<ISemanticEncoder>(sp => sp.GetRequiredService<CachedSemanticEncoder>());
        // Live knowledge: one snapshot (knowledge, index, onboarding catalog, status) at a time, swapped whole by a reload.
        services.AddSingleton<KnowledgeSnapshotBuilder>();
        services.AddSingleton<LiveKnowledge>();
        services.AddSingleton<IKnowledgeStatus>(sp => sp.GetRequiredService<LiveKnowledge>());
        services.AddSingleton<IOnboardingCatalogSource>(sp => sp.GetRequiredService<LiveKnowledge>());
        services.AddSingleton<IGuidelineSearch, LiveGuidelineSearch>();
        // The knowledge live when resolved: hold on to it only for one piece of work (take IGuidelineSearch.Snapshot in services).
        services.AddTransient(sp => sp.GetRequiredService<LiveKnowledge>().Snapshot.Knowledge);
        services.AddSingleton<AnswerCache>();
        services.AddSingleton<AnswerService>();
        return services;
    }
}
