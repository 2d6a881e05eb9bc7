using System.Globalization;
using GuidelineBot.Core.Conversation;

namespace GuidelineBot.Core.Onboarding;

/// <summary>
/// The state machine, as one pure function: (state, input, catalog, now) → (new state to save, outputs, acknowledgement
/// to record). No I/O: <see cref="OnboardingService"/> loads, saves with a version check, and answers free questions.
/// </summary>
internal static class OnboardingMachine
{
    /// <param name="NewState">The state to save, or null when nothing changes.</param>
    internal sealed record Result(OnboardingState? NewState, IReadOnlyList<OnboardingOutput> Outputs, OnboardingAcknowledgement? Acknowledgement = null);

    /// <summary>What the final summary says besides the titles.</summary>
    internal sealed record SummaryInfo(IReadOnlyList<string> ExampleQuestions, string Contact);

    public static Result Apply(OnboardingState? stored, OnboardingInput input, OnboardingKey key, string displayName,
        OnboardingCatalog catalog, SummaryInfo summary, DateTimeOffset now)
    {
        if (catalog.Documents.Count == 0)
        {
            return new(null, [new OnboardingNotice(OnboardingNoticeKind.NothingToOnboard, "There are no guideline documents to walk through yet.")]);
        }

        var state = stored is null ? null : Normalize(stored, catalog);
        if (state is not null && !string.IsNullOrWhiteSpace(displayName))
        {
            state = state with { DisplayName = displayName };
        }

        switch (input)
        {
            case OnboardingInput.Start:
                return StartOrContinue(state, key, displayName, catalog, summary, now);
            case OnboardingInput.AskQuestion:
                return new(null, [new OnboardingQuestionPrompt()]);
        }

        if (state is null)
        {
            return new(null, [new OnboardingNotice(OnboardingNoticeKind.NotStarted,
                new RichTextBuilder().Plain("You have no onboarding in progress. Type ").Code("onboard").Plain(" to start one.").Build())]);
        }

        if (state.IsCompleted)
        {
            return new(null, [Completed(state)]);
        }

        return input switch
        {
            OnboardingInput.Resume => new(Touch(state, now) with { PausedAt = null }, [
                new OnboardingNotice(OnboardingNoticeKind.Resumed, $"Continuing where you left off: {Where(state, catalog)}."),
                Current(state, catalog, summary)]),
            OnboardingInput.Pause => new(Touch(state, now) with { PausedAt = now }, [new OnboardingPaused(Where(state, catalog))]),
            OnboardingInput.Next next => NextSection(state, next.At, catalog, summary, now),
            OnboardingInput.Answer answer => AnswerCheck(state, answer, catalog, summary, now),
            OnboardingInput.Acknowledge ack => AcknowledgeDocument(state, ack.At, catalog, summary, now),
            _ => new(null, [Current(state, catalog, summary)]),
        };
    }

    /// <summary>The step token that buttons carry: <c>d0.s3</c>, <c>d0.q1</c>, <c>d0.ack</c>, <c>done</c>.</summary>
    public static string Position(OnboardingState state) => state.Step switch
    {
        OnboardingStep.Reading => string.Create(CultureInfo.InvariantCulture, $"d{state.DocumentIndex}.s{state.SectionIndex}"),
        OnboardingStep.Checking => string.Create(CultureInfo.InvariantCulture, $"d{state.DocumentIndex}.q{state.CheckIndex}"),
        OnboardingStep.Acknowledging => string.Create(CultureInfo.InvariantCulture, $"d{state.DocumentIndex}.ack"),
        _ => "done",
    };

    /// <summary>Typed text while a check question is open: "B", "2" or the choice's own words pick that choice.</summary>
    public static int? MatchChoice(OnboardingState state, OnboardingCatalog catalog, string text)
    {
        if (state is not { Step: OnboardingStep.Checking, IsCompleted: false })
        {
            return null;
        }

        var normalized = Normalize(state, catalog);
        var document = catalog.Documents[normalized.DocumentIndex];
        if (normalized.CheckIndex >= document.Questions.Count)
        {
            return null;
        }

        var choices = document.Questions[normalized.CheckIndex].Choices;
        var s = OnboardingInput.Normalize(text);
        for (var i = 0; i < choices.Count; i++)
        {
            var letter = ((char)('a' + i)).ToString();
            if (s == letter || s == (i + 1).ToString(CultureInfo.InvariantCulture) || s == OnboardingInput.Normalize(choices[i]))
            {
                return i + 1;
            }
        }

        return null;
    }

