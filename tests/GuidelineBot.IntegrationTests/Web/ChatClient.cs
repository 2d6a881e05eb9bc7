using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace GuidelineBot.IntegrationTests.Web;

/// <summary>
/// The web chat as its page's script uses it, over real HTTP: loads the page (cookies + antiforgery token from the
/// meta tag), then posts JSON. Cookies are kept by hand, Secure ones too (the sign-in cookies over http on loopback).
/// </summary>
public sealed partial class ChatClient(string baseUrl) : IDisposable
{
    private readonly HttpClient _http = new(new HttpClientHandler { UseCookies = false, AllowAutoRedirect = false })
    {
        BaseAddress = new Uri(baseUrl),
        Timeout = TimeSpan.FromSeconds(60),
    };

    public string BaseUrl => baseUrl;

    public Dictionary<string, string> Cookies { get; } = new(StringComparer.Ordinal);

    /// <summary>The antiforgery request token of the last page load.</summary>
    public string? Token { get; private set; }

    public async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request)
    {
        if (Cookies.Count > 0)
        {
            request.Headers.Add("Cookie", string.Join("; ", Cookies.Select(c => c.Key + "=" + c.Value)));
        }

        var response = await _http.SendAsync(request);
        if (response.Headers.TryGetValues("Set-Cookie", out var setCookies))
        {
            foreach (var header in setCookies)
            {
                var pair = header.Split(';', 2)[0];
                var eq = pair.IndexOf('=', StringComparison.Ordinal);
                var (name, value) = (pair[..eq].Trim(), pair[(eq + 1)..].Trim());
                if (value.Length == 0 || header.Contains("expires=Thu, 01 Jan 1970", StringComparison.OrdinalIgnoreCase))
                {
                    Cookies.Remove(name);
                }
                else
                {
                    Cookies[name] = value;
                }
            }
        }

        return response;
    }

    /// <summary>Takes over <paramref name="other"/>'s cookies and token: the same browser, its next request sent to another server.</summary>
    public void ContinueFrom(ChatClient other)
    {
        foreach (var (name, value) in other.Cookies)
        {
            Cookies[name] = value;
        }

        Token = other.Token;
    }

    public Task<HttpResponseMessage> GetAsync(string path) => SendAsync(new HttpRequestMessage(HttpMethod.Get, path));

    /// <summary>GET / and keep its token; returns the page's HTML.</summary>
    public async Task<string> LoadPageAsync()
    {
        using var response = await GetAsync("/");
        var html = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET / answered {(int)response.StatusCode}: {html}");
        Token = TokenRegex().Match(html) is { Success: true } m ? WebUtility.HtmlDecode(m.Groups[1].Value) : null;
        Assert.False(string.IsNullOrEmpty(Token), "the page carries an antiforgery token");
        return html;
    }

    public Task<HttpResponseMessage> PostMessageAsync(string? text, bool withToken = true) =>
        PostJsonAsync("/chat/messages", JsonSerializer.Serialize(new { text }), withToken);

    /// <param name="inputs">A form's field values, for its submit button.</param>
    public Task<HttpResponseMessage> PostActionAsync(string kind, string value, bool withToken = true, IReadOnlyDictionary<string, string>? inputs = null) =>
        PostJsonAsync("/chat/actions", JsonSerializer.Serialize(new { kind, value, inputs }), withToken);

    /// <summary>What the page posts once when it opens: the messages waiting for this person.</summary>
    public Task<HttpResponseMessage> PostOpenedAsync(bool withToken = true) => PostJsonAsync("/chat/opened", "{}", withToken);

    public Task<HttpResponseMessage> PostJsonAsync(string path, string json, bool withToken = true, string contentType = "application/json")
    {
        var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new StringContent(json, Encoding.UTF8, contentType) };
        request.Headers.Accept.ParseAdd("application/json");
        if (withToken && Token is not null)
        {
            request.Headers.Add("RequestVerificationToken", Token);
        }

        return SendAsync(request);
    }

    /// <summary>The JSON of a 200 reply (fails the test otherwise).</summary>
    public static async Task<JsonElement> ReadOkAsync(HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{(int)response.StatusCode}: {body}");
        return JsonDocument.Parse(body).RootElement.Clone();
    }

    public static Task<JsonElement> ReadJsonAsync(HttpResponseMessage response) => response.Content.ReadFromJsonAsync<JsonElement>();

    public void Dispose() => _http.Dispose();

    [GeneratedRegex("<meta name=\"request-verification-token\" content=\"([^\"]+)\"")]
    private static partial Regex TokenRegex();
}
