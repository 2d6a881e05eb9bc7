using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using GuidelineBot.Core.Conversation;
using GuidelineBot.Core.Knowledge;

namespace GuidelineBot.Core.Onboarding;

/// <summary>
/// The state machine, as one pure function: (state, input, catalog, now) → (new state to save, outputs, acknowledgement
/// to record). No I/O: <see cref="OnboardingService"/> loads, saves with a version check, and answers free questions.
/// </summary>
internal static class OnboardingMachine
{
    /// <param name="NewState">The state to save, or null when nothing changes.</param>
    internal sealed record Result(OnboardingState? NewState, IReadOnlyList<OnboardingOutput> Outputs, OnboardingAcknowledgement? Acknowledgement = null);

    /// <summary>Of text typed under a check question, at most this much is quoted back.</summary>
    private const int MaxEchoedChars = 60;

    /// <summary>
    /// What the final summary says besides the titles; <paramref name="Documents"/> are the whole knowledge's, to tell
    /// which example headings another document shares.
    /// </summary>
    internal sealed record SummaryInfo(IReadOnlyList<GuidelineSection> Examples, string Contact, IReadOnlyList<GuidelineDocument> Documents);

    /// <summary>How a stored state had to be moved to fit the current catalog.</summary>
    internal enum Reanchor
    {
        /// <summary>It fits (at most an index or a clamp was adjusted).</summary>
        None,

        /// <summary>The current document's version changed since the person began it: it starts again.</summary>
        DocumentEdited,

        /// <summary>The current document left the catalog: on to the first one not yet acknowledged.</summary>
        DocumentWithdrawn,

        /// <summary>The current document left the catalog and every other one is acknowledged: finished.</summary>
        Finished,
    }

