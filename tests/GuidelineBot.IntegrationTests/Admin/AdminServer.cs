using System.Net;
using GuidelineBot.Core.Knowledge;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace GuidelineBot.IntegrationTests.Admin;

/// <summary>
/// The real server on Kestrel at 127.0.0.1 (a free port) in Development, where the admin policy lets loopback clients in
/// without sign-in; its clock is <paramref name="time"/>, <paramref name="knowledgeStatus"/> (when given) is its
/// <see cref="IKnowledgeStatus"/>, and <paramref name="services"/> adds test services (e.g. an experts' channel).
/// </summary>
public sealed class AdminServer(TimeProvider time, IKnowledgeStatus? knowledgeStatus = null, Action<IServiceCollection>? services = null) : GuidelineBotFactory
{
    private HttpClient? _client;

    /// <summary>A client on the real socket (started on first use).</summary>
    public HttpClient Http
    {
        get
        {
            if (_client is null)
            {
                UseKestrel(options => options.Listen(IPAddress.Loopback, 0));
                var address = StartKestrel();
                _client = new HttpClient { BaseAddress = new Uri(address) };
            }

            return _client;
        }
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseEnvironment("Development");
        builder.UseSetting("Search:Reranker", "None");
        builder.ConfigureTestServices(test =>
        {
            test.AddSingleton(time);
            if (knowledgeStatus is not null)
            {
                test.RemoveAll<IKnowledgeStatus>();
                test.AddSingleton(knowledgeStatus);
            }

            services?.Invoke(test);
        });
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _client?.Dispose();
        }

        base.Dispose(disposing);
    }

    public override async ValueTask DisposeAsync()
    {
        _client?.Dispose();
        await base.DisposeAsync();
    }
}
