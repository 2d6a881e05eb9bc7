using GuidelineBot.Core.Onboarding;
using GuidelineBot.Core.Storage;
using GuidelineBot.Storage;
using GuidelineBot.Storage.Migrations;

namespace GuidelineBot.IntegrationTests.Storage;

/// <summary>
/// The store contract, run against every provider (<see cref="SqliteStoreTests"/>, <see cref="PostgresStoreTests"/>).
/// Each test gets an empty store; <c>OpenAnother()</c> is a second process on the same store.
/// </summary>
public abstract class StoreContractTests<TStore> : ProviderTestBase<TStore> where TStore : ITestStore, new()
{
    protected static readonly DateTimeOffset T0 = new(2026, 9, 1, 8, 30, 15, 123, TimeSpan.Zero);

    [SkippableFact]
    public async Task Feedback_round_trips_every_field_in_insertion_order()
    {
        var store = new SqlFeedbackStore(Database);
        var first = new FeedbackRecord("slack", "U1", "can I friend parents?", "staff-social-media-guidelines#friending", true, T0);
        var second = new FeedbackRecord("teams", "29:abc", "what about TikTok?", null, false, T0.AddMinutes(3));

        await store.AddAsync(first, CancellationToken.None);
        await store.AddAsync(second, CancellationToken.None);

        Assert.Equal([first, second], await store.ListAsync(DateTimeOffset.MinValue, CancellationToken.None));
    }

    [SkippableFact]
    public async Task Key_ring_elements_are_listed_in_the_order_added_to_every_process_and_a_name_added_again_replaces_its_element()
    {
        var store = new SqlKeyRingStore(Database);
        var other = new SqlKeyRingStore(OpenAnother());
        Assert.Empty(await other.ListAsync(CancellationToken.None));

        await store.AddAsync("key-b", "<key id=\"b\" />", T0, CancellationToken.None);
        await other.AddAsync("key-a", "<key id=\"a\" />", T0.AddDays(90), CancellationToken.None);
        Assert.Equal(["<key id=\"b\" />", "<key id=\"a\" />"], await other.ListAsync(CancellationToken.None));

        await store.AddAsync("key-b", "<key id=\"b\" revised=\"true\" />", T0.AddDays(91), CancellationToken.None);
        Assert.Equal(["<key id=\"a\" />", "<key id=\"b\" revised=\"true\" />"], await other.ListAsync(CancellationToken.None));
    }

    [SkippableFact]
    public async Task The_first_key_of_the_ring_is_made_by_one_replica_and_another_reading_the_empty_ring_then_waits_for_it()
    {
        // Both replicas read an empty ring: without the claim each made a key of its own, and one of them did not know
        // the other's key until its next daily read.
        var clock = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(T0);
        var first = new GuidelineBot.Hosting.StoreXmlRepository(new SqlKeyRingStore(Database), new SqlOnceStore(Database), clock);
        var second = new GuidelineBot.Hosting.StoreXmlRepository(new SqlKeyRingStore(OpenAnother()), new SqlOnceStore(OpenAnother()), clock);

        Assert.Empty(first.GetAllElements()); // it claimed the first key: data protection makes it now
        var waiting = Task.Run(second.GetAllElements);
        await Task.Delay(300);
        Assert.False(waiting.IsCompleted);
        first.StoreElement(new System.Xml.Linq.XElement("key", new System.Xml.Linq.XAttribute("id", "k1")), "key-k1");

        var read = await waiting.WaitAsync(GuidelineBot.Hosting.StoreXmlRepository.FirstKeyWait);
        Assert.Equal("k1", Assert.Single(read).Attribute("id")!.Value);
    }

