using GuidelineBot.Core.Conversation;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace GuidelineBot.Core.Experts;

/// <summary>
/// Makes the posts of the ticket outbox (<see cref="IExpertOutbox"/>): at once when <see cref="ExpertService"/> queued
/// one here, and every <c>Experts:PollSeconds</c> for retries, posts queued by another replica and reminders. A job is
/// leased while it runs, so two replicas never make the same post; a failure is retried later from the store, with
/// back-off, never lost. Reminders: an unanswered ticket older than <c>Experts:ReminderHours</c> is claimed once (across
/// replicas) and re-announced in every experts' channel.
/// </summary>
public sealed class ExpertOutboxWorker(
    IServiceScopeFactory scopes,
    ITicketStore tickets,
    IExpertOutbox outbox,
    ExpertOutboxSignal signal,
    IOptions<ExpertOptions> options,
    TimeProvider time,
    ILogger<ExpertOutboxWorker> logger) : BackgroundService
{
    /// <summary>How long a claimed job is someone's: longer than any post with its retries takes.</summary>
    internal static readonly TimeSpan Lease = TimeSpan.FromMinutes(2);

    private const int BatchSize = 20;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var poll = TimeSpan.FromSeconds(options.Value.PollSeconds);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await RunOnceAsync(stoppingToken);
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested && ex is not OutOfMemoryException)
            {
                logger.LogWarning(ex, "Expert outbox: a round failed ({Message}); trying again in {Seconds} s", ex.Message, poll.TotalSeconds);
            }

            await signal.WaitAsync(poll, time, stoppingToken);
        }
    }

    /// <summary>Claims due reminders, then makes every due post; returns how many jobs ran.</summary>
    public async Task<int> RunOnceAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var channels = scope.ServiceProvider.GetServices<IExpertChannel>().ToArray();
        var deliveries = scope.ServiceProvider.GetServices<IExpertAnswerDelivery>().ToArray();
        if (channels.Length == 0)
        {
            return 0;
        }

        var now = time.GetUtcNow();
        foreach (var ticket in await tickets.ClaimRemindersAsync(now - TimeSpan.FromHours(options.Value.ReminderHours), now, cancellationToken))
        {
            foreach (var channel in channels)
            {
                await outbox.EnqueueAsync(new ExpertJob("remind:" + channel.Channel + ":" + ticket.Id, ExpertJobKind.Remind, ticket.Id, null, channel.Channel, now),
                    cancellationToken);
            }
        }

        var ran = 0;
        while (true)
        {
            var jobs = await outbox.ClaimDueAsync(time.GetUtcNow(), Lease, BatchSize, cancellationToken);
            foreach (var job in jobs)
            {
                await RunAsync(job, channels, deliveries, cancellationToken);
                ran++;
            }

            if (jobs.Count < BatchSize)
            {
                return ran;
            }
        }
    }

    private async Task RunAsync(ExpertJob job, IExpertChannel[] channels, IExpertAnswerDelivery[] deliveries, CancellationToken cancellationToken)
    {
        try
        {
            var ticket = await tickets.GetAsync(job.TicketId, cancellationToken);
            if (ticket is not null)
            {
                await MakeAsync(job, ticket, channels, deliveries, cancellationToken);
            }

            await outbox.CompleteAsync(job.Id, time.GetUtcNow(), cancellationToken);
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested && ex is not OutOfMemoryException)
        {
            var delay = TimeSpan.FromSeconds(Math.Min(3600, options.Value.RetrySeconds * Math.Pow(2, Math.Min(job.Attempts, 12))));
            logger.LogWarning(ex, "Expert outbox: {Kind} for ticket {TicketId} failed (attempt {Attempt}): {Message}; retrying in {Seconds} s",
                job.Kind, job.TicketId, job.Attempts + 1, ex.Message, delay.TotalSeconds);
            await outbox.RetryAsync(job.Id, time.GetUtcNow() + delay, Truncate(ex.Message), cancellationToken);
        }
    }

    private async Task MakeAsync(ExpertJob job, Ticket ticket, IExpertChannel[] channels, IExpertAnswerDelivery[] deliveries, CancellationToken cancellationToken)
    {
        switch (job.Kind)
        {
            case ExpertJobKind.PostTicket or ExpertJobKind.Remind:
                if (channels.FirstOrDefault(c => c.Channel == job.Channel) is { } target)
                {
                    var post = await target.PostAsync(new ExpertTicketMessage(ticket, target.Channel, job.Kind == ExpertJobKind.Remind, time.GetUtcNow()), cancellationToken);
                    await tickets.AddPostAsync(ticket.Id, post, cancellationToken);
                }

                break;
            case ExpertJobKind.UpdatePosts:
                foreach (var post in ticket.Posts)
                {
                    if (channels.FirstOrDefault(c => c.Channel == post.Channel) is { } channel)
                    {
                        await channel.UpdateAsync(post, new ExpertTicketMessage(ticket, channel.Channel, Reminder: false, time.GetUtcNow()), cancellationToken);
                    }
                }

                break;
            case ExpertJobKind.Deliver:
                var answer = ticket.Answers.FirstOrDefault(a => a.Id == job.AnswerId);
                if (answer is null || answer.DeliveredAt is not null)
                {
                    break;
                }

                var delivery = deliveries.FirstOrDefault(d => d.Channel == ticket.Asker.Channel)
                    ?? throw new InvalidOperationException($"No delivery for {ticket.Asker.Channel} is configured");
                await delivery.DeliverAsync(ticket.Asker, new ExpertAnswerMessage(ticket, answer), cancellationToken);
                await tickets.MarkDeliveredAsync(answer.Id, time.GetUtcNow(), cancellationToken);
                break;
        }
    }

    private static string Truncate(string text) => text.Length > 500 ? text[..500] : text;
}
