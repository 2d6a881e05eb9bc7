using GuidelineBot.Core.Knowledge;
using GuidelineBot.Core.Onboarding;

namespace GuidelineBot.UnitTests.Onboarding;

/// <summary>
/// The onboarding state machine when the knowledge changes under someone part-way through: documents added, edited,
/// withdrawn, check questions rewritten. The walk-through must never skip a document, never record a version the person
/// did not read, and never apply a click to a question it was not shown for.
/// </summary>
public sealed class OnboardingMachineTests
{
    private static readonly DateTimeOffset Now = new(2026, 9, 1, 8, 0, 0, TimeSpan.Zero);
    private static readonly OnboardingKey Dana = new("teams", "29:dana");
    private static readonly OnboardingMachine.SummaryInfo Summary = new(ExampleSections.Of("can I friend parents?"), "HR", []);

    private static GuidelineDocument Document(string id, string hash, int sections = 2) =>
        new(id, "Title " + id, id + ".txt", hash, DocumentMetadata.None,
            Enumerable.Range(1, sections)
                .Select(i => new GuidelineSection($"{id}#s{i}", id, "Title " + id, $"Heading {i}", [new Passage($"text {i}", i, i)], id + ".txt", i, i, null))
                .ToArray());

    private static CheckQuestion Question(GuidelineDocument document, string prompt, int correct = 1) =>
        new(document.Id, prompt, ["yes", "no"], correct, document.Sections[0], null, 1);

    private static OnboardingCatalog Catalog(params OnboardingDocument[] documents) => new(documents, []);

    private static OnboardingDocument Entry(GuidelineDocument document, params CheckQuestion[] questions) => new(document, questions);

    /// <summary>A version this process loaded after the person began their document (an edit that reached this replica).</summary>
    private static OnboardingDocument Edited(GuidelineDocument document) => new(document, [], Now.AddMinutes(5));

    private static OnboardingMachine.Result Step(OnboardingState? state, OnboardingInput input, OnboardingCatalog catalog) =>
        OnboardingMachine.Apply(state, input, Dana, "Dana", catalog, Summary, Now);

    /// <summary>Presses the first button of the last output that has one labelled <paramref name="label"/>.</summary>
    private static OnboardingInput Press(OnboardingMachine.Result result, string label)
    {
        var button = result.Outputs.SelectMany(o => o.Buttons).Last(b => b.Label == label);
        Assert.True(OnboardingInput.TryParseButtonValue(button.Value, out var input));
        return input;
    }

    /// <summary>Next through every section of the current document and answers its check questions right.</summary>
    private static OnboardingMachine.Result ReadToAcknowledgement(OnboardingMachine.Result result, OnboardingCatalog catalog)
    {
        while (result.Outputs[^1] is OnboardingSection)
        {
            result = Step(result.NewState, Press(result, "Next"), catalog);
        }

        while (result.Outputs[^1] is OnboardingCheckQuestion question)
        {
            result = Step(result.NewState, Press(result, "yes"), catalog);
            Assert.NotEqual(question, result.Outputs[^1]);
        }

        Assert.IsType<OnboardingAcknowledgePrompt>(result.Outputs[^1]);
        return result;
    }

    [Fact]
    public void A_document_added_before_the_current_one_is_walked_through_next_not_skipped()
    {
        var b = Document("b", "hb");
        var c = Document("c", "hc");
        var started = Step(null, new OnboardingInput.Start(), Catalog(Entry(b), Entry(c)));

        // While Dana reads b, "a" is added and sorts first.
        var a = Document("a", "ha");
        var catalog = Catalog(Entry(a), Entry(b), Entry(c));
        var next = Step(started.NewState, Press(started, "Next"), catalog); // the button still counts: b did not change
        Assert.Equal(2, Assert.IsType<OnboardingSection>(Assert.Single(next.Outputs)).Number);
        var atAck = ReadToAcknowledgement(next, catalog);
        var acked = Step(atAck.NewState, Press(atAck, OnboardingAcknowledgePrompt.ButtonLabel), catalog);

        Assert.Equal("b", acked.Acknowledgement!.DocumentId);
        var greeting = acked.Outputs.OfType<OnboardingGreeting>().Single();
        Assert.Equal(("a", 2, 3), (greeting.DocumentId, greeting.DocumentNumber, greeting.DocumentCount));

        var afterA = Step(ReadToAcknowledgement(acked, catalog).NewState, new OnboardingInput.Acknowledge(), catalog);
        Assert.Equal("a", afterA.Acknowledgement!.DocumentId);
        Assert.Equal(("c", 3), afterA.Outputs.OfType<OnboardingGreeting>().Select(g => (g.DocumentId, g.DocumentNumber)).Single());

        var done = Step(ReadToAcknowledgement(afterA, catalog).NewState, new OnboardingInput.Acknowledge(), catalog);
        Assert.Equal(OnboardingStep.Completed, done.NewState!.Step);
        Assert.Equal(["Title a", "Title b", "Title c"], Assert.IsType<OnboardingSummary>(done.Outputs[^1]).DocumentTitles);
        Assert.Equal(["b", "a", "c"], done.NewState.Acknowledged);
    }