    [SkippableFact]
    public async Task Text_with_nul_characters_is_stored_without_them_and_found_by_them()
    {
        // PostgreSQL's text cannot hold U+0000: without the store's cleaning the write fails there (22021).
        var feedback = new SqlFeedbackStore(Database);
        await feedback.AddAsync(new FeedbackRecord("teams", "29:x\0y", "can I friend\0 parents?", null, true, T0), CancellationToken.None);
        var once = new SqlOnceStore(Database);

        var stored = Assert.Single(await feedback.ListAsync(DateTimeOffset.MinValue, CancellationToken.None));
        Assert.Equal(("29:xy", "can I friend parents?"), (stored.UserId, stored.Question));
        Assert.True(await once.TryClaimAsync("slack-event", "Ev\0NUL", T0, null, CancellationToken.None));
        Assert.False(await once.TryClaimAsync("slack-event", "Ev\0NUL", T0, null, CancellationToken.None));
    }

    [SkippableFact]
    public async Task Feedback_written_by_one_process_is_read_by_another()
    {
        await new SqlFeedbackStore(Database).AddAsync(new FeedbackRecord("slack", "U1", "q", null, true, T0), CancellationToken.None);

        var listed = await new SqlFeedbackStore(OpenAnother()).ListAsync(DateTimeOffset.MinValue, CancellationToken.None);

        Assert.Equal("U1", Assert.Single(listed).UserId);
    }

    [SkippableFact]
    public async Task Once_first_claim_wins_and_later_claims_lose()
    {
        var once = new SqlOnceStore(Database);

        Assert.True(await once.TryClaimAsync("slack-event", "Ev1", T0, TimeSpan.FromHours(2), CancellationToken.None));
        Assert.False(await once.TryClaimAsync("slack-event", "Ev1", T0.AddSeconds(5), TimeSpan.FromHours(2), CancellationToken.None));
        Assert.False(await once.TryClaimAsync("slack-event", "Ev1", T0.AddMinutes(90), TimeSpan.FromHours(2), CancellationToken.None));
    }

    [SkippableFact]
    public async Task Once_claims_are_separate_per_scope_and_key()
    {
        var once = new SqlOnceStore(Database);

        Assert.True(await once.TryClaimAsync("slack-event", "X", T0, null, CancellationToken.None));
        Assert.True(await once.TryClaimAsync("teams-welcome", "X", T0, null, CancellationToken.None));
        Assert.True(await once.TryClaimAsync("slack-event", "Y", T0, null, CancellationToken.None));
        Assert.False(await once.TryClaimAsync("teams-welcome", "X", T0, null, CancellationToken.None));
    }

    [SkippableFact]
    public async Task Once_concurrent_claims_from_two_processes_have_exactly_one_winner()
    {
        var stores = new[] { new SqlOnceStore(Database), new SqlOnceStore(OpenAnother()) };
        await Database.EnsureMigratedAsync(CancellationToken.None);

        for (var round = 0; round < 5; round++)
        {
            var key = $"onboard-U{round}";
            using var start = new ManualResetEventSlim();
            var claims = Enumerable.Range(0, 16)
                .Select(i => Task.Run(async () =>
                {
                    start.Wait();
                    return await stores[i % 2].TryClaimAsync("onboarding-start", key, T0, null, CancellationToken.None);
                }))
                .ToList();
            start.Set();
            var results = await Task.WhenAll(claims);

            Assert.Equal(1, results.Count(won => won));
        }
    }

    [SkippableFact]
    public async Task Once_expired_claim_can_be_claimed_again_but_a_permanent_one_cannot()
    {
        var once = new SqlOnceStore(Database);
        Assert.True(await once.TryClaimAsync("slack-event", "Ev1", T0, TimeSpan.FromHours(1), CancellationToken.None));
        Assert.True(await once.TryClaimAsync("welcome", "conv1", T0, null, CancellationToken.None));

        Assert.False(await once.TryClaimAsync("slack-event", "Ev1", T0.AddMinutes(59), TimeSpan.FromHours(1), CancellationToken.None));
        Assert.True(await once.TryClaimAsync("slack-event", "Ev1", T0.AddHours(1).AddSeconds(1), TimeSpan.FromHours(1), CancellationToken.None));
        Assert.False(await once.TryClaimAsync("slack-event", "Ev1", T0.AddHours(1).AddSeconds(2), TimeSpan.FromHours(1), CancellationToken.None));
        Assert.False(await once.TryClaimAsync("welcome", "conv1", T0.AddYears(3), null, CancellationToken.None));
    }

