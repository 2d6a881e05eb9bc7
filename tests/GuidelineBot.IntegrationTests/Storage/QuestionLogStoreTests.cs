using GuidelineBot.Core.Questions;
using GuidelineBot.IntegrationTests.Slack;
using GuidelineBot.Storage;
using GuidelineBot.Testing;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace GuidelineBot.IntegrationTests.Storage;

/// <summary>The question log (<see cref="SqlQuestionLog"/>) through <see cref="IQuestionLog"/>, on every provider.</summary>
public abstract class QuestionLogStoreTests<TStore> : ProviderTestBase<TStore> where TStore : ITestStore, new()
{
    private static readonly DateTimeOffset T0 = new(2026, 9, 1, 8, 30, 15, 123, TimeSpan.Zero);

    private static QuestionRecord Asked(string id, DateTimeOffset at, string text = "can I friend parents?",
        QuestionOutcome outcome = QuestionOutcome.Answered) =>
        new(id, at, "slack", "#1a2b3c4d5e6f", text, outcome,
            outcome == QuestionOutcome.Answered ? "staff-social-media-guidelines" : null,
            outcome == QuestionOutcome.Answered ? "staff-social-media-guidelines#friending" : null, 0.8125, 12.5);

    [SkippableFact]
    public async Task Records_round_trip_every_field_newest_first_with_the_text_masked()
    {
        IQuestionLog log = new SqlQuestionLog(Database);
        var answered = Asked("q1", T0);
        var declined = Asked("q2", T0.AddMinutes(5), "my email is pat@example.org and cell 555-123-4567, id 98765432", QuestionOutcome.Declined)
            with
        { Channel = "web", Confidence = 0.125, LatencyMs = 3.25 };

        await log.RecordAsync(answered, CancellationToken.None);
        await log.RecordAsync(declined, CancellationToken.None);

        Assert.Equal(
            [declined with { Text = "my email is [email] and cell [phone], id [number]" }, answered],
            await log.ListAsync(null, CancellationToken.None));
    }

    [SkippableFact]
    public async Task The_background_writer_batches_questions_and_votes_in_order_and_a_stop_leaves_none_behind()
    {
        var writer = new QuestionLogWriter(new SqlQuestionLog(Database), NullLogger<QuestionLogWriter>.Instance, TimeProvider.System);
        var asked = Enumerable.Range(0, 300).Select(i => Asked($"q{i:D3}", T0.AddSeconds(i))).ToArray();
        foreach (var question in asked)
        {
            await writer.RecordAsync(question, CancellationToken.None);
        }

        await writer.RecordFeedbackAsync("q299", helpful: true, CancellationToken.None);
        await writer.RecordAsync(asked[0] with { Text = "a retry" }, CancellationToken.None);
        await writer.StopAsync(CancellationToken.None);

        var listed = await new SqlQuestionLog(OpenAnother()).ListAsync(null, CancellationToken.None);
        Assert.Equal(asked.Reverse().Select(q => q.Id), listed.Select(q => q.Id));
        Assert.Equal(true, listed[0].Helpful);
        Assert.Equal("can I friend parents?", listed[^1].Text);
    }

    [SkippableFact]
    public async Task One_batch_of_rows_with_and_without_optional_fields_keeps_each_row_as_given()
    {
        // One command and one set of parameters for the whole batch: a row's values (and NULLs) must not leak into the next.
        var rows = new[]
        {
            Asked("b1", T0) with { Helpful = true },
            Asked("b2", T0.AddSeconds(1), "id 12345678 please", QuestionOutcome.Declined) with { Channel = "teams", Confidence = 0.25 },
            Asked("b3", T0.AddSeconds(2), "what topics", QuestionOutcome.Other) with { Helpful = false, LatencyMs = 0.5 },
            Asked("b4", T0.AddSeconds(3)),
            Asked("b5", T0.AddSeconds(4), "Can I post photos?", QuestionOutcome.Picked)
                with { DocumentId = "staff-social-media-guidelines", SectionId = "staff-social-media-guidelines#photos", Confidence = 1 },
        };

        await new SqlQuestionLog(Database).RecordManyAsync(rows, CancellationToken.None);

        var expected = rows.Select(r => r.Id == "b2" ? r with { Text = "id [number] please" } : r).Reverse();
        Assert.Equal(expected, await new SqlQuestionLog(OpenAnother()).ListAsync(null, CancellationToken.None));
    }

