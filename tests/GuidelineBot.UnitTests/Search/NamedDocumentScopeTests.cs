using GuidelineBot.Core.Knowledge;
using GuidelineBot.Search;

namespace GuidelineBot.UnitTests.Search;

/// <summary>
/// A question about the guidelines themselves that names one document's title is about that document: another document's
/// introduction is no answer to it, even where that introduction mentions the named document (the seed document's does)
/// and the named document's introduction is its numbered "1. Purpose".
/// </summary>
[Collection(EngineCollection.Name)]
public sealed class NamedDocumentScopeTests : IDisposable
{
    private const string Laboratory = """
        Laboratory Safety Guidelines

        These laboratory safety guidelines complement the district's Acceptable Use Policy and apply to every teacher,
        aide and student who works in a school laboratory. Their purpose is to explain the safety rules and who must
        follow them.

        Q: What eye protection must I wear?

        - Wear splash goggles in the laboratory whenever chemicals, glass or heat are in use.

        Q: How do I store chemicals?

        - Keep acids and bases in separate ventilated cabinets, labelled with the date received.
        """;

    private const string AcceptableUse = """
        Acceptable Use Policy

        1. Purpose
        This policy sets out how staff may use district computers and networks.

        2. Scope
        It applies to all employees, volunteers and contractors.

        3. Passwords
        Never share your password with anyone, including technicians.
        """;

    private readonly EngineFixture _engine;
    private readonly TestPaths.TempFolder _folder = new();
    private readonly KnowledgeBase _knowledge;

    public NamedDocumentScopeTests(EngineFixture engine)
    {
        _engine = engine;
        _folder.Write("lab-safety.txt", Laboratory);
        _folder.Write("acceptable-use.txt", AcceptableUse);
        _knowledge = KnowledgeLoader.Load(new KnowledgeOptions { Path = _folder.Path });
    }

    public static TheoryData<bool> Modes() => [false, true];

    /// <summary>With the repository's synonyms, where "policy" and "guidelines" are one word (as in the failure seen).</summary>
    private LuceneGuidelineSearch Search(bool model) => model
        ? new(_knowledge, new SearchOptions(), TestPaths.Synonyms, _engine.Encoder)
        : new(_knowledge, new SearchOptions { Reranker = RerankerKind.None }, TestPaths.Synonyms);

    [Theory]
    [MemberData(nameof(Modes))]
    public void The_purpose_of_a_named_document_is_its_own_not_another_documents_introduction(bool model)
    {
        using var search = Search(model);

        var best = search.Search("what is the purpose of the acceptable use policy", 3).Best!;

        Assert.Equal(("acceptable-use", true), (best.Section.DocumentId, best.Section.IsIntroduction));
        Assert.Contains("sets out how staff may use district computers", best.Section.Text, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Modes))]
    public void The_purpose_of_a_named_document_without_an_introduction_is_its_own_section(bool model)
    {
        // Its purpose is a numbered section under a longer heading: it has no introduction, and the laboratory's still
        // is no answer about it.
        _folder.Write("acceptable-use.txt", AcceptableUse.Replace("1. Purpose", "1. Purpose of this policy", StringComparison.Ordinal));
        var knowledge = KnowledgeLoader.Load(new KnowledgeOptions { Path = _folder.Path });
        using var search = model
            ? new LuceneGuidelineSearch(knowledge, new SearchOptions(), TestPaths.Synonyms, _engine.Encoder)
            : new LuceneGuidelineSearch(knowledge, new SearchOptions { Reranker = RerankerKind.None }, TestPaths.Synonyms);

        var best = search.Search("what is the purpose of the acceptable use policy", 3).Best!;

        Assert.Equal(("acceptable-use", "Purpose of this policy"), (best.Section.DocumentId, best.Section.Heading));
    }

    [Theory]
    [MemberData(nameof(Modes))]
    public void A_scope_question_naming_a_document_with_an_introduction_still_gets_it(bool model)
    {
        using var search = Search(model);

        var best = search.Search("who do the laboratory safety guidelines apply to", 3).Best!;

        Assert.True(best.Section.IsIntroduction);
        Assert.Equal("lab-safety", best.Section.DocumentId);
    }

    public void Dispose() => _folder.Dispose();
}
