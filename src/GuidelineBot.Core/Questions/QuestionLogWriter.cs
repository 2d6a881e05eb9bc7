using System.Net.Sockets;
using System.Threading.Channels;
using GuidelineBot.Core.Background;
using GuidelineBot.Core.Storage;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace GuidelineBot.Core.Questions;

/// <summary>
/// Keeps the question log off the request path: <see cref="RecordAsync"/> and <see cref="RecordFeedbackAsync"/> queue
/// the write and return; one background loop writes what has queued up, in order, in batches gathered over
/// <see cref="BatchWindow"/> (<see cref="IQuestionLog.RecordManyAsync"/>: one transaction, one disk flush for many questions). Nothing is dropped:
/// when the queue is full, or once the writer has stopped, the write goes straight to the log as before, and the caller
/// waits for it at most <see cref="InlineWriteBudget"/> (a store that does not answer must not hold an answer).
/// <see cref="ListAsync"/> first waits for what was queued before it, so a report sees every question already answered
/// (but for a write still going on past its caller's budget, which neither a report nor a stop waits for, and for what
/// still waits for the store after <see cref="ListFlushBudget"/>).
/// Stopping (host stop or disposal) writes everything still queued. A failed write is a warning, never a failed answer.
/// While the store is unavailable (<see cref="IsUnavailable"/>: the database down or not answering) the loop keeps what
/// it holds and tries again after <see cref="FirstRetryDelay"/>, doubling up to <see cref="MaxRetryDelay"/>, so an outage
/// delays the log instead of emptying it. A stop gives each write <see cref="StopWriteBudget"/>; once one fails for the
/// store, nothing more is tried, and one error says how many questions and votes were lost.
/// </summary>
public sealed class QuestionLogWriter : IQuestionLog, IHostedService, IAsyncDisposable, IDisposable
{
    /// <summary>Queued writes before callers write themselves (≈ a few MB at most).</summary>
    public const int Capacity = 10_000;

    /// <summary>Questions written in one transaction at most.</summary>
    public const int MaxBatch = 256;

    /// <summary>
    /// How long questions gather before a write (≈ one write per window under load; after a quiet spell, the answer that
    /// queued the first question is sent before its write runs).
    /// </summary>
    public static readonly TimeSpan BatchWindow = TimeSpan.FromMilliseconds(50);

    /// <summary>
    /// How long a caller waits for a write it makes itself (the queue full, or the writer stopped) before the write goes on
    /// without it: the question log is a report, and Slack wants a slash command's 200 within 3 s, while a database that
    /// accepts connections and never answers holds a write for the driver's whole timeout (15 s and more).
    /// </summary>
    public static readonly TimeSpan InlineWriteBudget = TimeSpan.FromSeconds(1);

    /// <summary>The first wait before writing again to an unavailable store; each failure doubles it.</summary>
    public static readonly TimeSpan FirstRetryDelay = TimeSpan.FromSeconds(1);

    /// <summary>The longest wait between tries while the store stays unavailable.</summary>
    public static readonly TimeSpan MaxRetryDelay = TimeSpan.FromMinutes(1);

    /// <summary>How long a stop waits for each write still to make (the last try of one that waited for an unavailable store, or the rest of the queue).</summary>
    public static readonly TimeSpan StopWriteBudget = TimeSpan.FromSeconds(5);

    /// <summary>How long a report waits for the questions queued before it (they wait while the store is unavailable).</summary>
    public static readonly TimeSpan ListFlushBudget = TimeSpan.FromSeconds(5);

    private readonly IQuestionLog _inner;
    private readonly ILogger<QuestionLogWriter> _logger;
    private readonly TimeProvider _time;
    private readonly Channel<Entry> _queue = Channel.CreateBounded<Entry>(new BoundedChannelOptions(Capacity)
    {
        SingleReader = true,
        FullMode = BoundedChannelFullMode.Wait,
    });

    private readonly Task _loop;

    /// <summary>
    /// The store was unavailable at a stop (this error said so): what is still queued is counted as lost, not tried, and
    /// logged once when the loop ends.
    /// </summary>
    private Exception? _lostAtStop;

    private int _lostQuestions;
    private int _lostVotes;

    /// <summary>Completed by a stop or disposal: a batch window in progress ends at once.</summary>
    private readonly TaskCompletionSource _stopping = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public QuestionLogWriter(IQuestionLog inner, ILogger<QuestionLogWriter> logger, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(inner);
        ArgumentNullException.ThrowIfNull(logger);
        ArgumentNullException.ThrowIfNull(time);
        _inner = inner;
        _logger = logger;
        _time = time;
        _loop = Task.Run(() => RunAsync(CancellationToken.None));
    }