    [Fact]
    public void The_last_document_left_withdrawn_mid_way_finishes_the_walk_through()
    {
        var a = Document("a", "ha");
        var b = Document("b", "hb");
        var started = Step(null, new OnboardingInput.Start(), Catalog(Entry(a), Entry(b)));
        var both = Catalog(Entry(a), Entry(b));
        var afterA = Step(ReadToAcknowledgement(started, both).NewState, new OnboardingInput.Acknowledge(), both);
        Assert.Equal("b", afterA.NewState!.DocumentId);

        // b is withdrawn while Dana reads it: nothing is left to read, so she is done (and saved as done).
        var finished = Step(afterA.NewState, Press(afterA, "Next"), Catalog(Entry(a)));
        Assert.Equal(OnboardingStep.Completed, finished.NewState!.Step);
        Assert.Equal(Now, finished.NewState.CompletedAt);
        Assert.Null(finished.Acknowledgement);
        Assert.Equal(OnboardingNoticeKind.DocumentChanged, Assert.IsType<OnboardingNotice>(finished.Outputs[0]).Kind);
        Assert.Equal(["Title a"], Assert.IsType<OnboardingSummary>(finished.Outputs[1]).DocumentTitles);
    }

    [Fact]
    public void A_withdrawn_document_gives_way_to_the_first_one_not_yet_acknowledged_and_says_so()
    {
        var a = Document("a", "ha");
        var b = Document("b", "hb");
        var c = Document("c", "hc");
        var all = Catalog(Entry(a), Entry(b), Entry(c));
        var afterA = Step(ReadToAcknowledgement(Step(null, new OnboardingInput.Start(), all), all).NewState, new OnboardingInput.Acknowledge(), all);

        var result = Step(afterA.NewState, Press(afterA, "Next"), Catalog(Entry(a), Entry(c)));

        var notice = Assert.IsType<OnboardingNotice>(result.Outputs[0]);
        Assert.Equal(OnboardingNoticeKind.DocumentChanged, notice.Kind);
        Assert.Equal("The document you were reading is no longer part of onboarding, so on to \"Title c\".", notice.Text.PlainText);
        Assert.Equal(("c", 2, 2), result.Outputs.OfType<OnboardingGreeting>().Select(g => (g.DocumentId, g.DocumentNumber, g.DocumentCount)).Single());
        Assert.Equal(1, Assert.IsType<OnboardingSection>(result.Outputs[^1]).Number);
        Assert.Equal(("c", "hc", 0), (result.NewState!.DocumentId, result.NewState.DocumentHash, result.NewState.SectionIndex));
    }

    [Fact]
    public void A_document_edited_mid_way_starts_again_and_the_acknowledgement_is_for_the_version_read()
    {
        var v1 = Document("a", "version-1", sections: 3);
        var atAck = ReadToAcknowledgement(Step(null, new OnboardingInput.Start(), Catalog(Entry(v1))), Catalog(Entry(v1)));
        Assert.Equal("version-1", atAck.NewState!.DocumentHash);

        // The file changes between the acknowledgement prompt and the click: the click must not acknowledge version 2 unread.
        var v2 = Catalog(Edited(Document("a", "version-2", sections: 3)));
        var clicked = Step(atAck.NewState, Press(atAck, OnboardingAcknowledgePrompt.ButtonLabel), v2);

        Assert.Null(clicked.Acknowledgement);
        var notice = Assert.IsType<OnboardingNotice>(clicked.Outputs[0]);
        Assert.Equal(OnboardingNoticeKind.DocumentChanged, notice.Kind);
        Assert.Equal("\"Title a\" was updated while you were reading it, so let's go through it again from the first topic: you acknowledge the version you read.",
            notice.Text.PlainText);
        Assert.Equal(1, Assert.IsType<OnboardingSection>(clicked.Outputs[^1]).Number);
        Assert.Equal((OnboardingStep.Reading, 0, "version-2"), (clicked.NewState!.Step, clicked.NewState.SectionIndex, clicked.NewState.DocumentHash));

        var again = ReadToAcknowledgement(clicked, v2);
        var acked = Step(again.NewState, Press(again, OnboardingAcknowledgePrompt.ButtonLabel), v2);
        Assert.Equal("version-2", acked.Acknowledgement!.ContentHash);
        Assert.Equal(OnboardingStep.Completed, acked.NewState!.Step);
    }

