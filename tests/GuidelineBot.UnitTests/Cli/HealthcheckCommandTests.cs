using GuidelineBot.Cli;

namespace GuidelineBot.UnitTests.Cli;

/// <summary>The <c>healthcheck</c> sub-command finds the local server the way the container starts it.</summary>
public sealed class HealthcheckCommandTests
{
    [Theory]
    [InlineData("http://+:8080", null, "http://127.0.0.1:8080/")]
    [InlineData("http://0.0.0.0:5000;https://*:5001", null, "http://127.0.0.1:5000/")]
    [InlineData("http://[::]:7000/", null, "http://127.0.0.1:7000/")]
    [InlineData(null, "8080", "http://127.0.0.1:8080/")]
    [InlineData(null, "9090;9091", "http://127.0.0.1:9090/")]
    [InlineData(null, null, "http://127.0.0.1:3978/")]
    // Separators only name nothing (they were an IndexOutOfRangeException, exit 134): the next source decides.
    [InlineData(";", "8080", "http://127.0.0.1:8080/")]
    [InlineData(null, " , ", "http://127.0.0.1:3978/")]
    // Kestrel binds a name (localhost too) on every address, but an IP address only where it is: an IPv6-only server
    // was probed on 127.0.0.1, where nothing listens.
    [InlineData("http://localhost:5000", null, "http://127.0.0.1:5000/")]
    [InlineData("http://[::1]:7001/base", null, "http://[::1]:7001/")]
    [InlineData("https://127.0.0.2:7443", null, "https://127.0.0.2:7443/")]
    [InlineData("http://[::1]", null, "http://[::1]/")]
    public void The_default_address_comes_from_the_server_s_own_variables(string? urls, string? ports, string expected)
    {
        var environment = new Dictionary<string, string?> { ["ASPNETCORE_URLS"] = urls, ["ASPNETCORE_HTTP_PORTS"] = ports };
        Assert.Equal(expected, HealthcheckCommand.DefaultBaseUrl(name => environment.GetValueOrDefault(name)).Url);
    }

    // A variable that holds no address is named as the source of the fault (the error blamed --url, which was not
    // given), and an entry without a scheme, which Kestrel refuses too, is not quietly replaced by the default port.
    [Theory]
    [InlineData(null, "abc", "", "ASPNETCORE_HTTP_PORTS")]
    [InlineData(null, "70000", "", "ASPNETCORE_HTTP_PORTS")]
    [InlineData(null, "http://127.0.0.1:9/", "", "ASPNETCORE_HTTP_PORTS")]
    [InlineData("127.0.0.1:1", null, "127.0.0.1:1", "ASPNETCORE_URLS")]
    [InlineData(null, null, "http://127.0.0.1:3978/", "the default address")]
    public void The_default_address_says_which_variable_gave_it(string? urls, string? ports, string expected, string source)
    {
        var environment = new Dictionary<string, string?> { ["ASPNETCORE_URLS"] = urls, ["ASPNETCORE_HTTP_PORTS"] = ports };
        Assert.Equal((expected, source), HealthcheckCommand.DefaultBaseUrl(name => environment.GetValueOrDefault(name)));
    }

    [Fact]
    public async Task Nothing_listening_is_unhealthy_with_one_line()
    {
        var errors = new StringWriter();
        var exit = await CliApp.RunAsync(["healthcheck", "--url", "http://127.0.0.1:9/"], new StringWriter(), errors);
        Assert.Equal(1, exit);
        Assert.StartsWith("unhealthy: http://127.0.0.1:9/healthz", errors.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_non_http_address_is_an_argument_error()
    {
        var errors = new StringWriter();
        Assert.Equal(2, await CliApp.RunAsync(["healthcheck", "--url", "ftp://127.0.0.1/"], new StringWriter(), errors));
        Assert.Contains("--url must be an http(s) address", errors.ToString(), StringComparison.Ordinal);
    }
}
