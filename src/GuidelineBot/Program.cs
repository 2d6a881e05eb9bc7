using GuidelineBot.Cli;
using GuidelineBot.Core.Conversation;
using GuidelineBot.Hosting;
using GuidelineBot.Knowledge;
using GuidelineBot.Slack;
using GuidelineBot.Storage;
using GuidelineBot.Teams;
using GuidelineBot.Web.Admin;
using GuidelineBot.Web.Chat;
using GuidelineBot.Web.SignIn;

// With a command (ask, topics, eval, …; any first word, so a mistyped one is an error) this is the command line; with no
// arguments or only configuration (--urls URL, Key=Value) it is the bot server. Anything else is an error, not a start.
if (CliApp.IsCommand(args))
{
    return await CliApp.RunAsync(args);
}

if (ServerArguments.Error(args) is { } refused)
{
    await Console.Error.WriteLineAsync(refused);
    return 2;
}

// The slim builder loads less at start: no IIS integration, regex route constraints or Debug/EventSource loggers (none
// is used here); Kestrel's HTTPS endpoints from configuration (Kestrel:Endpoints) are kept.
WebApplicationBuilder builder;
try
{
    builder = WebApplication.CreateSlimBuilder(
        LocalDefaults.WithoutConfigurationReload(LocalDefaults.WithDefaultUrl(LocalDefaults.WithDevelopmentByDefault(args))));
}
catch (InvalidDataException unreadable)
{
    // A settings file that is not JSON (appsettings.json edited by hand): where it breaks, in one line, not a stack.
    await Console.Error.WriteLineAsync("Hosting failed to start: " + ServerRun.Reasons(unreadable));
    return 1;
}

builder.WebHost.UseKestrelHttpsConfiguration();
builder.AddObservability();
builder.Services.AddHostRules();
builder.Services.AddEndpointJson();
builder.Services.AddGuidelineEngine(builder.Configuration);
builder.Services.AddLiveKnowledge();
builder.Services.AddGuidelineStore(builder.Configuration);
builder.Services.AddOnboarding(builder.Configuration);
builder.Services.AddConversation();
builder.Services.AddExperts(builder.Configuration);
builder.Services.AddProbes();
builder.Services.AddHostedService<IndexWarmup>();
builder.Services.AddSlack(builder.Configuration);
builder.Services.AddTeams(builder.Configuration);
builder.Services.AddWebSignIn(builder.Configuration);
builder.AddWebChat();
builder.Services.AddAdmin();
builder.Services.AddSharedDataProtectionKeys();

var app = builder.Build();
if (!app.HasValidOptions())
{
    return 1;
}

app.UseAuthenticationExcept(SlackEndpointRouteBuilderExtensions.IsSlackRequest);
app.UseLoopbackOnlyErrorPages();
app.MapProbes();
app.MapKnowledgeReload();
app.MapMetrics();
app.MapSlack();
app.MapTeams();
app.MapWebChat();
app.MapAdmin();

return await app.RunUntilStoppedAsync();

/// <summary>Entry point type, visible to WebApplicationFactory in the integration tests.</summary>
public partial class Program;
