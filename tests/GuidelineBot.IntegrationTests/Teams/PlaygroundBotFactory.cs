using System.Net;
using GuidelineBot.Core.Storage;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;

namespace GuidelineBot.IntegrationTests.Teams;

/// <summary>The real bot server on Kestrel, 127.0.0.1 and a free port, in local mode (no App ID), as the Playground expects; its store is a temp SQLite file.</summary>
public sealed class PlaygroundBotFactory : GuidelineBotFactory
{
    public PlaygroundBotFactory()
    {
        UseKestrel(options => options.Listen(IPAddress.Loopback, 0));
    }

    public IFeedbackStore Feedback => Services.GetRequiredService<IFeedbackStore>();

    /// <summary>Starts Kestrel and returns <c>http://127.0.0.1:PORT/api/messages</c>.</summary>
    public string StartAndGetMessagesEndpoint()
    {
        StartServer();
        var address = Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
        return address.TrimEnd('/') + "/api/messages";
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Bot:MicrosoftAppId", "");
    }
}
