using GuidelineBot.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Configuration.Json;

namespace GuidelineBot.UnitTests.Hosting;

public sealed class LocalDefaultsTests
{
    [Fact]
    public void An_explicit_environment_argument_is_kept()
    {
        string[] args = ["--urls", "http://127.0.0.1:5000", "--environment", "Production"];
        Assert.Equal(args, LocalDefaults.WithDevelopmentByDefault(args));
    }

    [Fact]
    public void Without_any_environment_the_server_starts_in_development()
    {
        if (!string.IsNullOrEmpty(Environment.GetEnvironmentVariable("ASPNETCORE_ENVIRONMENT"))
            || !string.IsNullOrEmpty(Environment.GetEnvironmentVariable("DOTNET_ENVIRONMENT")))
        {
            // The process names an environment: then it must win, unchanged.
            Assert.Equal(["--urls", "x"], LocalDefaults.WithDevelopmentByDefault(["--urls", "x"]));
            return;
        }

        Assert.Equal(["--urls", "x", "--environment", "Development"], LocalDefaults.WithDevelopmentByDefault(["--urls", "x"]));
    }

    [Fact]
    public void An_explicit_address_is_kept_and_otherwise_the_bot_framework_port_is_used()
    {
        string[] withUrls = ["--urls", "http://127.0.0.1:5055"];
        Assert.Equal(withUrls, LocalDefaults.WithDefaultUrl(withUrls));

        if (new[] { "ASPNETCORE_URLS", "DOTNET_URLS", "URLS", "ASPNETCORE_HTTP_PORTS", "ASPNETCORE_HTTPS_PORTS" }
            .All(v => string.IsNullOrEmpty(Environment.GetEnvironmentVariable(v))))
        {
            Assert.Equal(["--urls", "http://localhost:3978"], LocalDefaults.WithDefaultUrl([]));
        }
    }

    [Fact]
    public void Configuration_files_are_read_once_unless_reload_is_asked_for()
    {
        var defaults = LocalDefaults.WithoutConfigurationReload(["--urls", "x"]);
        if (string.IsNullOrEmpty(Environment.GetEnvironmentVariable("DOTNET_hostBuilder__reloadConfigOnChange")))
        {
            Assert.Equal(["--urls", "x", "--hostBuilder:reloadConfigOnChange=false"], defaults);
        }

        string[] asked = ["--hostBuilder:reloadConfigOnChange=true"];
        Assert.Equal(asked, LocalDefaults.WithoutConfigurationReload(asked));

        // The argument reaches the host: no appsettings*.json source watches its folder.
        var builder = WebApplication.CreateBuilder(["--hostBuilder:reloadConfigOnChange=false"]);
        var json = ((IConfigurationBuilder)builder.Configuration).Sources.OfType<JsonConfigurationSource>().ToList();
        Assert.NotEmpty(json);
        Assert.All(json, s => Assert.False(s.ReloadOnChange));

        var reloading = WebApplication.CreateBuilder(asked);
        Assert.Contains(((IConfigurationBuilder)reloading.Configuration).Sources.OfType<JsonConfigurationSource>(), s => s.ReloadOnChange);
        ((IDisposable)reloading.Configuration).Dispose();
        ((IDisposable)builder.Configuration).Dispose();
    }
}
