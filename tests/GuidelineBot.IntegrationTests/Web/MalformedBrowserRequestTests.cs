using System.Net;
using System.Net.Sockets;
using System.Text;
using GuidelineBot.Knowledge;
using GuidelineBot.Web.Admin;
using GuidelineBot.Web.Chat;
using Microsoft.Extensions.Logging;

namespace GuidelineBot.IntegrationTests.Web;

/// <summary>
/// Bad browser-side input on the real Kestrel socket (Development, loopback: the pages are open without sign-in): a 400,
/// never a 500 with an exception page, and nothing logged as an unhandled error.
/// </summary>
public sealed class MalformedBrowserRequestTests : IAsyncLifetime
{
    private readonly WebBotFactory _factory = new();
    private Uri _address = null!;

    public Task InitializeAsync()
    {
        _address = new Uri(_factory.Start());
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _factory.DisposeAsync();

    public static TheoryData<string> Posts() =>
    [
        ChatEndpoints.MessagesRoute, ChatEndpoints.ActionsRoute, ChatEndpoints.OpenedRoute, KnowledgeReloadEndpoint.Path,
        AdminEndpoints.Path + SuggestionReview.Route.Replace("{id}", "1", StringComparison.Ordinal),
    ];

    [Theory]
    [MemberData(nameof(Posts))]
    public async Task A_post_whose_form_cannot_be_read_is_refused_as_a_bad_request(string path)
    {
        // The antiforgery check reads the form: a cut-off multipart body made it throw, and the request a 500.
        using var client = new HttpClient { BaseAddress = _address };
        using var multipart = new ByteArrayContent("garbage"u8.ToArray());
        multipart.Headers.TryAddWithoutValidation("Content-Type", "multipart/form-data; boundary=x");
        using var cutOff = await client.PostAsync(path, multipart);
        // More fields than the form reader allows (1,024).
        using var fields = new StringContent(string.Join('&', Enumerable.Range(0, 1100).Select(i => $"k{i}=v")), Encoding.ASCII, "application/x-www-form-urlencoded");
        using var tooMany = await client.PostAsync(path, fields);

        foreach (var response in new[] { cutOff, tooMany })
        {
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.DoesNotContain("Exception", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        Assert.DoesNotContain(_factory.Logs.Entries, e => e.Level >= LogLevel.Error);
    }

    [Theory]
    [InlineData("GET / HTTP/1.0\r\n\r\n")]
    [InlineData("GET /admin HTTP/1.0\r\n\r\n")]
    [InlineData("GET / HTTP/1.1\r\nHost: \r\nConnection: close\r\n\r\n")]
    [InlineData("GET / HTTP/1.1\r\nHost: localhost:99999\r\nConnection: close\r\n\r\n")]
    [InlineData("GET /admin HTTP/1.1\r\nHost: 127.0.0.1:65536\r\nConnection: close\r\n\r\n")]
    public async Task A_page_request_without_a_valid_host_is_refused_as_a_bad_request(string request)
    {
        // The pages are rendered with absolute URLs built from the host: without one, or with a port out of range, rendering threw.
        using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        await socket.ConnectAsync(IPAddress.Loopback, _address.Port);
        await socket.SendAsync(Encoding.ASCII.GetBytes(request));
        var received = new StringBuilder();
        var buffer = new byte[4096];
        using var patience = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        int read;
        while ((read = await socket.ReceiveAsync(buffer, patience.Token)) > 0)
        {
            received.Append(Encoding.ASCII.GetString(buffer, 0, read));
        }

        Assert.StartsWith("HTTP/1.1 400 ", received.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", received.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain(_factory.Logs.Entries, e => e.Level >= LogLevel.Error);
    }

    [Fact]
    public async Task A_page_request_with_a_host_is_served()
    {
        using var client = new HttpClient { BaseAddress = _address };
        using var page = await client.GetAsync(ChatEndpoints.PageRoute);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
    }

    [Fact]
    public async Task A_page_request_with_a_garbled_form_token_cookie_gets_a_new_token_and_logs_no_error()
    {
        // Anyone can send such a cookie: ASP.NET Core logged each one as an error with a stack trace.
        using var client = new HttpClient(new HttpClientHandler { UseCookies = false }) { BaseAddress = _address };
        using var request = new HttpRequestMessage(HttpMethod.Get, ChatEndpoints.PageRoute);
        request.Headers.Add("Cookie", "guidelinebot.antiforgery=xx");

        using var page = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains(page.Headers.GetValues("Set-Cookie"), c => c.StartsWith("guidelinebot.antiforgery=", StringComparison.Ordinal));
        Assert.DoesNotContain(_factory.Logs.Entries, e => e.Level >= LogLevel.Error);
    }
}