    public Task RecordAsync(QuestionRecord question, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(question);
        ArgumentException.ThrowIfNullOrEmpty(question.Id);
        return _queue.Writer.TryWrite(new Entry(question, null, false, null))
            ? Task.CompletedTask
            : WriteInlineAsync(_inner.RecordAsync(question, CancellationToken.None), "question", question.Id, cancellationToken);
    }

    public Task RecordFeedbackAsync(string questionId, bool helpful, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(questionId);
        return _queue.Writer.TryWrite(new Entry(null, questionId, helpful, null))
            ? Task.CompletedTask
            : WriteInlineAsync(_inner.RecordFeedbackAsync(questionId, helpful, CancellationToken.None), "feedback", questionId, cancellationToken);
    }

    /// <summary>
    /// <paramref name="write"/>, waited for at most <see cref="InlineWriteBudget"/>: a failure within it reaches the caller;
    /// past it the write goes on, and its failure is logged when it comes. The write itself runs without the caller's token
    /// (a request's token can be cancelled after its response, when the connection closes), which only ends the wait.
    /// </summary>
    private async Task WriteInlineAsync(Task write, string what, string id, CancellationToken cancellationToken)
    {
        try
        {
            await write.WaitAsync(InlineWriteBudget, _time, cancellationToken);
        }
        catch (TimeoutException) when (!write.IsCompleted)
        {
            _logger.LogWarning("Question log: the {What} of {QuestionId} is still being written after {Seconds} s; the answer goes on without it",
                what, id, InlineWriteBudget.TotalSeconds);
            _ = write.ContinueWith(
                failed => _logger.LogWarning(failed.Exception?.InnerException, "Question log: the {What} of {QuestionId} was not recorded: {Message}", what,
                    id, failed.Exception?.InnerException?.Message ?? "cancelled"),
                CancellationToken.None, TaskContinuationOptions.NotOnRanToCompletion | TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
        }
    }

    public async Task<IReadOnlyList<QuestionRecord>> ListAsync(DateTimeOffset? since, CancellationToken cancellationToken)
    {
        try
        {
            await FlushAsync(cancellationToken).WaitAsync(ListFlushBudget, _time, cancellationToken);
        }
        catch (TimeoutException)
        {
            _logger.LogWarning("Question log: questions queued before a report are still waiting for the store after {Seconds} s; the report goes on without them",
                ListFlushBudget.TotalSeconds);
        }

        return await _inner.ListAsync(since, cancellationToken);
    }

    /// <summary>
    /// Completes when every write queued before the call is written, has failed and been logged, or is lost to a stop; while
    /// the store is unavailable that is when it answers again.
    /// </summary>
    public async Task FlushAsync(CancellationToken cancellationToken)
    {
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        try
        {
            await _queue.Writer.WriteAsync(new Entry(null, null, false, done), cancellationToken);
        }
        catch (ChannelClosedException)
        {
            // Stopped: once the loop has ended, everything queued is written.
            await _loop.WaitAsync(cancellationToken);
            return;
        }

        await done.Task.WaitAsync(cancellationToken);
    }

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>
    /// Stops queueing (later writes go straight to the log) and writes everything queued. When the host's shutdown
    /// timeout ends first, the writing goes on and disposal waits for it.
    /// </summary>
    public async Task StopAsync(CancellationToken cancellationToken)
    {
        Complete();
        try
        {
            await _loop.WaitAsync(cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            _logger.LogWarning("Question log: the shutdown timeout ended before every queued question was written; disposal waits for the rest");
        }
    }

    public async ValueTask DisposeAsync()
    {
        Complete();
        await _loop;
    }

    /// <summary>For a container disposed synchronously: waits for the queued writes like <see cref="DisposeAsync"/>.</summary>
    public void Dispose()
    {
        Complete();
        _loop.GetAwaiter().GetResult();
    }

    private async Task RunAsync(CancellationToken cancellationToken)
    {
        var batch = new List<QuestionRecord>(MaxBatch);
        while (await _queue.Reader.WaitToReadAsync(cancellationToken))
        {
            // Questions gather for a window before each write: about one write per window under load, and after a quiet
            // spell the answer that queued the first question goes out before its write competes for the CPU (a start's
            // first answer on one core). A flush, a stop, or a full batch already waiting goes ahead at once.
            if (_queue.Reader.Count < MaxBatch && _queue.Reader.TryPeek(out var first) && first.Flushed is null)
            {
                await GatherAsync(cancellationToken);
            }

            while (_queue.Reader.TryRead(out var entry))
            {
                if (entry.Question is { } question)
                {
                    batch.Add(question);
                    if (batch.Count < MaxBatch)
                    {
                        continue;
                    }
                }

                // Feedback and flushes keep their place: the questions before them are written first.
                await WriteAsync(batch, cancellationToken);
                if (entry.FeedbackFor is { } id)
                {
                    await WriteWhileAvailableAsync(() => _inner.RecordFeedbackAsync(id, entry.Helpful, cancellationToken), "the feedback of " + id, 0, 1,
                        cancellationToken);
                }

                entry.Flushed?.TrySetResult();
            }

            await WriteAsync(batch, cancellationToken);
        }

        if (_lostAtStop is { } outage)
        {
            _logger.LogError(outage, "Question log: the store was unavailable when the server stopped ({Message}); not recorded: {Questions} questions, {Votes} votes",
                outage.Message, _lostQuestions, _lostVotes);
        }
    }

    /// <summary>Lets the next questions gather for <see cref="BatchWindow"/>; a stop ends the wait.</summary>
    private Task GatherAsync(CancellationToken cancellationToken) => PauseAsync(BatchWindow, cancellationToken);

    /// <summary>Waits <paramref name="delay"/> on the clock; a stop ends the wait (and its timer) at once.</summary>
    private async Task PauseAsync(TimeSpan delay, CancellationToken cancellationToken)
    {
        using var stopped = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var wait = Task.Delay(delay, _time, stopped.Token);
        if (await Task.WhenAny(wait, _stopping.Task) != wait)
        {
            await stopped.CancelAsync();
        }
    }

    /// <summary>Later writes go straight to the log; the loop writes what is queued without waiting for a window.</summary>
    private void Complete()
    {
        _queue.Writer.TryComplete();
        _stopping.TrySetResult();
    }

    private async Task WriteAsync(List<QuestionRecord> batch, CancellationToken cancellationToken)
    {
        if (batch.Count == 0)
        {
            return;
        }

        if (await WriteWhileAvailableAsync(() => _inner.RecordManyAsync(batch, cancellationToken), $"{batch.Count} questions", batch.Count, 0, cancellationToken))
        {
            // One bad record must not cost the others: write them one by one.
            foreach (var question in batch)
            {
                await WriteWhileAvailableAsync(() => _inner.RecordAsync(question, cancellationToken), "question " + question.Id, 1, 0, cancellationToken);
            }
        }

        batch.Clear();
    }

    /// <summary>
    /// Runs <paramref name="write"/> (of <paramref name="questions"/> questions and <paramref name="votes"/> votes), trying
    /// again while the store is unavailable (waits on the clock). Once the writer is stopping, a write gets
    /// <see cref="StopWriteBudget"/> and no further try: what is left is counted as lost. True when it failed for another
    /// reason (logged as a warning), which the caller may deal with; false when it is written or lost.
    /// </summary>
    private async Task<bool> WriteWhileAvailableAsync(Func<Task> write, string what, int questions, int votes, CancellationToken cancellationToken)
    {
        var delay = FirstRetryDelay;
        for (var tries = 1; _lostAtStop is null; tries++)
        {
            try
            {
                await WithinStopBudgetAsync(write());
                if (tries > 1)
                {
                    _logger.LogInformation("Question log: the store is available again; {What} written at try {Tries}", what, tries);
                }

                return false;
            }
            catch (Exception ex) when (IsUnavailable(ex))
            {
                if (_stopping.Task.IsCompleted)
                {
                    _lostAtStop = ex;
                    break;
                }

                _logger.LogWarning(ex, "Question log: the store is unavailable ({Message}); {What} and everything queued after wait, trying again in {Seconds} s",
                    ex.Message, what, delay.TotalSeconds);
                await PauseAsync(delay, cancellationToken); // a stop ends the wait: the next try is the last
                delay = Backoff.Doubled(delay, MaxRetryDelay);
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                _logger.LogWarning(ex, "Question log: writing {What} failed: {Message}", what, ex.Message);
                return true;
            }
        }

        _lostQuestions += questions;
        _lostVotes += votes;
        return false;
    }

    /// <summary>
    /// <paramref name="writing"/>; once the writer is stopping, waited for at most <see cref="StopWriteBudget"/> more (a
    /// <see cref="TimeoutException"/>, which counts as the store unavailable), so a database that does not answer cannot hold
    /// a stop for the driver's whole timeout. The write itself goes on.
    /// </summary>
    private async Task WithinStopBudgetAsync(Task writing)
    {
        if (!writing.IsCompleted && !_stopping.Task.IsCompleted)
        {
            await Task.WhenAny(writing, _stopping.Task);
        }

        await (writing.IsCompleted ? writing : writing.WaitAsync(StopWriteBudget, _time));
    }

    /// <summary>
    /// A store that cannot be reached or does not answer (<see cref="StoreUnavailableException"/>, or a timeout or a broken
    /// connection), as opposed to one that refuses a record.
    /// </summary>
    public static bool IsUnavailable(Exception exception) =>
        exception is StoreUnavailableException or TimeoutException or IOException or SocketException;

    /// <summary>A question, a vote (<see cref="FeedbackFor"/>), or a flush marker (<see cref="Flushed"/>).</summary>
    private sealed record Entry(QuestionRecord? Question, string? FeedbackFor, bool Helpful, TaskCompletionSource? Flushed);
}
