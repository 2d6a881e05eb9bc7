using GuidelineBot.Core.Answers;
using GuidelineBot.Core.Experts;
using GuidelineBot.Core.Knowledge;
using GuidelineBot.Core.Onboarding;
using GuidelineBot.Hosting;
using GuidelineBot.Search;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace GuidelineBot.UnitTests.Hosting;

/// <summary>The ranges and required values of the engine's and the experts' options are enforced when they are resolved.</summary>
public sealed class OptionsValidatorTests
{
    private static ServiceProvider Services(string key, string? value)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Knowledge:Path"] = TestPaths.Knowledge, [key] = value })
            .Build();
        return new ServiceCollection().AddLogging().AddGuidelineEngine(configuration).AddExperts(configuration).AddOnboarding(configuration).BuildServiceProvider();
    }

    private static object Resolve(string key, string? value)
    {
        using var services = Services(key, value);
        return key.Split(':')[0] switch
        {
            "Search" => services.GetRequiredService<IOptions<SearchOptions>>().Value,
            "Answers" => services.GetRequiredService<IOptions<AnswerOptions>>().Value,
            "Experts" => services.GetRequiredService<IOptions<ExpertOptions>>().Value,
            "Knowledge" => services.GetRequiredService<IOptions<KnowledgeOptions>>().Value,
            "Onboarding" => services.GetRequiredService<IOptions<OnboardingOptions>>().Value,
            var section => throw new ArgumentException(section),
        };
    }

    [Theory]
    [InlineData("Search:HeadingBoost", "0", "HeadingBoost")]
    [InlineData("Search:SynonymWeight", "1.5", "SynonymWeight")]
    [InlineData("Search:ModelCachePath", "", "ModelCachePath")]
    [InlineData("Search:StartupWaitSeconds", "3601", "StartupWaitSeconds")]
    [InlineData("Search:QuestionCacheSize", "-1", "QuestionCacheSize")]
    [InlineData("Search:ModelPrecision", "5", "ModelPrecision")]
    [InlineData("Search:Reranker", "7", "Reranker")]
    [InlineData("Answers:MinConfidence", "1.01", "MinConfidence")]
    [InlineData("Answers:WholeSectionMaxChars", "99", "WholeSectionMaxChars")]
    [InlineData("Answers:MaxRelated", "11", "MaxRelated")]
    [InlineData("Answers:CacheSize", "-5", "CacheSize")]
    [InlineData("Experts:ReminderHours", "0", "ReminderHours")]
    [InlineData("Experts:PollSeconds", "0", "PollSeconds")]
    [InlineData("Experts:MaxAttempts", "10001", "MaxAttempts")]
    public void A_value_out_of_range_is_refused_naming_the_setting(string key, string value, string member)
    {
        var error = Assert.Throws<OptionsValidationException>(() => Resolve(key, value));
        Assert.Contains(member, error.Message, StringComparison.Ordinal);
    }

    // Read, but never watched, and shown as if in the folder ("knowledge//etc/passwd"); the README says "inside it".
    [Theory]
    [InlineData("Knowledge:SynonymsFile", "../../../etc/passwd")]
    [InlineData("Knowledge:SynonymsFile", "/etc/passwd")]
    [InlineData("Knowledge:SynonymsFile", " ")]
    [InlineData("Onboarding:QuestionsFile", "/etc/passwd")]
    [InlineData("Onboarding:QuestionsFile", "config/../../onboarding.yml")]
    public void A_knowledge_file_setting_outside_the_folder_is_refused(string key, string value)
    {
        var error = Assert.Throws<OptionsValidationException>(() => Resolve(key, value));
        Assert.Contains($"{key} must name", error.Message, StringComparison.Ordinal);
        Assert.Contains("inside Knowledge:Path", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Knowledge:SynonymsFile", "config/synonyms.txt")]
    [InlineData("Onboarding:QuestionsFile", "checks/../onboarding.yml")]
    public void A_knowledge_file_setting_inside_the_folder_is_kept(string key, string value)
    {
        var options = Resolve(key, value);
        Assert.Equal(value, options.GetType().GetProperty(key.Split(':')[1])!.GetValue(options));
    }

    [Theory]
    [InlineData("Search:StartupWaitSeconds", "0")]
    [InlineData("Answers:MinConfidence", "0.2")]
    [InlineData("Experts:ReminderHours", "0.5")]
    public void A_value_in_range_is_kept(string key, string value)
    {
        var options = Resolve(key, value);
        var property = options.GetType().GetProperty(key.Split(':')[1])!;
        Assert.Equal(double.Parse(value, System.Globalization.CultureInfo.InvariantCulture), Convert.ToDouble(property.GetValue(options), System.Globalization.CultureInfo.InvariantCulture));
    }

    [Theory]
    [InlineData(null, ModelPrecision.Int8)]
    [InlineData("Float32", ModelPrecision.Float32)]
    [InlineData("int8", ModelPrecision.Int8)]
    public void The_model_precision_is_int8_unless_set_and_names_the_stored_vectors(string? value, ModelPrecision expected)
    {
        using var services = Services("Search:ModelPrecision", value);

        Assert.Equal(expected, services.GetRequiredService<IOptions<SearchOptions>>().Value.ModelPrecision);
        Assert.Equal(expected, services.GetRequiredService<MiniLmEncoder>().Precision);
        Assert.Equal(MiniLmModel.ModelId(expected), services.GetRequiredService<CachedSemanticEncoder>().Model);
    }
}
