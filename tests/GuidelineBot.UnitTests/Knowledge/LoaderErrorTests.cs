using System.Text;
using GuidelineBot.Core.Knowledge;
using GuidelineBot.Core.Onboarding;

namespace GuidelineBot.UnitTests.Knowledge;

public sealed class LoaderErrorTests
{
    [Theory]
    [InlineData("empty.md", "", 1, "empty")]
    [InlineData("blank.txt", "\n\n   \n", 1, "empty")]
    [InlineData("open.md", "---\ntitle: x\n# Heading\n", 1, "never closed")]
    [InlineData("open.md", "+++\ntitle = \"x\"\n# Heading\n", 1, "never closed by another '+++'")]
    [InlineData("toml.md", "+++\ntitle = \"x\"\nweight = = 3\n+++\n# T\n\ntext\n", 3, "not valid TOML")]
    [InlineData("tomltitle.md", "+++\ntitle = [\"a\", \"b\"]\n+++\n# T\n\ntext\n", 2, "not a number, a list or a table")]
    [InlineData("tomldeep.md", "+++\ntitle = \"x\"\na = [[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]\n+++\n# T\n\ntext\n", 2, "not valid TOML")]
    [InlineData("date.md", "---\ntitle: x\nlast_reviewed: someday\n---\n# T\n\ntext\n", 3, "last_reviewed")]
    [InlineData("url.txt", "---\nsource: not a url\n---\nT\n\nQ: a?\n- b\n", 2, "web address")]
    [InlineData("q.txt", "Title\n\nQ:   \n- text\n", 3, "no question")]
    [InlineData("fence.md", "# T\n\n## A\n\n```\ncode\n", 5, "never closed")]
    [InlineData("titleonly.txt", "Just a title\n", 1, "no guideline text")]
    [InlineData("headingsonly.md", "# T\n\n## A\n\n## B\n", 5, "no guideline text")]
    public void Malformed_files_give_an_error_with_file_and_line(string file, string content, int line, string message)
    {
        var ex = Assert.Throws<KnowledgeFormatException>(() => KnowledgeLoader.Parse(Encoding.UTF8.GetBytes(content), file, file));
        Assert.Equal(line, ex.Line);
        Assert.Contains(message, ex.Message, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Invalid_utf8_is_reported_on_its_line()
    {
        // A UTF-8 file ("é") with a broken byte; a file with no UTF-8 sequence at all would be read as Windows-1252.
        var bytes = Encoding.UTF8.GetBytes("Title\n\nQ: a?\n- caf\u00e9 ").Concat(new byte[] { 0xC3, 0x28 }).Concat(Encoding.UTF8.GetBytes("\n")).ToArray();
        var ex = Assert.Throws<KnowledgeFormatException>(() => KnowledgeLoader.Parse(bytes, "bad.txt", "bad.txt"));
        Assert.Equal(4, ex.Line);
    }

    [Theory]
    [InlineData("brackets", 100_000)]
    [InlineData("quotes", 5_000)]
    public void Markdown_nested_past_markdigs_limit_is_an_error_of_its_file_not_of_the_load(string shape, int depth)
    {
        using var folder = new TestPaths.TempFolder();
        folder.Write("good.md", "# Good\n\n## Cats in class?\n\nYes.\n");
        folder.Write("deep.md", "# Deep\n\n## Q?\n\n" + (shape == "brackets" ? new string('[', depth) : new string('>', depth) + " x") + "\n");

        var kb = KnowledgeLoader.Load(new KnowledgeOptions { Path = folder.Path });

        Assert.Equal(["good"], kb.Documents.Select(d => d.Id));
        var error = Assert.Single(kb.Errors);
        Assert.EndsWith("/deep.md", error.File, StringComparison.Ordinal);
        Assert.StartsWith("the Markdown nests lists, quotes, brackets or emphasis too deeply", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void One_bad_file_does_not_stop_the_others_and_synonyms_are_not_a_document()
    {
        using var folder = new TestPaths.TempFolder();
        folder.Write("good.txt", "Good\n\nQ: Is this fine?\n- Yes.\n");
        folder.Write("sub/also.md", "# Also\n\n## Works?\n\nYes.\n");
        folder.Write("bad.md", "---\ntitle: broken\n");
        folder.Write("synonyms.txt", "kid, student\n");
        folder.Write("notes.json", "{}");

        var kb = KnowledgeLoader.Load(new KnowledgeOptions { Path = folder.Path });

        Assert.Equal(["Also", "Good"], kb.Documents.Select(d => d.Title).Order());
        var error = Assert.Single(kb.Errors);
        Assert.EndsWith("bad.md", error.File);
        Assert.Equal(1, error.Line);
        Assert.Equal("sub/also#0", kb.Documents.Single(d => d.Title == "Also").Sections[0].Id);
    }

    [Fact]
    public void Two_files_with_the_same_id_load_the_first_and_name_both_in_the_error()
    {
        using var folder = new TestPaths.TempFolder();
        folder.Write("good.md", "# Good\n\n## Cats in class?\n\nYes.\n");
        folder.Write("good.txt", "Good too\n\nQ: Hamsters in class?\n- No.\n");

        var kb = KnowledgeLoader.Load(new KnowledgeOptions { Path = folder.Path });

        Assert.Equal("Good", Assert.Single(kb.Documents).Title);
        var error = Assert.Single(kb.Errors);
        Assert.EndsWith("/good.txt", error.File, StringComparison.Ordinal);
        Assert.Contains("same document id 'good' as", error.Message, StringComparison.Ordinal);
        Assert.Contains("/good.md", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_file_whose_name_is_not_utf8_is_reported_by_its_name_not_as_empty()
    {
        // "café.txt" saved in Latin-1 (as copied off an old share): its name's byte 0xE9 is no UTF-8.
        using var folder = new TestPaths.TempFolder();
        folder.Write("good.md", "# Good\n\n## Cats in class?\n\nYes.\n");
        var start = new System.Diagnostics.ProcessStartInfo("sh") { WorkingDirectory = folder.Path };
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add("printf 'Cafe rules\\n\\nQ: Coffee in class?\\n- No.\\n' > \"$(printf 'caf\\351.txt')\"");
        using var printf = System.Diagnostics.Process.Start(start)!;
        printf.WaitForExit();
        Assert.Equal(0, printf.ExitCode);

        var kb = KnowledgeLoader.Load(new KnowledgeOptions { Path = folder.Path });

        Assert.Equal(["Good"], kb.Documents.Select(d => d.Title));
        Assert.Equal("the file's name is not valid UTF-8, so it cannot be opened: rename it", Assert.Single(kb.Errors).Message);
    }

    [Fact]
    public async Task A_pipe_named_like_a_document_is_reported_without_blocking_the_load()
    {
        using var folder = new TestPaths.TempFolder();
        folder.Write("good.md", "# Good\n\n## Cats in class?\n\nYes.\n");
        foreach (var name in new[] { "pipe.md", "synonyms.txt", "onboarding.yml" })
        {
            using var mkfifo = System.Diagnostics.Process.Start("mkfifo", System.IO.Path.Combine(folder.Path, name));
            mkfifo.WaitForExit();
            Assert.Equal(0, mkfifo.ExitCode);
        }

        // As a ConfigMap mounts its files: a symlink into a hidden folder, here to a pipe.
        Directory.CreateDirectory(System.IO.Path.Combine(folder.Path, "..data"));
        File.Move(System.IO.Path.Combine(folder.Path, "pipe.md"), System.IO.Path.Combine(folder.Path, "..data", "pipe.md"));
        File.CreateSymbolicLink(System.IO.Path.Combine(folder.Path, "linked-pipe.md"), "..data/pipe.md");
        File.CreateSymbolicLink(System.IO.Path.Combine(folder.Path, "good-link.md"), "good.md");

        // Reading a pipe blocks until something writes to it: the load (documents, synonyms, check questions) must not try.
        var options = new KnowledgeOptions { Path = folder.Path };
        var load = Task.Run(() =>
        {
            var loaded = KnowledgeLoader.Load(options);
            return (loaded, CheckQuestionLoader.Load(System.IO.Path.Combine(folder.Path, "onboarding.yml"), "knowledge/onboarding.yml", loaded));
        });
        Assert.Same(load, await Task.WhenAny(load, Task.Delay(TimeSpan.FromSeconds(30))));

        var (kb, (questions, questionErrors)) = await load;
        Assert.Empty(questions);
        Assert.Empty(questionErrors);
        Assert.Equal(["Good", "Good"], kb.Documents.Select(d => d.Title));
        Assert.EndsWith("/linked-pipe.md", Assert.Single(kb.Errors).File, StringComparison.Ordinal);
    }

    [Fact]
    public void A_file_over_the_size_limit_is_refused_also_through_a_symlink()
    {
        using var folder = new TestPaths.TempFolder();
        var big = folder.Write(".data/big.md", "# Big\n\n## Q?\n\n" + new string('a', (int)KnowledgeLoader.MaxFileBytes) + "\n");
        File.CreateSymbolicLink(System.IO.Path.Combine(folder.Path, "big.md"), big);

        var kb = KnowledgeLoader.Load(new KnowledgeOptions { Path = folder.Path });

        Assert.Empty(kb.Documents);
        var length = new FileInfo(big).Length;
        // (Whole megabytes made it "the file is 16 MB; … at most 16 MB".)
        Assert.Equal(string.Create(System.Globalization.CultureInfo.InvariantCulture,
            $"the file is 16.0 MB ({length:N0} bytes); a guideline document may have at most 16 MB (16,777,216 bytes)"), Assert.Single(kb.Errors).Message);
    }

    [Fact]
    public void The_expert_answers_id_is_reserved_for_the_store()
    {
        using var folder = new TestPaths.TempFolder();
        folder.Write("store/expert-answers.md", "# Mine\n\n## Q?\n\nA.\n");

        var kb = KnowledgeLoader.Load(new KnowledgeOptions { Path = folder.Path });

        Assert.Empty(kb.Documents);
        Assert.Contains("same document id 'store/expert-answers' as the approved expert answers in the store", Assert.Single(kb.Errors).Message,
            StringComparison.Ordinal);
    }

    [Fact]
    public void The_first_path_keeps_its_id_even_when_it_does_not_parse()
    {
        using var folder = new TestPaths.TempFolder();
        folder.Write("good.md", "---\ntitle: broken\n");
        folder.Write("good.txt", "Good too\n\nQ: Hamsters in class?\n- No.\n");

        var kb = KnowledgeLoader.Load(new KnowledgeOptions { Path = folder.Path });

        Assert.Empty(kb.Documents);
        Assert.Equal(["good.md", "good.txt"], kb.Errors.Select(e => System.IO.Path.GetFileName(e.File)));
    }

    [Fact]
    public void A_file_name_with_a_line_break_is_refused_and_shown_printable()
    {
        using var folder = new TestPaths.TempFolder();
        folder.Write("good.md", "# Good\n\n## Cats in class?\n\nYes.\n");
        folder.Write("two\nlines.md", "# Bad\n\n## Dogs in class?\n\nNo.\n");

        var kb = KnowledgeLoader.Load(new KnowledgeOptions { Path = folder.Path });

        Assert.Equal("good", Assert.Single(kb.Documents).Id);
        var error = Assert.Single(kb.Errors);
        Assert.EndsWith("/two?lines.md", error.File, StringComparison.Ordinal);
        Assert.Contains("control character", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Control_characters_in_guideline_text_become_spaces_and_lines_stay_where_they_were()
    {
        var doc = KnowledgeLoader.Parse(Encoding.UTF8.GetBytes("# Bell\u0007\n\n## Red?\n\n\u001b[31mred\u001b[0m\ttext\fmore\r\nend\n"), "c.md", "c.md");

        var section = Assert.Single(doc.Sections);
        Assert.Equal("Bell", doc.Title);
        var text = string.Join("\n", section.Passages.Select(p => p.Text));
        Assert.False(text.Any(c => char.IsControl(c) && c is not ('\n' or '\t')), text);
        Assert.Contains("[31mred", text, StringComparison.Ordinal);
        Assert.Equal((3, 6), (section.StartLine, section.EndLine));
    }

    [Fact]
    public void A_repeated_heading_loads_both_sections_with_advice_that_keeps_no_stale_copy()
    {
        using var folder = new TestPaths.TempFolder();
        folder.Write("bus.md", "# Bus\n\n## Can students eat on the bus?\n\nWater only.\n\n## can students eat on the bus? \n\nOn long trips, packed lunches.\n");

        var kb = KnowledgeLoader.Load(new KnowledgeOptions { Path = folder.Path });

        Assert.Equal(2, Assert.Single(kb.Documents).Sections.Count);
        var warning = Assert.Single(kb.Errors);
        Assert.True(warning.Loaded);
        Assert.Equal(7, warning.Line);
        Assert.Contains("is the same as line 3's", warning.Message, StringComparison.Ordinal);

        // An edit that keeps the repeat takes effect: the advice is not a broken file whose last good version stays.
        var live = kb;
        File.WriteAllText(Path.Combine(folder.Path, "bus.md"), "# Bus\n\n## Can students eat on the bus?\n\nNo food.\n\n## Can students eat on the bus?\n\nStill no.\n");
        var merged = LastGoodKnowledge.Merge(live, KnowledgeLoader.Load(new KnowledgeOptions { Path = folder.Path }));
        Assert.Equal("No food.", Assert.Single(merged.Documents).Sections[0].Passages[0].Text);
    }

    [Fact]
    public void A_file_that_cannot_be_read_is_named_without_the_server_path()
    {
        const string root = "/srv/app/knowledge/";

        Assert.Equal("was removed while the folder was being read",
            KnowledgeLoader.ReadError(new FileNotFoundException("Could not find file '/srv/app/knowledge/a.md'."), root));
        Assert.Equal("cannot be read: Access to the path 'knowledge/sub/a.md' is denied.",
            KnowledgeLoader.ReadError(new UnauthorizedAccessException("Access to the path '/srv/app/knowledge/sub/a.md' is denied."), root));
    }

    [Fact]
    public void A_document_saved_with_an_extension_that_is_not_read_is_named_with_what_to_do()
    {
        // faq.csv, page.html, notes.markdown and a PDF were passed over in silence, though README lists CSV spreadsheets,
        // web pages and captions among the documents read.
        using var folder = new TestPaths.TempFolder();
        folder.Write("good.md", "# Good\n\n## Cats in class?\n\nYes.\n");
        folder.Write("faq.csv", "Question,Answer\nCan I park here?,No.\n");
        folder.Write("notes.markdown", "# Notes\n\n## Dogs?\n\nNo.\n");
        folder.Write("handbook.pdf", "%PDF-1.7\n");
        folder.Write("photo.jpg", "not text");

        var kb = KnowledgeLoader.Load(new KnowledgeOptions { Path = folder.Path });

        Assert.Equal(["Good"], kb.Documents.Select(d => d.Title));
        var name = System.IO.Path.GetFileName(folder.Path);
        Assert.Equal(
        [
            $"{name}/faq.csv: is not read: only .txt and .md files are guideline documents; rename it faq.txt (its layout is still recognised)",
            $"{name}/handbook.pdf: is not read: only .txt and .md files are guideline documents; copy its text into handbook.txt (or save it as plain text from its program), as handbook.pdf itself is not text",
            $"{name}/notes.markdown: is not read: only .txt and .md files are guideline documents; rename it notes.md",
        ], kb.Errors.Select(e => $"{e.File}: {e.Message}").Order(StringComparer.Ordinal));
        Assert.All(kb.Errors, e => Assert.False(e.Loaded));
    }

    [Fact]
    public void A_missing_folder_is_a_clear_error()
    {
        var ex = Assert.Throws<DirectoryNotFoundException>(() => KnowledgeLoader.Load(new KnowledgeOptions { Path = "/nonexistent/knowledge" }));
        Assert.Contains("/nonexistent/knowledge", ex.Message);
    }

    [Fact]
    public void A_file_set_as_the_folder_is_called_a_file_not_missing()
    {
        // It was "not found (looked in …)", though the path was there: a file where a folder belongs.
        using var folder = new TestPaths.TempFolder();
        var file = folder.Write("guidelines.md", "# Guidelines\n\n## Cats?\n\nYes.\n");

        var ex = Assert.Throws<DirectoryNotFoundException>(() => KnowledgeLoader.Load(new KnowledgeOptions { Path = file }));

        Assert.Equal($"knowledge folder '{file}' is a file, not a folder ({file}): set Knowledge:Path to the folder of guideline documents", ex.Message);
    }
}
