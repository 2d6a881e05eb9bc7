using GuidelineBot.Core.Answers;
using GuidelineBot.Core.Knowledge;
using GuidelineBot.Core.Telemetry;
using GuidelineBot.Search;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace GuidelineBot.Hosting;

/// <summary>Registers the answer engine: knowledge, the Lucene index (+ optional re-ranker) and the answer service.</summary>
public static class EngineServiceCollectionExtensions
{
    public static IServiceCollection AddGuidelineEngine(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<KnowledgeOptions>().Bind(configuration.GetSection(KnowledgeOptions.SectionName))
            .Validate(o => !string.IsNullOrWhiteSpace(o.Path), "Knowledge:Path must name the knowledge folder")
            .ValidateOnStart();
        services.AddOptions<SearchOptions>().Bind(configuration.GetSection(SearchOptions.SectionName))
            .ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<AnswerOptions>().Bind(configuration.GetSection(AnswerOptions.SectionName))
            .ValidateDataAnnotations().ValidateOnStart();

        services.AddSingleton(TimeProvider.System);
        services.AddMetrics();
        services.TryAddSingleton<GuidelineMetrics>();
        services.AddSingleton<KnowledgeBase>(sp =>
        {
            var options = sp.GetRequiredService<IOptions<KnowledgeOptions>>().Value;
            var knowledge = KnowledgeLoader.Load(options);
            var log = sp.GetRequiredService<ILoggerFactory>().CreateLogger("GuidelineBot.Knowledge");
            foreach (var error in knowledge.Errors)
            {
                log.LogWarning("Skipped knowledge file {File} (line {Line}): {Message}", error.File, error.Line, error.Message);
            }

            log.LogInformation("Loaded {Documents} documents with {Sections} sections from {Path}",
                knowledge.Documents.Count, knowledge.Sections.Count(), options.Path);
            return knowledge;
        });
        services.AddSingleton(sp => new MiniLmEncoder(sp.GetRequiredService<IOptions<SearchOptions>>().Value.ModelCachePath));
        services.AddSingleton(sp => new CachedSemanticEncoder(sp.GetRequiredService<MiniLmEncoder>(), MiniLmModel.ModelId,
            sp.GetRequiredService<IOptions<SearchOptions>>().Value.QuestionCacheSize));
        services.AddSingleton<ISemanticEncoder>(sp => sp.GetRequiredService<CachedSemanticEncoder>());
        services.AddSingleton<IGuidelineSearch>(sp =>
        {
            var knowledge = sp.GetRequiredService<KnowledgeBase>();
            var search = sp.GetRequiredService<IOptions<SearchOptions>>().Value;
            var paths = sp.GetRequiredService<IOptions<KnowledgeOptions>>().Value;
            var encoder = search.Reranker == RerankerKind.MiniLM ? sp.GetRequiredService<ISemanticEncoder>() : null;
            return new LuceneGuidelineSearch(knowledge, search, Path.Combine(paths.Path, paths.SynonymsFile), encoder);
        });
        services.AddSingleton<AnswerCache>();
        services.AddSingleton<AnswerService>();
        return services;
    }
}
