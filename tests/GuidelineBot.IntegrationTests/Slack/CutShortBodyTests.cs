using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;
using GuidelineBot.Slack.Signing;
using GuidelineBot.Testing;
using Microsoft.Extensions.Logging;

namespace GuidelineBot.IntegrationTests.Slack;

/// <summary>
/// A client that stops sending before the declared <c>Content-Length</c> (it disconnected, or its proxy gave up) on the
/// real Kestrel socket: Kestrel throws when the body ends early, which must not become a 500 with an error and a stack
/// trace in the log. It is refused as malformed, not logged as a forged signature (Kestrel then closes the connection
/// without a response: the client has gone). A body that stalls (slower than Kestrel's minimum data rate) gets a 408, also
/// without an error in the log.
/// </summary>
public sealed class CutShortBodyTests : IAsyncLifetime
{
    private FakeSlackApi _api = null!;
    private SlackBotFactory _factory = null!;
    private Uri _address = null!;

    public async Task InitializeAsync()
    {
        _api = await FakeSlackApi.StartAsync();
        // Development, like a local run: its exception page, like the exception handler remote clients get, logs what
        // escapes the app as an error.
        _factory = new SlackBotFactory(_api, settings: new Dictionary<string, string?> { ["environment"] = "Development" });
        _factory.UseKestrel(options =>
        {
            options.Listen(IPAddress.Loopback, 0);
            // Kestrel's default rate (240 bytes/s) with a shorter grace than its 5 s, so a stalled body times out sooner.
            options.Limits.MinRequestBodyDataRate = new Microsoft.AspNetCore.Server.Kestrel.Core.MinDataRate(240, TimeSpan.FromSeconds(2));
        });
        _address = new Uri(_factory.StartKestrel());
    }

    public async Task DisposeAsync()
    {
        await _factory.DisposeAsync();
        await _api.DisposeAsync();
    }

    [Fact]
    public async Task A_slash_command_whose_body_ends_early_is_refused_as_malformed_without_a_server_error()
    {
        // A whole command first, so the slow first request is behind us and the cut one below is read while it waits.
        using (var client = new HttpClient { BaseAddress = _address })
        using (var whole = await client.SendAsync(SlackRequests.Signed("/slack/commands",
                   SlackRequests.Command("can I friend parents?", _api.ResponseUrl("whole")), SlackRequests.FormType, DateTimeOffset.UtcNow)))
        {
            Assert.Equal(HttpStatusCode.OK, whole.StatusCode);
        }

        var body = SlackRequests.Command("can I friend parents?", _api.ResponseUrl("cut"));
        var timestamp = DateTimeOffset.UtcNow.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var signature = SlackSignature.Compute(SlackBotFactory.SigningSecret, timestamp, Encoding.UTF8.GetBytes(body));
        var head = $"POST /slack/commands HTTP/1.1\r\nHost: {_address.Authority}\r\nContent-Type: {SlackRequests.FormType}\r\n" +
                   $"Content-Length: {body.Length}\r\n{SlackSignature.TimestampHeader}: {timestamp}\r\n{SlackSignature.SignatureHeader}: {signature}\r\n\r\n";

        using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        await socket.ConnectAsync(IPAddress.Loopback, _address.Port);
        await socket.SendAsync(Encoding.ASCII.GetBytes(head + body[..(body.Length / 2)]));
        await Task.Delay(TimeSpan.FromSeconds(1)); // the server is waiting for the rest of the body now
        socket.Shutdown(SocketShutdown.Send); // the rest never comes

        var response = await ReadToEndAsync(socket);

        await Eventually.WaitUntilAsync(
            () => _factory.Logs.Entries.Any(e => e.Level >= LogLevel.Error || e.Message.Contains("was cut short", StringComparison.Ordinal)),
            "the request was handled: " + string.Join(" | ", _factory.Logs.Entries.Where(e => e.Level >= LogLevel.Information).Select(e => $"{e.Level} {e.Category}: {e.Message} {e.Exception?.GetType().Name}")));
        Assert.DoesNotContain(" 500 ", response, StringComparison.Ordinal);
        Assert.DoesNotContain(_factory.Logs.Entries, e => e.Level >= LogLevel.Error);
        Assert.Contains(_factory.Logs.Entries, e => e.Level == LogLevel.Debug && e.Message.Contains("/slack/commands was cut short", StringComparison.Ordinal));
        Assert.DoesNotContain(_factory.Logs.Entries, e => e.Message.StartsWith("Rejected Slack request", StringComparison.Ordinal));
        Assert.Empty(_api.ResponseUrlPosts("cut"));
    }

