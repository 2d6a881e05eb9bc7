using GuidelineBot.Core.Experts;
using GuidelineBot.Core.Onboarding;
using GuidelineBot.IntegrationTests.Storage;
using GuidelineBot.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using static GuidelineBot.IntegrationTests.Knowledge.LiveKnowledgeTests;

namespace GuidelineBot.IntegrationTests.Knowledge;

/// <summary>
/// Issue 11 §4 through real HTTP: an expert answer approved in the store is answered from "Expert answers" within 5 s,
/// cited with the expert as owner and the approval date; a withdrawn one is gone; a store failure keeps what was loaded;
/// two servers on one PostgreSQL both serve one approval.
/// </summary>
public sealed class ExpertAnswersKnowledgeTests
{
    private const string Question = "Can I fly a drone over the school field?";
    private const string Paraphrase = "am I allowed to fly drones above the school field";
    private const string Answer = "Only with written permission from the principal, and never over pupils at recess.";
    private const string AnswerPassage = "written permission from the principal";
    private static readonly DateTimeOffset ApprovedAt = new(2026, 9, 2, 10, 0, 0, TimeSpan.Zero);

    private static KnowledgeSuggestion Suggestion(string id, string question = Question, string answer = Answer) =>
        new(id, "tk-" + id, "an-" + id, question, answer, new ExpertRef("slack", "UANA", "Ana Expert"), ApprovedAt.AddDays(-1));

    private static async Task ApproveAsync(ISuggestionStore store, KnowledgeSuggestion suggestion)
    {
        await store.AddAsync(suggestion, CancellationToken.None);
        Assert.True(await store.DecideAsync(suggestion.Id, SuggestionStatus.Pending, suggestion.Question, suggestion.Answer, SuggestionStatus.Approved, "admin", ApprovedAt,
            CancellationToken.None));
    }

    private static Task<string> ServedAsync(LiveKnowledgeServer server, string question, string passage) =>
        WithinAsync(() => server.AskAsync(question), r => r.Contains(passage, StringComparison.Ordinal), $"'{question}' is answered from the expert answers");

    [Fact]
    public async Task An_approved_answer_is_served_within_5_s_cited_with_its_expert_and_approval_date_and_is_gone_once_withdrawn()
    {
        using var knowledge = LiveKnowledgeServer.CopyOfRepositoryKnowledge();
        await using var server = new LiveKnowledgeServer(knowledge.Path);
        Assert.DoesNotContain(AnswerPassage, await server.AskAsync(Question), StringComparison.Ordinal);
        var hash = await server.HealthHashAsync();
        var store = server.Services.GetRequiredService<ISuggestionStore>();

        await ApproveAsync(store, Suggestion("sg-drone"));

        var answer = await ServedAsync(server, Question, AnswerPassage);
        Assert.Contains("Expert answers", answer, StringComparison.Ordinal);
        Assert.Contains("owner: Ana Expert; last reviewed 2026-09-02", answer, StringComparison.Ordinal);
        Assert.DoesNotContain(".md:", answer, StringComparison.Ordinal); // kept in the store: no file to cite
        Assert.Contains(AnswerPassage, await server.AskAsync(Paraphrase), StringComparison.Ordinal);
        Assert.NotEqual(hash, await server.HealthHashAsync());
        Assert.Contains("friend", await server.AskAsync("can I friend parents?"), StringComparison.OrdinalIgnoreCase);
        var onboarding = server.Services.GetRequiredService<OnboardingService>().Catalog.Documents.Select(d => d.Document.Id).ToList();
        Assert.Equal(["staff-social-media-guidelines"], onboarding); // a growing FAQ, not a guideline to acknowledge

        Assert.True(await store.DecideAsync("sg-drone", SuggestionStatus.Approved, Question, Answer, SuggestionStatus.Withdrawn, "admin", ApprovedAt.AddDays(1), CancellationToken.None));

        await WithinAsync(() => server.AskAsync(Question), r => !r.Contains(AnswerPassage, StringComparison.Ordinal), "the withdrawn answer is gone");
        Assert.Equal(hash, await server.HealthHashAsync());
    }