    [Fact]
    public void A_replica_still_on_the_older_version_neither_restarts_nor_forgets_the_version_begun()
    {
        // Dana began version 2 on a replica that has it; this one loaded version 1 long before and has not seen the edit yet.
        var newer = Catalog(new OnboardingDocument(Document("a", "version-2", sections: 1), [], Now.AddHours(-1)));
        var older = Catalog(new OnboardingDocument(Document("a", "version-1", sections: 1), [], Now.AddDays(-1)));
        var started = Step(null, new OnboardingInput.Start(), newer);

        var onOlder = Step(started.NewState, Press(started, "Next"), older);
        Assert.IsType<OnboardingAcknowledgePrompt>(Assert.Single(onOlder.Outputs));
        Assert.Equal("version-2", onOlder.NewState!.DocumentHash);

        var acked = Step(onOlder.NewState, Press(onOlder, OnboardingAcknowledgePrompt.ButtonLabel), newer);
        Assert.Equal("version-2", acked.Acknowledgement!.ContentHash);
    }

    [Fact]
    public void I_have_a_question_after_an_edit_still_asks_for_the_question()
    {
        var started = Step(null, new OnboardingInput.Start(), Catalog(Entry(Document("a", "version-1", sections: 3))));

        var asked = Step(started.NewState, new OnboardingInput.AskQuestion(), Catalog(Edited(Document("a", "version-2", sections: 3))));

        Assert.IsType<OnboardingQuestionPrompt>(Assert.Single(asked.Outputs));
        Assert.Null(asked.NewState);
    }

    [Fact]
    public void Pausing_after_an_edit_says_what_changed_and_keeps_the_restart()
    {
        var started = Step(null, new OnboardingInput.Start(), Catalog(Entry(Document("a", "version-1", sections: 3))));
        var next = Step(started.NewState, Press(started, "Next"), Catalog(Entry(Document("a", "version-1", sections: 3))));

        var paused = Step(next.NewState, new OnboardingInput.Pause(), Catalog(Edited(Document("a", "version-2", sections: 3))));

        Assert.Equal(OnboardingNoticeKind.DocumentChanged, Assert.IsType<OnboardingNotice>(paused.Outputs[0]).Kind);
        Assert.IsType<OnboardingPaused>(paused.Outputs[1]);
        Assert.Equal((0, "version-2", Now), (paused.NewState!.SectionIndex, paused.NewState.DocumentHash, paused.NewState.PausedAt));
    }

    [Fact]
    public void A_state_stored_before_versions_were_kept_takes_the_current_version_without_a_restart()
    {
        var document = Document("a", "current", sections: 3);
        var catalog = Catalog(Entry(document));
        var legacy = new OnboardingState(Dana, "Dana", OnboardingStep.Reading, 0, "a", "", null, 1, 0, [], Now, Now, null, null, 4);

        var result = Step(legacy, new OnboardingInput.Next(), catalog);

        Assert.Equal(3, Assert.IsType<OnboardingSection>(Assert.Single(result.Outputs)).Number);
        Assert.Equal((2, "current"), (result.NewState!.SectionIndex, result.NewState.DocumentHash));
    }

