using System.Diagnostics.Metrics;
using GuidelineBot.Core.Answers;
using GuidelineBot.Core.Knowledge;
using GuidelineBot.Core.Onboarding;
using GuidelineBot.Core.Telemetry;
using GuidelineBot.Search;
using GuidelineBot.UnitTests.Conversation;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace GuidelineBot.UnitTests.Onboarding;

/// <summary>The onboarding service over an in-memory store while the live knowledge changes under a person.</summary>
public sealed class OnboardingServiceTests : IDisposable
{
    private static readonly KnowledgeOptions KnowledgeOptions = new() { Path = TestPaths.Knowledge };
    private static readonly KnowledgeBase Knowledge = KnowledgeLoader.Load(KnowledgeOptions);
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 9, 1, 8, 0, 0, TimeSpan.Zero));
    private readonly ServiceProvider _metrics = new ServiceCollection().AddMetrics().BuildServiceProvider();
    private readonly LuceneGuidelineSearch _search = new(Knowledge, new SearchOptions { Reranker = RerankerKind.None }, TestPaths.Synonyms);
    private readonly LiveCatalog _catalogs = new(OnboardingCatalog.Load(Knowledge, KnowledgeOptions, new OnboardingOptions()));
    private readonly OnboardingKey _dana = new("web", "dana");

    private OnboardingService NewService()
    {
        var answerOptions = Options.Create(new AnswerOptions { Contact = "the Director of Technology" });
        return new OnboardingService(new MemoryOnboardingStore(), _catalogs, new AnswerService(_search, answerOptions), _time,
            Options.Create(new OnboardingOptions()), answerOptions, NullLogger<OnboardingService>.Instance,
            new GuidelineMetrics(_metrics.GetRequiredService<IMeterFactory>()));
    }

    private Task<IReadOnlyList<OnboardingOutput>> Step(OnboardingService service, OnboardingInput input) =>
        service.HandleAsync(_dana, input, "Dana", CancellationToken.None);

    /// <summary>Starts the walk-through and presses Next until the first check question.</summary>
    private async Task<IReadOnlyList<OnboardingOutput>> ToFirstCheckQuestionAsync(OnboardingService service)
    {
        var outputs = await Step(service, new OnboardingInput.Start());
        while (outputs[^1] is OnboardingSection)
        {
            outputs = await Step(service, new OnboardingInput.Next());
        }

        return outputs;
    }

    /// <summary>From <paramref name="outputs"/> on, Next and the right choices until the acknowledgement is asked for.</summary>
    private async Task ToAcknowledgementAsync(OnboardingService service, IReadOnlyList<OnboardingOutput> outputs)
    {
        var questions = _catalogs.Current.Documents.Single().Questions;
        while (outputs[^1] is not OnboardingAcknowledgePrompt)
        {
            outputs = outputs[^1] is OnboardingCheckQuestion question
                ? await Step(service, new OnboardingInput.Answer(questions[question.Number - 1].Correct))
                : await Step(service, new OnboardingInput.Next());
        }
    }

    [Fact]
    public async Task A_typed_choice_under_a_question_whose_document_changed_since_says_so_instead_of_being_answered_as_a_question()
    {
        var service = NewService();
        var seed = _catalogs.Current.Documents.Single();
        var outputs = await ToFirstCheckQuestionAsync(service);

        Assert.IsType<OnboardingCheckQuestion>(outputs[^1]);
        _time.Advance(TimeSpan.FromMinutes(10));
        _catalogs.Current = new OnboardingCatalog([seed with { Document = seed.Document with { ContentHash = "edited" }, VersionSince = _time.GetUtcNow() }], []);

        outputs = await Step(service, new OnboardingInput.FreeText("B"));

        Assert.Equal(OnboardingNoticeKind.DocumentChanged, Assert.IsType<OnboardingNotice>(outputs[0]).Kind);
        Assert.Equal(1, Assert.IsType<OnboardingSection>(outputs[^1]).Number);
        Assert.DoesNotContain(outputs, o => o is OnboardingAnsweredQuestion);
    }

    [Fact]
    public async Task A_typed_choice_under_a_question_onboarding_yml_no_longer_has_shows_where_the_person_is_now()
    {
        var service = NewService();
        var seed = _catalogs.Current.Documents.Single();
        var outputs = await ToFirstCheckQuestionAsync(service);

        Assert.IsType<OnboardingCheckQuestion>(outputs[^1]);
        // onboarding.yml edited: the document's check questions taken out (the document itself unchanged).
        _catalogs.Current = new OnboardingCatalog([seed with { Questions = [] }], []);

        var typed = await Step(service, new OnboardingInput.FreeText("B"));
        var other = await Step(service, new OnboardingInput.FreeText("maybe the second one"));

        Assert.IsType<OnboardingAcknowledgePrompt>(typed[^1]);
        Assert.DoesNotContain(typed, o => o is OnboardingAnsweredQuestion);
        Assert.DoesNotContain(other, o => o is OnboardingNotice { Kind: OnboardingNoticeKind.NotAChoice });
    }

    [Theory]
    [InlineData("yes")]
    [InlineData("Yes, I have read it.")]
    [InlineData("I agree")]
    [InlineData("understood, thanks")]
    public async Task An_affirmation_typed_at_the_acknowledgement_step_acknowledges_the_document(string typed)
    {
        var service = NewService();
        var outputs = await Step(service, new OnboardingInput.Start());
        var yesBeforeTheEnd = await Step(service, new OnboardingInput.FreeText(typed));
        await ToAcknowledgementAsync(service, outputs);

        outputs = await Step(service, new OnboardingInput.FreeText(typed));

        Assert.DoesNotContain(yesBeforeTheEnd, o => o is OnboardingAcknowledgementRecorded);
        Assert.Contains(outputs, o => o is OnboardingAcknowledgementRecorded);
    }

    [Fact]
    public async Task Yes_typed_at_the_acknowledgement_of_a_document_edited_since_says_so_and_records_nothing()
    {
        var service = NewService();
        var seed = _catalogs.Current.Documents.Single();
        await ToAcknowledgementAsync(service, await Step(service, new OnboardingInput.Start()));

        _time.Advance(TimeSpan.FromMinutes(10));
        _catalogs.Current = new OnboardingCatalog([seed with { Document = seed.Document with { ContentHash = "edited" }, VersionSince = _time.GetUtcNow() }], []);
        var outputs = await Step(service, new OnboardingInput.FreeText("yes"));

        Assert.Equal(OnboardingNoticeKind.DocumentChanged, Assert.IsType<OnboardingNotice>(outputs[0]).Kind);
        Assert.DoesNotContain(outputs, o => o is OnboardingAcknowledgementRecorded or OnboardingAnsweredQuestion);
    }

    [Fact]
    public async Task A_typed_question_while_reading_a_changed_document_is_still_answered()
    {
        var service = NewService();
        var seed = _catalogs.Current.Documents.Single();
        await Step(service, new OnboardingInput.Start());
        _time.Advance(TimeSpan.FromMinutes(10));
        _catalogs.Current = new OnboardingCatalog([seed with { Document = seed.Document with { ContentHash = "edited" }, VersionSince = _time.GetUtcNow() }], []);

        var outputs = await Step(service, new OnboardingInput.FreeText("can I friend parents?"));

        Assert.IsType<OnboardingAnsweredQuestion>(Assert.Single(outputs));
    }

    [Fact]
    public async Task Typed_text_under_a_check_question_that_is_no_choice_and_no_question_says_how_to_answer_and_asks_again()
    {
        var service = NewService();
        var outputs = await ToFirstCheckQuestionAsync(service);

        var question = Assert.IsType<OnboardingCheckQuestion>(outputs[^1]);

        var maybe = await Step(service, new OnboardingInput.FreeText("maybe the second one"));
        var covered = await Step(service, new OnboardingInput.FreeText("can I friend parents?"));
        var offTopic = await Step(service, new OnboardingInput.FreeText("what is the wifi password?"));
        var chosen = await Step(service, new OnboardingInput.FreeText("b"));

        var notice = Assert.IsType<OnboardingNotice>(maybe[0]);
        Assert.Equal(OnboardingNoticeKind.NotAChoice, notice.Kind);
        var last = (char)('A' + question.Choices.Count - 1);
        Assert.StartsWith($"“maybe the second one” isn't one of the choices. Reply with a letter from A to {last}", notice.Text.PlainText, StringComparison.Ordinal);
        Assert.Equal(question, Assert.IsType<OnboardingCheckQuestion>(maybe[1]));
        Assert.Equal(2, maybe.Count);
        // A question the guidelines answer is still answered, and a choice still counts: the question was not moved on.
        Assert.IsType<AnswerReply>(Assert.IsType<OnboardingAnsweredQuestion>(Assert.Single(covered)).Reply);
        Assert.IsType<NoAnswerReply>(Assert.IsType<OnboardingAnsweredQuestion>(Assert.Single(offTopic)).Reply);
        Assert.Contains(chosen, o => o is OnboardingCheckFeedback);
    }

    public void Dispose()
    {
        _search.Dispose();
        _metrics.Dispose();
    }

    private sealed class LiveCatalog(OnboardingCatalog current) : IOnboardingCatalogSource
    {
        public OnboardingCatalog Current { get; set; } = current;
    }
}
