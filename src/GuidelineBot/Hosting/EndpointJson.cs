using System.Text.Json.Serialization;

namespace GuidelineBot.Hosting;

/// <summary>
/// The endpoints' JSON options without reflection at start. The generated request delegate of an endpoint with filters
/// (Slack's signature check, the web chat's antiforgery check) asks these options for the metadata of
/// <see cref="object"/> when it is built; answered by reflection, that set up System.Text.Json's reflection resolver
/// and its converters for every primitive type during every start (≈65 methods JIT-compiled before the first answer).
/// Our endpoints write their JSON with their own source-generated contexts; a type no context knows (ASP.NET Core's
/// ProblemDetails) still falls back to the default resolver when it is first written.
/// </summary>
public static class EndpointJson
{
    public static IServiceCollection AddEndpointJson(this IServiceCollection services) =>
        services.ConfigureHttpJsonOptions(o => o.SerializerOptions.TypeInfoResolverChain.Insert(0, EndpointJsonContext.Default));
}

/// <summary>What the generated request delegates ask for: <see cref="object"/>, the result of an endpoint filter.</summary>
[JsonSerializable(typeof(object))]
internal sealed partial class EndpointJsonContext : JsonSerializerContext;
