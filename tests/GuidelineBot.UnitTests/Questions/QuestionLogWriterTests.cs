using System.Collections.Concurrent;
using GuidelineBot.Core.Questions;
using GuidelineBot.Core.Storage;
using GuidelineBot.Testing;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Logging.Testing;
using Microsoft.Extensions.Time.Testing;
using Npgsql;

namespace GuidelineBot.UnitTests.Questions;

public sealed class QuestionLogWriterTests
{
    private static QuestionRecord Question(string id) =>
        new(id, DateTimeOffset.UnixEpoch, "slack", "user", "can I post photos?", QuestionOutcome.Answered, "doc", "doc#s", 0.9, 1.5);

    /// <summary>Writes only once <see cref="Open"/> is called; remembers every write in order and each batch's size.</summary>
    private sealed class GatedLog : IQuestionLog
    {
        private readonly TaskCompletionSource _gate = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public ConcurrentQueue<string> Writes { get; } = new();

        public ConcurrentQueue<int> Batches { get; } = new();

        public Func<QuestionRecord, bool> Fails { get; init; } = _ => false;

        public void Open() => _gate.TrySetResult();

        public async Task RecordAsync(QuestionRecord question, CancellationToken cancellationToken)
        {
            await _gate.Task.WaitAsync(cancellationToken);
            if (Fails(question))
            {
                throw new InvalidOperationException("disk full");
            }

            Writes.Enqueue(question.Id);
        }

        public async Task RecordManyAsync(IReadOnlyList<QuestionRecord> questions, CancellationToken cancellationToken)
        {
            await _gate.Task.WaitAsync(cancellationToken);
            if (questions.Any(Fails))
            {
                throw new InvalidOperationException("one bad record fails the transaction");
            }

            Batches.Enqueue(questions.Count);
            foreach (var question in questions)
            {
                Writes.Enqueue(question.Id);
            }
        }

        public async Task RecordFeedbackAsync(string questionId, bool helpful, CancellationToken cancellationToken)
        {
            await _gate.Task.WaitAsync(cancellationToken);
            Writes.Enqueue($"{questionId}:{(helpful ? "+" : "-")}");
        }

        public Task<IReadOnlyList<QuestionRecord>> ListAsync(DateTimeOffset? since, CancellationToken cancellationToken) =>
            Task.FromResult<IReadOnlyList<QuestionRecord>>([.. Writes.Select(w => Question(w))]);
    }

    [Fact]
    public async Task Recording_returns_before_the_log_is_written_and_stopping_writes_everything_queued_in_order()
    {
        var log = new GatedLog();
        var writer = new QuestionLogWriter(log, NullLogger<QuestionLogWriter>.Instance, TimeProvider.System);

        for (var i = 0; i < 500; i++)
        {
            var recorded = writer.RecordAsync(Question($"q{i}"), CancellationToken.None);
            Assert.True(recorded.IsCompletedSuccessfully);
        }

        Assert.True(writer.RecordFeedbackAsync("q499", helpful: true, CancellationToken.None).IsCompletedSuccessfully);
        Assert.Empty(log.Writes);

        var stopped = writer.StopAsync(CancellationToken.None);
        Assert.False(stopped.IsCompleted);
        log.Open();
        await stopped;

        Assert.Equal([.. Enumerable.Range(0, 500).Select(i => $"q{i}"), "q499:+"], log.Writes);
        Assert.True(log.Batches.Count < 500, "questions are written in batches");
        Assert.All(log.Batches, n => Assert.InRange(n, 1, QuestionLogWriter.MaxBatch));
    }

    [Fact]
    public async Task The_first_question_after_a_quiet_spell_is_written_one_batch_window_later_with_those_that_joined_it()
    {
        var log = new GatedLog();
        log.Open();
        var time = new FakeTimeProvider();
        await using var writer = new QuestionLogWriter(log, NullLogger<QuestionLogWriter>.Instance, time);

        await writer.RecordAsync(Question("a"), CancellationToken.None);
        await Task.Delay(100);
        await writer.RecordAsync(Question("b"), CancellationToken.None);
        await Task.Delay(100);
        Assert.Empty(log.Writes); // the window has not passed on the writer's clock

        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (log.Writes.Count < 2 && DateTime.UtcNow < deadline)
        {
            time.Advance(QuestionLogWriter.BatchWindow);
            await Task.Delay(10);
        }

        Assert.Equal(["a", "b"], log.Writes);
        Assert.Equal([2], log.Batches);
    }

