namespace GuidelineBot.UnitTests;

internal static class TestPaths
{
    public static string Root { get; } = GuidelineBot.Testing.RepoRoot.Find(AppContext.BaseDirectory);

    public static string Knowledge => Path.Combine(Root, "knowledge");

    public static string Seed => Path.Combine(Knowledge, "staff-social-media-guidelines.txt");

    public static string Synonyms => Path.Combine(Knowledge, "synonyms.txt");

    /// <summary>A fresh temporary folder, deleted on dispose.</summary>
    public sealed class TempFolder : IDisposable
    {
        public string Path { get; } = Directory.CreateTempSubdirectory("guidelinebot-test-").FullName;

        public string Write(string relative, string content)
        {
            var full = System.IO.Path.Combine(Path, relative);
            Directory.CreateDirectory(System.IO.Path.GetDirectoryName(full)!);
            File.WriteAllText(full, content);
            return full;
        }

        public void Dispose()
        {
            try
            {
                Directory.Delete(Path, recursive: true);
            }
            catch (IOException)
            {
            }
        }
    }
}