    [Fact]
    public void A_choice_pressed_while_a_topic_is_read_does_not_say_the_question_was_answered()
    {
        // It said "That check question is already answered" of a question not shown yet.
        var document = Document("a", "ha", sections: 2);
        var catalog = Catalog(Entry(document, Question(document, "May you post a student's photo without consent?", correct: 2)));
        var started = Step(null, new OnboardingInput.Start(), catalog);

        var pressed = Step(started.NewState, new OnboardingInput.Answer(2), catalog);

        var notice = Assert.IsType<OnboardingNotice>(pressed.Outputs[0]);
        Assert.Equal((OnboardingNoticeKind.StaleAction, "That check question is not the one open now — here's where you are."), (notice.Kind, notice.Text.PlainText));
        Assert.Null(pressed.NewState);
    }

    [Theory]
    [InlineData(3, 0)] // section 1 to 2: the second press says nothing
    [InlineData(1, 1)] // the last section to the check question
    public void A_double_clicked_next_moves_on_once_and_its_second_press_says_nothing(int sections, int questions)
    {
        // The second press reposted the topic under "That button is from an earlier step".
        var document = Document("a", "ha", sections);
        var catalog = Catalog(Entry(document, [.. Enumerable.Range(0, questions).Select(i => Question(document, "Q" + i))]));
        var started = Step(null, new OnboardingInput.Start(), catalog);
        var next = Press(started, "Next");
        var moved = OnboardingMachine.Apply(started.NewState, next, Dana, "Dana", catalog, Summary, Now.AddSeconds(1));

        var again = OnboardingMachine.Apply(moved.NewState, next, Dana, "Dana", catalog, Summary, Now.AddSeconds(2));
        var later = OnboardingMachine.Apply(moved.NewState, next, Dana, "Dana", catalog, Summary, Now.AddSeconds(30));

        Assert.NotNull(moved.NewState);
        Assert.Null(again.NewState);
        Assert.Empty(again.Outputs);
        Assert.Equal(OnboardingNoticeKind.StaleAction, Assert.IsType<OnboardingNotice>(later.Outputs[0]).Kind); // a button from long ago still says so
    }

    [Theory]
    [InlineData(2, 1)] // the last check question's right answer: on to the acknowledgement
    [InlineData(2, 0)] // the first of two: on to the second
    public void A_double_clicked_right_answer_moves_on_once_and_its_second_press_says_nothing(int questions, int pressedAt)
    {
        // The second press posted "That button is from an earlier step" and the next step again.
        var document = Document("a", "ha", sections: 1);
        var catalog = Catalog(Entry(document, [.. Enumerable.Range(0, questions).Select(i => Question(document, "Q" + i))]));
        var result = Step(null, new OnboardingInput.Start(), catalog);
        result = Step(result.NewState, Press(result, "Next"), catalog);
        for (var i = 0; i < pressedAt; i++)
        {
            result = Step(result.NewState, Press(result, "yes"), catalog);
        }

        var answer = Press(result, "yes");
        var moved = OnboardingMachine.Apply(result.NewState, answer, Dana, "Dana", catalog, Summary, Now.AddSeconds(1));
        var again = OnboardingMachine.Apply(moved.NewState, answer, Dana, "Dana", catalog, Summary, Now.AddSeconds(2));
        var later = OnboardingMachine.Apply(moved.NewState, answer, Dana, "Dana", catalog, Summary, Now.AddSeconds(30));

        Assert.True(Assert.IsType<OnboardingCheckFeedback>(moved.Outputs[0]).Correct);
        Assert.Null(again.NewState);
        Assert.Empty(again.Outputs);
        Assert.Equal(OnboardingNoticeKind.StaleAction, Assert.IsType<OnboardingNotice>(later.Outputs[0]).Kind);
    }

    [Theory]
    [InlineData(false)] // the acknowledgement of the first of two documents: on to the second
    [InlineData(true)] // the last one: onboarding completed
    public void A_double_clicked_acknowledgement_records_once_and_its_second_press_says_nothing(bool last)
    {
        // The second press posted "Let's finish the walk-through first" and the next topic, or "You completed onboarding".
        var a = Document("a", "ha", sections: 1);
        var b = Document("b", "hb", sections: 1);
        var catalog = last ? Catalog(Entry(a)) : Catalog(Entry(a), Entry(b));
        var atAck = ReadToAcknowledgement(Step(null, new OnboardingInput.Start(), catalog), catalog);
        var ack = Press(atAck, OnboardingAcknowledgePrompt.ButtonLabel);

        var moved = OnboardingMachine.Apply(atAck.NewState, ack, Dana, "Dana", catalog, Summary, Now.AddSeconds(1));
        var again = OnboardingMachine.Apply(moved.NewState, ack, Dana, "Dana", catalog, Summary, Now.AddSeconds(2));
        var later = OnboardingMachine.Apply(moved.NewState, ack, Dana, "Dana", catalog, Summary, Now.AddSeconds(30));

        Assert.Equal("a", moved.Acknowledgement!.DocumentId);
        Assert.Equal(last, moved.NewState!.IsCompleted);
        Assert.Null(again.NewState);
        Assert.Null(again.Acknowledgement);
        Assert.Empty(again.Outputs);
        Assert.Null(later.Acknowledgement);
        Assert.Equal(last ? OnboardingNoticeKind.AlreadyCompleted : OnboardingNoticeKind.StaleAction, Assert.IsType<OnboardingNotice>(later.Outputs[0]).Kind);
    }