    [SkippableFact]
    public async Task Once_expired_claims_are_purged()
    {
        var once = new SqlOnceStore(Database);
        Assert.True(await once.TryClaimAsync("slack-event", "old", T0, TimeSpan.FromMinutes(5), CancellationToken.None));
        Assert.True(await once.TryClaimAsync("welcome", "forever", T0, null, CancellationToken.None));
        Assert.Equal(2, await CountClaimsAsync());

        // A different instance (its own purge schedule) claiming a day later deletes the expired row, keeps the permanent one.
        var later = new SqlOnceStore(Database);
        Assert.True(await later.TryClaimAsync("slack-event", "new", T0.AddDays(1), TimeSpan.FromMinutes(5), CancellationToken.None));

        Assert.Equal(2, await CountClaimsAsync()); // "forever" and "new"
        Assert.True(await later.TryClaimAsync("slack-event", "old", T0.AddDays(1), TimeSpan.FromMinutes(5), CancellationToken.None));
    }

    [SkippableFact]
    public async Task Once_rejects_empty_scope_or_key()
    {
        var once = new SqlOnceStore(Database);
        await Assert.ThrowsAsync<ArgumentException>(() => once.TryClaimAsync("", "k", T0, null, CancellationToken.None));
        await Assert.ThrowsAsync<ArgumentException>(() => once.TryClaimAsync("s", "", T0, null, CancellationToken.None));
    }

    [SkippableFact]
    public async Task Migrations_are_applied_once_and_a_restart_keeps_the_data()
    {
        await new SqlOnceStore(Database).TryClaimAsync("s", "k", T0, null, CancellationToken.None);
        var version = await MigrationRunner.CurrentVersionAsync(Database, CancellationToken.None);

        var restarted = OpenAnother();
        await restarted.EnsureMigratedAsync(CancellationToken.None);

        Assert.Equal(version, await MigrationRunner.CurrentVersionAsync(restarted, CancellationToken.None));
        Assert.Equal(restarted.Migrations.Max(m => m.Version), version);
        Assert.Equal(restarted.Migrations.Count, await CountAsync(restarted, "SELECT count(*) FROM schema_migrations"));
        Assert.False(await new SqlOnceStore(restarted).TryClaimAsync("s", "k", T0, null, CancellationToken.None));
    }

    [SkippableFact]
    public async Task Migrations_refuse_a_store_from_a_newer_build()
    {
        await Database.EnsureMigratedAsync(CancellationToken.None);
        await ExecuteAsync(Database, "INSERT INTO schema_migrations (version, name) VALUES (9999, 'from the future')");

        var ex = await Assert.ThrowsAsync<NewerSchemaException>(() => OpenAnother().EnsureMigratedAsync(CancellationToken.None));
        Assert.Contains("has schema version 9999, newer than this build knows", ex.Message);
    }

    private static OnboardingState NewState(string user, OnboardingStep step = OnboardingStep.Reading, int section = 0) =>
        new(new OnboardingKey("teams", user), "Dana Example", step, 0, "staff-social-media-guidelines", "v1", T0, section, 0, [],
            StartedAt: T0, UpdatedAt: T0, PausedAt: null, CompletedAt: null, Version: 0);