    private static Result StartOrContinue(OnboardingState? state, OnboardingKey key, string displayName, OnboardingCatalog catalog,
        SummaryInfo summary, DateTimeOffset now)
    {
        if (state is { IsCompleted: false })
        {
            return new(Touch(state, now) with { PausedAt = null }, [
                new OnboardingNotice(OnboardingNoticeKind.Resumed, $"You're already part-way through, so let's continue: {Where(state, catalog)}."),
                Current(state, catalog, summary)]);
        }

        var first = catalog.Documents[0];
        var fresh = new OnboardingState(key, displayName.Trim(), OnboardingStep.Reading, 0, first.Document.Id, 0, 0,
            StartedAt: now, UpdatedAt: now, PausedAt: null, CompletedAt: null, Version: state?.Version ?? 0);
        if (state is not null && string.IsNullOrWhiteSpace(fresh.DisplayName))
        {
            fresh = fresh with { DisplayName = state.DisplayName };
        }

        var outputs = new List<OnboardingOutput>();
        if (state is not null)
        {
            outputs.Add(new OnboardingNotice(OnboardingNoticeKind.Restarted, "You completed onboarding before; here it is again from the start."));
        }

        outputs.Add(Greeting(fresh, catalog));
        outputs.Add(Current(fresh, catalog, summary));
        return new(fresh, outputs);
    }

    private static Result NextSection(OnboardingState state, string? at, OnboardingCatalog catalog, SummaryInfo summary, DateTimeOffset now)
    {
        if (Stale(state, at) is { } stale)
        {
            return new(null, [stale, Current(state, catalog, summary)]);
        }

        if (state.Step != OnboardingStep.Reading)
        {
            var what = state.Step == OnboardingStep.Checking ? "First pick an answer to this check question:" : "One last step for this document:";
            return new(null, [new OnboardingNotice(OnboardingNoticeKind.StaleAction, what), Current(state, catalog, summary)]);
        }

        var document = catalog.Documents[state.DocumentIndex];
        var next = Touch(state, now) with { PausedAt = null };
        if (state.SectionIndex + 1 < document.Document.Sections.Count)
        {
            next = next with { SectionIndex = state.SectionIndex + 1 };
        }
        else if (document.Questions.Count > 0)
        {
            next = next with { Step = OnboardingStep.Checking, CheckIndex = 0 };
        }
        else
        {
            next = next with { Step = OnboardingStep.Acknowledging };
        }

        return new(next, [Current(next, catalog, summary)]);
    }

    private static Result AnswerCheck(OnboardingState state, OnboardingInput.Answer answer, OnboardingCatalog catalog, SummaryInfo summary, DateTimeOffset now)
    {
        if (state.Step != OnboardingStep.Checking)
        {
            return new(null, [new OnboardingNotice(OnboardingNoticeKind.StaleAction, "That check question is already answered — here's where you are."),
                Current(state, catalog, summary)]);
        }

        if (Stale(state, answer.At) is { } stale)
        {
            return new(null, [stale, Current(state, catalog, summary)]);
        }

        var document = catalog.Documents[state.DocumentIndex];
        var question = document.Questions[state.CheckIndex];
        if (answer.Choice < 1 || answer.Choice > question.Choices.Count)
        {
            return new(null, [Current(state, catalog, summary)]);
        }

        var chosen = question.Choices[answer.Choice - 1];
        var touched = Touch(state, now) with { PausedAt = null };
        if (answer.Choice != question.Correct)
        {
            return new(touched, [new OnboardingCheckFeedback(false, chosen, question.Section, question.Explanation), Current(touched, catalog, summary)]);
        }

        var next = state.CheckIndex + 1 < document.Questions.Count
            ? touched with { CheckIndex = state.CheckIndex + 1 }
            : touched with { Step = OnboardingStep.Acknowledging };
        return new(next, [new OnboardingCheckFeedback(true, chosen, question.Section, question.Explanation), Current(next, catalog, summary)]);
    }

    private static Result AcknowledgeDocument(OnboardingState state, string? at, OnboardingCatalog catalog, SummaryInfo summary, DateTimeOffset now)
    {
        if (state.Step != OnboardingStep.Acknowledging)
        {
            return new(null, [new OnboardingNotice(OnboardingNoticeKind.StaleAction, "Let's finish the walk-through first — here's where you are."),
                Current(state, catalog, summary)]);
        }

        if (Stale(state, at) is { } stale)
        {
            return new(null, [stale, Current(state, catalog, summary)]);
        }

        var document = catalog.Documents[state.DocumentIndex].Document;
        var acknowledgement = new OnboardingAcknowledgement(state.Key.Channel, state.Key.UserId, state.DisplayName, document.Id,
            document.Title, document.ContentHash, now);
        var outputs = new List<OnboardingOutput> { new OnboardingAcknowledgementRecorded(acknowledgement) };
        OnboardingState next;
        if (state.DocumentIndex + 1 < catalog.Documents.Count)
        {
            var following = catalog.Documents[state.DocumentIndex + 1].Document;
            next = Touch(state, now) with
            {
                Step = OnboardingStep.Reading,
                DocumentIndex = state.DocumentIndex + 1,
                DocumentId = following.Id,
                SectionIndex = 0,
                CheckIndex = 0,
                PausedAt = null,
            };
            outputs.Add(Greeting(next, catalog));
        }
        else
        {
            next = Touch(state, now) with { Step = OnboardingStep.Completed, PausedAt = null, CompletedAt = now };
        }

        outputs.Add(Current(next, catalog, summary));
        return new(next, outputs, acknowledgement);
    }

