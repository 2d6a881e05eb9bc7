using GuidelineBot.Core.Experts;
using GuidelineBot.Slack.Api;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace GuidelineBot.Slack.Experts;

/// <summary>
/// Who is in the experts' channel: every page of <c>conversations.members</c> (following <c>next_cursor</c>), kept for
/// <c>Experts:MembershipCacheSeconds</c> on the <see cref="TimeProvider"/>; one lookup at a time, shared by everyone who
/// waits for it and run without their tokens, so one who stops waiting (a click past its budget) leaves it to fill the
/// cache for the next. A lookup that fails throws (nobody is refused or let in on a guess).
/// </summary>
internal sealed class SlackExpertMembers(IOptions<ExpertOptions> experts, TimeProvider time, ILogger<SlackExpertMembers> logger)
{
    /// <summary>A lookup ends after this long, whether or not anyone still waits for it.</summary>
    private static readonly TimeSpan LookupTimeout = TimeSpan.FromSeconds(30);

    /// <summary>At most this many pages (of 200) are read: a cursor that never ends cannot loop forever.</summary>
    private const int MaxPages = 100;

    private readonly Lock _lock = new();
    private volatile Snapshot? _snapshot;
    private Lookup? _lookup;

    public async Task<bool> IsMemberAsync(string channel, string userId, SlackApiClient api, CancellationToken cancellationToken) =>
        (await MembersAsync(channel, api).WaitAsync(cancellationToken)).Contains(userId);

    /// <summary>The members, cached, or the lookup under way for <paramref name="channel"/>, or a new one.</summary>
    public Task<IReadOnlySet<string>> MembersAsync(string channel, SlackApiClient api)
    {
        if (Fresh(channel) is { } cached)
        {
            return Task.FromResult(cached);
        }

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

            // Not under the first caller's execution context: the lookup outlives it (its activity, its log scopes).
            using (ExecutionContext.SuppressFlow())
            {
                _lookup = new Lookup(channel, Task.Run(() => ReadAsync(channel, api)));
            }

            return _lookup.Members;
        }
    }

    /// <summary>Every page; a failure is logged here too, since the callers may have stopped waiting.</summary>
    private async Task<IReadOnlySet<string>> ReadAsync(string channel, SlackApiClient api)
    {
        using var timeout = new CancellationTokenSource(LookupTimeout, time);
        try
        {
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
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            logger.LogWarning(ex, "The members of the experts' channel {Channel} were not read: {Message}", channel, ex.Message);
            throw;
        }
    }

    private IReadOnlySet<string>? Fresh(string channel) =>
        _snapshot is { } s && s.Channel == channel && time.GetUtcNow() - s.FetchedAt < TimeSpan.FromSeconds(experts.Value.MembershipCacheSeconds)
            ? s.Members
            : null;

    private sealed record Snapshot(string Channel, IReadOnlySet<string> Members, DateTimeOffset FetchedAt);

    private sealed record Lookup(string Channel, Task<IReadOnlySet<string>> Members);
}
