using System.Text.Json;
using System.Text.Json.Serialization;
using GuidelineBot.Core.Knowledge;
using GuidelineBot.Http;
using GuidelineBot.Web.Admin;
using GuidelineBot.Web.SignIn;
using Microsoft.AspNetCore.Antiforgery;

namespace GuidelineBot.Knowledge;

/// <summary>
/// Live knowledge in the server: the folder watcher, and <c>POST /admin/reload</c> (admin policy) that reloads now. A
/// browser form post (the dashboard's button) must carry a valid antiforgery token and is sent back to the dashboard at its range, which confirms the reload (<see cref="AdminEndpoints.Back"/>);
/// an empty or JSON post (an operator's tool) gets the resulting <see cref="KnowledgeStatus"/> as JSON, unless a
/// browser sent it from another site's page (<see cref="CrossSiteRequest"/>).
/// </summary>
public static class KnowledgeReloadEndpoint
{
    public const string Path = "/admin/reload";

    /// <summary>The watcher that reloads on changes (the engine itself comes from <c>AddGuidelineEngine</c>).</summary>
    public static IServiceCollection AddLiveKnowledge(this IServiceCollection services)
    {
        services.AddSingleton<ServerKnowledgeStart>();
        services.AddHostedService<KnowledgeWatcher>();
        services.AddAntiforgery();
        return services;
    }

    public static IEndpointRouteBuilder MapKnowledgeReload(this IEndpointRouteBuilder app)
    {
        app.MapPost(Path, ReloadAsync).RequireAuthorization(WebAccess.AdminPolicy);
        return app;
    }

    private static async Task<IResult> ReloadAsync(HttpContext http, IKnowledgeStatus knowledge, IAntiforgery antiforgery, CancellationToken cancellationToken)
    {
        var request = http.Request;
        if (request.HasFormContentType)
        {
            if (await AdminEndpoints.RefuseForgedFormAsync(antiforgery, http) is { } refused)
            {
                return refused;
            }

            await knowledge.ReloadAsync(cancellationToken);
            return Results.Redirect(AdminEndpoints.Back(http, await request.ReadFormAsync(cancellationToken), AdminEndpoints.Reloaded));
        }

        if (request.ContentType is { } type && !type.StartsWith("application/json", StringComparison.OrdinalIgnoreCase))
        {
            return Results.Text("POST an empty body, JSON, or the dashboard's form.", statusCode: StatusCodes.Status415UnsupportedMediaType);
        }

        if (CrossSiteRequest.IsCrossSite(request))
        {
            return Results.Text("A reload from another site's page is refused: use the dashboard, or POST from a tool.", statusCode: StatusCodes.Status403Forbidden);
        }

        var status = await knowledge.ReloadAsync(cancellationToken);
        return Results.Json(status, KnowledgeJsonContext.Default.KnowledgeStatus);
    }
}

[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(KnowledgeStatus))]
internal sealed partial class KnowledgeJsonContext : JsonSerializerContext;