    [SkippableFact]
    public async Task Onboarding_state_round_trips_and_each_save_bumps_the_version()
    {
        var store = new SqlOnboardingStore(Database);
        var key = new OnboardingKey("teams", "29:dana");
        Assert.Null(await store.GetAsync(key, CancellationToken.None));

        var first = await store.TrySaveAsync(NewState("29:dana"), null, CancellationToken.None);
        Assert.NotNull(first);
        Assert.Equal(1, first.Version);
        Assert.Equal(first, await store.GetAsync(key, CancellationToken.None));

        var changed = first with
        {
            Step = OnboardingStep.Checking,
            SectionIndex = 12,
            CheckIndex = 2,
            UpdatedAt = T0.AddMinutes(7),
            PausedAt = T0.AddMinutes(8),
            DisplayName = "Dana E.",
            DocumentHash = new string('c', 64),
            DocumentBegunAt = T0.AddMinutes(6),
        };
        var second = await store.TrySaveAsync(changed, null, CancellationToken.None);

        Assert.Equal(changed with { Version = 2 }, second);
        Assert.Equal(second, await new SqlOnboardingStore(OpenAnother()).GetAsync(key, CancellationToken.None));
    }

    [SkippableFact]
    public async Task An_upgraded_store_gives_each_onboarding_the_documents_acknowledged_since_it_started()
    {
        // The store as builds before migration 7 left it.
        await ExecuteAsync(Database, "CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL)");
        foreach (var migration in Database.Migrations.Where(m => m.Version < 7))
        {
            await ExecuteAsync(Database, migration.Sql);
            await ExecuteAsync(Database, $"INSERT INTO schema_migrations (version, name) VALUES ({migration.Version}, 'before')");
        }

        const string Day1 = "2026-09-01T08:00:00.0000000Z", Day2 = "2026-09-02T08:00:00.0000000Z", Later = "2026-09-02T09:00:00.0000000Z";
        await ExecuteAsync(Database, $"""
            INSERT INTO onboarding_states (channel, user_id, display_name, step, document_index, document_id, section_index, check_index,
                                           started_at, updated_at, paused_at, completed_at, version)
            VALUES ('teams', 'dana', 'Dana', 'Reading', 2, 'c', 1, 0, '{Day2}', '{Later}', NULL, NULL, 9),
                   ('teams', 'sam', 'Sam', 'Reading', 0, 'a', 3, 0, '{Day1}', '{Day1}', NULL, NULL, 2);
            INSERT INTO onboarding_acknowledgements (channel, user_id, display_name, document_id, document_title, content_hash, acknowledged_at)
            VALUES ('teams', 'dana', 'Dana', 'old', 'Old', 'h0', '{Day1}'),
                   ('teams', 'dana', 'Dana', 'a', 'A', 'h1', '{Later}'),
                   ('teams', 'dana', 'Dana', 'b', 'B', 'h2', '{Later}'),
                   ('teams', 'dana', 'Dana', 'a', 'A', 'h1', '{Later}'),
                   ('slack', 'dana', 'Dana', 'x', 'X', 'h3', '{Later}');
            """);

        var store = new SqlOnboardingStore(OpenAnother());
        var dana = (await store.GetAsync(new OnboardingKey("teams", "dana"), CancellationToken.None))!;
        var sam = (await store.GetAsync(new OnboardingKey("teams", "sam"), CancellationToken.None))!;

        Assert.Equal(["a", "b"], dana.Acknowledged); // not the earlier walk-through's, not another channel's
        Assert.Equal(("c", 1, 9L, "", (DateTimeOffset?)null), (dana.DocumentId, dana.SectionIndex, dana.Version, dana.DocumentHash, dana.DocumentBegunAt));
        Assert.Empty(sam.Acknowledged);

        // The next acknowledgement commits with the step and is read back as acknowledged; the version begun is kept.
        var begun = T0.AddDays(2);
        var next = dana with { Step = OnboardingStep.Reading, DocumentId = "d", DocumentHash = "h5", DocumentBegunAt = begun, Acknowledged = ["a", "b", "c"] };
        var saved = await store.TrySaveAsync(next, new OnboardingAcknowledgement("teams", "dana", "Dana", "c", "C", "h4", begun), CancellationToken.None);
        Assert.Equal(saved, await store.GetAsync(dana.Key, CancellationToken.None));
        Assert.Equal(saved, (await store.ListStatesAsync(CancellationToken.None)).Single(s => s.Key == dana.Key));
    }

