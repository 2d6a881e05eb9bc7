using System.Net;
using GuidelineBot.IntegrationTests.Slack;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace GuidelineBot.IntegrationTests.Web;

/// <summary>
/// The real bot server on Kestrel for browser-side tests: 127.0.0.1 (or every address, to prove the pages switch off)
/// and a free port, in the given environment with extra settings and services (e.g. a test experts' channel); its log
/// lines are collected.
/// </summary>
public sealed class WebBotFactory : GuidelineBotFactory
{
    private readonly string _environment;
    private readonly IReadOnlyDictionary<string, string?> _settings;
    private readonly Action<IServiceCollection>? _services;

    public WebBotFactory(string environment = "Development", IReadOnlyDictionary<string, string?>? settings = null, bool anyAddress = false,
        Action<IServiceCollection>? services = null)
    {
        _environment = environment;
        _settings = settings ?? new Dictionary<string, string?>();
        _services = services;
        UseKestrel(options =>
        {
            if (anyAddress)
            {
                options.ListenAnyIP(0);
            }
            else
            {
                options.Listen(IPAddress.Loopback, 0);
            }
        });
    }

    public TestLogs Logs { get; } = new();

    /// <summary>Starts Kestrel and returns <c>http://127.0.0.1:PORT</c> (traffic stays on loopback even when listening everywhere).</summary>
    public string Start()
    {
        var address = StartKestrel();
        return $"http://127.0.0.1:{new Uri(address.Replace("[::]", "localhost", StringComparison.Ordinal)).Port}";
    }

    public bool Logged(string fragment) => Logs.Entries.Any(e => e.Message.Contains(fragment, StringComparison.Ordinal));

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseEnvironment(_environment);
        foreach (var (key, value) in _settings)
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureLogging(logging => logging.AddProvider(Logs));
        if (_services is not null)
        {
            builder.ConfigureTestServices(_services);
        }
    }
}
