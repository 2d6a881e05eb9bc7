using GuidelineBot.Core.Conversation;

namespace GuidelineBot.Core.Experts;

/// <summary>
/// An experts' channel (Slack <c>Experts:SlackChannel</c>, Teams <c>Experts:TeamsChannel</c>), implemented by the
/// channel that owns it and registered only when that channel is on and its experts' channel configured. The core posts
/// tickets through it and asks it who may answer.
/// </summary>
public interface IExpertChannel
{
    /// <summary>The channel name (<see cref="Channels"/>).</summary>
    string Channel { get; }

    /// <summary>Posts the ticket (or its reminder, <see cref="ExpertTicketMessage.Reminder"/>) as a new message; returns where.</summary>
    /// <exception cref="Exception">Any failure: the outbox tries again later.</exception>
    Task<TicketPost> PostAsync(ExpertTicketMessage message, CancellationToken cancellationToken);

    /// <summary>Replaces the post's content with the ticket as it is now (assigned to, answered by, when).</summary>
    Task UpdateAsync(TicketPost post, ExpertTicketMessage message, CancellationToken cancellationToken);

    /// <summary>
    /// Tells one member of the experts' channel something only they see (Slack: a direct message; Teams: a personal chat).
    /// </summary>
    /// <exception cref="Exception">Any failure: the outbox tries again later.</exception>
    Task TellAsync(string userId, OutboundMessage message, CancellationToken cancellationToken);

    /// <summary>Whether the person is a member of the experts' channel (cached by the implementation).</summary>
    Task<bool> IsMemberAsync(string userId, CancellationToken cancellationToken);
}

/// <summary>Delivers an expert's answer to the asker where they asked, for one channel (the web chat's inbox needs none).</summary>
public interface IExpertAnswerDelivery
{
    string Channel { get; }

    /// <summary>Posts <paramref name="message"/> to <paramref name="asker"/>: a Slack DM or the original thread, the original Teams conversation.</summary>
    /// <exception cref="Exception">Any failure: the outbox tries again later.</exception>
    Task DeliverAsync(ExpertAsker asker, ExpertAnswerMessage message, CancellationToken cancellationToken);
}