    public static Result Apply(OnboardingState? stored, OnboardingInput input, OnboardingKey key, string displayName,
        OnboardingCatalog catalog, SummaryInfo summary, DateTimeOffset now)
    {
        if (catalog.Documents.Count == 0)
        {
            return new(null, [new OnboardingNotice(OnboardingNoticeKind.NothingToOnboard, "There are no guideline documents to walk through yet.")]);
        }

        if (input is OnboardingInput.AskQuestion)
        {
            return new(null, [new OnboardingQuestionPrompt()]);
        }

        var (state, change) = stored is null ? (null, Reanchor.None) : Normalize(stored, catalog, now);
        if (state is not null && !string.IsNullOrWhiteSpace(displayName))
        {
            state = state with { DisplayName = displayName };
        }

        if (state is not null && change != Reanchor.None)
        {
            // The buttons and text the person saw were for content that is gone: say what changed and show the step now.
            return Reanchored(state, change, input is OnboardingInput.Pause, catalog, summary, now);
        }

        switch (input)
        {
            case OnboardingInput.Start:
                return StartOrContinue(state, key, displayName, catalog, summary, now);
        }

        if (state is null)
        {
            return new(null, [new OnboardingNotice(OnboardingNoticeKind.NotStarted,
                new RichTextBuilder().Plain("You have no onboarding in progress. Type ").Code("onboard").Plain(" to start one.").Build())]);
        }

        if (state.IsCompleted)
        {
            // A second press of the acknowledgement that completed it says nothing; any other press says it is done.
            return input is OnboardingInput.Acknowledge { At: var at } && JustLeft(state, at, catalog, now) ? new(null, []) : new(null, [Completed(state)]);
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

    /// <summary>
    /// The step token that buttons carry: <i>document</i><c>.s3</c>, <i>document</i><c>.q1.</c><i>question</i>,
    /// <i>document</i><c>.ack</c>, <c>done</c>. The document part names the document and the version being read (not its
    /// place in the list, which moves when a document is added), and a check question's token names the question itself
    /// (prompt, choices and correct one): a click under content that has changed since is not applied to the new one.
    /// </summary>
    public static string Position(OnboardingState state, OnboardingCatalog catalog) => state.Step switch
    {
        OnboardingStep.Reading => string.Create(CultureInfo.InvariantCulture, $"{Tag(state.DocumentId, state.DocumentHash)}.s{state.SectionIndex}"),
        OnboardingStep.Checking => string.Create(CultureInfo.InvariantCulture,
            $"{Tag(state.DocumentId, state.DocumentHash)}.q{state.CheckIndex}.{Fingerprint(catalog.Documents[state.DocumentIndex].Questions[state.CheckIndex])}"),
        OnboardingStep.Acknowledging => $"{Tag(state.DocumentId, state.DocumentHash)}.ack",
        _ => "done",
    };

    /// <summary>
    /// True when the check question <paramref name="state"/> was at is still open in the current catalog: its document
    /// is the same version, and onboarding.yml still has the question (a removed one moves the person on to the
    /// acknowledgement).
    /// </summary>
    public static bool IsChecking(OnboardingState state, OnboardingCatalog catalog, DateTimeOffset now) =>
        catalog.Documents.Count > 0 && Normalize(state, catalog, now) is { Change: Reanchor.None, State.Step: OnboardingStep.Checking };

    /// <summary>Typed text while a check question is open: "B", "2" or the choice's own words pick that choice.</summary>
    public static int? MatchChoice(OnboardingState state, OnboardingCatalog catalog, string text, DateTimeOffset now)
    {
        if (state is not { Step: OnboardingStep.Checking, IsCompleted: false })
        {
            return null;
        }

        var (normalized, change) = Normalize(state, catalog, now);
        if (change != Reanchor.None || normalized.Step != OnboardingStep.Checking)
        {
            return null;
        }

        var document = catalog.Documents[normalized.DocumentIndex];

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
        var fresh = new OnboardingState(key, displayName.Trim(), OnboardingStep.Reading, 0, first.Document.Id, first.Document.ContentHash, now, 0, 0, [],
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
        if (Stale(state, at, catalog) is { } stale)
        {
            // A double click: the second press, a moment after the first moved on, carries the section just left. The
            // person sees where they are already; "that button is from an earlier step" and the topic again read as a repeat.
            return JustLeft(state, at, catalog, now) ? new(null, []) : new(null, [stale, Current(state, catalog, summary)]);
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
        if (JustLeft(state, answer.At, catalog, now))
        {
            // A second press on the question just passed (its right answer moved on, and said so).
            return new(null, []);
        }

        if (state.Step != OnboardingStep.Checking)
        {
            return new(null, [new OnboardingNotice(OnboardingNoticeKind.StaleAction, "That check question is not the one open now — here's where you are."),
                Current(state, catalog, summary)]);
        }

        if (Stale(state, answer.At, catalog) is { } stale)
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
        if (JustLeft(state, at, catalog, now))
        {
            // A double click: the first press recorded the acknowledgement and moved on (or completed), and said so.
            return new(null, []);
        }

        if (state.Step != OnboardingStep.Acknowledging)
        {
            return new(null, [new OnboardingNotice(OnboardingNoticeKind.StaleAction, "Let's finish the walk-through first — here's where you are."),
                Current(state, catalog, summary)]);
        }

        if (Stale(state, at, catalog) is { } stale)
        {
            return new(null, [stale, Current(state, catalog, summary)]);
        }

        // The version acknowledged is the one the person began (Normalize restarts a document that changed since).
        var document = catalog.Documents[state.DocumentIndex].Document;
        var acknowledgement = new OnboardingAcknowledgement(state.Key.Channel, state.Key.UserId, state.DisplayName, document.Id,
            document.Title, state.DocumentHash, now);
        var outputs = new List<OnboardingOutput> { new OnboardingAcknowledgementRecorded(acknowledgement) };
        var acknowledged = state.Acknowledged.Contains(document.Id, StringComparer.Ordinal) ? state.Acknowledged : [.. state.Acknowledged, document.Id];
        var next = Touch(state, now) with { Acknowledged = acknowledged, PausedAt = null };
        var following = FirstUnacknowledged(acknowledged, catalog);
        if (following >= 0)
        {
            next = Begin(next, following, catalog, now);
            outputs.Add(Greeting(next, catalog));
        }
        else
        {
            next = next with { Step = OnboardingStep.Completed, CompletedAt = now };
        }

        outputs.Add(Current(next, catalog, summary));
        return new(next, outputs, acknowledgement);
    }

    /// <summary>How soon after a step a second press of the button that took it counts as the same click.</summary>
    private static readonly TimeSpan DoubleClick = TimeSpan.FromSeconds(5);

    /// <summary>
    /// <paramref name="at"/> is the step the last press left, taken within <see cref="DoubleClick"/>: a second press of the
    /// same step's buttons (Next, a choice of the check question just answered right, the acknowledgement) whose first press
    /// moved on and said so.
    /// </summary>
    private static bool JustLeft(OnboardingState state, string? at, OnboardingCatalog catalog, DateTimeOffset now) =>
        at is not null && now - state.UpdatedAt <= DoubleClick && at == Previous(state, catalog);

    /// <summary>
    /// The step before <paramref name="state"/>'s, as its buttons' token: the section before, the check question before,
    /// the document's last check question or last section, the acknowledgement of the document just acknowledged (for the
    /// next document's first section, and once completed). Null where there is none.
    /// </summary>
    private static string? Previous(OnboardingState state, OnboardingCatalog catalog)
    {
        if (state.IsCompleted || state is { Step: OnboardingStep.Reading, SectionIndex: 0 })
        {
            return state.Acknowledged is [.., var last] && last != (state.IsCompleted ? null : state.DocumentId)
                && catalog.Documents.FirstOrDefault(d => d.Document.Id == last) is { } acknowledged
                ? Position(state with { Step = OnboardingStep.Acknowledging, DocumentId = last, DocumentHash = acknowledged.Document.ContentHash }, catalog)
                : null;
        }

        if (state.DocumentIndex >= catalog.Documents.Count)
        {
            return null;
        }

        var document = catalog.Documents[state.DocumentIndex];
        var lastSection = state with { Step = OnboardingStep.Reading, SectionIndex = document.Document.Sections.Count - 1 };
        return state.Step switch
        {
            OnboardingStep.Reading => Position(state with { SectionIndex = state.SectionIndex - 1 }, catalog),
            OnboardingStep.Checking when state.CheckIndex > 0 => Position(state with { CheckIndex = state.CheckIndex - 1 }, catalog),
            OnboardingStep.Checking => Position(lastSection, catalog),
            OnboardingStep.Acknowledging when document.Questions.Count > 0 =>
                Position(state with { Step = OnboardingStep.Checking, CheckIndex = document.Questions.Count - 1 }, catalog),
            OnboardingStep.Acknowledging => Position(lastSection, catalog),
            _ => null,
        };
    }

    private static OnboardingNotice? Stale(OnboardingState state, string? at, OnboardingCatalog catalog) =>
        at is not null && at != Position(state, catalog)
            ? new OnboardingNotice(OnboardingNoticeKind.StaleAction, "That button is from an earlier step — here's where you are now.")
            : null;

    private static OnboardingNotice Completed(OnboardingState state) =>
        new(OnboardingNoticeKind.AlreadyCompleted, string.Create(CultureInfo.InvariantCulture,
            $"You completed onboarding on {state.CompletedAt ?? state.UpdatedAt:yyyy-MM-dd}. Ask me anything about the guidelines any time."));

    /// <summary>
    /// For typed text under the open check question of <paramref name="stored"/> that is none of its choices (and no
    /// question the guidelines answer): how to answer, then the question again. The state does not change.
    /// </summary>
    internal static IReadOnlyList<OnboardingOutput> NotAChoice(OnboardingState stored, OnboardingCatalog catalog, SummaryInfo summary, string text,
        DateTimeOffset now)
    {
        var (state, _) = Normalize(stored, catalog, now);
        var choices = catalog.Documents[state.DocumentIndex].Questions[state.CheckIndex].Choices.Count;
        var typed = text.Trim();
        typed = typed.Length > MaxEchoedChars ? typed[..MaxEchoedChars].TrimEnd() + "…" : typed;
        var notice = new RichTextBuilder()
            .Plain($"“{typed}” isn't one of the choices. Reply with a letter from A to {(char)('A' + choices - 1)}, its number or its words, or press its button. ")
            .Plain("To ask about the guidelines instead, type your question.")
            .Build();
        return [new OnboardingNotice(OnboardingNoticeKind.NotAChoice, notice), Current(state, catalog, summary)];
    }

    /// <summary>The message for the step the person is on.</summary>
    private static OnboardingOutput Current(OnboardingState state, OnboardingCatalog catalog, SummaryInfo summary)
    {
        if (state.IsCompleted)
        {
            return new OnboardingSummary(catalog.Documents.Select(d => d.Document.Title).ToArray(), summary.Examples, summary.Contact)
            {
                Documents = summary.Documents,
            };
        }

        var document = catalog.Documents[state.DocumentIndex];
        return state.Step switch
        {
            OnboardingStep.Reading => new OnboardingSection(document.Document.Sections[state.SectionIndex], state.SectionIndex + 1,
                document.Document.Sections.Count, Position(state, catalog)),
            OnboardingStep.Checking => new OnboardingCheckQuestion(document.Document.Title, document.Questions[state.CheckIndex].Prompt,
                document.Questions[state.CheckIndex].Choices, state.CheckIndex + 1, document.Questions.Count, Position(state, catalog)),
            _ => new OnboardingAcknowledgePrompt(document.Document.Id, document.Document.Title, Position(state, catalog)),
        };
    }

    private static OnboardingGreeting Greeting(OnboardingState state, OnboardingCatalog catalog)
    {
        var document = catalog.Documents[state.DocumentIndex];
        var done = catalog.Documents.Count(d => state.Acknowledged.Contains(d.Document.Id, StringComparer.Ordinal));
        return new OnboardingGreeting(state.DisplayName, document.Document.Id, document.Document.Title, document.Document.Sections.Count,
            document.Questions.Count, document.Minutes, done + 1, catalog.Documents.Count);
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

    /// <summary>Starts reading document <paramref name="index"/> of the catalog at its first section, at its current version.</summary>
    private static OnboardingState Begin(OnboardingState state, int index, OnboardingCatalog catalog, DateTimeOffset now)
    {
        var document = catalog.Documents[index].Document;
        return state with
        {
            Step = OnboardingStep.Reading,
            DocumentIndex = index,
            DocumentId = document.Id,
            DocumentHash = document.ContentHash,
            DocumentBegunAt = now,
            SectionIndex = 0,
            CheckIndex = 0,
        };
    }

    /// <summary>The first document of the catalog not acknowledged yet in this walk-through, or -1.</summary>
    private static int FirstUnacknowledged(IReadOnlyList<string> acknowledged, OnboardingCatalog catalog)
    {
        for (var i = 0; i < catalog.Documents.Count; i++)
        {
            if (!acknowledged.Contains(catalog.Documents[i].Document.Id, StringComparer.Ordinal))
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>Saves the re-anchored state and tells the person what changed before showing where they are now.</summary>
    private static Result Reanchored(OnboardingState state, Reanchor change, bool pause, OnboardingCatalog catalog, SummaryInfo summary,
        DateTimeOffset now)
    {
        if (change == Reanchor.Finished)
        {
            var finished = Touch(state, now) with { Step = OnboardingStep.Completed, PausedAt = null, CompletedAt = now };
            return new(finished, [
                new OnboardingNotice(OnboardingNoticeKind.DocumentChanged,
                    "The document you were reading is no longer part of onboarding, and you have acknowledged all the others, so you're done."),
                Current(finished, catalog, summary)]);
        }

        var title = catalog.Documents[state.DocumentIndex].Document.Title;
        var notice = new OnboardingNotice(OnboardingNoticeKind.DocumentChanged, change == Reanchor.DocumentEdited
            ? $"\"{title}\" was updated while you were reading it, so let's go through it again from the first topic: you acknowledge the version you read."
            : $"The document you were reading is no longer part of onboarding, so on to \"{title}\".");
        if (pause)
        {
            return new(Touch(state, now) with { PausedAt = now }, [notice, new OnboardingPaused(Where(state, catalog))]);
        }

        var next = Touch(state, now) with { PausedAt = null };
        return new(next, [notice, Greeting(next, catalog), Current(next, catalog, summary)]);
    }

    /// <summary>The check question's identity in a button token: a hash of its prompt, choices and answer.</summary>
    private static string Fingerprint(CheckQuestion question) =>
        ShortHash([question.Prompt, .. question.Choices, question.Correct.ToString(CultureInfo.InvariantCulture)]);

    /// <summary>A document version's identity in a button token.</summary>
    private static string Tag(string documentId, string documentHash) => ShortHash([documentId, documentHash]);

    /// <summary>8 hex digits of the SHA-256 of the parts, one per line: short enough for a button value, the same on every replica.</summary>
    private static string ShortHash(IEnumerable<string> parts) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(string.Join('\n', parts))), 0, 4);

    /// <summary>
    /// Re-anchors a stored state on the current catalog (documents may have been edited, added, removed or reordered since):
    /// the document by id, indices clamped, a step without content moved on. A document whose version changed since the
    /// person began it starts again, unless this process loaded its version before they began (another replica already
    /// has a newer one: the stored version stays); a withdrawn one gives way to the first document not acknowledged yet.
    /// </summary>
    internal static (OnboardingState State, Reanchor Change) Normalize(OnboardingState state, OnboardingCatalog catalog, DateTimeOffset now)
    {
        if (state.IsCompleted)
        {
            return (state, Reanchor.None);
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
            var following = FirstUnacknowledged(state.Acknowledged, catalog);
            return following < 0
                ? (state with { Step = OnboardingStep.Completed }, Reanchor.Finished)
                : (Begin(state, following, catalog, now), Reanchor.DocumentWithdrawn);
        }

        var document = catalog.Documents[index];
        if (state.DocumentHash.Length == 0)
        {
            state = state with { DocumentHash = document.Document.ContentHash, DocumentBegunAt = state.DocumentBegunAt ?? state.UpdatedAt };
        }
        else if (state.DocumentHash != document.Document.ContentHash && !(document.VersionSince <= state.DocumentBegunAt))
        {
            return (Begin(state, index, catalog, now), Reanchor.DocumentEdited);
        }

        state = state with
        {
            DocumentIndex = index,
            SectionIndex = Math.Clamp(state.SectionIndex, 0, document.Document.Sections.Count - 1),
        };
        if (state.Step == OnboardingStep.Checking && state.CheckIndex >= document.Questions.Count)
        {
            state = state with { Step = OnboardingStep.Acknowledging, CheckIndex = 0 };
        }

        return (state, Reanchor.None);
    }
}