    [Theory]
    [InlineData("/slack/commands")]
    [InlineData("/api/messages")]
    [InlineData(GuidelineBot.Web.Chat.ChatEndpoints.MessagesRoute)]
    public async Task A_body_that_stalls_gets_a_408_without_a_server_error(string path)
    {
        // A signed slash command; an activity for Teams' local mode (Development on loopback: no token needed); a web
        // chat message with the page's antiforgery cookie and token (web chat is open on loopback in Development).
        var slack = path.StartsWith("/slack/", StringComparison.Ordinal);
        var body = slack
            ? SlackRequests.Command("can I friend parents?", _api.ResponseUrl("slow"))
            : path == "/api/messages"
                ? """{"type":"message","id":"1","text":"can I friend parents?","serviceUrl":"http://127.0.0.1:9000","conversation":{"id":"c1"},"from":{"id":"u1"},"recipient":{"id":"b1"}}"""
                : """{"text":"can I friend parents?"}""";
        var timestamp = DateTimeOffset.UtcNow.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var headers = "Content-Type: application/json\r\n";
        if (slack)
        {
            headers = $"Content-Type: {SlackRequests.FormType}\r\n{SlackSignature.TimestampHeader}: {timestamp}\r\n" +
                      $"{SlackSignature.SignatureHeader}: {SlackSignature.Compute(SlackBotFactory.SigningSecret, timestamp, Encoding.UTF8.GetBytes(body))}\r\n";
        }
        else if (path != "/api/messages")
        {
            using var page = new Web.ChatClient(_address.ToString());
            await page.LoadPageAsync();
            headers += $"Cookie: {string.Join("; ", page.Cookies.Select(c => c.Key + "=" + c.Value))}\r\n" +
                       $"{GuidelineBot.Web.Chat.ChatEndpoints.TokenHeader}: {page.Token}\r\n";
        }

        var head = $"POST {path} HTTP/1.1\r\nHost: {_address.Authority}\r\nContent-Length: {body.Length}\r\n{headers}\r\n";

        using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        await socket.ConnectAsync(IPAddress.Loopback, _address.Port);
        await socket.SendAsync(Encoding.ASCII.GetBytes(head + body[..(body.Length / 2)]));
        // The rest never comes, and the connection stays open: Kestrel times the body out after its grace period.

        var response = await ReadToEndAsync(socket);

        Assert.StartsWith("HTTP/1.1 408 ", response, StringComparison.Ordinal);
        Assert.DoesNotContain(_factory.Logs.Entries, e => e.Level >= LogLevel.Error);
        if (slack)
        {
            Assert.Contains(_factory.Logs.Entries, e => e.Level == LogLevel.Debug && e.Message.Contains("/slack/commands was too slow", StringComparison.Ordinal));
            Assert.DoesNotContain(_factory.Logs.Entries, e => e.Message.StartsWith("Rejected Slack request", StringComparison.Ordinal));
            Assert.Empty(_api.ResponseUrlPosts("slow"));
        }
    }

    /// <summary>What the server sent until it closed the connection (Kestrel may reset a connection whose request it could not read to the end).</summary>
    private static async Task<string> ReadToEndAsync(Socket socket)
    {
        var response = new StringBuilder();
        var buffer = new byte[4096];
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        try
        {
            int read;
            while ((read = await socket.ReceiveAsync(buffer, SocketFlags.None, timeout.Token)) > 0)
            {
                response.Append(Encoding.ASCII.GetString(buffer, 0, read));
            }
        }
        catch (SocketException e) when (e.SocketErrorCode == SocketError.ConnectionReset)
        {
            // The connection ends either way.
        }

        return response.ToString();
    }
}
