using System.Net;
using GuidelineBot.Core.Storage;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace GuidelineBot.IntegrationTests.Teams;

/// <summary>
/// The real bot server on Kestrel, 127.0.0.1 and a free port, in local mode (no App ID, Development, loopback), as the
/// Playground expects, replying to the Playground on the given port; its store is a temp SQLite file.
/// </summary>
public sealed class PlaygroundBotFactory : GuidelineBotFactory
{
    private readonly int _playgroundPort;

    public PlaygroundBotFactory(int playgroundPort)
    {
        _playgroundPort = playgroundPort;
        UseKestrel(options => options.Listen(IPAddress.Loopback, 0));
    }

    public IFeedbackStore Feedback => Services.GetRequiredService<IFeedbackStore>();

    /// <summary>Starts Kestrel and returns <c>http://127.0.0.1:PORT/api/messages</c>.</summary>
    public string StartAndGetMessagesEndpoint()
    {
        var address = StartKestrel();
        return address.TrimEnd('/') + "/api/messages";
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseEnvironment("Development");
        builder.UseSetting("Bot:MicrosoftAppId", "");
        builder.UseSetting("Bot:LocalServiceUrls:0", $"http://localhost:{_playgroundPort}");
        builder.UseSetting("Bot:LocalServiceUrls:1", $"http://127.0.0.1:{_playgroundPort}");
    }
}
