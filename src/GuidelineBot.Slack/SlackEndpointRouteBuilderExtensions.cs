using GuidelineBot.Slack.Commands;
using GuidelineBot.Slack.Events;
using GuidelineBot.Slack.Interactions;
using GuidelineBot.Slack.Signing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace GuidelineBot.Slack;

public static class SlackEndpointRouteBuilderExtensions
{
    /// <summary>Every Slack endpoint is under this path.</summary>
    public const string PathPrefix = "/slack";

    /// <summary>
    /// A request to a Slack endpoint: it is authenticated by its signature (<see cref="SlackSignatureFilter"/>), never by
    /// the browser sign-in, and no Slack handler reads <see cref="HttpContext.User"/>.
    /// </summary>
    public static bool IsSlackRequest(HttpContext context) => context.Request.Path.StartsWithSegments(PathPrefix);

    /// <summary>
    /// <c>POST /slack/commands</c>, <c>/slack/events</c>, <c>/slack/interactions</c>, each behind the signature check.
    /// Without <c>Slack:SigningSecret</c> nothing is mapped (404) and one log line says Slack is off.
    /// </summary>
    public static IEndpointRouteBuilder MapSlack(this IEndpointRouteBuilder endpoints)
    {
        var options = endpoints.ServiceProvider.GetRequiredService<IOptions<SlackOptions>>().Value;
        var logger = endpoints.ServiceProvider.GetRequiredService<ILoggerFactory>().CreateLogger("GuidelineBot.Slack");
        if (!options.Enabled)
        {
            logger.LogInformation("Slack is off: Slack:SigningSecret is not set, so /slack/* answers 404.");
            return endpoints;
        }

        if (string.IsNullOrWhiteSpace(options.BotToken))
        {
            logger.LogWarning("Slack:BotToken is not set: the slash command works, but mentions and DMs cannot be answered.");
        }

        // One filter instance from the container (AddEndpointFilter<T> would compile a factory expression per start).
        var slack = endpoints.MapGroup(PathPrefix).AddEndpointFilter(endpoints.ServiceProvider.GetRequiredService<SlackSignatureFilter>());
        slack.MapPost("/commands", SlashCommandEndpoint.HandleAsync);
        slack.MapPost("/events", EventsEndpoint.HandleAsync);
        slack.MapPost("/interactions", InteractionsEndpoint.HandleAsync);
        return endpoints;
    }
}
