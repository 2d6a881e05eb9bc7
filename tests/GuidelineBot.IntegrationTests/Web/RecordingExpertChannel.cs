using System.Collections.Concurrent;
using System.Globalization;
using GuidelineBot.Core.Conversation;
using GuidelineBot.Core.Experts;

namespace GuidelineBot.IntegrationTests.Web;

/// <summary>
/// An experts' channel for the web chat's tests (Slack's and Teams' own are tested with their fake APIs): it records the
/// tickets posted and updated, and says who is a member. Registered in the test's services, it makes the core offer
/// "Ask an expert".
/// </summary>
public sealed class RecordingExpertChannel(string channel, params string[] members) : IExpertChannel
{
    public const string ConversationId = "experts";

    private int _posts;

    public string Channel => channel;

    public ConcurrentQueue<ExpertTicketMessage> Posts { get; } = new();

    public ConcurrentQueue<(TicketPost Post, ExpertTicketMessage Message)> Updates { get; } = new();

    public Task<TicketPost> PostAsync(ExpertTicketMessage message, CancellationToken cancellationToken)
    {
        Posts.Enqueue(message);
        var id = Interlocked.Increment(ref _posts).ToString(CultureInfo.InvariantCulture);
        return Task.FromResult(new TicketPost(channel, ConversationId, "post-" + id));
    }

    public Task UpdateAsync(TicketPost post, ExpertTicketMessage message, CancellationToken cancellationToken)
    {
        Updates.Enqueue((post, message));
        return Task.CompletedTask;
    }

    public ConcurrentQueue<(string UserId, OutboundMessage Message)> Told { get; } = new();

    public Task TellAsync(string userId, OutboundMessage message, CancellationToken cancellationToken)
    {
        Told.Enqueue((userId, message));
        return Task.CompletedTask;
    }

    public Task<bool> IsMemberAsync(string userId, CancellationToken cancellationToken) => Task.FromResult(members.Contains(userId, StringComparer.Ordinal));
}
