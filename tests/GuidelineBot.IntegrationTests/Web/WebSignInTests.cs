using System.Net;
using System.Security.Claims;
using System.Security.Cryptography;
using System.Web;
using GuidelineBot.Hosting;
using GuidelineBot.Web.SignIn;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.IdentityModel.Tokens;

namespace GuidelineBot.IntegrationTests.Web;

/// <summary>
/// Sign-in through OpenID Connect against a fake provider on 127.0.0.1 (discovery + JWKS): an anonymous visitor is sent
/// to the provider, a signed id_token with the right nonce and state signs them in and shows the chat, a forged one
/// is refused; the admin policy needs the <c>Admin:Role</c> role.
/// </summary>
public sealed class WebSignInTests
{
    internal const string AdminRole = "GuidelineBot.Admin";

    internal static WebBotFactory SignInBot(FakeOpenIdProvider idp, string? clientSecret = null) => new("Production", new Dictionary<string, string?>
    {
        ["Search:Reranker"] = "None",
        ["Web:Authority"] = idp.Issuer,
        ["Web:ClientId"] = FakeOpenIdProvider.ClientId,
        ["Web:ClientSecret"] = clientSecret,
        ["Admin:Role"] = AdminRole,
    });

    [Fact]
    public async Task An_anonymous_visitor_is_redirected_to_the_provider_and_a_script_gets_401()
    {
        await using var idp = await FakeOpenIdProvider.StartAsync();
        await using var bot = SignInBot(idp);
        using var chat = new ChatClient(bot.Start());

        using var page = await chat.GetAsync("/");
        using var post = await chat.PostMessageAsync("can I friend parents?", withToken: false);

        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        var location = page.Headers.Location!;
        Assert.StartsWith(idp.AuthorizeEndpoint + "?", location.ToString(), StringComparison.Ordinal);
        var query = HttpUtility.ParseQueryString(location.Query);
        Assert.Equal(FakeOpenIdProvider.ClientId, query["client_id"]);
        Assert.EndsWith("/signin-oidc", query["redirect_uri"], StringComparison.Ordinal);
        Assert.False(string.IsNullOrEmpty(query["nonce"]));
        Assert.False(string.IsNullOrEmpty(query["state"]));
        Assert.Equal(HttpStatusCode.Unauthorized, post.StatusCode);
        Assert.True(bot.Logged("Web chat: Web pages require sign-in through OpenID Connect"));
    }

