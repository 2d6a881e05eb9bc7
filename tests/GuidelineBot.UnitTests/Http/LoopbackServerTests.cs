using GuidelineBot.Http;

namespace GuidelineBot.UnitTests.Http;

public sealed class LoopbackServerTests
{
    [Theory]
    [InlineData("http://127.0.0.1:3978")]
    [InlineData("http://localhost:3978")]
    [InlineData("http://[::1]:3978")]
    [InlineData("http://127.0.0.1:3978", "https://localhost:3979")]
    public void Development_on_loopback_only_is_local(params string[] addresses) =>
        Assert.True(LoopbackServer.IsLocal(isDevelopment: true, addresses));

    [Theory]
    [InlineData("http://0.0.0.0:8080")]
    [InlineData("http://[::]:80")]
    [InlineData("http://+:80")]
    [InlineData("http://*:80")]
    [InlineData("http://bot.example.invalid:80")]
    [InlineData("http://127.0.0.1:3978", "http://0.0.0.0:3978")]
    public void One_address_beyond_loopback_is_not_local(params string[] addresses)
    {
        Assert.False(LoopbackServer.IsLocal(isDevelopment: true, addresses));
        Assert.Equal(addresses.Where(a => !a.StartsWith("http://127.", StringComparison.Ordinal)), ServerAddresses.Exposed(addresses));
    }

    [Fact]
    public void Outside_development_even_loopback_is_not_local() =>
        Assert.False(LoopbackServer.IsLocal(isDevelopment: false, ["http://127.0.0.1:3978"]));
}
