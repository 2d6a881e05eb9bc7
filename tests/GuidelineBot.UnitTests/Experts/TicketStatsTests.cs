using GuidelineBot.Core.Experts;

namespace GuidelineBot.UnitTests.Experts;

public sealed class TicketStatsTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 30, 12, 0, 0, TimeSpan.Zero);
    private static readonly ExpertRef Expert = new("slack", "U1", "Dana");

    private static Ticket Asked(string id, TimeSpan ago, params TimeSpan[] answeredAfter) =>
        new(id, "q " + id, null, new ExpertAsker("web", "u", "Pat", null, "web:u", true, null), null, null, 0, Now - ago)
        {
            Answers = [.. answeredAfter.Select((after, i) => new TicketAnswer(id + "-a" + i, id, Expert, "answer", false, Now - ago + after))],
        };

    [Fact]
    public void Age_is_now_minus_asked_and_never_negative()
    {
        Assert.Equal(TimeSpan.FromHours(26), TicketStats.Age(Asked("t", TimeSpan.FromHours(26)), Now));
        Assert.Equal(TimeSpan.Zero, TicketStats.Age(Asked("t", TimeSpan.FromMinutes(-5)), Now));
    }

    [Fact]
    public void Time_to_first_answer_is_to_the_earliest_answer_and_null_while_unanswered()
    {
        // Answers are kept oldest first, but the earliest counts whatever the order.
        var ticket = Asked("t", TimeSpan.FromDays(2), TimeSpan.FromHours(5), TimeSpan.FromHours(3));

        Assert.Equal(TimeSpan.FromHours(3), TicketStats.TimeToFirstAnswer(ticket));
        Assert.Null(TicketStats.TimeToFirstAnswer(Asked("open", TimeSpan.FromDays(1))));
    }

    [Fact]
    public void Median_takes_the_middle_answered_ticket_ignoring_open_ones()
    {
        Ticket[] tickets =
        [
            Asked("a", TimeSpan.FromDays(3), TimeSpan.FromHours(10)),
            Asked("b", TimeSpan.FromDays(3), TimeSpan.FromMinutes(30)),
            Asked("open", TimeSpan.FromDays(9)),
            Asked("c", TimeSpan.FromDays(3), TimeSpan.FromHours(2)),
        ];

        Assert.Equal(TimeSpan.FromHours(2), TicketStats.MedianTimeToFirstAnswer(tickets));
    }

    [Fact]
    public void Median_of_an_even_count_is_the_mean_of_the_two_middle_ones_and_null_without_answers()
    {
        Ticket[] tickets =
        [
            Asked("a", TimeSpan.FromDays(3), TimeSpan.FromHours(1)),
            Asked("b", TimeSpan.FromDays(3), TimeSpan.FromHours(2)),
            Asked("c", TimeSpan.FromDays(3), TimeSpan.FromHours(4)),
            Asked("d", TimeSpan.FromDays(3), TimeSpan.FromHours(40)),
        ];

        Assert.Equal(TimeSpan.FromHours(3), TicketStats.MedianTimeToFirstAnswer(tickets));
        Assert.Null(TicketStats.MedianTimeToFirstAnswer([Asked("open", TimeSpan.FromHours(1))]));
        Assert.Null(TicketStats.MedianTimeToFirstAnswer([]));
    }
}
