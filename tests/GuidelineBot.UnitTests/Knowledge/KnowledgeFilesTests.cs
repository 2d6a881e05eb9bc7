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
        Assert.All(kb.Errors, e => Assert.Contains("a folder that contains it", e.Message, StringComparison.Ordinal));
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
    public void A_link_out_to_the_parent_folder_does_not_come_back_in_through_a_plain_folder()
    {
        using var parent = new TestPaths.TempFolder();
        var knowledge = Path.Combine(parent.Path, "knowledge");
        File.WriteAllText(Path.Combine(Directory.CreateDirectory(knowledge).FullName, "a.md"), Doc);
        File.WriteAllText(Path.Combine(Directory.CreateDirectory(Path.Combine(parent.Path, "other")).FullName, "b.md"), Doc);
        Directory.CreateSymbolicLink(Path.Combine(knowledge, "up"), "..");

        var kb = KnowledgeLoader.Load(new KnowledgeOptions { Path = knowledge });

        // The link leads out, so it is followed; under it, "knowledge" is the folder itself again.
        Assert.Equal(["a", "up/other/b"], kb.Documents.Select(d => d.Id));
        var error = Assert.Single(kb.Errors);
        Assert.Equal("knowledge/up/knowledge", error.File);
        Assert.Contains("back to a folder that contains it", error.Message, StringComparison.Ordinal);
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
