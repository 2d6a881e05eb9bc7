using GuidelineBot.Core.Knowledge;

namespace GuidelineBot.IntegrationTests.Admin;

/// <summary>A fixed <see cref="IKnowledgeStatus"/> (the live one is the knowledge reload's): what the dashboard shows.</summary>
public sealed class FakeKnowledgeStatus(KnowledgeStatus status) : IKnowledgeStatus
{
    public int Reloads { get; private set; }

    public KnowledgeStatus Current => status;

    public Task<KnowledgeStatus> ReloadAsync(CancellationToken cancellationToken)
    {
        Reloads++;
        return Task.FromResult(status);
    }
}
