using GuidelineBot.Core.Answers;
using GuidelineBot.Core.Conversation;
using GuidelineBot.Core.Onboarding;
using GuidelineBot.IntegrationTests.Storage;
using GuidelineBot.Storage;
using Microsoft.Extensions.Time.Testing;

namespace GuidelineBot.IntegrationTests.Onboarding;

/// <summary>
/// The onboarding engine over a real store, on every provider: whole flows with a fake clock, free questions, restarts
/// (a new engine on the same store) and two engines ("replicas") sharing one store.
/// </summary>
public abstract class OnboardingEngineTests<TStore> : ProviderTestBase<TStore> where TStore : ITestStore, new()
{
    private static readonly DateTimeOffset Start = new(2026, 9, 1, 8, 0, 0, TimeSpan.Zero);
    private readonly FakeTimeProvider _time = new(Start);
    private readonly OnboardingKey _dana = new("teams", "29:dana");

    private static OnboardingDocument Seed => OnboardingTestKnowledge.Catalog.Documents.Single();

    private OnboardingService NewEngine(StoreDatabase? database = null, bool autoStart = false) =>
        OnboardingTestKnowledge.Engine(database ?? Database, _time, autoStart);

    private Task<IReadOnlyList<OnboardingOutput>> Step(OnboardingService engine, OnboardingInput input, OnboardingKey? key = null) =>
        engine.HandleAsync(key ?? _dana, input, "Dana Example", CancellationToken.None);

    /// <summary>Clicks the Next button of the section just shown.</summary>
    private static OnboardingInput NextOf(IReadOnlyList<OnboardingOutput> outputs) => ButtonInput(outputs.OfType<OnboardingSection>().Single(), "Next");

    private static OnboardingInput ButtonInput(OnboardingOutput output, string labelStart)
    {
        var button = output.Buttons.First(b => b.Label.StartsWith(labelStart, StringComparison.Ordinal));
        Assert.True(OnboardingInput.TryParseButtonValue(button.Value, out var input));
        return input;
    }

