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
    /// <summary>
    /// How long a claimed job is someone's: well beyond the longest post with its retries (a few calls of at most 90 s
    /// each), so another replica never takes a job that is still running. Jobs are claimed one at a time for the same reason.
    /// </summary>
    internal static readonly TimeSpan Lease = TimeSpan.FromMinutes(10);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var poll = TimeSpan.FromSeconds(options.Value.PollSeconds);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await RunOnceAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                if (stoppingToken.IsCancellationRequested)
                {
                    // Stopping: the round ended by the stop, or the store failed in its own way first (a driver's timeout).
                    logger.LogDebug(ex, "Expert outbox: a round ended by the stop ({Message})", ex.Message);
                    return;
                }

                logger.LogWarning(ex, "Expert outbox: a round failed ({Message}); trying again in {Seconds} s", ex.Message, poll.TotalSeconds);
            }

            try
            {
                await signal.WaitAsync(poll, time, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                // Stopped between rounds; also when the host is disposed without a stop (a start that failed later),
                // which would otherwise report this worker as crashed.
                return;
            }
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

        // Reminders are queued (fixed ids: once, whichever replica queues them) before they are marked as sent, so a
        // failure in between leaves them to the next round instead of losing them.
        var now = time.GetUtcNow();
        var askedBefore = now - TimeSpan.FromHours(options.Value.ReminderHours);
        foreach (var ticket in (await tickets.ListUnansweredAsync(cancellationToken)).Where(t => t.RemindedAt is null && t.AskedAt < askedBefore))
        {
            foreach (var channel in channels)
            {
                await outbox.EnqueueAsync(new ExpertJob("remind:" + channel.Channel + ":" + ticket.Id, ExpertJobKind.Remind, ticket.Id, null, channel.Channel, now),
                    cancellationToken);
            }
        }

        await tickets.ClaimRemindersAsync(askedBefore, now, cancellationToken);
        var ran = 0;
        while ((await outbox.ClaimDueAsync(time.GetUtcNow(), Lease, 1, cancellationToken)) is [var job])
        {
            await RunAsync(job, channels, deliveries, cancellationToken);
            ran++;
        }

        return ran;
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
            await outbox.RetryAsync(job.Id, time.GetUtcNow() + delay, Truncate(ex.Message), cancellationToken);
            if (job.Attempts + 1 >= options.Value.MaxAttempts)
            {
                // A failure that outlasts every retry (the asker left, the bot was removed from the channel) stops here,
                // with its last error kept in the store, instead of being tried every hour for ever.
                logger.LogError(ex, "Expert outbox: gave up on {Kind} for ticket {TicketId} after {Attempts} attempts: {Message}",
                    job.Kind, job.TicketId, job.Attempts + 1, ex.Message);
                await outbox.CompleteAsync(job.Id, time.GetUtcNow(), cancellationToken);
                return;
            }

            logger.LogWarning(ex, "Expert outbox: {Kind} for ticket {TicketId} failed (attempt {Attempt}): {Message}; retrying in {Seconds} s",
                job.Kind, job.TicketId, job.Attempts + 1, ex.Message, delay.TotalSeconds);
        }
    }

    private async Task MakeAsync(ExpertJob job, Ticket ticket, IExpertChannel[] channels, IExpertAnswerDelivery[] deliveries, CancellationToken cancellationToken)
    {
        switch (job.Kind)
        {
            case ExpertJobKind.PostTicket when ticket.Posts.Any(p => p.Channel == job.Channel):
                // Posted already (a retry after the post was recorded): a second post would be an orphan nobody answers in.
                break;
            case ExpertJobKind.Remind when ticket.Answers.Count > 0:
                break;
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
            case ExpertJobKind.TellTakenOver:
                // Not when they hold it again (took it back meanwhile): there is nothing to tell.
                if (job.UserId is { Length: > 0 } userId && channels.FirstOrDefault(c => c.Channel == job.Channel) is { } theirs
                    && !(ticket.AssignedTo is { } now && now.Channel == job.Channel && now.UserId == userId))
                {
                    await theirs.TellAsync(userId, new ExpertTicketTakenOverMessage(ticket, theirs.Channel), cancellationToken);
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
