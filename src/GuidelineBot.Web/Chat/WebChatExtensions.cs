using GuidelineBot.Web.SignIn;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace GuidelineBot.Web.Chat;

/// <summary>The web chat at <c>/</c>: <c>builder.AddWebChat()</c> and <c>app.MapWebChat()</c> (after <c>AddWebSignIn</c>).</summary>
public static class WebChatExtensions
{
    public static WebApplicationBuilder AddWebChat(this WebApplicationBuilder builder)
    {
        // The page's script and style sheet are this library's static web assets (_content/GuidelineBot.Web/…): from
        // the build output's manifest in every environment (the host reads it only in Development by itself), from
        // wwwroot once published. Served by UseStaticFiles, not MapStaticAssets, whose catch-all GET route would turn
        // every other route's 404 into 405.
        builder.WebHost.UseStaticWebAssets();
        var services = builder.Services;
        services.AddRazorComponents();
        services.AddAntiforgery(o =>
        {
            o.HeaderName = ChatEndpoints.TokenHeader;
            o.Cookie.Name = "guidelinebot.antiforgery";
            // Its SAMEORIGIN would contradict the pages' frame-ancestors 'none': PageHeaders sends DENY.
            o.SuppressXFrameOptionsHeader = true;
        });
        services.AddSingleton<ChatRateLimit>();
        services.AddSingleton<ChatConversation>();
        return builder;
    }

    /// <summary>
    /// The page at <c>/</c> and its posts (<c>/chat/messages</c>, <c>/chat/actions</c>, <c>/chat/opened</c>) behind <see cref="WebAccess.ChatPolicy"/>,
    /// unless <c>Web:Enabled</c> is false (404); the library's static files (<c>_content/GuidelineBot.Web/…</c>) either way.
    /// One log line once the server listens says who may use it, and why.
    /// </summary>
    public static WebApplication MapWebChat(this WebApplication app)
    {
        // This library's static assets (the chat's and the dashboard's) are served even with the chat off.
        app.UseStaticFiles();
        var log = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("GuidelineBot.Web");
        if (!app.Services.GetRequiredService<IOptions<WebOptions>>().Value.Enabled)
        {
            log.LogInformation("The web chat is off: Web:Enabled is false, so / answers 404.");
            return app;
        }

        var mode = app.Services.GetRequiredService<WebAccessMode>();
        app.Lifetime.ApplicationStarted.Register(() =>
            log.Log(mode.Kind == WebAccessKind.Off ? LogLevel.Warning : LogLevel.Information, "Web chat: {Why}", mode.Why));

        // HEAD as well: uptime monitors ask the page that way (the server sends the headers only).
        app.MapMethods(ChatEndpoints.PageRoute, [HttpMethods.Get, HttpMethods.Head], ChatEndpoints.Page).RequireAuthorization(WebAccess.ChatPolicy);
        var posts = app.MapGroup("").RequireAuthorization(WebAccess.ChatPolicy);
        // What the person says (typed or pressed) counts against Web:MessagesPerMinute; the page opening does not (a
        // reload is no message, and a page opened while the limit holds must still show an expert's answer).
        var said = posts.MapGroup("").AddEndpointFilter(ChatRateLimit.FilterAsync)
            .AddEndpointFilter(ChatEndpoints.ApologiseOnFailureAsync).AddEndpointFilter(ChatEndpoints.RequireAntiforgeryAsync);
        said.MapPost(ChatEndpoints.MessagesRoute, ChatEndpoints.MessageAsync);
        said.MapPost(ChatEndpoints.ActionsRoute, ChatEndpoints.ActionAsync);
        posts.MapPost(ChatEndpoints.OpenedRoute, ChatEndpoints.OpenedAsync)
            .AddEndpointFilter(ChatEndpoints.ApologiseOnFailureAsync).AddEndpointFilter(ChatEndpoints.RequireAntiforgeryAsync);
        return app;
    }
}