    [Fact]
    public async Task A_signed_id_token_with_the_right_nonce_and_state_signs_in_and_shows_the_chat()
    {
        await using var idp = await FakeOpenIdProvider.StartAsync();
        await using var bot = SignInBot(idp);
        using var chat = new ChatClient(bot.Start());

        using var callback = await SignInAsync(chat, (nonce, _) => idp.IdToken(nonce, "11111111-aaaa-4bbb-8ccc-000000000001", "Ada Teacher"));

        Assert.Equal(HttpStatusCode.Redirect, callback.StatusCode);
        Assert.Equal("/", callback.Headers.Location?.OriginalString);
        Assert.Contains("guidelinebot.signin", chat.Cookies.Keys);
        var html = await chat.LoadPageAsync();
        Assert.Contains("Ada Teacher", html, StringComparison.Ordinal);
        using var reply = await chat.PostMessageAsync("can I friend parents?");
        Assert.Contains("Employees should use extreme caution", (await ChatClient.ReadOkAsync(reply)).GetRawText(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_key_ring_is_read_when_the_first_cookie_needs_it_not_at_start()
    {
        await using var idp = await FakeOpenIdProvider.StartAsync();
        await using var bot = SignInBot(idp);
        using var chat = new ChatClient(bot.Start());

        Assert.DoesNotContain(bot.Services.GetServices<IHostedService>(), s => s.GetType().Assembly == DataProtectionStartup.DataProtectionAssembly);
        using var callback = await SignInAsync(chat, (nonce, _) => idp.IdToken(nonce, "11111111-aaaa-4bbb-8ccc-000000000002", "Ada Teacher"));
        Assert.Equal(HttpStatusCode.Redirect, callback.StatusCode);
        Assert.Contains("Ada Teacher", await chat.LoadPageAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task With_a_client_secret_the_code_is_redeemed_server_side_with_pkce_and_signs_in()
    {
        await using var idp = await FakeOpenIdProvider.StartAsync();
        await using var bot = SignInBot(idp, FakeOpenIdProvider.ClientSecret);
        using var chat = new ChatClient(bot.Start());
        using var unknownCodeChat = new ChatClient(chat.BaseUrl);

        using var challenge = await chat.GetAsync("/");
        var query = HttpUtility.ParseQueryString(challenge.Headers.Location!.Query);
        Assert.Equal("code", query["response_type"]);
        Assert.Equal("S256", query["code_challenge_method"]);
        idp.IssueCode("code-1", idp.IdToken(query["nonce"]!, "33333333-aaaa-4bbb-8ccc-000000000003", "Grace Counselor"));
        using var callback = await chat.SendAsync(new HttpRequestMessage(HttpMethod.Post, "/signin-oidc")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["code"] = "code-1", ["state"] = query["state"]! }),
        });
        using var unknownCode = await SignInWithCodeAsync(unknownCodeChat, "code-never-issued");

        Assert.Equal(HttpStatusCode.Redirect, callback.StatusCode);
        Assert.Equal(1, idp.CodesRedeemed);
        Assert.Contains("Grace Counselor", await chat.LoadPageAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Unauthorized, unknownCode.StatusCode);
        Assert.DoesNotContain("guidelinebot.signin", unknownCodeChat.Cookies.Keys);
    }

    [Fact]
    public async Task An_unsigned_id_token_from_the_token_endpoint_is_refused_even_with_the_admin_role()
    {
        // ASP.NET Core accepts an id_token redeemed for a code unsigned: whoever answered for the token endpoint was admin.
        await using var idp = await FakeOpenIdProvider.StartAsync();
        await using var bot = SignInBot(idp, FakeOpenIdProvider.ClientSecret);
        using var chat = new ChatClient(bot.Start());

        using var challenge = await chat.GetAsync("/admin");
        var query = HttpUtility.ParseQueryString(challenge.Headers.Location!.Query);
        idp.IssueCode("code-unsigned", idp.IdToken(query["nonce"]!, "44444444-aaaa-4bbb-8ccc-000000000004", "Mallory", [AdminRole], unsigned: true));
        using var callback = await chat.SendAsync(new HttpRequestMessage(HttpMethod.Post, "/signin-oidc")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["code"] = "code-unsigned", ["state"] = query["state"]! }),
        });

        Assert.Equal(1, idp.CodesRedeemed);
        Assert.Equal(HttpStatusCode.Unauthorized, callback.StatusCode);
        Assert.StartsWith("Sign-in did not complete. ", await callback.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.DoesNotContain("guidelinebot.signin", chat.Cookies.Keys);
        using var admin = await chat.GetAsync("/admin");
        Assert.Equal(HttpStatusCode.Redirect, admin.StatusCode);
    }

