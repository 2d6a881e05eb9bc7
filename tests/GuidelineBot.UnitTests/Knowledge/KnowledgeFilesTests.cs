using GuidelineBot.Core.Knowledge;

namespace GuidelineBot.UnitTests.Knowledge;

public sealed class KnowledgeFilesTests
{
    private const string Doc = "# T\n\n## Q?\n\nA.\n";

    [Fact]
    public void A_folder_link_that_loops_back_is_not_followed_and_each_document_loads_once()
    {
        using var folder = new TestPaths.TempFolder();
        folder.Write("top.md", Doc);
        folder.Write("sub/inner.md", Doc);
        Directory.CreateSymbolicLink(Path.Combine(folder.Path, "sub", "up"), "..");
        Directory.CreateSymbolicLink(Path.Combine(folder.Path, "sub", "self"), ".");

        var kb = KnowledgeLoader.Load(new KnowledgeOptions { Path = folder.Path });

        Assert.Equal(["sub/inner", "top"], kb.Documents.Select(d => d.Id));
        Assert.Equal(["sub/self", "sub/up"], kb.Errors.Select(e => e.File[(e.File.IndexOf('/') + 1)..]));
        Assert.Contains("to sub in the same folder", kb.Errors[0].Message, StringComparison.Ordinal);
        Assert.Contains("back to the knowledge folder itself", kb.Errors[1].Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("lists/terms.txt", new[] { "top" }, new[] { "lists/synonyms.txt", "synonyms.txt" })]
    [InlineData("lists/synonyms.txt", new[] { "lists/terms", "top" }, new[] { "synonyms.txt" })]
    [InlineData("synonyms.txt", new[] { "lists/terms", "top" }, new[] { "lists/synonyms.txt" })]
    public void The_synonym_file_by_name_or_path_and_any_other_synonyms_txt_are_no_documents(string synonymsFile, string[] documents, string[] strays)
    {
        // A path was compared with file names: lists/terms.txt was read as a guideline, lists/synonyms.txt called a stray.
        using var folder = new TestPaths.TempFolder();
        folder.Write("top.md", Doc);
        folder.Write("synonyms.txt", "phone, mobile\n");
        folder.Write("lists/synonyms.txt", "phone, mobile\n");
        folder.Write("lists/terms.txt", Doc);

        var kb = KnowledgeLoader.Load(new KnowledgeOptions { Path = folder.Path, SynonymsFile = synonymsFile });

        Assert.Equal(documents, kb.Documents.Select(d => d.Id));
        var notRead = kb.Errors.Where(e => e.Message.StartsWith($"not read: the synonyms are in {synonymsFile} (Knowledge:SynonymsFile)", StringComparison.Ordinal));
        Assert.Equal(strays, notRead.Select(e => e.File[(e.File.IndexOf('/') + 1)..]).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void A_synonym_file_of_another_name_that_is_not_there_is_a_warning_wherever_the_folder_is_loaded()
    {
        // The server said so, the command line (ask, eval, topics) ran without synonyms silently.
        using var folder = new TestPaths.TempFolder();
        folder.Write("top.md", Doc);

        var kb = KnowledgeLoader.Load(new KnowledgeOptions { Path = folder.Path, SynonymsFile = "terms.txt" });
        var none = KnowledgeLoader.Load(new KnowledgeOptions { Path = folder.Path });

        var warning = Assert.Single(kb.Errors);
        Assert.EndsWith("/terms.txt", warning.File, StringComparison.Ordinal);
        Assert.Equal("not found: Knowledge:SynonymsFile names it, so no synonyms are used", warning.Message);
        Assert.True(warning.Loaded);
        Assert.Empty(none.Errors); // no synonyms.txt: deleting it is how to use none
    }

    [Fact]
    public void A_link_to_a_visible_folder_inside_is_not_a_second_copy()
    {
        using var folder = new TestPaths.TempFolder();
        folder.Write("policies/a.md", Doc);
        Directory.CreateSymbolicLink(Path.Combine(folder.Path, "alias"), "policies");

        var kb = KnowledgeLoader.Load(new KnowledgeOptions { Path = folder.Path });

        Assert.Equal("policies/a", Assert.Single(kb.Documents).Id);
        var error = Assert.Single(kb.Errors);
        Assert.EndsWith("/alias", error.File, StringComparison.Ordinal);
        Assert.Contains("leads (through a symlink) to policies in the same folder", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Links_out_of_the_folder_or_into_a_hidden_part_of_it_are_followed_as_a_configmap_mounts_them()
    {
        using var outside = new TestPaths.TempFolder();
        outside.Write("shared.md", Doc);
        // An outside folder that links back into the knowledge folder must not make a loop either.
        using var folder = new TestPaths.TempFolder();
        Directory.CreateSymbolicLink(Path.Combine(outside.Path, "back"), folder.Path);
        folder.Write("..2026_12_04/sub/nested.md", Doc);
        Directory.CreateSymbolicLink(Path.Combine(folder.Path, "..data"), "..2026_12_04");
        Directory.CreateSymbolicLink(Path.Combine(folder.Path, "sub"), "..data/sub");
        Directory.CreateSymbolicLink(Path.Combine(folder.Path, "ext"), outside.Path);

        var kb = KnowledgeLoader.Load(new KnowledgeOptions { Path = folder.Path });

        Assert.Equal(["ext/shared", "sub/nested"], kb.Documents.Select(d => d.Id));
        Assert.EndsWith("/ext/back", Assert.Single(kb.Errors).File, StringComparison.Ordinal);
    }

    [Fact]
    public void Links_to_the_parent_folder_and_to_itself_load_nothing_twice()
    {
        using var parent = new TestPaths.TempFolder();
        var knowledge = Path.Combine(parent.Path, "knowledge");
        File.WriteAllText(Path.Combine(Directory.CreateDirectory(knowledge).FullName, "a.md"), Doc);
        File.WriteAllText(Path.Combine(Directory.CreateDirectory(Path.Combine(parent.Path, "other")).FullName, "b.md"), Doc);
        // Followed, the parent would lead back in through its plain "knowledge" folder, and each self-link would double
        // the walk again (two of them ran for minutes).
        Directory.CreateSymbolicLink(Path.Combine(knowledge, "up"), "..");
        Directory.CreateSymbolicLink(Path.Combine(knowledge, "self0"), ".");
        Directory.CreateSymbolicLink(Path.Combine(knowledge, "self1"), ".");

        var kb = KnowledgeLoader.Load(new KnowledgeOptions { Path = knowledge });

        Assert.Equal("a", Assert.Single(kb.Documents).Id);
        Assert.Equal(["knowledge/self0", "knowledge/self1", "knowledge/up"], kb.Errors.Select(e => e.File));
        Assert.Equal(
            ["back to the knowledge folder itself", "back to the knowledge folder itself", "back to a folder that contains the knowledge folder"],
            kb.Errors.Select(e => e.Message[(e.Message.IndexOf("back to", StringComparison.Ordinal))..e.Message.IndexOf(", so", StringComparison.Ordinal)]));
    }

    [Fact]
    public void Two_links_to_one_outside_folder_read_it_once()
    {
        using var outside = new TestPaths.TempFolder();
        outside.Write("shared.md", Doc);
        using var folder = new TestPaths.TempFolder();
        Directory.CreateSymbolicLink(Path.Combine(folder.Path, "ext1"), outside.Path);
        Directory.CreateSymbolicLink(Path.Combine(folder.Path, "ext2"), outside.Path);

        var kb = KnowledgeLoader.Load(new KnowledgeOptions { Path = folder.Path });

        Assert.Equal("ext1/shared", Assert.Single(kb.Documents).Id);
        var error = Assert.Single(kb.Errors);
        Assert.EndsWith("/ext2", error.File, StringComparison.Ordinal);
        Assert.Contains("already read by another route", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_real_path_resolves_every_link_along_the_way()
    {
        using var folder = new TestPaths.TempFolder();
        Directory.CreateDirectory(Path.Combine(folder.Path, "real", "deep"));
        Directory.CreateSymbolicLink(Path.Combine(folder.Path, "a"), "real");
        Directory.CreateSymbolicLink(Path.Combine(folder.Path, "b"), "a/deep");
        Directory.CreateSymbolicLink(Path.Combine(folder.Path, "loop1"), "loop2");
        Directory.CreateSymbolicLink(Path.Combine(folder.Path, "loop2"), "loop1");

        var real = KnowledgeFiles.RealPath(folder.Path);
        Assert.Equal(Path.Combine(real, "real", "deep"), KnowledgeFiles.RealPath(Path.Combine(folder.Path, "b")));
        Assert.Equal(Path.Combine(real, "real"), KnowledgeFiles.RealPath(Path.Combine(folder.Path, "b", "..")));
        // A cycle of links ends (where it ends does not matter, only that it does).
        Assert.NotNull(KnowledgeFiles.RealPath(Path.Combine(folder.Path, "loop1")));
    }
}
