using System.Diagnostics.Metrics;
using GuidelineBot.Core.Answers;
using GuidelineBot.Core.Knowledge;
using GuidelineBot.Core.Onboarding;
using GuidelineBot.Core.Telemetry;
using GuidelineBot.Search;
using GuidelineBot.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace GuidelineBot.IntegrationTests.Onboarding;

/// <summary>The repository's real knowledge/ (seed document + onboarding.yml) and a lexical index over it, built once.</summary>
public static class OnboardingTestKnowledge
{
    private static readonly Lazy<(KnowledgeBase Knowledge, AnswerService Answers, OnboardingCatalog Catalog)> Loaded = new(() =>
    {
        var options = new KnowledgeOptions { Path = RepoPaths.Knowledge };
        var knowledge = KnowledgeLoader.Load(options);
        var search = new LuceneGuidelineSearch(knowledge, new SearchOptions { Reranker = RerankerKind.None },
            Path.Combine(RepoPaths.Knowledge, options.SynonymsFile));
        var answers = new AnswerService(search, Options.Create(new AnswerOptions { Contact = "the Director of Technology" }));
        var catalog = OnboardingCatalog.Load(knowledge, options, new OnboardingOptions());
        return (knowledge, answers, catalog);
    });

    public static KnowledgeBase Knowledge => Loaded.Value.Knowledge;

    public static AnswerService Answers => Loaded.Value.Answers;

    public static OnboardingCatalog Catalog => Loaded.Value.Catalog;

    public static GuidelineDocument SeedDocument => Knowledge.Documents.Single(d => d.Id == "staff-social-media-guidelines");

    /// <summary>An engine as one server process would have it: its own store connections, the shared clock.</summary>
    public static OnboardingService Engine(StoreDatabase database, FakeTimeProvider time, bool autoStart = false, OnboardingCatalog? catalog = null) =>
        new(new SqlOnboardingStore(database), catalog ?? Catalog, Answers, time,
            Options.Create(new OnboardingOptions { AutoStart = autoStart }),
            Options.Create(new AnswerOptions { Contact = "the Director of Technology" }),
            NullLogger<OnboardingService>.Instance,
            new GuidelineMetrics(new ServiceCollection().AddMetrics().BuildServiceProvider().GetRequiredService<IMeterFactory>()));
}
