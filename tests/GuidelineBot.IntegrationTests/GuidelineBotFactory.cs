using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace GuidelineBot.IntegrationTests;

/// <summary>The real server in-process, rooted at the repository (appsettings.json, knowledge/).</summary>
public class GuidelineBotFactory : WebApplicationFactory<Program>
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseContentRoot(RepoPaths.Root);
        builder.UseEnvironment("Testing");
        builder.UseSetting("Knowledge:Path", RepoPaths.Knowledge);
    }
}

public static class RepoPaths
{
    public static string Root { get; } = FindRoot();

    public static string Knowledge => Path.Combine(Root, "knowledge");

    private static string FindRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "GuidelineBot.sln")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("GuidelineBot.sln not found above " + AppContext.BaseDirectory);
    }
}
