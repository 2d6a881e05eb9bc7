using System.Net;
using System.Text;
using System.Text.Json;
using GuidelineBot.Core.Knowledge;
using GuidelineBot.Core.Onboarding;
using GuidelineBot.Search;
using GuidelineBot.Testing;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace GuidelineBot.IntegrationTests.Knowledge;

/// <summary>
/// Issue 10 §4 through real HTTP: files added, changed, broken and deleted while the server runs take effect within the
/// promised 5 s; <c>POST /admin/reload</c>; replicas on one folder agree on <c>/healthz</c>; no request fails during swaps.
/// </summary>
public sealed class LiveKnowledgeTests
{
    /// <summary>What the issue promises: a change takes effect within 5 s, without a restart.</summary>
    private static readonly TimeSpan Promise = TimeSpan.FromSeconds(5);

    private const string DroneDocument = "# Drone Policy\n\n## Can I fly a drone over the school?\n\nOnly with written permission from the principal, and never over students at recess.\n";
    private const string DronePassage = "written permission from the principal";
    private const string DroneQuestion = "can I fly a drone over the school?";
    private const string SeedQuestion = "can I friend parents?";
    private const string SeedFile = "staff-social-media-guidelines.txt";

    internal static async Task<T> WithinAsync<T>(Func<Task<T>> probe, Func<T, bool> done, string what)
    {
        var deadline = DateTime.UtcNow + Promise;
        while (true)
        {
            var value = await probe();
            if (done(value))
            {
                return value;
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"Not within {Promise.TotalSeconds} s: {what}. Last: {value}");
            }

            await Task.Delay(100);
        }
    }

    internal static async Task<JsonElement> ReloadAsync(LiveKnowledgeServer server)
    {
        using var response = await server.Http.PostAsync("/admin/reload", null);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
    }

    [Fact]
    public async Task A_markdown_document_added_while_running_answers_within_5_s_and_its_answer_is_gone_once_deleted()
    {
        using var knowledge = LiveKnowledgeServer.CopyOfRepositoryKnowledge();
        await using var server = new LiveKnowledgeServer(knowledge.Path);
        Assert.DoesNotContain(DronePassage, await server.AskAsync(DroneQuestion), StringComparison.Ordinal);

        await File.WriteAllTextAsync(knowledge.File("drones.md"), DroneDocument);
        var answer = await WithinAsync(() => server.AskAsync(DroneQuestion), r => r.Contains(DronePassage, StringComparison.Ordinal), "the new document answers");
        Assert.Contains("Drone Policy", answer, StringComparison.Ordinal);

        File.Delete(knowledge.File("drones.md"));
        await WithinAsync(() => server.AskAsync(DroneQuestion), r => !r.Contains(DronePassage, StringComparison.Ordinal), "the deleted document no longer answers");
        Assert.Contains("friend", await server.AskAsync(SeedQuestion), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task A_broken_seed_file_keeps_its_old_version_answering_with_a_warning_naming_file_and_line()
    {
        using var knowledge = LiveKnowledgeServer.CopyOfRepositoryKnowledge();
        await using var server = new LiveKnowledgeServer(knowledge.Path);
        var before = await server.AskAsync(SeedQuestion);
        var hash = await server.HealthHashAsync();
        Assert.Contains("staff-social-media-guidelines.txt", before, StringComparison.Ordinal);

        // Line 4 of the seed file stops being UTF-8 text: a broken byte after a UTF-8 "é".
        var lines = (await File.ReadAllTextAsync(knowledge.File(SeedFile))).Split('\n');
        var broken = Encoding.UTF8.GetBytes(string.Join('\n', lines.Take(3)) + "\nCaf\u00e9 ").Concat(new byte[] { 0xC3, 0x28, (byte)'\n' }).ToArray();
        await File.WriteAllBytesAsync(knowledge.File(SeedFile), broken);

        var status = await WithinAsync(() => ReloadAsync(server), s => s.GetProperty("warnings").GetArrayLength() > 0, "the status names the broken file");
        var warning = status.GetProperty("warnings")[0];
        Assert.Equal("knowledge/" + SeedFile, warning.GetProperty("file").GetString());
        Assert.Equal(4, warning.GetProperty("line").GetInt32());
        Assert.Equal(hash, status.GetProperty("version").GetString());
        Assert.Contains(status.GetProperty("documents").EnumerateArray(), d => d.GetProperty("id").GetString() == "staff-social-media-guidelines");
        Assert.Equal(WithoutQuestionIds(before), WithoutQuestionIds(await server.AskAsync(SeedQuestion)));
        Assert.Equal(hash, await server.HealthHashAsync());
        Assert.True(server.Logged(LogLevel.Warning, "knowledge/" + SeedFile, "(line 4)"));
    }

    [Fact]
    public async Task An_empty_knowledge_folder_is_a_warning_and_its_first_document_answers_within_5_s()
    {
        // The server started ready with only "Loaded knowledge …: 0 documents" at info level: a wrong folder looked fine.
        using var knowledge = new TempKnowledge();
        await using var server = new LiveKnowledgeServer(knowledge.Path);
        Assert.DoesNotContain(DronePassage, await server.AskAsync(DroneQuestion), StringComparison.Ordinal);
        Assert.True(server.Logged(LogLevel.Warning, "No guideline documents are loaded from " + knowledge.Path));

        var empty = Assert.Single((await ReloadAsync(server)).GetProperty("warnings").EnumerateArray());
        Assert.Equal(Path.GetFileName(knowledge.Path), empty.GetProperty("file").GetString());
        Assert.StartsWith("no guideline documents are loaded from this folder: every question is declined", empty.GetProperty("message").GetString(), StringComparison.Ordinal);

        await File.WriteAllTextAsync(knowledge.File("drones.md"), DroneDocument);

        await WithinAsync(() => server.AskAsync(DroneQuestion), r => r.Contains(DronePassage, StringComparison.Ordinal), "the first document answers");
        Assert.Single(server.Logs.Entries, e => e.Message.StartsWith("No guideline documents", StringComparison.Ordinal));
        Assert.Equal(0, (await ReloadAsync(server)).GetProperty("warnings").GetArrayLength());
    }

    [Fact]
    public async Task A_folder_emptied_while_running_says_so_in_the_status_and_the_log()
    {
        // The log said so, but the reload's status (and the dashboard, which shows it) listed no warning at all.
        using var knowledge = LiveKnowledgeServer.CopyOfRepositoryKnowledge();
        await using var server = new LiveKnowledgeServer(knowledge.Path);
        Assert.Contains("friend", await server.AskAsync(SeedQuestion), StringComparison.OrdinalIgnoreCase);

        foreach (var file in Directory.GetFiles(knowledge.Path))
        {
            File.Delete(file);
        }

        var status = await WithinAsync(() => ReloadAsync(server), s => s.GetProperty("warnings").GetArrayLength() > 0, "the emptied folder is named");
        var warning = Assert.Single(status.GetProperty("warnings").EnumerateArray());
        Assert.Equal(Path.GetFileName(knowledge.Path), warning.GetProperty("file").GetString());
        Assert.True(warning.GetProperty("loaded").GetBoolean());
        Assert.StartsWith("no guideline documents are loaded from this folder", warning.GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.True(server.Logged(LogLevel.Warning, "No guideline documents are loaded from " + knowledge.Path));
    }

    [Fact]
    public async Task A_new_file_that_takes_a_live_document_s_id_says_so_on_the_live_file()
    {
        // drones.txt answering, drones.md added: the first path takes the id (as every replica and restart would), and the
        // warning said only that drones.txt was "not loaded", not that another file now answers in its place.
        using var knowledge = new TempKnowledge();
        await File.WriteAllTextAsync(knowledge.File("drones.txt"), DroneDocument);
        await using var server = new LiveKnowledgeServer(knowledge.Path);
        Assert.Contains(DronePassage, await server.AskAsync(DroneQuestion), StringComparison.Ordinal);

        await File.WriteAllTextAsync(knowledge.File("drones.md"), DroneDocument.Replace("the principal", "the district office", StringComparison.Ordinal));
        var status = await WithinAsync(() => ReloadAsync(server), s => s.GetProperty("warnings").GetArrayLength() > 0, "the live file is named");

        var warning = Assert.Single(status.GetProperty("warnings").EnumerateArray());
        var folder = Path.GetFileName(knowledge.Path);
        Assert.Equal($"{folder}/drones.txt", warning.GetProperty("file").GetString());
        Assert.Equal($"has the same document id 'drones' as {folder}/drones.md (its path without the extension), which answers in its place from now on: rename one of them",
            warning.GetProperty("message").GetString());
        Assert.Contains("the district office", await server.AskAsync(DroneQuestion), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_knowledge_folder_deleted_and_restored_or_swapped_is_watched_again_even_with_a_long_poll()
    {
        // The watcher stayed on the deleted (or moved-aside) folder: every later edit waited for the poll, up to 60 s.
        using var knowledge = LiveKnowledgeServer.CopyOfRepositoryKnowledge();
        await using var server = new LiveKnowledgeServer(knowledge.Path, settings: new Dictionary<string, string?> { ["Knowledge:PollSeconds"] = "60" });
        Assert.Contains("friend", await server.AskAsync(SeedQuestion), StringComparison.OrdinalIgnoreCase);
        var backup = knowledge.Path + ".backup";
        CopyFolder(knowledge.Path, backup);

        Directory.Delete(knowledge.Path, recursive: true);
        await Task.Delay(GuidelineBot.Knowledge.KnowledgeWatcher.Debounce * 3);
        Directory.Move(backup, knowledge.Path); // restored, with one more document
        await File.WriteAllTextAsync(knowledge.File("drones.md"), DroneDocument);
        await WithinAsync(() => server.AskAsync(DroneQuestion), r => r.Contains(DronePassage, StringComparison.Ordinal), "the restored folder answers");

        await File.WriteAllTextAsync(knowledge.File("drones.md"), DroneDocument.Replace("principal", "head teacher", StringComparison.Ordinal));
        await WithinAsync(() => server.AskAsync(DroneQuestion), r => r.Contains("head teacher", StringComparison.Ordinal), "an edit in the restored folder");

        // Swapped: the folder moved aside and a copy moved in its place.
        var next = knowledge.Path + ".next";
        CopyFolder(knowledge.Path, next);
        Directory.Move(knowledge.Path, knowledge.Path + ".old");
        Directory.Move(next, knowledge.Path);
        await File.WriteAllTextAsync(knowledge.File("drones.md"), DroneDocument.Replace("principal", "governors", StringComparison.Ordinal));
        await WithinAsync(() => server.AskAsync(DroneQuestion), r => r.Contains("governors", StringComparison.Ordinal), "an edit in the swapped-in folder");
        await File.WriteAllTextAsync(knowledge.File("drones.md"), DroneDocument.Replace("principal", "caretaker", StringComparison.Ordinal));
        await WithinAsync(() => server.AskAsync(DroneQuestion), r => r.Contains("caretaker", StringComparison.Ordinal), "a second edit there");
        Directory.Delete(knowledge.Path + ".old", recursive: true);
    }

    private static void CopyFolder(string from, string to)
    {
        Directory.CreateDirectory(to);
        foreach (var file in Directory.EnumerateFiles(from))
        {
            File.Copy(file, Path.Combine(to, Path.GetFileName(file)));
        }
    }

    [Fact]
    public async Task A_synonym_added_to_synonyms_txt_takes_effect_within_5_s()
    {
        using var knowledge = LiveKnowledgeServer.CopyOfRepositoryKnowledge();
        await File.WriteAllTextAsync(knowledge.File("drones.md"), "# Drone Policy\n\n## Drones\n\nOnly with written permission from the principal, and never over students at recess.\n");
        await using var server = new LiveKnowledgeServer(knowledge.Path);
        const string question = "quadrocopter";
        Assert.DoesNotContain(DronePassage, await server.AskAsync(question), StringComparison.Ordinal);
        var hash = await server.HealthHashAsync();

        await File.AppendAllTextAsync(knowledge.File("synonyms.txt"), "\nquadrocopter => drone\n");

        await WithinAsync(() => server.AskAsync(question), r => r.Contains(DronePassage, StringComparison.Ordinal), "the synonym leads to the drone section");
        Assert.NotEqual(hash, await server.HealthHashAsync());
    }

    [Fact]
    public async Task Onboarding_yml_changes_take_effect_and_a_broken_one_keeps_the_last_good_questions()
    {
        using var knowledge = LiveKnowledgeServer.CopyOfRepositoryKnowledge();
        await using var server = new LiveKnowledgeServer(knowledge.Path);
        _ = server.Http;
        var onboarding = server.Services.GetRequiredService<OnboardingService>();
        string[] Prompts() => [.. onboarding.Catalog.Documents.SelectMany(d => d.Questions).Select(q => q.Prompt)];
        var original = Prompts();
        Assert.NotEmpty(original);

        var yaml = await File.ReadAllTextAsync(knowledge.File("onboarding.yml"));
        var changed = yaml.Replace(original[0], "A changed first question?", StringComparison.Ordinal);
        await File.WriteAllTextAsync(knowledge.File("onboarding.yml"), changed);
        await WithinAsync(() => Task.FromResult(Prompts()), p => p.Contains("A changed first question?"), "the changed question is live");

        await File.WriteAllTextAsync(knowledge.File("onboarding.yml"), changed + "\nstaff-social-media-guidelines: [unclosed\n");
        var status = await WithinAsync(() => ReloadAsync(server), s => s.GetProperty("warnings").GetArrayLength() > 0, "the status names onboarding.yml");

        var warning = status.GetProperty("warnings")[0];
        Assert.Equal("knowledge/onboarding.yml", warning.GetProperty("file").GetString());
        Assert.True(warning.GetProperty("line").GetInt32() > yaml.Count(c => c == '\n') - 2, warning.ToString());
        Assert.Equal(original.Length, Prompts().Length);
        Assert.Contains("A changed first question?", Prompts());
    }

    [Fact]
    public async Task A_heading_renamed_under_a_check_question_leaves_that_question_out_and_says_so_truly()
    {
        // The warning said onboarding.yml's "last good version stays live", but that file is the last good one: the
        // question on the renamed section left, silently as far as the words went. An emptied file said nothing at all.
        using var knowledge = LiveKnowledgeServer.CopyOfRepositoryKnowledge();
        await using var server = new LiveKnowledgeServer(knowledge.Path);
        _ = server.Http;
        var onboarding = server.Services.GetRequiredService<OnboardingService>();
        int Questions() => onboarding.Catalog.Documents.Sum(d => d.Questions.Count);
        var before = Questions();

        var seed = await File.ReadAllTextAsync(knowledge.File(SeedFile));
        await File.WriteAllTextAsync(knowledge.File(SeedFile), seed.Replace("Q: Can I post anonymously?", "Q: May I post under a pseudonym?", StringComparison.Ordinal));
        var status = await WithinAsync(() => ReloadAsync(server), s => s.GetProperty("warnings").GetArrayLength() > 0, "the status names onboarding.yml");

        var warning = Assert.Single(status.GetProperty("warnings").EnumerateArray());
        Assert.Equal("knowledge/onboarding.yml", warning.GetProperty("file").GetString());
        Assert.True(warning.GetProperty("loaded").GetBoolean());
        Assert.EndsWith("the check questions it names are left out until the document and this file match again", warning.GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Equal(before - 1, Questions());
        Assert.True(server.Logged(LogLevel.Warning, "Knowledge file knowledge/onboarding.yml (line 29): no section headed 'Can I post anonymously?'"));
        Assert.DoesNotContain(server.Logs.Entries, e => e.Message.Contains("onboarding.yml", StringComparison.Ordinal) && e.Message.Contains("stays live", StringComparison.Ordinal));

        await File.WriteAllTextAsync(knowledge.File(SeedFile), seed);
        await WithinAsync(() => ReloadAsync(server), s => s.GetProperty("warnings").GetArrayLength() == 0, "mended");
        Assert.Equal(before, Questions());

        await File.WriteAllTextAsync(knowledge.File("onboarding.yml"), "");
        status = await WithinAsync(() => ReloadAsync(server), s => s.GetProperty("warnings").GetArrayLength() > 0, "the emptied file is named");
        warning = Assert.Single(status.GetProperty("warnings").EnumerateArray());
        Assert.Equal("the file is empty, so onboarding asks no check questions", warning.GetProperty("message").GetString());
        Assert.Equal(0, Questions());
    }

    [Fact]
    public async Task Settings_that_name_files_the_folder_lacks_say_so_and_a_synonyms_txt_beside_them_is_no_document()
    {
        // Both started silently: no synonyms, no check questions, and synonyms.txt answered and walked through as guidelines.
        using var knowledge = LiveKnowledgeServer.CopyOfRepositoryKnowledge();
        await using var server = new LiveKnowledgeServer(knowledge.Path, settings: new Dictionary<string, string?>
        {
            ["Knowledge:SynonymsFile"] = "terms.txt",
            ["Onboarding:QuestionsFile"] = "checks.yml",
        });

        var status = await ReloadAsync(server);

        Assert.Equal([Path.GetFileNameWithoutExtension(SeedFile)], status.GetProperty("documents").EnumerateArray().Select(d => d.GetProperty("id").GetString()));
        var warnings = status.GetProperty("warnings").EnumerateArray().ToDictionary(w => w.GetProperty("file").GetString()!, w => w.GetProperty("message").GetString()!);
        Assert.Equal("not found: Knowledge:SynonymsFile names it, so no synonyms are used", warnings["knowledge/terms.txt"]);
        Assert.Equal("not found: Onboarding:QuestionsFile names it, so onboarding asks no check questions", warnings["knowledge/checks.yml"]);
        Assert.StartsWith("not read: the synonyms are in terms.txt (Knowledge:SynonymsFile)", warnings["knowledge/synonyms.txt"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Post_admin_reload_answers_the_status_and_a_form_post_needs_an_antiforgery_token()
    {
        using var knowledge = LiveKnowledgeServer.CopyOfRepositoryKnowledge();
        await using var server = new LiveKnowledgeServer(knowledge.Path);
        await File.WriteAllTextAsync(knowledge.File("drones.md"), DroneDocument);

        var status = await ReloadAsync(server);
        Assert.Equal(KnowledgeLoader.Load(new KnowledgeOptions { Path = knowledge.Path }).Version, status.GetProperty("version").GetString());
        Assert.Contains(status.GetProperty("documents").EnumerateArray(), d => d.GetProperty("id").GetString() == "drones"
            && d.GetProperty("file").GetString() == "knowledge/drones.md" && d.GetProperty("sections").GetInt32() == 1
            && d.GetProperty("contentHash").GetString()!.Length == 64);
        Assert.Contains(DronePassage, await server.AskAsync(DroneQuestion), StringComparison.Ordinal);

        using (var json = await server.Http.PostAsync("/admin/reload", new StringContent("{}", Encoding.UTF8, "application/json")))
        {
            Assert.Equal(HttpStatusCode.OK, json.StatusCode);
        }

        using (var text = await server.Http.PostAsync("/admin/reload", new StringContent("reload", Encoding.UTF8, "text/plain")))
        {
            Assert.Equal(HttpStatusCode.UnsupportedMediaType, text.StatusCode);
        }

        using (var forged = await server.Http.PostAsync("/admin/reload", new FormUrlEncodedContent([new("x", "y")])))
        {
            Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        }

        var (cookie, token, field) = AntiforgeryTokens(server);
        using var form = new HttpRequestMessage(HttpMethod.Post, "/admin/reload") { Content = new FormUrlEncodedContent([new(field, token), new("days", "7")]) };
        form.Headers.Add("Cookie", cookie);
        using var posted = await server.Http.SendAsync(form);
        Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);
        Assert.Equal("/admin?days=7", posted.Headers.Location?.OriginalString);
        Assert.Contains(posted.Headers.GetValues("Set-Cookie"), c => c.StartsWith("guidelinebot-admin-done=reload;", StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_empty_reload_posted_from_another_site_s_page_is_refused_and_a_tool_s_or_the_site_s_own_is_not()
    {
        // Any page could post an empty body here without asking (fetch with mode "no-cors"), and in Development on loopback
        // the dashboard needs no sign-in: the browser names the page's site, tools name none.
        using var knowledge = LiveKnowledgeServer.CopyOfRepositoryKnowledge();
        await using var server = new LiveKnowledgeServer(knowledge.Path);
        var own = server.Http.BaseAddress!.GetLeftPart(UriPartial.Authority);

        async Task<HttpStatusCode> PostAsync(string? name, string? value)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "/admin/reload");
            if (name is not null)
            {
                request.Headers.Add(name, value);
            }

            using var response = await server.Http.SendAsync(request);
            if (response.StatusCode == HttpStatusCode.Forbidden)
            {
                Assert.Equal("A reload from another site's page is refused: use the dashboard, or POST from a tool.", await response.Content.ReadAsStringAsync());
            }

            return response.StatusCode;
        }

        Assert.Equal(HttpStatusCode.Forbidden, await PostAsync("Sec-Fetch-Site", "cross-site"));
        Assert.Equal(HttpStatusCode.Forbidden, await PostAsync("Sec-Fetch-Site", "same-site"));
        Assert.Equal(HttpStatusCode.Forbidden, await PostAsync("Origin", "https://evil.invalid"));
        Assert.Equal(HttpStatusCode.Forbidden, await PostAsync("Origin", "null"));
        Assert.Equal(HttpStatusCode.OK, await PostAsync(null, null));
        Assert.Equal(HttpStatusCode.OK, await PostAsync("Sec-Fetch-Site", "same-origin"));
        Assert.Equal(HttpStatusCode.OK, await PostAsync("Origin", own));
    }

    /// <summary>A token pair as a dashboard page would issue it (cookie header, form token, form field name).</summary>
    private static (string Cookie, string Token, string Field) AntiforgeryTokens(LiveKnowledgeServer server)
    {
        var context = new DefaultHttpContext { RequestServices = server.Services };
        var tokens = server.Services.GetRequiredService<IAntiforgery>().GetAndStoreTokens(context);
        var cookieName = server.Services.GetRequiredService<IOptions<AntiforgeryOptions>>().Value.Cookie.Name!;
        return ($"{cookieName}={tokens.CookieToken}", tokens.RequestToken!, tokens.FormFieldName);
    }

    [Fact]
    public async Task Two_servers_on_one_folder_report_the_same_hash_on_healthz_after_a_change()
    {
        using var knowledge = LiveKnowledgeServer.CopyOfRepositoryKnowledge();
        await using var first = new LiveKnowledgeServer(knowledge.Path);
        await using var second = new LiveKnowledgeServer(knowledge.Path);
        Assert.Equal(await first.HealthHashAsync(), await second.HealthHashAsync());

        await File.WriteAllTextAsync(knowledge.File("drones.md"), DroneDocument);
        var expected = KnowledgeLoader.Load(new KnowledgeOptions { Path = knowledge.Path }).Version;

        await WithinAsync(async () => (await first.HealthHashAsync(), await second.HealthHashAsync()),
            h => h.Item1 == expected && h.Item2 == expected, "both replicas report the new hash");
        using var ready = await first.Http.GetAsync("/readyz");
        Assert.Equal(expected, JsonDocument.Parse(await ready.Content.ReadAsStringAsync()).RootElement.GetProperty("knowledgeHash").GetString());
    }

    [Fact]
    public async Task No_question_fails_or_goes_unanswered_while_the_index_is_swapped_again_and_again()
    {
        using var knowledge = LiveKnowledgeServer.CopyOfRepositoryKnowledge();
        await using var server = new LiveKnowledgeServer(knowledge.Path);
        static string Heading(string reply) => JsonDocument.Parse(reply).RootElement.GetProperty("blocks")[0].GetProperty("text").GetProperty("text").GetString()!;
        var expected = Heading(await server.AskAsync(SeedQuestion));
        Assert.Contains("parents", expected, StringComparison.Ordinal);

        using var stop = new CancellationTokenSource();
        var askers = Enumerable.Range(0, 3).Select(i => Task.Run(async () =>
        {
            var asked = 0;
            while (!stop.IsCancellationRequested)
            {
                // Each asker varies the text a little, so the answer cache does not answer all of them.
                var reply = await server.AskAsync(SeedQuestion + new string('!', asked++ % 7 + i));
                Assert.Equal(expected, Heading(reply));
            }

            return asked;
        })).ToArray();

        var versions = new HashSet<string>();
        for (var i = 0; i < 6; i++)
        {
            if (i % 2 == 0)
            {
                await File.WriteAllTextAsync(knowledge.File("drones.md"), DroneDocument + new string('\n', i));
            }
            else
            {
                File.Delete(knowledge.File("drones.md"));
            }

            versions.Add((await ReloadAsync(server)).GetProperty("version").GetString()!);
        }

        await stop.CancelAsync();
        var asked = await Task.WhenAll(askers);
        Assert.Equal(4, versions.Count);
        Assert.All(asked, n => Assert.True(n > 0));
    }

    [Fact]
    public async Task A_reload_encodes_only_the_texts_of_the_changed_document()
    {
        using var knowledge = LiveKnowledgeServer.CopyOfRepositoryKnowledge();
        var model = new CountingEncoder();
        await using var server = new LiveKnowledgeServer(knowledge.Path, "MiniLM",
            services => services.AddSingleton(new CachedSemanticEncoder(model, MiniLmModel.ModelId(ModelPrecision.Int8), 16)));
        var hash = await server.HealthHashAsync();
        var atStart = model.Encoded.ToHashSet();
        Assert.True(atStart.Count > 50, $"{atStart.Count} texts encoded at start");

        await File.WriteAllTextAsync(knowledge.File("drones.md"), DroneDocument);
        await WithinAsync(server.HealthHashAsync, h => h != hash, "the new document is live");

        var added = model.Encoded.Skip(atStart.Count).ToArray();
        Assert.NotEmpty(added);
        Assert.DoesNotContain(added, atStart.Contains);
        Assert.All(added, t => Assert.True(DroneDocument.Contains(t, StringComparison.Ordinal) || t.Contains("drone", StringComparison.OrdinalIgnoreCase), t));
    }

    [Fact]
    public async Task A_first_start_answers_lexically_while_the_semantic_index_is_built_and_then_with_both_stages()
    {
        using var knowledge = LiveKnowledgeServer.CopyOfRepositoryKnowledge();
        var counting = new CountingEncoder();
        using var model = new GatedEncoder(counting);
        await using var server = new LiveKnowledgeServer(knowledge.Path, "MiniLM",
            services => services.AddSingleton(new CachedSemanticEncoder(model, MiniLmModel.ModelId(ModelPrecision.Int8), 16)),
            new Dictionary<string, string?> { ["Search:StartupWaitSeconds"] = "0" });

        // Ready and answering although not one text is encoded yet.
        using (var ready = await server.Http.GetAsync("/readyz"))
        {
            Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        }

        var lexical = await server.AskAsync("can I friend parents on facebook");
        Assert.Contains("extreme caution", lexical, StringComparison.OrdinalIgnoreCase);
        await server.AskAsync("I posted something I regret, what now?");
        var search = Assert.IsType<LuceneGuidelineSearch>(server.Services.GetRequiredService<Core.Answers.IGuidelineSearch>().Snapshot);
        Assert.False(search.IsComplete);
        Assert.Equal(0, search.EncodedQuestions);
        Assert.Empty(counting.Encoded);
        Assert.True(server.Logged(LogLevel.Warning, "answering with the lexical stage alone"));

        model.Release();
        await search.SemanticReady.WaitAsync(TimeSpan.FromSeconds(30));
        Assert.True(search.IsComplete);
        Assert.True(counting.Encoded.Count > 50, $"{counting.Encoded.Count} texts encoded");
        await WithinAsync(() => Task.FromResult(server.Logged(LogLevel.Information, "questions use both stages now")), logged => logged, "the log says so");

        // The same question again is not answered from a cache of the lexical-only start: now it is encoded.
        await server.AskAsync("I posted something I regret, what now?");
        Assert.Equal(1, search.EncodedQuestions);

        // The vectors it encoded are saved for the next start.
        var store = server.Services.GetRequiredService<Core.Storage.IVectorStore>();
        var saved = await WithinAsync(async () => (await store.LoadAsync(MiniLmModel.ModelId(ModelPrecision.Int8), CancellationToken.None)).Count, n => n > 50,
            "the vectors are saved");
        Assert.True(saved > 50);
    }

    [Fact]
    public async Task A_reload_whose_encoding_takes_long_goes_live_lexically_within_5_s_and_the_model_joins_once_it_is_built()
    {
        // With the model, a reload waited for every new text to be encoded: a large handbook took 8 s to 88 s to answer.
        using var knowledge = LiveKnowledgeServer.CopyOfRepositoryKnowledge();
        var counting = new CountingEncoder();
        // (Only the new document's texts wait: questions are encoded as usual.)
        using var model = new GatedEncoder(counting, texts => texts.Any(t => t.Contains(DronePassage, StringComparison.Ordinal)));
        model.Release();
        await using var server = new LiveKnowledgeServer(knowledge.Path, "MiniLM",
            services => services.AddSingleton(new CachedSemanticEncoder(model, MiniLmModel.ModelId(ModelPrecision.Int8), 16)));
        var hash = await server.HealthHashAsync();
        var first = Assert.IsType<LuceneGuidelineSearch>(server.Services.GetRequiredService<Core.Answers.IGuidelineSearch>().Snapshot);
        await first.SemanticReady.WaitAsync(TimeSpan.FromSeconds(30));

        model.Close(); // from now on the new document's texts take as long as the test wants
        await File.WriteAllTextAsync(knowledge.File("drones.md"), DroneDocument);

        var answer = await WithinAsync(() => server.AskAsync(DroneQuestion), r => r.Contains(DronePassage, StringComparison.Ordinal), "the new document answers");
        Assert.Contains("Drone Policy", answer, StringComparison.Ordinal);
        Assert.NotEqual(hash, await server.HealthHashAsync());
        var reloaded = Assert.IsType<LuceneGuidelineSearch>(server.Services.GetRequiredService<Core.Answers.IGuidelineSearch>().Snapshot);
        Assert.False(reloaded.IsComplete);
        Assert.True(server.Logged(LogLevel.Information, "answering lexically while its semantic index"));

        model.Release();
        await reloaded.SemanticReady.WaitAsync(TimeSpan.FromSeconds(30));
        Assert.True(reloaded.IsComplete);
        Assert.Contains(counting.Encoded, t => t.Contains("written permission from the principal", StringComparison.Ordinal));
        await WithinAsync(() => Task.FromResult(server.Logged(LogLevel.Information, "Semantic index of the reloaded knowledge ready")), logged => logged, "the log says so");
    }

    [Fact]
    public async Task A_reload_whose_semantic_index_fails_says_so_and_the_next_reload_builds_it_again()
    {
        // Built in the background, a failure was never observed, and the broken engine was kept until a document changed.
        using var knowledge = LiveKnowledgeServer.CopyOfRepositoryKnowledge();
        var model = new FailingEncoder(new CountingEncoder());
        await using var server = new LiveKnowledgeServer(knowledge.Path, "MiniLM",
            services => services.AddSingleton(new CachedSemanticEncoder(model, MiniLmModel.ModelId(ModelPrecision.Int8), 16)));
        _ = await server.HealthHashAsync();

        model.Failing = true;
        await File.WriteAllTextAsync(knowledge.File("drones.md"), DroneDocument);
        await WithinAsync(() => server.AskAsync(DroneQuestion), r => r.Contains(DronePassage, StringComparison.Ordinal), "the new document answers, lexically");
        var broken = Assert.IsType<LuceneGuidelineSearch>(server.Services.GetRequiredService<Core.Answers.IGuidelineSearch>().Snapshot);
        // The background build fails as soon as it runs, which on a busy machine may be seconds after the answer.
        await Task.WhenAny(broken.SemanticReady, Task.Delay(TimeSpan.FromSeconds(30)));
        Assert.True(broken.SemanticReady.IsFaulted);
        await WithinAsync(() => Task.FromResult(server.Logged(LogLevel.Warning, "semantic index could not be built")), logged => logged, "the failure is logged");

        model.Failing = false;
        await ReloadAsync(server);
        var rebuilt = Assert.IsType<LuceneGuidelineSearch>(server.Services.GetRequiredService<Core.Answers.IGuidelineSearch>().Snapshot);
        Assert.NotSame(broken, rebuilt);
        await rebuilt.SemanticReady.WaitAsync(TimeSpan.FromSeconds(30));
        Assert.True(rebuilt.IsComplete);
    }

    private sealed class FailingEncoder(ISemanticEncoder inner) : ISemanticEncoder
    {
        public volatile bool Failing;

        public float[][] Encode(IReadOnlyList<string> texts, CancellationToken cancellationToken = default) =>
            Failing && texts.Any(t => t.Contains(DronePassage, StringComparison.Ordinal))
                ? throw new InvalidOperationException("the model's session failed")
                : inner.Encode(texts, cancellationToken);
    }

    /// <summary>An answer without the question-log id its feedback buttons carry (new for every question asked).</summary>
    private static string WithoutQuestionIds(string reply) => System.Text.RegularExpressions.Regex.Replace(reply, "[0-9a-f]{32}", "<question>");
}