    [SkippableFact]
    public async Task Whole_flow_start_every_section_wrong_then_right_check_acknowledged_with_the_document_hash()
    {
        var engine = NewEngine();
        var document = OnboardingTestKnowledge.SeedDocument;
        Assert.Equal(5, Seed.Questions.Count);

        var outputs = await Step(engine, OnboardingInput.FromText("onboard"));
        var greeting = Assert.IsType<OnboardingGreeting>(outputs[0]);
        Assert.Equal(document.Title, greeting.DocumentTitle);
        Assert.Equal(document.Sections.Count, greeting.TopicCount);
        Assert.InRange(greeting.Minutes, 5, 20);

        for (var number = 1; number <= document.Sections.Count; number++)
        {
            var section = outputs.OfType<OnboardingSection>().Single();
            Assert.Equal(number, section.Number);
            Assert.Equal(document.Sections[number - 1].Heading, section.Section.Heading);
            Assert.Equal(["Next", "I have a question", "Pause"], section.Buttons.Select(b => b.Label));
            _time.Advance(TimeSpan.FromSeconds(40));
            outputs = await Step(engine, NextOf(outputs));
        }

        // First check question: a wrong choice shows the guideline text that answers it, then the same question again.
        var question = Assert.IsType<OnboardingCheckQuestion>(Assert.Single(outputs));
        var definition = Seed.Questions[0];
        Assert.Equal(definition.Prompt, question.Prompt);
        var wrong = definition.Correct == 1 ? 2 : 1;
        outputs = await Step(engine, ButtonInput(question, question.Choices[wrong - 1]));
        var feedback = Assert.IsType<OnboardingCheckFeedback>(outputs[0]);
        Assert.False(feedback.Correct);
        Assert.Equal(definition.Section.Quoted, feedback.GuidelineText);
        Assert.Contains("should not post pictures of students", feedback.GuidelineText, StringComparison.Ordinal);
        Assert.Equal(question, outputs[1]);

        outputs = await Step(engine, ButtonInput(question, question.Choices[definition.Correct - 1]));
        Assert.True(Assert.IsType<OnboardingCheckFeedback>(outputs[0]).Correct);

        for (var i = 1; i < Seed.Questions.Count; i++)
        {
            question = outputs.OfType<OnboardingCheckQuestion>().Single();
            Assert.Equal(i + 1, question.Number);
            outputs = await Step(engine, ButtonInput(question, question.Choices[Seed.Questions[i].Correct - 1]));
            Assert.True(outputs.OfType<OnboardingCheckFeedback>().Single().Correct);
        }

        var prompt = outputs.OfType<OnboardingAcknowledgePrompt>().Single();
        Assert.Contains("I have read and understand the Staff Social Media Guidelines and Best Practices.", MessageText.Render(new OnboardingMessage(prompt)), StringComparison.Ordinal);
        Assert.Contains(new OnboardingMessage(prompt).Content.OfType<ParagraphBlock>().SelectMany(p => p.Text.Spans),
            s => s is { Text: "Staff Social Media Guidelines and Best Practices", Style: SpanStyle.Strong });
        _time.Advance(TimeSpan.FromMinutes(1));
        var acknowledgedAt = _time.GetUtcNow();
        outputs = await Step(engine, ButtonInput(prompt, "I have read"));

        var recorded = Assert.IsType<OnboardingAcknowledgementRecorded>(outputs[0]);
        Assert.Equal(document.ContentHash, recorded.Acknowledgement.ContentHash);
        var summary = Assert.IsType<OnboardingSummary>(outputs[1]);
        Assert.Equal([document.Title], summary.DocumentTitles);
        Assert.Contains("Director of Technology", MessageText.Render(new OnboardingMessage(summary)), StringComparison.Ordinal);

        // Durable before "recorded": a different process reads it back.
        var other = new SqlOnboardingStore(OpenAnother());
        var stored = Assert.Single(await other.ListAcknowledgementsAsync(CancellationToken.None));
        Assert.Equal(new OnboardingAcknowledgement("teams", "29:dana", "Dana Example", document.Id, document.Title, document.ContentHash, acknowledgedAt), stored);
        var state = await other.GetAsync(_dana, CancellationToken.None);
        Assert.Equal(OnboardingStep.Completed, state!.Step);
        Assert.Equal(acknowledgedAt, state.CompletedAt);
        Assert.Equal(Start, state.StartedAt);
        Assert.False(await engine.IsActiveAsync(_dana, CancellationToken.None));
    }

    [SkippableFact]
    public async Task Free_question_mid_way_is_answered_then_continue_resumes_at_the_same_section()
    {
        var engine = NewEngine();
        var outputs = await Step(engine, new OnboardingInput.Start());
        outputs = await Step(engine, NextOf(outputs));
        outputs = await Step(engine, NextOf(outputs));
        var third = outputs.OfType<OnboardingSection>().Single();
        Assert.True(await engine.IsActiveAsync(_dana, CancellationToken.None));

        outputs = await Step(engine, new OnboardingInput.FreeText("can I friend parents on facebook?"));

        var answered = Assert.IsType<OnboardingAnsweredQuestion>(Assert.Single(outputs));
        var reply = Assert.IsType<AnswerReply>(answered.Reply);
        Assert.Contains("friend", reply.Section.Heading, StringComparison.OrdinalIgnoreCase);
        Assert.True(answered.OfferContinue);
        Assert.EndsWith(OnboardingAnsweredQuestion.ContinuePrompt, MessageText.Render(new OnboardingMessage(answered)), StringComparison.Ordinal);

        outputs = await Step(engine, ButtonInput(answered, "Continue"));
        Assert.Equal(OnboardingNoticeKind.Resumed, Assert.IsType<OnboardingNotice>(outputs[0]).Kind);
        Assert.Equal(third, outputs[1]);
    }

