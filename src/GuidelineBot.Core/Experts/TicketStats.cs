namespace GuidelineBot.Core.Experts;

/// <summary>How the experts keep up (pure, for the dashboard): how long tickets wait, and how long a first answer takes.</summary>
public static class TicketStats
{
    /// <summary>How long the ticket has waited at <paramref name="now"/> (never negative: a clock skew between replicas reads as zero).</summary>
    public static TimeSpan Age(Ticket ticket, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(ticket);
        return now > ticket.AskedAt ? now - ticket.AskedAt : TimeSpan.Zero;
    }

    /// <summary>From the question to its first answer; null while unanswered.</summary>
    public static TimeSpan? TimeToFirstAnswer(Ticket ticket)
    {
        ArgumentNullException.ThrowIfNull(ticket);
        return ticket.Answers.Count == 0 ? null : Max(ticket.Answers.Min(a => a.At) - ticket.AskedAt, TimeSpan.Zero);
    }

    /// <summary>
    /// The median time to a first answer over the answered <paramref name="tickets"/> (the middle one, or the mean of the
    /// two middle ones); null when none is answered.
    /// </summary>
    public static TimeSpan? MedianTimeToFirstAnswer(IEnumerable<Ticket> tickets)
    {
        ArgumentNullException.ThrowIfNull(tickets);
        var times = tickets.Select(TimeToFirstAnswer).OfType<TimeSpan>().Order().ToList();
        if (times.Count == 0)
        {
            return null;
        }

        var middle = times.Count / 2;
        return times.Count % 2 == 1 ? times[middle] : (times[middle - 1] + times[middle]) / 2;
    }

    private static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;
}
