using GuidelineBot.Core.Answers;
using GuidelineBot.Core.Knowledge;
using GuidelineBot.Search;
using Microsoft.Extensions.Options;

namespace GuidelineBot.UnitTests.Search;

/// <summary>
/// A document's subject word is background for its sections (it is in its title and most of its sections), but beside
/// other documents it is what tells the document apart: a question of that word alone ("where can I park" with
/// <i>Staff Parking Rules</i> loaded beside the social media guidelines) is answered by the section whose heading names
/// it. The same word as part of the organisation's name ("Oak Park Unified School District") stays no evidence.
/// </summary>
[Collection(EngineCollection.Name)]
public sealed class DocumentSubjectTests : IDisposable
{
    private const string Parking = """
        Staff Parking Rules

        These rules apply to all staff who park on district property.

        Permits
        Every staff member who parks on campus needs a current parking permit. Permits are issued by the front office at
        the start of each school year.

        Where staff may park
        Staff park in the east lot behind the gymnasium. The front lot is reserved for visitors and buses.

        Visitors
        Visitors must sign in at the front office and park in the marked visitor spaces.

        Accessible spaces
        Accessible spaces are for vehicles with a valid disabled placard only.

        Towing
        Vehicles parked in fire lanes or bus loops will be towed at the owner's expense.
        """;

    private readonly EngineFixture _engine;
    private readonly TestPaths.TempFolder _folder = new();

    public DocumentSubjectTests(EngineFixture engine)
    {
        _engine = engine;
        File.Copy(Path.Combine(TestPaths.Knowledge, "staff-social-media-guidelines.txt"), Path.Combine(_folder.Path, "staff-social-media-guidelines.txt"));
    }

    public static TheoryData<bool> Modes() => [false, true];

    private Reply Ask(string question, bool model)
    {
        var knowledge = KnowledgeLoader.Load(new KnowledgeOptions { Path = _folder.Path });
        using var search = model
            ? new LuceneGuidelineSearch(knowledge, new SearchOptions(), TestPaths.Synonyms, _engine.Encoder)
            : new LuceneGuidelineSearch(knowledge, new SearchOptions { Reranker = RerankerKind.None }, TestPaths.Synonyms);
        return new AnswerService(search, Options.Create(new AnswerOptions())).Ask(question);
    }

    [Theory]
    [MemberData(nameof(Modes))]
    public void A_question_of_the_subject_word_alone_gets_the_section_whose_heading_names_it(bool model)
    {
        _folder.Write("staff-parking-rules.txt", Parking);

        foreach (var question in new[] { "where can I park", "where do I park?" })
        {
            var answer = Assert.IsType<AnswerReply>(Ask(question, model));
            Assert.Equal(("staff-parking-rules", "Where staff may park"), (answer.Section.DocumentId, answer.Section.Heading));
        }
    }

    [Theory]
    [MemberData(nameof(Modes))]
    public void The_same_word_in_the_organisations_name_is_no_evidence(bool model) =>
        Assert.IsType<NoAnswerReply>(Ask("where can I park", model));

    public void Dispose() => _folder.Dispose();
}
