namespace GuidelineBot.Testing;

/// <summary>Finds the repository root (the folder holding GuidelineBot.sln) above a start folder. Linked into every test project.</summary>
internal static class RepoRoot
{
    public static string Find(string start)
    {
        var dir = new DirectoryInfo(start);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "GuidelineBot.sln")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("GuidelineBot.sln not found above " + start);
    }
}
