using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace GuidelineBot.IntegrationTests.Operations;

/// <summary>The endpoints' JSON options (EndpointJson): no reflection for what the generated request delegates ask at start.</summary>
public sealed class EndpointJsonTests
{
    [Fact]
    public async Task A_filtered_endpoints_object_result_is_described_by_a_source_generated_context_and_ProblemDetails_still_serialises()
    {
        await using var server = new GuidelineBotFactory();
        var options = server.Services.GetRequiredService<IOptions<JsonOptions>>().Value.SerializerOptions;

        Assert.IsAssignableFrom<JsonSerializerContext>(options.GetTypeInfo(typeof(object)).OriginatingResolver);
        Assert.Contains("\"status\":503", System.Text.Json.JsonSerializer.Serialize(new Microsoft.AspNetCore.Mvc.ProblemDetails { Status = 503 }, options), StringComparison.Ordinal);
    }
}
