using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace GuidelineBot.IntegrationTests.Deploy;

/// <summary>
/// Plays deploy/docker/Dockerfile without a Docker engine: each stage's filesystem is a temp folder, COPY copies from
/// the repository (minus bin/ and obj/, as .dockerignore says) or from an earlier stage, the build stage's
/// <c>dotnet publish</c> runs with exactly the Dockerfile's arguments (container paths mapped into the stage folder),
/// and <see cref="Start"/> runs the ENTRYPOINT in the final WORKDIR with the final stage's ENV.
/// </summary>
public sealed class ImageRehearsal : IAsyncDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "guidelinebot-tests", "image-" + Guid.NewGuid().ToString("N"));
    private readonly Dockerfile _dockerfile = Dockerfile.Load();

    public DockerStage Runtime => _dockerfile.Stages[^1];

    public string AppFolder => Map(Runtime, Runtime.WorkDir);

    /// <summary>The arguments the build stage gave <c>dotnet publish</c> (as written in the Dockerfile).</summary>
    public IReadOnlyList<string> PublishArguments { get; private set; } = [];

    public async Task BuildAsync()
    {
        foreach (var stage in _dockerfile.Stages)
        {
            var workDir = "/";
            foreach (var instruction in stage.Instructions)
            {
                switch (instruction.Keyword)
                {
                    case "WORKDIR":
                        workDir = Absolute(workDir, instruction.Arguments);
                        Directory.CreateDirectory(Map(stage, workDir));
                        break;
                    case "COPY":
                        Copy(stage, workDir, Dockerfile.ShellWords(instruction.Arguments));
                        break;
                    case "RUN":
                        await RunAsync(stage, workDir, instruction.Arguments);
                        break;
                }
            }
        }
    }

    /// <summary>Starts the ENTRYPOINT with the image's ENV plus <paramref name="settings"/> (the deployment's variables).</summary>
    public Process Start(IReadOnlyDictionary<string, string> settings)
    {
        var entry = Runtime.EntryPoint;
        var start = new ProcessStartInfo(entry[0])
        {
            WorkingDirectory = AppFolder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in entry.Skip(1))
        {
            start.ArgumentList.Add(argument);
        }

        // A container starts with the image's environment, not the test runner's.
        foreach (var name in new[] { "ASPNETCORE_ENVIRONMENT", "DOTNET_ENVIRONMENT", "ASPNETCORE_URLS", "DOTNET_URLS", "URLS" })
        {
            start.Environment.Remove(name);
        }

        foreach (var (key, value) in Runtime.Env.Concat(settings))
        {
            start.Environment[key] = value;
        }

        return Process.Start(start) ?? throw new InvalidOperationException("the entry point did not start");
    }

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private string Map(DockerStage stage, string containerPath) =>
        Path.Combine(_root, stage.Name ?? "final", containerPath.TrimStart('/'));

    private static string Absolute(string workDir, string path) => path.StartsWith('/') ? path : workDir.TrimEnd('/') + "/" + path;

    private void Copy(DockerStage stage, string workDir, IReadOnlyList<string> words)
    {
        var from = words.FirstOrDefault(w => w.StartsWith("--from=", StringComparison.Ordinal))?["--from=".Length..];
        var paths = words.Where(w => !w.StartsWith("--", StringComparison.Ordinal)).ToList();
        var destination = Map(stage, Absolute(workDir, paths[^1]));
        foreach (var source in paths.SkipLast(1))
        {
            var origin = from is null
                ? Path.Combine(RepoPaths.Root, source)
                : Map(_dockerfile.Stages.Single(s => s.Name == from), source);
            if (Directory.Exists(origin))
            {
                CopyFolder(origin, destination);
            }
            else
            {
                var target = paths.Count > 2 || paths[^1].EndsWith('/') || paths[^1] is "." or "./" ? Path.Combine(destination, Path.GetFileName(origin)) : destination;
                Directory.CreateDirectory(Path.GetDirectoryName(target)!);
                File.Copy(origin, target, overwrite: true);
            }
        }
    }

    private static void CopyFolder(string from, string to)
    {
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(from, file);
            var parts = relative.Split(Path.DirectorySeparatorChar);
            if (parts.Any(p => p is "bin" or "obj" or "node_modules"))
            {
                continue; // .dockerignore
            }

            var target = Path.Combine(to, relative);
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target, overwrite: true);
        }
    }

    private async Task RunAsync(DockerStage stage, string workDir, string command)
    {
        foreach (var part in command.Split("&&", StringSplitOptions.TrimEntries))
        {
            var words = Dockerfile.ShellWords(part).ToArray();
            switch (words)
            {
                case ["dotnet", "publish", ..]:
                    PublishArguments = words.Skip(1).ToList();
                    var mapped = PublishArguments.Select(a => a.StartsWith('/') ? Map(stage, a) : a);
                    var run = await DeployTools.RunAsync("dotnet", mapped, Map(stage, workDir), timeout: TimeSpan.FromMinutes(15));
                    Assert.True(run.ExitCode == 0, "dotnet publish failed: " + DeployTools.Describe(run));
                    break;
                case ["mkdir", "-p", .. var folders]:
                    foreach (var folder in folders)
                    {
                        Directory.CreateDirectory(Map(stage, Absolute(workDir, folder)));
                    }

                    break;
                case ["chown", ..]:
                    break; // no `app` user here; the test runs the output as the current user
                default:
                    Assert.Fail($"The image rehearsal does not know how to RUN `{part}`: teach ImageRehearsal, or keep the Dockerfile to dotnet publish / mkdir / chown.");
                    break;
            }
        }
    }

    public ValueTask DisposeAsync()
    {
        try
        {
            Directory.Delete(_root, recursive: true);
        }
        catch (IOException)
        {
            // Still in use: the temp folder is cleaned eventually.
        }

        return ValueTask.CompletedTask;
    }
}