    [Fact]
    public async Task An_id_token_signed_with_another_key_or_for_another_nonce_is_refused()
    {
        await using var idp = await FakeOpenIdProvider.StartAsync();
        await using var bot = SignInBot(idp);
        var baseUrl = bot.Start();
        var stranger = new RsaSecurityKey(RSA.Create(2048)) { KeyId = idp.SigningKey.KeyId };
        using var forgedChat = new ChatClient(baseUrl);
        using var replayChat = new ChatClient(baseUrl);

        using var forged = await SignInAsync(forgedChat, (nonce, _) => idp.IdToken(nonce, "22222222-aaaa-4bbb-8ccc-000000000002", "Mallory", key: stranger));
        using var wrongNonce = await SignInAsync(replayChat, (_, _) => idp.IdToken("some-other-nonce", "22222222-aaaa-4bbb-8ccc-000000000002", "Mallory"));

        Assert.Equal(HttpStatusCode.Unauthorized, forged.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, wrongNonce.StatusCode);
        Assert.StartsWith("Sign-in did not complete. ", await forged.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Contains("sign in again", await wrongNonce.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.DoesNotContain("guidelinebot.signin", forgedChat.Cookies.Keys);
        Assert.DoesNotContain("guidelinebot.signin", replayChat.Cookies.Keys);
        using var page = await forgedChat.GetAsync("/");
        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
    }

    [Fact]
    public async Task The_dashboard_sends_a_visitor_to_sign_in_refuses_a_teacher_and_shows_an_admin_the_page_and_its_exports()
    {
        await using var idp = await FakeOpenIdProvider.StartAsync();
        await using var bot = SignInBot(idp);
        var baseUrl = bot.Start();
        using var visitor = new ChatClient(baseUrl);
        using var teacher = new ChatClient(baseUrl);
        using var admin = new ChatClient(baseUrl);

        using var anonymous = await visitor.GetAsync("/admin");
        using var signedInTeacher = await SignInAsync(teacher, (nonce, _) => idp.IdToken(nonce, "44444444-aaaa-4bbb-8ccc-000000000004", "Tom <i>Teacher</i>"));
        using var teacherPage = await teacher.SendAsync(BrowserGet("/admin"));
        using var teacherExport = await teacher.GetAsync("/admin/export/latest.csv");
        using var signedInAdmin = await SignInAsync(admin, (nonce, _) => idp.IdToken(nonce, "55555555-aaaa-4bbb-8ccc-000000000005", "Ann Admin", [AdminRole]));
        using var adminPage = await admin.GetAsync("/admin");
        using var adminExport = await admin.GetAsync("/admin/export/latest.csv");

        Assert.Equal(HttpStatusCode.Redirect, anonymous.StatusCode);
        Assert.StartsWith(idp.AuthorizeEndpoint + "?", anonymous.Headers.Location!.ToString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, signedInTeacher.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, teacherPage.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, teacherExport.StatusCode);
        // A person is told why, in a page; a script in a sentence.
        var refusal = await teacherPage.Content.ReadAsStringAsync();
        Assert.Equal("text/html", teacherPage.Content.Headers.ContentType?.MediaType);
        Assert.Contains("<h1>This page is for admins</h1>", refusal, StringComparison.Ordinal);
        Assert.Contains("signed in as Tom &lt;i&gt;Teacher&lt;/i&gt;", refusal, StringComparison.Ordinal);
        Assert.Contains("<a href=\"/\">", refusal, StringComparison.Ordinal);
        Assert.Equal("text/plain", teacherExport.Content.Headers.ContentType?.MediaType);
        Assert.Contains("admin role", await teacherExport.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, signedInAdmin.StatusCode);
        Assert.Equal(HttpStatusCode.OK, adminPage.StatusCode);
        Assert.Contains("<h1", await adminPage.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, adminExport.StatusCode);
        Assert.Equal("text/csv", adminExport.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task The_admin_policy_needs_the_admin_role_or_group_and_the_chat_policy_any_signed_in_user()
    {
        await using var idp = await FakeOpenIdProvider.StartAsync();
        await using var bot = SignInBot(idp);
        bot.Start();
        var authorization = bot.Services.GetRequiredService<IAuthorizationService>();
        var http = new DefaultHttpContext { RequestServices = bot.Services };
        http.Connection.RemoteIpAddress = IPAddress.Loopback;

        static ClaimsPrincipal User(params Claim[] claims) => new(new ClaimsIdentity(claims, "test", "name", "roles"));
        var teacher = User(new Claim("oid", "t1"), new Claim("name", "Teacher"));
        var roleAdmin = User(new Claim("oid", "a1"), new Claim("roles", AdminRole));
        var groupAdmin = User(new Claim("oid", "a2"), new Claim("groups", AdminRole));
        var anonymous = new ClaimsPrincipal(new ClaimsIdentity());

        Assert.True((await authorization.AuthorizeAsync(teacher, http, WebAccess.ChatPolicy)).Succeeded);
        Assert.False((await authorization.AuthorizeAsync(teacher, http, WebAccess.AdminPolicy)).Succeeded);
        Assert.True((await authorization.AuthorizeAsync(roleAdmin, http, WebAccess.AdminPolicy)).Succeeded);
        Assert.True((await authorization.AuthorizeAsync(groupAdmin, http, WebAccess.AdminPolicy)).Succeeded);
        Assert.False((await authorization.AuthorizeAsync(anonymous, http, WebAccess.ChatPolicy)).Succeeded);
        Assert.False((await authorization.AuthorizeAsync(anonymous, http, WebAccess.AdminPolicy)).Succeeded);
    }

    [Fact]
    public async Task Local_mode_opens_both_policies_to_a_loopback_client_without_sign_in()
    {
        await using var bot = new WebBotFactory(settings: new Dictionary<string, string?> { ["Search:Reranker"] = "None" });
        bot.Start();
        var authorization = bot.Services.GetRequiredService<IAuthorizationService>();
        var local = new DefaultHttpContext { RequestServices = bot.Services };
        local.Connection.RemoteIpAddress = IPAddress.Loopback;
        local.Request.Host = new HostString("localhost", 3978);
        var anonymous = new ClaimsPrincipal(new ClaimsIdentity());

        Assert.True((await authorization.AuthorizeAsync(anonymous, local, WebAccess.ChatPolicy)).Succeeded);
        Assert.True((await authorization.AuthorizeAsync(anonymous, local, WebAccess.AdminPolicy)).Succeeded);
    }

    [Fact]
    public async Task An_unreachable_provider_makes_sign_in_unavailable_not_a_server_error()
    {
        // The handler fetches the provider's metadata before it redirects: a closed loopback port here.
        await using var bot = new WebBotFactory("Production", new Dictionary<string, string?>
        {
            ["Search:Reranker"] = "None",
            ["Web:Authority"] = "http://127.0.0.1:9/tenant/v2.0",
            ["Web:ClientId"] = FakeOpenIdProvider.ClientId,
        });
        using var chat = new ChatClient(bot.Start());

        using var page = await chat.SendAsync(BrowserGet("/?q=1"));
        using var post = await chat.PostMessageAsync("can I friend parents?", withToken: false);

        foreach (var response in new[] { page, post })
        {
            Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
            Assert.Equal(TimeSpan.FromSeconds(30), response.Headers.RetryAfter?.Delta);
        }

        var html = await page.Content.ReadAsStringAsync();
        Assert.Contains("<h1>Sign-in is unavailable right now</h1>", html, StringComparison.Ordinal);
        Assert.Contains("try again in 30 seconds", html, StringComparison.Ordinal);
        Assert.Contains("<a href=\"/?q=1\">Try again</a>", html, StringComparison.Ordinal);
        Assert.StartsWith("Sign-in is unavailable right now. ", await post.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        Assert.True(bot.Logged("Sign-in is unavailable"));
    }

    [Theory]
    [InlineData("https://login.example.invalid/tenant/v2.0", "")]
    [InlineData("", FakeOpenIdProvider.ClientId)]
    [InlineData("http://login.example.invalid/tenant/v2.0", FakeOpenIdProvider.ClientId)]
    [InlineData("not a url", FakeOpenIdProvider.ClientId)]
    public void Incomplete_or_insecure_sign_in_settings_stop_the_start(string authority, string clientId)
    {
        using var bot = new WebBotFactory("Production", new Dictionary<string, string?>
        {
            ["Search:Reranker"] = "None",
            ["Web:Authority"] = authority,
            ["Web:ClientId"] = clientId,
        });

        Assert.ThrowsAny<Exception>(() => bot.Start());

        // Refused at the options' check, one critical line naming the setting (no stack trace).
        var failed = Assert.Single(bot.Logs.Entries, e => e.Message.StartsWith("Hosting failed to start: ", StringComparison.Ordinal));
        Assert.Equal(LogLevel.Critical, failed.Level);
        Assert.Contains("Web:", failed.Message, StringComparison.Ordinal);
        Assert.Null(failed.Exception);
    }

    private static async Task<HttpResponseMessage> SignInWithCodeAsync(ChatClient chat, string code)
    {
        using var challenge = await chat.GetAsync("/");
        var state = HttpUtility.ParseQueryString(challenge.Headers.Location!.Query)["state"]!;
        return await chat.SendAsync(new HttpRequestMessage(HttpMethod.Post, "/signin-oidc")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["code"] = code, ["state"] = state }),
        });
    }

    /// <summary>A GET as a browser's navigation sends it: HTML first.</summary>
    private static HttpRequestMessage BrowserGet(string path)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Accept.ParseAdd("text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8");
        return request;
    }

    /// <summary>GET / (redirect to the provider), then post the callback form as the provider's page would.</summary>
    internal static async Task<HttpResponseMessage> SignInAsync(ChatClient chat, Func<string, string, string> idToken)
    {
        using var challenge = await chat.GetAsync("/");
        Assert.Equal(HttpStatusCode.Redirect, challenge.StatusCode);
        var query = HttpUtility.ParseQueryString(challenge.Headers.Location!.Query);
        var state = query["state"]!;
        var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["id_token"] = idToken(query["nonce"]!, state),
            ["state"] = state,
        });
        return await chat.SendAsync(new HttpRequestMessage(HttpMethod.Post, "/signin-oidc") { Content = form });
    }
}