    private static OnboardingNotice? Stale(OnboardingState state, string? at) =>
        at is not null && at != Position(state)
            ? new OnboardingNotice(OnboardingNoticeKind.StaleAction, "That button is from an earlier step — here's where you are now.")
            : null;

    private static OnboardingNotice Completed(OnboardingState state) =>
        new(OnboardingNoticeKind.AlreadyCompleted, string.Create(CultureInfo.InvariantCulture,
            $"You completed onboarding on {state.CompletedAt ?? state.UpdatedAt:yyyy-MM-dd}. Ask me anything about the guidelines any time."));

    /// <summary>The message for the step the person is on.</summary>
    private static OnboardingOutput Current(OnboardingState state, OnboardingCatalog catalog, SummaryInfo summary)
    {
        if (state.IsCompleted)
        {
            return new OnboardingSummary(catalog.Documents.Select(d => d.Document.Title).ToArray(), summary.ExampleQuestions, summary.Contact);
        }

        var document = catalog.Documents[state.DocumentIndex];
        return state.Step switch
        {
            OnboardingStep.Reading => new OnboardingSection(document.Document.Sections[state.SectionIndex], state.SectionIndex + 1,
                document.Document.Sections.Count, Position(state)),
            OnboardingStep.Checking => new OnboardingCheckQuestion(document.Document.Title, document.Questions[state.CheckIndex].Prompt,
                document.Questions[state.CheckIndex].Choices, state.CheckIndex + 1, document.Questions.Count, Position(state)),
            _ => new OnboardingAcknowledgePrompt(document.Document.Id, document.Document.Title, Position(state)),
        };
    }

    private static OnboardingGreeting Greeting(OnboardingState state, OnboardingCatalog catalog)
    {
        var document = catalog.Documents[state.DocumentIndex];
        return new OnboardingGreeting(state.DisplayName, document.Document.Id, document.Document.Title, document.Document.Sections.Count,
            document.Questions.Count, document.Minutes, state.DocumentIndex + 1, catalog.Documents.Count);
    }

    private static string Where(OnboardingState state, OnboardingCatalog catalog)
    {
        var document = catalog.Documents[state.DocumentIndex];
        return state.Step switch
        {
            OnboardingStep.Reading => string.Create(CultureInfo.InvariantCulture,
                $"topic {state.SectionIndex + 1} of {document.Document.Sections.Count} of the {document.Document.Title}"),
            OnboardingStep.Checking => string.Create(CultureInfo.InvariantCulture,
                $"check question {state.CheckIndex + 1} of {document.Questions.Count} on the {document.Document.Title}"),
            OnboardingStep.Acknowledging => $"the acknowledgement of the {document.Document.Title}",
            _ => "the end",
        };
    }

    private static OnboardingState Touch(OnboardingState state, DateTimeOffset now) => state with { UpdatedAt = now };

    /// <summary>
    /// Re-anchors a stored state on the current catalog (documents may have been edited or reconfigured since): the
    /// document by id, indices clamped, a step without content moved on.
    /// </summary>
    internal static OnboardingState Normalize(OnboardingState state, OnboardingCatalog catalog)
    {
        if (state.IsCompleted)
        {
            return state;
        }

        var index = -1;
        for (var i = 0; i < catalog.Documents.Count; i++)
        {
            if (catalog.Documents[i].Document.Id == state.DocumentId)
            {
                index = i;
                break;
            }
        }

        if (index < 0)
        {
            index = Math.Clamp(state.DocumentIndex, 0, catalog.Documents.Count - 1);
            state = state with { SectionIndex = 0, CheckIndex = 0, Step = OnboardingStep.Reading };
        }

        var document = catalog.Documents[index];
        state = state with
        {
            DocumentIndex = index,
            DocumentId = document.Document.Id,
            SectionIndex = Math.Clamp(state.SectionIndex, 0, document.Document.Sections.Count - 1),
        };
        if (state.Step == OnboardingStep.Checking && state.CheckIndex >= document.Questions.Count)
        {
            state = state with { Step = OnboardingStep.Acknowledging, CheckIndex = 0 };
        }

        return state;
    }
}
