using GuidelineBot.Core.Experts;
using GuidelineBot.Slack.Api;
using Microsoft.Extensions.Options;

namespace GuidelineBot.Slack.Experts;

/// <summary>
/// Who is in the experts' channel: every page of <c>conversations.members</c> (following <c>next_cursor</c>), kept for
/// <c>Experts:MembershipCacheSeconds</c> on the <see cref="TimeProvider"/>; one lookup at a time, shared by the clicks that
/// wait for it. A click waits at most <see cref="LookupBudget"/> (it is answered inline, within Slack's 3 s); past that it
/// fails and the lookup goes on, so the next click finds the list cached. A lookup that fails throws (nobody is refused
/// or let in on a guess).
/// </summary>
internal sealed class SlackExpertMembers(IOptions<ExpertOptions> experts, TimeProvider time)
{
    /// <summary>How long a click waits for a lookup (its pages, with their retries) when the list is not cached.</summary>
    public static readonly TimeSpan LookupBudget = TimeSpan.FromSeconds(1);

    /// <summary>A lookup that no click waits for any more still ends after this long.</summary>
    private static readonly TimeSpan LookupTimeout = TimeSpan.FromSeconds(30);

    /// <summary>At most this many pages (of 200) are read: a cursor that never ends cannot loop forever.</summary>
    private const int MaxPages = 100;

    private readonly Lock _lock = new();
    private volatile Snapshot? _snapshot;
    private Lookup? _lookup;

    public async Task<bool> IsMemberAsync(string channel, string userId, SlackApiClient api, CancellationToken cancellationToken)
    {
        if (Fresh(channel) is { } cached)
        {
            return cached.Contains(userId);
        }

        try
        {
            return (await Start(channel, api).WaitAsync(LookupBudget, time, cancellationToken)).Contains(userId);
        }
        catch (TimeoutException)
        {
            throw new SlackApiException($"The members of the experts' channel {channel} were not read within {LookupBudget.TotalSeconds} s");
        }
    }

    /// <summary>The lookup under way for <paramref name="channel"/>, or a new one.</summary>
    private Task<IReadOnlySet<string>> Start(string channel, SlackApiClient api)
    {
        lock (_lock)
        {
            if (_lookup is { Members.IsCompleted: false } running && running.Channel == channel)
            {
                return running.Members;
            }

            if (Fresh(channel) is { } fetchedMeanwhile)
            {
                return Task.FromResult(fetchedMeanwhile);
            }

            _lookup = new Lookup(channel, ReadAsync(channel, api));
            return _lookup.Members;
        }
    }

    /// <summary>Every page, without a click's token: a click that stops waiting leaves the lookup to finish for the next one.</summary>
    private async Task<IReadOnlySet<string>> ReadAsync(string channel, SlackApiClient api)
    {
        await Task.Yield(); // out of the lock
        using var timeout = new CancellationTokenSource(LookupTimeout, time);
        var members = new HashSet<string>(StringComparer.Ordinal);
        string? cursor = null;
        var pages = 0;
        do
        {
            var page = await api.GetMembersAsync(channel, cursor, "experts' channel members", timeout.Token)
                       ?? throw new SlackApiException($"The members of the experts' channel {channel} could not be read");
            members.UnionWith(page.Members);
            cursor = page.NextCursor;
        }
        while (cursor is not null && ++pages < MaxPages);

        _snapshot = new Snapshot(channel, members, time.GetUtcNow());
        return members;
    }

    private IReadOnlySet<string>? Fresh(string channel) =>
        _snapshot is { } s && s.Channel == channel && time.GetUtcNow() - s.FetchedAt < TimeSpan.FromSeconds(experts.Value.MembershipCacheSeconds)
            ? s.Members
            : null;

    private sealed record Snapshot(string Channel, IReadOnlySet<string> Members, DateTimeOffset FetchedAt);

    private sealed record Lookup(string Channel, Task<IReadOnlySet<string>> Members);
}