    [SkippableFact]
    public async Task A_repeated_id_is_logged_once_also_from_another_process()
    {
        await new SqlQuestionLog(Database).RecordAsync(Asked("q1", T0), CancellationToken.None);

        await new SqlQuestionLog(OpenAnother()).RecordAsync(Asked("q1", T0.AddSeconds(1), "a retry"), CancellationToken.None);

        Assert.Equal("can I friend parents?", Assert.Single(await new SqlQuestionLog(Database).ListAsync(null, CancellationToken.None)).Text);
    }

    [SkippableFact]
    public async Task Feedback_sets_the_vote_the_latest_wins_and_unknown_ids_are_ignored()
    {
        IQuestionLog log = new SqlQuestionLog(Database);
        await log.RecordAsync(Asked("q1", T0), CancellationToken.None);
        await log.RecordAsync(Asked("q2", T0.AddMinutes(1)), CancellationToken.None);

        await log.RecordFeedbackAsync("q1", helpful: true, CancellationToken.None);
        await log.RecordFeedbackAsync("q1", helpful: false, CancellationToken.None);
        await log.RecordFeedbackAsync("unknown", helpful: true, CancellationToken.None);

        var listed = await log.ListAsync(null, CancellationToken.None);
        Assert.Equal([("q2", (bool?)null), ("q1", false)], listed.Select(q => (q.Id, q.Helpful)));
    }

    [SkippableFact]
    public async Task List_since_includes_the_instant_itself_and_leaves_out_older_records()
    {
        IQuestionLog log = new SqlQuestionLog(Database);
        await log.RecordAsync(Asked("old", T0.AddDays(-1)), CancellationToken.None);
        await log.RecordAsync(Asked("edge", T0), CancellationToken.None);
        await log.RecordAsync(Asked("new", T0.AddHours(1)), CancellationToken.None);

        Assert.Equal(["new", "edge"], (await log.ListAsync(T0, CancellationToken.None)).Select(q => q.Id));
    }

    [SkippableFact]
    public async Task Retention_purge_deletes_questions_asked_before_the_cutoff()
    {
        IQuestionLog log = new SqlQuestionLog(Database);
        var cutoff = T0.AddDays(30);
        await log.RecordAsync(Asked("old", cutoff.AddSeconds(-1)), CancellationToken.None);
        await log.RecordAsync(Asked("kept", cutoff.AddSeconds(1)), CancellationToken.None);

        var deleted = await new SqlStoreRetention(OpenAnother()).PurgeAsync(cutoff, cutoff.AddDays(1), CancellationToken.None);

        Assert.Equal(1, deleted["question_log"]);
        Assert.Equal("kept", Assert.Single(await log.ListAsync(null, CancellationToken.None)).Id);
    }

    [SkippableFact]
    public async Task The_daily_purge_on_the_clock_removes_questions_older_than_the_retention_days()
    {
        var clock = new FakeTimeProvider(T0);
        IQuestionLog log = new SqlQuestionLog(Database);
        await log.RecordAsync(Asked("first", T0 + StoreRetentionService.StartDelay), CancellationToken.None);
        var logs = new TestLogs();
        using var loggers = LoggerFactory.Create(b => b.AddProvider(logs));
        using var service = new StoreRetentionService(new SqlStoreRetention(Database),
            Options.Create(new StorageOptions { RetentionDays = 7 }), clock, loggers.CreateLogger<StoreRetentionService>());
        int Purges() => logs.Entries.Count(e => e.Message.StartsWith("Store retention (7 days)", StringComparison.Ordinal));

        async Task NextDayAsync()
        {
            var before = Purges();
            clock.Advance(TimeSpan.FromDays(1));
            await Eventually.WaitUntilAsync(() => Purges() > before, "the daily purge");
        }

        await service.StartAsync(CancellationToken.None);
        await Task.Delay(200);
        Assert.Equal(0, Purges()); // the start is left alone
        clock.Advance(StoreRetentionService.StartDelay);
        await Eventually.WaitUntilAsync(() => Purges() == 1, "the purge a minute after start");
        for (var day = 1; day <= 3; day++)
        {
            await NextDayAsync();
        }

        await log.RecordAsync(Asked("second", clock.GetUtcNow()), CancellationToken.None);
        for (var day = 4; day <= 7; day++)
        {
            await NextDayAsync();
        }

        Assert.Equal(["second", "first"], (await log.ListAsync(null, CancellationToken.None)).Select(q => q.Id)); // exactly 7 days old: kept

        await NextDayAsync();
        Assert.Equal("second", Assert.Single(await log.ListAsync(null, CancellationToken.None)).Id);

        await service.StopAsync(CancellationToken.None);
    }
}

public sealed class SqliteQuestionLogStoreTests : QuestionLogStoreTests<SqliteTestStore>;

public sealed class PostgresQuestionLogStoreTests : QuestionLogStoreTests<PostgresTestStore>;