    [SkippableFact]
    public async Task Onboarding_save_from_a_stale_version_is_a_conflict_and_writes_nothing()
    {
        var store = new SqlOnboardingStore(Database);
        var v1 = (await store.TrySaveAsync(NewState("U1"), null, CancellationToken.None))!;
        var v2 = await store.TrySaveAsync(v1 with { SectionIndex = 1 }, null, CancellationToken.None);
        Assert.NotNull(v2);

        var ack = new OnboardingAcknowledgement("teams", "U1", "Dana", "doc", "Doc", "abc", T0);
        var stale = await store.TrySaveAsync(v1 with { Step = OnboardingStep.Completed, CompletedAt = T0 }, ack, CancellationToken.None);

        Assert.Null(stale);
        Assert.Equal(v2, await store.GetAsync(v1.Key, CancellationToken.None));
        Assert.Empty(await store.ListAcknowledgementsAsync(CancellationToken.None));
        Assert.Null(await store.TrySaveAsync(NewState("U1"), null, CancellationToken.None)); // a second "first" save
    }

    [SkippableFact]
    public async Task Onboarding_concurrent_saves_of_one_user_have_exactly_one_winner()
    {
        var stores = new[] { new SqlOnboardingStore(Database), new SqlOnboardingStore(OpenAnother()) };
        var current = (await stores[0].TrySaveAsync(NewState("U1"), null, CancellationToken.None))!;

        for (var round = 1; round <= 5; round++)
        {
            using var start = new ManualResetEventSlim();
            var basis = current;
            var saves = Enumerable.Range(0, 8)
                .Select(i => Task.Run(async () =>
                {
                    start.Wait();
                    return await stores[i % 2].TrySaveAsync(basis with { SectionIndex = round, DisplayName = $"writer {i}" }, null, CancellationToken.None);
                }))
                .ToList();
            start.Set();
            var results = await Task.WhenAll(saves);

            var winner = Assert.Single(results, r => r is not null)!;
            Assert.Equal(basis.Version + 1, winner.Version);
            current = (await stores[1].GetAsync(basis.Key, CancellationToken.None))!;
            Assert.Equal(winner, current);
        }
    }

    [SkippableFact]
    public async Task Onboarding_users_and_channels_never_share_state()
    {
        var store = new SqlOnboardingStore(Database);
        await store.TrySaveAsync(NewState("U1", section: 3), null, CancellationToken.None);
        await store.TrySaveAsync(NewState("U2", section: 7), null, CancellationToken.None);
        await store.TrySaveAsync(NewState("U1", section: 5) with { Key = new OnboardingKey("slack", "U1") }, null, CancellationToken.None);

        Assert.Equal(3, (await store.GetAsync(new OnboardingKey("teams", "U1"), CancellationToken.None))!.SectionIndex);
        Assert.Equal(7, (await store.GetAsync(new OnboardingKey("teams", "U2"), CancellationToken.None))!.SectionIndex);
        Assert.Equal(5, (await store.GetAsync(new OnboardingKey("slack", "U1"), CancellationToken.None))!.SectionIndex);
        Assert.Equal(3, (await store.ListStatesAsync(CancellationToken.None)).Count);
    }