    [Fact]
    public async Task Listing_after_a_quiet_spell_does_not_wait_for_the_batch_window()
    {
        var log = new GatedLog();
        log.Open();
        await using var writer = new QuestionLogWriter(log, NullLogger<QuestionLogWriter>.Instance, new FakeTimeProvider());

        // The clock never moves: a flush that waited for the window would never complete.
        var listed = await writer.ListAsync(null, CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Empty(listed);
    }

    [Fact]
    public async Task A_stop_during_a_batch_window_writes_at_once()
    {
        var log = new GatedLog();
        log.Open();
        var writer = new QuestionLogWriter(log, NullLogger<QuestionLogWriter>.Instance, new FakeTimeProvider());
        await writer.RecordAsync(Question("a"), CancellationToken.None);
        await Task.Delay(100);
        await writer.RecordAsync(Question("b"), CancellationToken.None);
        Assert.Empty(log.Writes); // the writer is in its window

        // The clock never moves: a stop that waited for the window would never complete.
        await writer.StopAsync(CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal(["a", "b"], log.Writes);
    }

    [Fact]
    public async Task After_stopping_writes_go_straight_to_the_log()
    {
        var log = new GatedLog();
        log.Open();
        var writer = new QuestionLogWriter(log, NullLogger<QuestionLogWriter>.Instance, TimeProvider.System);
        await writer.StopAsync(CancellationToken.None);

        await writer.RecordAsync(Question("late"), CancellationToken.None);
        await writer.RecordFeedbackAsync("late", helpful: false, CancellationToken.None);

        Assert.Equal(["late", "late:-"], log.Writes);
    }

    [Fact]
    public async Task A_write_the_caller_makes_itself_when_the_queue_is_full_holds_it_for_the_budget_only_and_still_lands()
    {
        // The log does not answer (a database that accepts connections and never replies), and the loop waits in its batch
        // window on the fake clock, so the queue fills up.
        var log = new GatedLog();
        var clock = new FakeTimeProvider();
        var writer = new QuestionLogWriter(log, NullLogger<QuestionLogWriter>.Instance, clock);
        var questions = 0;
        Task question;
        do
        {
            question = writer.RecordAsync(Question($"q{questions++}"), CancellationToken.None);
            Assert.True(questions <= QuestionLogWriter.Capacity + QuestionLogWriter.MaxBatch + 1, "the queue fills up");
        }
        while (question.IsCompletedSuccessfully);

        // A vote likewise (the loop may still take one batch out of the queue before it blocks in its write).
        var votes = 0;
        Task feedback;
        do
        {
            feedback = writer.RecordFeedbackAsync("q0", helpful: true, CancellationToken.None);
            Assert.True(++votes <= QuestionLogWriter.MaxBatch + 1, "the queue stays full");
        }
        while (feedback.IsCompletedSuccessfully);

        clock.Advance(QuestionLogWriter.InlineWriteBudget - TimeSpan.FromMilliseconds(1));
        Assert.False(question.IsCompleted);
        clock.Advance(TimeSpan.FromMilliseconds(1));
        // Well under the real 1 s: the budget runs on the fake clock, not the real one.
        await question.WaitAsync(TimeSpan.FromMilliseconds(500));
        await feedback.WaitAsync(TimeSpan.FromMilliseconds(500));
        Assert.Empty(log.Writes);

        log.Open();
        await writer.DisposeAsync();
        // The two writes past their budget are not the loop's: disposal does not wait for them.
        for (var waited = 0; log.Writes.Count < questions + votes && waited < 100; waited++)
        {
            await Task.Delay(50);
        }

        Assert.Contains($"q{questions - 1}", log.Writes);
        Assert.Contains("q0:+", log.Writes);
        Assert.Equal(questions + votes, log.Writes.Count);
    }

    [Fact]
    public async Task Listing_waits_for_what_was_queued_before_it()
    {
        var log = new GatedLog();
        await using var writer = new QuestionLogWriter(log, NullLogger<QuestionLogWriter>.Instance, TimeProvider.System);
        await writer.RecordAsync(Question("a"), CancellationToken.None);
        await writer.RecordAsync(Question("b"), CancellationToken.None);

        var listed = writer.ListAsync(null, CancellationToken.None);
        Assert.False(listed.IsCompleted);
        log.Open();

        Assert.Equal(["a", "b"], (await listed).Select(q => q.Id));
    }

    [Fact]
    public async Task A_bad_record_costs_only_itself_and_never_reaches_the_caller()
    {
        var log = new GatedLog { Fails = q => q.Id == "bad" };
        var writer = new QuestionLogWriter(log, NullLogger<QuestionLogWriter>.Instance, TimeProvider.System);
        foreach (var id in new[] { "a", "bad", "c" })
        {
            await writer.RecordAsync(Question(id), CancellationToken.None);
        }

        log.Open();
        await writer.DisposeAsync();

        Assert.Equal(["a", "c"], log.Writes);
    }

    [Fact]
    public async Task A_stop_cut_short_by_the_shutdown_timeout_does_not_throw_and_disposal_still_writes_the_rest()
    {
        var log = new GatedLog();
        var writer = new QuestionLogWriter(log, NullLogger<QuestionLogWriter>.Instance, TimeProvider.System);
        await writer.RecordAsync(Question("a"), CancellationToken.None);
        await writer.RecordAsync(Question("b"), CancellationToken.None);

        await writer.StopAsync(new CancellationToken(canceled: true));
        Assert.Empty(log.Writes);

        log.Open();
        await writer.DisposeAsync();
        Assert.Equal(["a", "b"], log.Writes);
    }

    /// <summary>
    /// A database that cannot be reached while <see cref="Down"/> is set, or that never answers while <see cref="Silent"/> is;
    /// counts every try.
    /// </summary>
    private sealed class OutageLog : IQuestionLog
    {
        private volatile bool _down = true;
        private volatile bool _silent;
        private int _tries;

        public bool Down
        {
            get => _down;
            set => _down = value;
        }

        public bool Silent
        {
            get => _silent;
            set => _silent = value;
        }

        public int Tries => Volatile.Read(ref _tries);

        public ConcurrentQueue<string> Writes { get; } = new();

        public ConcurrentQueue<string> SingleWrites { get; } = new();

        public Task RecordAsync(QuestionRecord question, CancellationToken cancellationToken) => Attempt(() =>
        {
            SingleWrites.Enqueue(question.Id);
            Writes.Enqueue(question.Id);
        });

        public Task RecordManyAsync(IReadOnlyList<QuestionRecord> questions, CancellationToken cancellationToken) => Attempt(() =>
        {
            foreach (var question in questions)
            {
                Writes.Enqueue(question.Id);
            }
        });

        public Task RecordFeedbackAsync(string questionId, bool helpful, CancellationToken cancellationToken) =>
            Attempt(() => Writes.Enqueue($"{questionId}:{(helpful ? "+" : "-")}"));

        public Task<IReadOnlyList<QuestionRecord>> ListAsync(DateTimeOffset? since, CancellationToken cancellationToken) =>
            Task.FromResult<IReadOnlyList<QuestionRecord>>([.. Writes.Select(w => Question(w))]);

        private Task Attempt(Action write)
        {
            Interlocked.Increment(ref _tries);
            if (_silent)
            {
                return new TaskCompletionSource().Task;
            }

            if (_down)
            {
                throw new StoreUnavailableException("the store is unavailable (test)", new TimeoutException());
            }

            write();
            return Task.CompletedTask;
        }
    }

    /// <summary>Lets the loop run (real time) and checks that <paramref name="tries"/> has not moved meanwhile.</summary>
    private static async Task AssertNoNewTryAsync(OutageLog log, int tries)
    {
        await Task.Delay(200);
        Assert.Equal(tries, log.Tries);
    }

    /// <summary>
    /// Lets the writer make its first try (a failure, the store being down): returns once it waits to try again. (Fewer than
    /// <see cref="QuestionLogWriter.MaxBatch"/> questions queued: the writer first waits its batch window.)
    /// </summary>
    private static async Task FirstTryAsync(CountingClock clock, OutageLog log)
    {
        await Eventually.WaitUntilAsync(() => clock.Timers == 1, "the batch window", TimeSpan.FromSeconds(10));
        clock.Advance(QuestionLogWriter.BatchWindow);
        await Eventually.WaitUntilAsync(() => log.Tries == 1 && clock.Timers == 2, "the first try and its wait", TimeSpan.FromSeconds(10));
    }

    [Fact]
    public async Task While_the_store_is_unavailable_the_queue_waits_backing_off_on_the_clock_and_is_written_in_order_once_it_is_back()
    {
        var log = new OutageLog();
        var clock = new CountingClock();
        var logger = new FakeLogger<QuestionLogWriter>();
        await using var writer = new QuestionLogWriter(log, logger, clock);
        await writer.RecordAsync(Question("a"), CancellationToken.None);
        await writer.RecordAsync(Question("b"), CancellationToken.None);
        await writer.RecordFeedbackAsync("a", helpful: true, CancellationToken.None);
        await writer.RecordAsync(Question("c"), CancellationToken.None);
        await FirstTryAsync(clock, log);

        // Tries 2 and 3 come after 1 s and then 2 s on the writer's clock, not at once and not one question at a time.
        clock.Advance(QuestionLogWriter.FirstRetryDelay - TimeSpan.FromMilliseconds(1));
        await AssertNoNewTryAsync(log, 1);
        clock.Advance(TimeSpan.FromMilliseconds(1));
        await Eventually.WaitUntilAsync(() => log.Tries == 2 && clock.Timers == 3, "the second try and its wait", TimeSpan.FromSeconds(10));
        clock.Advance(2 * QuestionLogWriter.FirstRetryDelay - TimeSpan.FromMilliseconds(1));
        await AssertNoNewTryAsync(log, 2);

        log.Down = false;
        clock.Advance(TimeSpan.FromMilliseconds(1));
        await Eventually.WaitUntilAsync(() => log.Writes.Count == 4, "everything is written", TimeSpan.FromSeconds(10));

        Assert.Equal(["a", "b", "a:+", "c"], log.Writes);
        Assert.Empty(log.SingleWrites); // an outage is not a bad record: the batch waits whole
        Assert.Equal(2, logger.Collector.GetSnapshot().Count(r => r.Level == LogLevel.Warning && r.Message.Contains("unavailable", StringComparison.Ordinal)));
        Assert.Contains(logger.Collector.GetSnapshot(), r => r.Level == LogLevel.Information && r.Message.Contains("available again", StringComparison.Ordinal));
        Assert.DoesNotContain(logger.Collector.GetSnapshot(), r => r.Level >= LogLevel.Error);
    }

    [Fact]
    public async Task The_wait_between_tries_doubles_up_to_its_limit()
    {
        var log = new OutageLog();
        var clock = new CountingClock();
        await using var writer = new QuestionLogWriter(log, NullLogger<QuestionLogWriter>.Instance, clock);
        await writer.RecordAsync(Question("a"), CancellationToken.None);
        await FirstTryAsync(clock, log);

        var delay = QuestionLogWriter.FirstRetryDelay;
        for (var tries = 1; tries < 10; tries++)
        {
            clock.Advance(delay - TimeSpan.FromMilliseconds(1));
            await AssertNoNewTryAsync(log, tries);
            clock.Advance(TimeSpan.FromMilliseconds(1));
            var next = tries + 1;
            await Eventually.WaitUntilAsync(() => log.Tries == next && clock.Timers == next + 1, $"try {next} and its wait", TimeSpan.FromSeconds(10));
            delay = delay * 2 < QuestionLogWriter.MaxRetryDelay ? delay * 2 : QuestionLogWriter.MaxRetryDelay;
        }

        Assert.Equal(QuestionLogWriter.MaxRetryDelay, delay);
    }

    [Fact]
    public async Task A_stop_during_an_outage_makes_one_last_try_and_logs_once_what_was_lost()
    {
        var log = new OutageLog();
        var clock = new CountingClock();
        var logger = new FakeLogger<QuestionLogWriter>();
        var writer = new QuestionLogWriter(log, logger, clock);
        await writer.RecordAsync(Question("q0"), CancellationToken.None);
        await writer.RecordFeedbackAsync("q0", helpful: false, CancellationToken.None);
        for (var i = 1; i < 10; i++)
        {
            await writer.RecordAsync(Question($"q{i}"), CancellationToken.None);
        }

        await FirstTryAsync(clock, log);

        // The clock never moves again: a stop that waited for the next try's time would not end.
        await writer.DisposeAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Empty(log.Writes);
        Assert.Equal(2, log.Tries); // the first, and one last at the stop; nothing after it, nothing one question at a time
        var error = Assert.Single(logger.Collector.GetSnapshot(), r => r.Level == LogLevel.Error);
        Assert.Contains("not recorded: 10 questions, 1 votes", error.Message, StringComparison.Ordinal);
        Assert.IsType<StoreUnavailableException>(error.Exception);
    }

    [Fact]
    public async Task A_stop_after_the_store_came_back_writes_everything_that_waited()
    {
        var log = new OutageLog();
        var clock = new CountingClock();
        var logger = new FakeLogger<QuestionLogWriter>();
        var writer = new QuestionLogWriter(log, logger, clock);
        await writer.RecordAsync(Question("a"), CancellationToken.None);
        await writer.RecordFeedbackAsync("a", helpful: true, CancellationToken.None);
        await writer.RecordAsync(Question("b"), CancellationToken.None);
        await FirstTryAsync(clock, log);

        log.Down = false; // before the next try's time
        await writer.DisposeAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal(["a", "a:+", "b"], log.Writes);
        Assert.DoesNotContain(logger.Collector.GetSnapshot(), r => r.Level >= LogLevel.Error);
    }

    [Fact]
    public async Task A_stop_waits_for_a_store_that_does_not_answer_at_most_its_budget()
    {
        var log = new OutageLog { Down = false, Silent = true };
        var clock = new CountingClock();
        var logger = new FakeLogger<QuestionLogWriter>();
        var writer = new QuestionLogWriter(log, logger, clock);
        await writer.RecordAsync(Question("a"), CancellationToken.None);
        await writer.RecordAsync(Question("b"), CancellationToken.None);
        await Eventually.WaitUntilAsync(() => clock.Timers == 1, "the batch window", TimeSpan.FromSeconds(10));
        clock.Advance(QuestionLogWriter.BatchWindow);
        await Eventually.WaitUntilAsync(() => log.Tries == 1, "the write that never ends", TimeSpan.FromSeconds(10));

        var disposed = writer.DisposeAsync().AsTask();
        await Eventually.WaitUntilAsync(() => clock.Timers == 2, "the stop waits for the write", TimeSpan.FromSeconds(10));
        clock.Advance(QuestionLogWriter.StopWriteBudget - TimeSpan.FromMilliseconds(1));
        await Task.Delay(200);
        Assert.False(disposed.IsCompleted);
        clock.Advance(TimeSpan.FromMilliseconds(1));
        await disposed.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal(1, log.Tries);
        var error = Assert.Single(logger.Collector.GetSnapshot(), r => r.Level == LogLevel.Error);
        Assert.Contains("not recorded: 2 questions, 0 votes", error.Message, StringComparison.Ordinal);
        Assert.IsType<TimeoutException>(error.Exception);
    }

    [Fact]
    public async Task A_report_during_an_outage_waits_for_the_queue_at_most_its_budget()
    {
        var log = new OutageLog();
        var clock = new CountingClock();
        await using var writer = new QuestionLogWriter(log, NullLogger<QuestionLogWriter>.Instance, clock);
        await writer.RecordAsync(Question("a"), CancellationToken.None);
        await FirstTryAsync(clock, log);

        var listed = writer.ListAsync(null, CancellationToken.None);
        await Eventually.WaitUntilAsync(() => clock.Timers == 3, "the report waits", TimeSpan.FromSeconds(10));
        clock.Advance(QuestionLogWriter.ListFlushBudget - TimeSpan.FromMilliseconds(1));
        await Task.Delay(200);
        Assert.False(listed.IsCompleted);
        clock.Advance(TimeSpan.FromMilliseconds(1));
        Assert.Empty(await listed.WaitAsync(TimeSpan.FromSeconds(10)));
    }

    public static TheoryData<Exception, bool> Failures => new()
    {
        { new StoreUnavailableException("PostgreSQL is unavailable", new TimeoutException()), true },
        { new TimeoutException(), true },
        { new IOException("connection reset"), true },
        { new System.Net.Sockets.SocketException(111), true },
        { new PostgresException("deadlock detected", "ERROR", "ERROR", PostgresErrorCodes.DeadlockDetected), false }, // transient, but the store is fine
        { new InvalidOperationException("disk full"), false },
    };

    [Theory]
    [MemberData(nameof(Failures))]
    public void A_store_that_cannot_be_reached_is_told_apart_from_one_that_refuses_a_record(Exception failure, bool unavailable) =>
        Assert.Equal(unavailable, QuestionLogWriter.IsUnavailable(failure));
}
