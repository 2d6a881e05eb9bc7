using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace GuidelineBot.IntegrationTests;

/// <summary>
/// The real server in-process, rooted at the repository (appsettings.json, knowledge/). Each factory instance gets its
/// own fresh SQLite file and saved Lucene index in a temp folder (deleted on dispose), so tests never touch data/ or
/// each other's records; only the model file (made once, verified by its hash) is shared.
/// </summary>
public class GuidelineBotFactory : WebApplicationFactory<Program>
{
    /// <summary>The temp folder holding this instance's store.</summary>
    public string StorageDirectory { get; } = Path.Combine(Path.GetTempPath(), "guidelinebot-tests", Guid.NewGuid().ToString("N"));

    /// <summary>The SQLite file this instance's server uses.</summary>
    public string DatabasePath => Path.Combine(StorageDirectory, "guidelinebot.db");

    /// <summary>Starts the server on the Kestrel endpoints <c>UseKestrel</c> set, and returns the first address it listens on.</summary>
    public string StartKestrel()
    {
        StartServer();
        return Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseContentRoot(RepoPaths.Root);
        builder.UseEnvironment("Testing");
        builder.UseSetting("Knowledge:Path", RepoPaths.Knowledge);
        builder.UseSetting("Storage:Provider", "Sqlite");
        builder.UseSetting("Storage:ConnectionString", $"Data Source={DatabasePath}");
        // The saved Lucene index beside the store: servers of other tests (other knowledge) save and prune theirs in a
        // shared folder otherwise, and a copy pruned while this server opens it is a warning in its log.
        builder.UseSetting("Search:IndexCachePath", Path.Combine(StorageDirectory, "index"));
        // Every test starts with the whole engine, however loaded the machine (the background start has its own tests).
        builder.UseSetting("Search:StartupWaitSeconds", "600");
        builder.UseSetting("Search:WaitForModelAtStart", "true");
        // As in Development (the "Testing" environment would not): a singleton that takes a scoped service, or a service
        // that cannot be built, fails the start instead of passing unnoticed.
        builder.UseDefaultServiceProvider(o =>
        {
            o.ValidateScopes = true;
            o.ValidateOnBuild = true;
        });
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing)
        {
            DeleteStorage();
        }
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        DeleteStorage();
        GC.SuppressFinalize(this);
    }

    private void DeleteStorage()
    {
        try
        {
            if (Directory.Exists(StorageDirectory))
            {
                Directory.Delete(StorageDirectory, recursive: true);
            }
        }
        catch (IOException)
        {
            // A file still held open elsewhere: the temp folder is cleaned by the OS eventually.
        }
    }
}

public static class RepoPaths
{
    public static string Root { get; } = GuidelineBot.Testing.RepoRoot.Find(AppContext.BaseDirectory);

    public static string Knowledge => Path.Combine(Root, "knowledge");
}