    [SkippableFact]
    public async Task Onboarding_acknowledgement_commits_with_the_state_and_is_listed_in_order()
    {
        var store = new SqlOnboardingStore(Database);
        var state = (await store.TrySaveAsync(NewState("U1", OnboardingStep.Acknowledging), null, CancellationToken.None))!;
        var first = new OnboardingAcknowledgement("teams", "U1", "Dana Example", "staff-social-media-guidelines",
            "Staff Social Media Guidelines and Best Practices", new string('a', 64), T0.AddMinutes(12));
        var second = first with { UserId = "U9", DisplayName = "Sam", ContentHash = new string('b', 64), AcknowledgedAt = T0.AddDays(1) };

        await store.TrySaveAsync(state with { Step = OnboardingStep.Completed, CompletedAt = first.AcknowledgedAt }, first, CancellationToken.None);
        await store.TrySaveAsync(NewState("U9"), second, CancellationToken.None);

        // Read back through another process: the rows were committed, not just cached.
        Assert.Equal([first, second], await new SqlOnboardingStore(OpenAnother()).ListAcknowledgementsAsync(CancellationToken.None));
    }

    private Task<long> CountClaimsAsync() => CountAsync(Database, "SELECT count(*) FROM once_claims");

    [SkippableFact]
    public async Task Feedback_votes_are_one_per_key_a_repeat_changes_nothing_and_a_new_choice_replaces_the_old()
    {
        var store = new SqlFeedbackStore(Database);
        var vote = new FeedbackRecord("slack", "U1", "can I friend parents?", "s#friending", true, T0);

        Assert.True(await store.VoteAsync(vote, "message-1/U1", CancellationToken.None));
        Assert.False(await store.VoteAsync(vote with { At = T0.AddSeconds(1) }, "message-1/U1", CancellationToken.None));
        Assert.Equal([vote], await store.ListAsync(DateTimeOffset.MinValue, CancellationToken.None));

        var changed = vote with { Helpful = false, At = T0.AddMinutes(1) };
        Assert.True(await new SqlFeedbackStore(OpenAnother()).VoteAsync(changed, "message-1/U1", CancellationToken.None));
        Assert.Equal([changed], await store.ListAsync(DateTimeOffset.MinValue, CancellationToken.None));

        // Another key, another channel with the same key, and plain AddAsync rows are separate votes.
        Assert.True(await store.VoteAsync(vote with { UserId = "U2" }, "message-1/U2", CancellationToken.None));
        Assert.True(await store.VoteAsync(vote with { Channel = "teams" }, "message-1/U1", CancellationToken.None));
        await store.AddAsync(vote, CancellationToken.None);
        await store.AddAsync(vote, CancellationToken.None);
        Assert.Equal(5, (await store.ListAsync(DateTimeOffset.MinValue, CancellationToken.None)).Count);
    }

    [SkippableFact]
    public async Task Once_released_claim_can_be_claimed_again_and_other_claims_stay()
    {
        var once = new SqlOnceStore(Database);
        Assert.True(await once.TryClaimAsync("slack-event", "Ev1", T0, TimeSpan.FromHours(6), CancellationToken.None));
        Assert.True(await once.TryClaimAsync("slack-event", "Ev2", T0, TimeSpan.FromHours(6), CancellationToken.None));

        await new SqlOnceStore(OpenAnother()).ReleaseAsync("slack-event", "Ev1", CancellationToken.None);
        await once.ReleaseAsync("slack-event", "never-claimed", CancellationToken.None);

        Assert.True(await once.TryClaimAsync("slack-event", "Ev1", T0.AddSeconds(1), TimeSpan.FromHours(6), CancellationToken.None));
        Assert.False(await once.TryClaimAsync("slack-event", "Ev1", T0.AddSeconds(2), TimeSpan.FromHours(6), CancellationToken.None));
        Assert.False(await once.TryClaimAsync("slack-event", "Ev2", T0.AddSeconds(2), TimeSpan.FromHours(6), CancellationToken.None));
    }