    [Fact]
    public async Task An_edit_of_an_approved_answer_replaces_the_served_text()
    {
        using var knowledge = LiveKnowledgeServer.CopyOfRepositoryKnowledge();
        await using var server = new LiveKnowledgeServer(knowledge.Path);
        var store = server.Services.GetRequiredService<ISuggestionStore>();
        await ApproveAsync(store, Suggestion("sg-drone"));
        await ServedAsync(server, Question, AnswerPassage);

        Assert.True(await store.DecideAsync("sg-drone", SuggestionStatus.Approved, Question, "Never: drones are banned on school grounds.", SuggestionStatus.Approved, "admin",
            ApprovedAt.AddDays(2), CancellationToken.None));

        var edited = await ServedAsync(server, Question, "drones are banned on school grounds");
        Assert.DoesNotContain(AnswerPassage, edited, StringComparison.Ordinal);
        Assert.Contains("last reviewed 2026-09-04", edited, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_store_failure_keeps_the_expert_answers_loaded_before_logs_a_warning_and_recovers()
    {
        using var knowledge = LiveKnowledgeServer.CopyOfRepositoryKnowledge();
        await using var server = new LiveKnowledgeServer(knowledge.Path, services: s =>
            s.AddSingleton<ISuggestionStore>(sp => new SwitchableSuggestionStore(new SqlSuggestionStore(sp.GetRequiredService<StoreDatabase>()))));
        var store = (SwitchableSuggestionStore)server.Services.GetRequiredService<ISuggestionStore>();
        await ApproveAsync(store, Suggestion("sg-drone"));
        await ServedAsync(server, Question, AnswerPassage);

        store.Failing = true;
        const string podcast = "May I record a class podcast with my pupils?";
        await ApproveAsync(store.Inner, Suggestion("sg-pod", podcast, "Yes, with signed parental consent for every voice recorded."));
        await ReloadAsync(server); // a reload now cannot read the store

        Assert.True(server.Logged(LogLevel.Warning, "Could not read the approved expert answers"));
        Assert.Contains(AnswerPassage, await server.AskAsync(Question), StringComparison.Ordinal);
        Assert.DoesNotContain("signed parental consent", await server.AskAsync(podcast), StringComparison.Ordinal);

        store.Failing = false;
        await ServedAsync(server, podcast, "signed parental consent");
        Assert.Contains(AnswerPassage, await server.AskAsync(Question), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_exported_document_copied_into_the_knowledge_folder_answers_with_the_store_copy_and_after_its_withdrawal()
    {
        using var knowledge = LiveKnowledgeServer.CopyOfRepositoryKnowledge();
        await using var server = new LiveKnowledgeServer(knowledge.Path);
        var store = server.Services.GetRequiredService<ISuggestionStore>();
        await ApproveAsync(store, Suggestion("sg-drone"));
        await ServedAsync(server, Question, AnswerPassage);

        var markdown = Core.Knowledge.ExpertAnswersDocument.ToMarkdown(await store.ListAsync(SuggestionStatus.Approved, CancellationToken.None))!;
        await File.WriteAllTextAsync(knowledge.File(Core.Knowledge.ExpertAnswersDocument.FileName), markdown);
        var both = await WithinAsync(ReadyDocumentsAsync, d => d.Contains("expert-answers"), "the copied file is loaded");
        Assert.Contains(Core.Knowledge.ExpertAnswersDocument.DocumentId, both);
        Assert.Contains(AnswerPassage, await server.AskAsync(Question), StringComparison.Ordinal);

        Assert.True(await store.DecideAsync("sg-drone", SuggestionStatus.Approved, Question, Answer, SuggestionStatus.Withdrawn, "admin", ApprovedAt.AddDays(1), CancellationToken.None));

        await WithinAsync(ReadyDocumentsAsync, d => !d.Contains(Core.Knowledge.ExpertAnswersDocument.DocumentId), "the store copy is withdrawn");
        var answer = await server.AskAsync(Question);
        Assert.Contains(AnswerPassage, answer, StringComparison.Ordinal);
        Assert.Contains("knowledge/expert-answers.md", answer, StringComparison.Ordinal);

        async Task<IReadOnlyList<string>> ReadyDocumentsAsync() =>
            [.. (await ReloadAsync(server)).GetProperty("documents").EnumerateArray().Select(d => d.GetProperty("id").GetString()!)];
    }

    [SkippableFact]
    public async Task Two_servers_on_one_PostgreSQL_both_serve_an_answer_approved_once()
    {
        var (connectionString, schema) = await TestPostgres.CreateSchemaAsync();
        try
        {
            var settings = new Dictionary<string, string?> { ["Storage:Provider"] = "Postgres", ["Storage:ConnectionString"] = connectionString };
            using var knowledge = LiveKnowledgeServer.CopyOfRepositoryKnowledge();
            await using var a = new LiveKnowledgeServer(knowledge.Path, settings: settings);
            await using var b = new LiveKnowledgeServer(knowledge.Path, settings: settings);
            Assert.DoesNotContain(AnswerPassage, await a.AskAsync(Question), StringComparison.Ordinal);
            Assert.DoesNotContain(AnswerPassage, await b.AskAsync(Question), StringComparison.Ordinal);

            // Approved through replica A's store: B learns it from the database alone.
            await ApproveAsync(a.Services.GetRequiredService<ISuggestionStore>(), Suggestion("sg-drone"));

            Assert.Contains("owner: Ana Expert", await ServedAsync(b, Question, AnswerPassage), StringComparison.Ordinal);
            await ServedAsync(a, Question, AnswerPassage);
            Assert.Equal(await a.HealthHashAsync(), await b.HealthHashAsync());
        }
        finally
        {
            Npgsql.NpgsqlConnection.ClearAllPools();
            await TestPostgres.DropSchemaAsync(schema);
        }
    }

    /// <summary>The real store, made to fail on demand (the database unreachable).</summary>
    private sealed class SwitchableSuggestionStore(ISuggestionStore inner) : ISuggestionStore
    {
        public volatile bool Failing;

        public ISuggestionStore Inner => inner;

        private ISuggestionStore Store => Failing ? throw new InvalidOperationException("the store is unreachable (test)") : inner;

        public Task AddAsync(KnowledgeSuggestion suggestion, CancellationToken cancellationToken) => Store.AddAsync(suggestion, cancellationToken);

        public Task<KnowledgeSuggestion?> GetAsync(string id, CancellationToken cancellationToken) => Store.GetAsync(id, cancellationToken);

        public Task<IReadOnlyList<KnowledgeSuggestion>> ListAsync(SuggestionStatus? status, CancellationToken cancellationToken) =>
            Store.ListAsync(status, cancellationToken);

        public Task<bool> DecideAsync(string id, SuggestionStatus from, string question, string answer, SuggestionStatus status, string decidedBy,
            DateTimeOffset at, CancellationToken cancellationToken) => Store.DecideAsync(id, from, question, answer, status, decidedBy, at, cancellationToken);

        public Task<string> ApprovedVersionAsync(CancellationToken cancellationToken) => Store.ApprovedVersionAsync(cancellationToken);
    }
}
