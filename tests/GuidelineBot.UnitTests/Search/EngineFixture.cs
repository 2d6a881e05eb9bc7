using GuidelineBot.Core.Answers;
using GuidelineBot.Core.Knowledge;
using GuidelineBot.Search;
using Microsoft.Extensions.Options;

namespace GuidelineBot.UnitTests.Search;

/// <summary>The real engine over the repository's knowledge folder, built once for all tests that share it.</summary>
public sealed class EngineFixture : IDisposable
{
    public EngineFixture()
    {
        Knowledge = KnowledgeLoader.Load(new KnowledgeOptions { Path = TestPaths.Knowledge });
        Encoder = new MiniLmEncoder();
        Float32Encoder = new MiniLmEncoder(new SearchOptions().ModelCachePath, ModelPrecision.Float32);
        Search = new LuceneGuidelineSearch(Knowledge, new SearchOptions(), TestPaths.Synonyms, Encoder);
        Lexical = new LuceneGuidelineSearch(Knowledge, new SearchOptions { Reranker = RerankerKind.None }, TestPaths.Synonyms);
        Answers = new AnswerService(Search, Options.Create(new AnswerOptions { Contact = "the Director of Technology" }));
        LexicalAnswers = new AnswerService(Lexical, Options.Create(new AnswerOptions { Contact = "the Director of Technology" }));
    }

    public KnowledgeBase Knowledge { get; }

    /// <summary>The encoder as the server runs it (int8 weights).</summary>
    public MiniLmEncoder Encoder { get; }

    /// <summary>The same model with the weights the package ships.</summary>
    public MiniLmEncoder Float32Encoder { get; }

    public LuceneGuidelineSearch Search { get; }

    public LuceneGuidelineSearch Lexical { get; }

    public AnswerService Answers { get; }

    public AnswerService LexicalAnswers { get; }

    public void Dispose()
    {
        Search.Dispose();
        Lexical.Dispose();
        Encoder.Dispose();
        Float32Encoder.Dispose();
    }
}

[CollectionDefinition(Name)]
public sealed class EngineCollection : ICollectionFixture<EngineFixture>
{
    public const string Name = "engine";
}