    [Fact]
    public void A_choice_clicked_under_a_check_question_that_was_rewritten_since_is_not_applied_to_the_new_one()
    {
        var document = Document("a", "ha", sections: 1);
        var before = Catalog(Entry(document, Question(document, "May you post a student's photo without consent?", correct: 2)));
        var started = Step(null, new OnboardingInput.Start(), before);
        var asked = Step(started.NewState, Press(started, "Next"), before);
        var shown = Assert.IsType<OnboardingCheckQuestion>(Assert.Single(asked.Outputs));

        // onboarding.yml changes: same position, a different question whose right answer is the first choice.
        var after = Catalog(Entry(document, Question(document, "Must you ask a parent before posting a photo?", correct: 1)));
        var clicked = Step(asked.NewState, Press(asked, "yes"), after);

        Assert.Equal(OnboardingNoticeKind.StaleAction, Assert.IsType<OnboardingNotice>(clicked.Outputs[0]).Kind);
        var current = Assert.IsType<OnboardingCheckQuestion>(clicked.Outputs[^1]);
        Assert.Equal("Must you ask a parent before posting a photo?", current.Prompt);
        Assert.NotEqual(shown.At, current.At);
        Assert.Null(clicked.NewState); // nothing answered, nothing saved

        // The same click under the unchanged question is applied.
        Assert.IsType<OnboardingCheckFeedback>(Step(asked.NewState, Press(asked, "yes"), before).Outputs[0]);
    }

    [Fact]
    public void Check_question_tokens_stay_the_same_while_the_question_does_and_fit_on_a_button()
    {
        var document = Document("a", "ha", sections: 1);
        var catalog = Catalog(Entry(document, Question(document, new string('x', 500))));
        var started = Step(null, new OnboardingInput.Start(), catalog);
        var asked = Step(started.NewState, Press(started, "Next"), catalog);
        var again = Step(asked.NewState, new OnboardingInput.Resume(), catalog);

        var at = Assert.IsType<OnboardingCheckQuestion>(Assert.Single(asked.Outputs)).At;
        Assert.Equal(at, again.Outputs.OfType<OnboardingCheckQuestion>().Single().At);
        Assert.Matches("^[0-9a-f]{8}\\.q0\\.[0-9a-f]{8}$", at);
        Assert.All(asked.Outputs[0].Buttons, b => Assert.InRange(b.Value.Length, 1, 60));
    }

    [Fact]
    public void Acknowledged_documents_are_this_walk_through_s_own_each_once_in_order()
    {
        var state = new OnboardingState(Dana, "Dana", OnboardingStep.Reading, 0, "c", "", null, 0, 0, ["stale"], Now, Now, null, null, 4);
        static OnboardingAcknowledgement Ack(string document, TimeSpan after, string channel = "teams", string user = "29:dana") =>
            new(channel, user, "Dana", document, document.ToUpperInvariant(), "hash", Now + after);

        var derived = state.WithAcknowledgedFrom([
            Ack("b", TimeSpan.FromMinutes(2)),
            Ack("old", TimeSpan.FromSeconds(-1)),
            Ack("a", TimeSpan.Zero),
            Ack("b", TimeSpan.FromMinutes(5)),
            Ack("slack", TimeSpan.FromMinutes(1), channel: "slack"),
            Ack("other", TimeSpan.FromMinutes(1), user: "29:erin"),
        ]);

        Assert.Equal(["a", "b"], derived.Acknowledged);
        Assert.Equal(state with { Acknowledged = ["a", "b"] }, derived);
    }
}