    [SkippableFact]
    public async Task Retention_purge_deletes_old_feedback_and_spent_claims_but_keeps_acknowledgements_state_and_permanent_claims()
    {
        var feedback = new SqlFeedbackStore(Database);
        var once = new SqlOnceStore(Database);
        var onboarding = new SqlOnboardingStore(Database);
        var now = T0.AddDays(400);
        var cutoff = now.AddDays(-365);
        await feedback.AddAsync(new FeedbackRecord("teams", "old", "q", null, true, cutoff.AddSeconds(-1)), CancellationToken.None);
        await feedback.VoteAsync(new FeedbackRecord("slack", "old-vote", "q", null, true, cutoff.AddDays(-30)), "k-old", CancellationToken.None);
        var recent = new FeedbackRecord("slack", "recent", "q", null, false, cutoff.AddSeconds(1));
        await feedback.VoteAsync(recent, "k-recent", CancellationToken.None);
        await once.TryClaimAsync("welcome", "permanent-old", T0, expiresAfter: null, CancellationToken.None);
        await once.TryClaimAsync("teams-feedback", "temporary-old", T0, TimeSpan.FromDays(500), CancellationToken.None);
        await once.TryClaimAsync("slack-event", "expired-recent", now.AddHours(-7), TimeSpan.FromHours(6), CancellationToken.None);
        await once.TryClaimAsync("slack-event", "live", now.AddHours(-1), TimeSpan.FromHours(6), CancellationToken.None);
        var state = Assert.IsType<OnboardingState>(await onboarding.TrySaveAsync(NewState("dana") with { StartedAt = T0, UpdatedAt = T0, Acknowledged = ["doc"] },
            new OnboardingAcknowledgement("teams", "dana", "Dana Example", "doc", "Doc", "hash", T0), CancellationToken.None));

        var deleted = await new SqlStoreRetention(OpenAnother()).PurgeAsync(cutoff, now, CancellationToken.None);

        Assert.Equal(2, deleted["feedback"]);
        Assert.Equal(2, deleted["once_claims"]);
        Assert.Equal([recent], await feedback.ListAsync(DateTimeOffset.MinValue, CancellationToken.None));
        Assert.False(await once.TryClaimAsync("welcome", "permanent-old", now, null, CancellationToken.None));
        Assert.False(await once.TryClaimAsync("slack-event", "live", now, TimeSpan.FromHours(6), CancellationToken.None));
        Assert.True(await once.TryClaimAsync("teams-feedback", "temporary-old", now, TimeSpan.FromDays(90), CancellationToken.None));
        Assert.True(await once.TryClaimAsync("slack-event", "expired-recent", now, TimeSpan.FromHours(6), CancellationToken.None));
        Assert.Single(await onboarding.ListAcknowledgementsAsync(CancellationToken.None));
        Assert.Equal(state, Assert.Single(await onboarding.ListStatesAsync(CancellationToken.None)));
    }
}

/// <summary>The contract on SQLite: a fresh file per test in a temp folder that does not exist yet.</summary>
public sealed class SqliteStoreTests : StoreContractTests<SqliteTestStore>
{
    [Fact]
    public async Task First_use_creates_the_folder_and_file_in_wal_mode()
    {
        var sqlite = (SqliteDatabase)Database;
        Assert.False(Directory.Exists(Store.Folder));

        await Database.EnsureMigratedAsync(CancellationToken.None);

        Assert.True(File.Exists(sqlite.FilePath));
        await using var connection = await Database.OpenAsync(CancellationToken.None);
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA journal_mode";
        Assert.Equal("wal", (string?)await command.ExecuteScalarAsync());
        command.CommandText = "PRAGMA busy_timeout";
        Assert.True((long)(await command.ExecuteScalarAsync())! >= 1000);
        command.CommandText = "PRAGMA synchronous";
        Assert.Equal(2L, (long)(await command.ExecuteScalarAsync())!); // FULL
    }

    [Fact]
    public void An_in_memory_database_is_refused()
    {
        var ex = Assert.Throws<InvalidOperationException>(() => new SqliteDatabase("Data Source=:memory:"));
        Assert.Contains("Storage:ConnectionString", ex.Message);
    }
}

/// <summary>The contract on PostgreSQL (tests/scripts/postgres-start.sh): a fresh schema per test.</summary>
public sealed class PostgresStoreTests : StoreContractTests<PostgresTestStore>;
