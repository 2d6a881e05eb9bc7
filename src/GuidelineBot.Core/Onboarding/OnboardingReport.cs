using System.Globalization;
using GuidelineBot.Core.Knowledge;

namespace GuidelineBot.Core.Onboarding;

public enum OnboardingReportStatus
{
    /// <summary>Part-way through, active recently.</summary>
    InProgress,

    /// <summary>Paused recently.</summary>
    Paused,

    /// <summary>Part-way through (paused or not) with no step for longer than the report's "stuck after".</summary>
    Stuck,

    /// <summary>Every document acknowledged.</summary>
    Completed,
}

/// <summary>Whether an acknowledgement was for the document as it is now.</summary>
public enum AcknowledgedVersion
{
    Current,

    /// <summary>The document changed since (its content hash differs): the person acknowledged an older version.</summary>
    Older,

    /// <summary>The document is no longer in the knowledge folder.</summary>
    DocumentRemoved,
}

public sealed record OnboardingReportAcknowledgement(OnboardingAcknowledgement Acknowledgement, AcknowledgedVersion Version);

/// <summary>One person: where they are, since when, and what they acknowledged.</summary>
/// <param name="State">Null for someone with acknowledgements but no stored state (should not happen).</param>
/// <param name="Where">"reading topic 4/13 of …", "check question 2/5 on …", "acknowledging …", "finished".</param>
public sealed record OnboardingReportPerson(
    OnboardingKey Key,
    string DisplayName,
    OnboardingReportStatus Status,
    OnboardingState? State,
    string Where,
    IReadOnlyList<OnboardingReportAcknowledgement> Acknowledgements);

/// <summary>Who started, finished, acknowledged which version, and who is stuck mid-way.</summary>
public sealed record OnboardingReport(DateTimeOffset GeneratedAt, TimeSpan StuckAfter, IReadOnlyList<OnboardingReportPerson> People)
{
    public int Started => People.Count(p => p.State is not null);

    public int Completed => People.Count(p => p.Status == OnboardingReportStatus.Completed);

    public int Stuck => People.Count(p => p.Status == OnboardingReportStatus.Stuck);

    public int OlderVersionAcknowledgements => People.Sum(p => p.Acknowledgements.Count(a => a.Version != AcknowledgedVersion.Current));

    public static OnboardingReport Build(IReadOnlyList<OnboardingState> states, IReadOnlyList<OnboardingAcknowledgement> acknowledgements,
        KnowledgeBase knowledge, OnboardingCatalog catalog, DateTimeOffset now, TimeSpan stuckAfter)
    {
        var acksByPerson = acknowledgements
            .GroupBy(a => new OnboardingKey(a.Channel, a.UserId))
            .ToDictionary(g => g.Key, g => g.Select(a => new OnboardingReportAcknowledgement(a, VersionOf(a, knowledge))).ToArray());
        var people = new List<OnboardingReportPerson>();
        foreach (var state in states)
        {
            acksByPerson.TryGetValue(state.Key, out var acks);
            people.Add(new OnboardingReportPerson(state.Key, state.DisplayName, StatusOf(state, now, stuckAfter), state,
                Describe(state, knowledge, catalog), acks ?? []));
        }

        foreach (var (key, acks) in acksByPerson.Where(p => states.All(s => s.Key != p.Key)))
        {
            people.Add(new OnboardingReportPerson(key, acks[^1].Acknowledgement.DisplayName, OnboardingReportStatus.Completed, null, "finished", acks));
        }

        return new OnboardingReport(now, stuckAfter, people);
    }

    private static AcknowledgedVersion VersionOf(OnboardingAcknowledgement acknowledgement, KnowledgeBase knowledge) =>
        knowledge.Documents.FirstOrDefault(d => d.Id == acknowledgement.DocumentId) switch
        {
            null => AcknowledgedVersion.DocumentRemoved,
            var d when d.ContentHash == acknowledgement.ContentHash => AcknowledgedVersion.Current,
            _ => AcknowledgedVersion.Older,
        };

    private static OnboardingReportStatus StatusOf(OnboardingState state, DateTimeOffset now, TimeSpan stuckAfter) => state switch
    {
        { IsCompleted: true } => OnboardingReportStatus.Completed,
        _ when now - state.UpdatedAt >= stuckAfter => OnboardingReportStatus.Stuck,
        { IsPaused: true } => OnboardingReportStatus.Paused,
        _ => OnboardingReportStatus.InProgress,
    };

    private static string Describe(OnboardingState state, KnowledgeBase knowledge, OnboardingCatalog catalog)
    {
        if (state.IsCompleted)
        {
            return "finished";
        }

        var entry = catalog.Documents.FirstOrDefault(d => d.Document.Id == state.DocumentId);
        var document = entry?.Document ?? knowledge.Documents.FirstOrDefault(d => d.Id == state.DocumentId);
        var title = document?.Title ?? state.DocumentId;
        return state.Step switch
        {
            OnboardingStep.Reading => string.Create(CultureInfo.InvariantCulture,
                $"reading topic {state.SectionIndex + 1}/{document?.Sections.Count.ToString(CultureInfo.InvariantCulture) ?? "?"} of {title}"),
            OnboardingStep.Checking => string.Create(CultureInfo.InvariantCulture,
                $"check question {state.CheckIndex + 1}/{entry?.Questions.Count.ToString(CultureInfo.InvariantCulture) ?? "?"} on {title}"),
            _ => $"acknowledging {title}",
        };
    }
}
