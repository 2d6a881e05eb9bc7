using GuidelineBot.Core.Experts;
using GuidelineBot.Slack.Api;
using Microsoft.Extensions.Options;

namespace GuidelineBot.Slack.Experts;

/// <summary>
/// Who is in the experts' channel: every page of <c>conversations.members</c> (following <c>next_cursor</c>), kept for
/// <c>Experts:MembershipCacheSeconds</c> on the <see cref="TimeProvider"/>; one lookup at a time. A lookup that fails
/// throws (nobody is refused or let in on a guess).
/// </summary>
internal sealed class SlackExpertMembers(IOptions<ExpertOptions> experts, TimeProvider time) : IDisposable
{
    /// <summary>At most this many pages (of 200) are read: a cursor that never ends cannot loop forever.</summary>
    private const int MaxPages = 100;

    private readonly SemaphoreSlim _gate = new(1, 1);
    private volatile Snapshot? _snapshot;

    public async Task<bool> IsMemberAsync(string channel, string userId, SlackApiClient api, CancellationToken cancellationToken) =>
        (await MembersAsync(channel, api, cancellationToken)).Contains(userId);

    private async Task<IReadOnlySet<string>> MembersAsync(string channel, SlackApiClient api, CancellationToken cancellationToken)
    {
        if (Fresh(channel) is { } cached)
        {
            return cached;
        }

        await _gate.WaitAsync(cancellationToken);
        try
        {
            if (Fresh(channel) is { } fetchedMeanwhile)
            {
                return fetchedMeanwhile;
            }

            var members = new HashSet<string>(StringComparer.Ordinal);
            string? cursor = null;
            var pages = 0;
            do
            {
                var page = await api.GetMembersAsync(channel, cursor, "experts' channel members", cancellationToken)
                           ?? throw new SlackApiException($"The members of the experts' channel {channel} could not be read");
                members.UnionWith(page.Members);
                cursor = page.NextCursor;
            }
            while (cursor is not null && ++pages < MaxPages);

            _snapshot = new Snapshot(channel, members, time.GetUtcNow());
            return members;
        }
        finally
        {
            _gate.Release();
        }
    }

    private IReadOnlySet<string>? Fresh(string channel) =>
        _snapshot is { } s && s.Channel == channel && time.GetUtcNow() - s.FetchedAt < TimeSpan.FromSeconds(experts.Value.MembershipCacheSeconds)
            ? s.Members
            : null;

    public void Dispose() => _gate.Dispose();

    private sealed record Snapshot(string Channel, IReadOnlySet<string> Members, DateTimeOffset FetchedAt);
}
