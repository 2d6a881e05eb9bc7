using System.CommandLine;
using GuidelineBot.Teams.Package;

namespace GuidelineBot.Cli;

/// <summary><c>package teams --app-id GUID [--bot-id GUID] [--output FILE]</c>: the Teams app package (zip) to upload.</summary>
internal static class PackageCommand
{
    public static Command Create(CliContext cli)
    {
        var (output, errors) = (cli.Output, cli.Errors);
        var appId = new Option<string>("--app-id") { Description = "The Teams app id (a GUID; usually the bot's Microsoft App ID).", Required = true };
        var botId = new Option<string?>("--bot-id") { Description = "The Azure Bot's Microsoft App ID (default: the --app-id)." };
        var outputFile = new Option<string>("--output") { Description = "Where to write the zip; a missing folder is created.", DefaultValueFactory = _ => "artifacts/guidelinebot-teams.zip" }
            .WithChecks("guidelinebot-teams.zip");
        var source = new Option<string>("--source") { Description = "Folder with manifest.json, color.png and outline.png.", DefaultValueFactory = _ => TeamsAppPackage.DefaultSourceFolder };
        var teams = new Command("teams", "Write the Microsoft Teams app package (manifest.json, color.png, outline.png).") { appId, botId, outputFile, source };
        teams.SetAction(async (parse, _) =>
        {
            if (!Guid.TryParseExact(parse.GetValue(appId), "D", out var app))
            {
                await errors.WriteLineAsync($"error: --app-id must be a GUID like 0b8d6c2e-1234-4c5d-9e8f-0123456789ab, not '{parse.GetValue(appId)}'");
                return 2;
            }

            var botText = parse.GetValue(botId);
            var bot = app;
            if (botText is not null && !Guid.TryParseExact(botText, "D", out bot))
            {
                await errors.WriteLineAsync($"error: --bot-id must be a GUID, not '{botText}'");
                return 2;
            }

            var file = parse.GetValue(outputFile)!;
            TeamsAppPackage.Write(parse.GetValue(source)!, app, bot, file);
            await output.WriteLineAsync($"Wrote {file}: upload it in Teams (Apps › Manage your apps › Upload an app).");
            return 0;
        });

        return new Command("package", "Build an app package for a channel.") { teams };
    }
}
