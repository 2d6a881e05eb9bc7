using GuidelineBot.Knowledge;
using Microsoft.Extensions.Time.Testing;

namespace GuidelineBot.UnitTests.Knowledge;

/// <summary>The cheap periodic check sees what a file watcher may miss: a mounted volume swapping its data symlink.</summary>
public sealed class KnowledgeFolderTests
{
    [Fact]
    public async Task A_ConfigMap_style_symlink_swap_changes_the_fingerprint_and_reloads_the_new_content()
    {
        using var folder = new TestPaths.TempFolder();
        var stamp = new DateTime(2026, 11, 30, 9, 0, 0, DateTimeKind.Utc);
        // Same size, same write time: only the symlink says the content moved.
        WriteVersion(folder.Path, "..2026_11_30_a", "# Drones\n\n## Drones\n\nAllowed with permission.\n", stamp);
        WriteVersion(folder.Path, "..2026_11_30_b", "# Drones\n\n## Drones\n\nNever over the school!!\n", stamp);
        Directory.CreateSymbolicLink(Path.Combine(folder.Path, "..data"), "..2026_11_30_a");
        File.CreateSymbolicLink(Path.Combine(folder.Path, "drones.md"), Path.Combine("..data", "drones.md"));
        using var live = LiveKnowledgeTests.Create(folder.Path, new FakeTimeProvider());
        Assert.Contains("permission", live.Snapshot.Knowledge.Sections.Single().Text, StringComparison.Ordinal);
        var before = KnowledgeFolder.Fingerprint(folder.Path);

        // The kubelet's swap (it renames a new link over the old one; here: the link replaced).
        Directory.Delete(Path.Combine(folder.Path, "..data"));
        Directory.CreateSymbolicLink(Path.Combine(folder.Path, "..data"), "..2026_11_30_b");

        Assert.NotEqual(before, KnowledgeFolder.Fingerprint(folder.Path));
        await live.ReloadAsync(CancellationToken.None);
        Assert.Contains("Never over the school", live.Snapshot.Knowledge.Sections.Single().Text, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unchanged_folder_has_the_same_fingerprint_and_a_missing_one_its_own()
    {
        using var folder = new TestPaths.TempFolder();
        folder.Write("a.md", "# A\n\n## B\n\nC.\n");

        Assert.Equal(KnowledgeFolder.Fingerprint(folder.Path), KnowledgeFolder.Fingerprint(folder.Path));
        Assert.NotEqual(KnowledgeFolder.Fingerprint(folder.Path), KnowledgeFolder.Fingerprint(Path.Combine(folder.Path, "gone")));
    }

    private static void WriteVersion(string root, string version, string content, DateTime stamp)
    {
        var file = Path.Combine(Directory.CreateDirectory(Path.Combine(root, version)).FullName, "drones.md");
        File.WriteAllText(file, content);
        File.SetLastWriteTimeUtc(file, stamp);
    }
}