    [SkippableFact]
    public async Task I_have_a_question_asks_for_it_and_the_typed_question_is_answered()
    {
        var engine = NewEngine();
        var outputs = await Step(engine, new OnboardingInput.Start());

        outputs = await Step(engine, ButtonInput(outputs.OfType<OnboardingSection>().Single(), "I have a question"));
        Assert.IsType<OnboardingQuestionPrompt>(Assert.Single(outputs));

        outputs = await Step(engine, new OnboardingInput.FreeText("Can I post anonymously?"));
        var reply = Assert.IsType<AnswerReply>(Assert.IsType<OnboardingAnsweredQuestion>(Assert.Single(outputs)).Reply);
        Assert.Contains("Do not blog anonymously", reply.Text, StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task Restart_a_new_engine_on_the_same_store_resumes_at_the_same_step()
    {
        var before = NewEngine();
        var outputs = await Step(before, new OnboardingInput.Start());
        for (var i = 0; i < 4; i++)
        {
            outputs = await Step(before, NextOf(outputs));
        }

        var fifth = outputs.OfType<OnboardingSection>().Single();
        await Step(before, new OnboardingInput.Pause());

        // "Restart": a new engine with its own database object (fresh connections, fresh migration run).
        var after = NewEngine(OpenAnother());
        Assert.False(await after.IsActiveAsync(_dana, CancellationToken.None)); // paused
        outputs = await Step(after, OnboardingInput.FromText("resume"));

        Assert.Equal(fifth, outputs.OfType<OnboardingSection>().Single());
        Assert.True(await after.IsActiveAsync(_dana, CancellationToken.None));
        outputs = await Step(after, NextOf(outputs));
        Assert.Equal(6, outputs.OfType<OnboardingSection>().Single().Number);
    }

    [SkippableFact]
    public async Task Two_engines_on_one_store_taking_alternate_steps_stay_consistent()
    {
        var engines = new[] { NewEngine(), NewEngine(OpenAnother()) };
        var outputs = await Step(engines[0], new OnboardingInput.Start());
        var sections = OnboardingTestKnowledge.SeedDocument.Sections.Count;

        for (var i = 1; i < sections; i++)
        {
            outputs = await Step(engines[i % 2], NextOf(outputs));
            Assert.Equal(i + 1, outputs.OfType<OnboardingSection>().Single().Number);
        }

        outputs = await Step(engines[0], NextOf(outputs));
        for (var i = 0; i < Seed.Questions.Count; i++)
        {
            var question = outputs.OfType<OnboardingCheckQuestion>().Single();
            Assert.Equal(i + 1, question.Number);
            outputs = await Step(engines[(i + 1) % 2], ButtonInput(question, question.Choices[Seed.Questions[i].Correct - 1]));
        }

        outputs = await Step(engines[1], ButtonInput(outputs.OfType<OnboardingAcknowledgePrompt>().Single(), "I have read"));
        Assert.IsType<OnboardingAcknowledgementRecorded>(outputs[0]);
        var store = new SqlOnboardingStore(Database);
        Assert.Single(await store.ListAcknowledgementsAsync(CancellationToken.None));
        Assert.Equal(OnboardingStep.Completed, (await store.GetAsync(_dana, CancellationToken.None))!.Step);
    }

    [SkippableFact]
    public async Task The_same_next_click_delivered_to_two_engines_at_once_advances_exactly_one_section()
    {
        var engines = new[] { NewEngine(), NewEngine(OpenAnother()) };
        var outputs = await Step(engines[0], new OnboardingInput.Start());

        for (var round = 1; round <= 4; round++)
        {
            var click = NextOf(outputs);
            using var go = new ManualResetEventSlim();
            var deliveries = Enumerable.Range(0, 6)
                .Select(i => Task.Run(async () =>
                {
                    go.Wait();
                    return await Step(engines[i % 2], click);
                }))
                .ToList();
            go.Set();
            var results = await Task.WhenAll(deliveries);

            var advanced = Assert.Single(results, r => r.Count > 0 && r[0] is OnboardingSection);
            Assert.Equal(round + 1, ((OnboardingSection)advanced[0]).Number);
            // The others carry the section just left, a moment later: a double click, which says nothing.
            Assert.All(results.Where(r => r != advanced), Assert.Empty);
            Assert.Equal(round, (await new SqlOnboardingStore(Database).GetAsync(_dana, CancellationToken.None))!.SectionIndex);
            outputs = advanced;
        }
    }

    [SkippableFact]
    public async Task A_stale_button_from_an_earlier_section_does_not_skip_ahead()
    {
        var engine = NewEngine();
        var first = await Step(engine, new OnboardingInput.Start());
        var second = await Step(engine, NextOf(first));
        _time.Advance(TimeSpan.FromMinutes(1)); // not a double click: that says nothing (OnboardingMachineTests)

        var outputs = await Step(engine, NextOf(first)); // the first section's Next, clicked again

        Assert.Equal(OnboardingNoticeKind.StaleAction, Assert.IsType<OnboardingNotice>(outputs[0]).Kind);
        Assert.Equal(second.OfType<OnboardingSection>().Single(), outputs[1]);
    }

    [SkippableFact]
    public async Task Typed_choice_letter_answers_an_open_check_question()
    {
        var engine = NewEngine();
        var outputs = await Step(engine, new OnboardingInput.Start());
        while (outputs.OfType<OnboardingSection>().Any())
        {
            outputs = await Step(engine, NextOf(outputs));
        }

        var letter = ((char)('A' + Seed.Questions[0].Correct - 1)).ToString();
        outputs = await Step(engine, new OnboardingInput.FreeText(letter));

        Assert.True(Assert.IsType<OnboardingCheckFeedback>(outputs[0]).Correct);
        Assert.Equal(2, Assert.IsType<OnboardingCheckQuestion>(outputs[1]).Number);
    }

    [SkippableFact]
    [Trait("Category", "Replicas")]
    public async Task Auto_start_starts_a_person_once_even_when_the_join_event_arrives_twice_on_two_replicas()
    {
        var engines = new[] { NewEngine(autoStart: true), NewEngine(OpenAnother(), autoStart: true) };
        var newcomer = new OnboardingKey("slack", "T1:U42");

        var starts = await Task.WhenAll(Enumerable.Range(0, 6)
            .Select(i => Task.Run(() => engines[i % 2].AutoStartAsync(newcomer, "Sam New", CancellationToken.None))));

        var started = Assert.Single(starts, s => s.Count > 0);
        Assert.IsType<OnboardingGreeting>(started[0]);
        Assert.Empty(await engines[0].AutoStartAsync(newcomer, "Sam New", CancellationToken.None));
        Assert.Empty(await NewEngine(autoStart: false).AutoStartAsync(new OnboardingKey("slack", "T1:U43"), "Off", CancellationToken.None));
    }

    [SkippableFact]
    public async Task Resume_without_onboarding_offers_to_start_and_a_completed_start_begins_again()
    {
        var engine = NewEngine();
        var outputs = await Step(engine, new OnboardingInput.Resume());
        var notice = Assert.IsType<OnboardingNotice>(Assert.Single(outputs));
        Assert.Equal(OnboardingNoticeKind.NotStarted, notice.Kind);
        Assert.True(OnboardingInput.TryParseButtonValue(notice.Buttons.Single().Value, out var start));
        Assert.IsType<OnboardingInput.Start>(start);

        Assert.Null(await new SqlOnboardingStore(Database).GetAsync(_dana, CancellationToken.None));
    }
}

public sealed class SqliteOnboardingEngineTests : OnboardingEngineTests<SqliteTestStore>;

public sealed class PostgresOnboardingEngineTests : OnboardingEngineTests<PostgresTestStore>;
