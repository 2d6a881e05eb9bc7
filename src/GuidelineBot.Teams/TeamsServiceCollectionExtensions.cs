using GuidelineBot.Core.Background;
using GuidelineBot.Core.Conversation;
using GuidelineBot.Core.Experts;
using GuidelineBot.Core.Telemetry;
using GuidelineBot.Http;
using GuidelineBot.Teams.Auth;
using GuidelineBot.Teams.Configuration;
using GuidelineBot.Teams.Connector;
using GuidelineBot.Teams.Endpoint;
using GuidelineBot.Teams.Experts;
using GuidelineBot.Teams.Onboarding;
using GuidelineBot.Teams.Protocol;
using GuidelineBot.Teams.Turns;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace GuidelineBot.Teams;

/// <summary>Microsoft Teams (Bot Framework protocol): <c>builder.Services.AddTeams(builder.Configuration)</c> and <c>app.MapTeams()</c>.</summary>
public static class TeamsServiceCollectionExtensions
{
    /// <summary>
    /// Parsing and rendering around the conversation core (<c>AddConversation</c>, which needs the answer and onboarding
    /// engines and the store).
    /// </summary>
    public static IServiceCollection AddTeams(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<BotOptions>().Bind(configuration.GetSection(BotOptions.SectionName)).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<BotOptions>, BotOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);

        services.AddHttpClient(BotSigningKeys.HttpClientName).AddStandardResilienceHandler(BoundedRetries);
        services.AddHttpClient(BotTokenProvider.HttpClientName).AddStandardResilienceHandler(BoundedRetries);
        services.AddSingleton<ConnectorClient>();
        services.AddHttpClient(ConnectorClient.HttpClientName)
            .AddHttpMessageHandler(sp => new OutboundFailureHandler(sp.GetRequiredService<GuidelineMetrics>(), Channels.Teams))
            .AddPostSafeResilience();

        services.TryAddSingleton<LoopbackServer>();
        services.AddSingleton<TeamsAccess>();
        services.AddSingleton<BotSigningKeys>();
        services.AddSingleton<BotRequestAuthenticator>();
        services.AddSingleton<BotTokenProvider>();
        services.AddWorkQueue<Activity, TurnDispatcher>(TurnDispatcher.Settings);

        services.AddConversation();
        services.AddSingleton<TeamsConversation>();
        services.AddSingleton<ConversationUpdateHandler>();
        services.AddSingleton<InstallationUpdateHandler>();
        services.AddSingleton<PersonalChat>();
        AddExperts(services, configuration);
        return services;
    }

    /// <summary>
    /// <c>POST /api/messages</c>, unless Teams is off (no App ID outside Development: 404). One log line once the server
    /// listens says which mode runs, and why (see <see cref="TeamsAccess"/>).
    /// </summary>
    public static IEndpointRouteBuilder MapTeams(this IEndpointRouteBuilder endpoints)
    {
        var services = endpoints.ServiceProvider;
        var log = services.GetRequiredService<ILoggerFactory>().CreateLogger("GuidelineBot.Teams");
        var access = services.GetRequiredService<TeamsAccess>();
        if (!TeamsAccess.MayServe(services.GetRequiredService<IOptions<BotOptions>>().Value, services.GetRequiredService<IHostEnvironment>()))
        {
            log.LogInformation("{Why}", access.Why);
            return endpoints;
        }

        services.GetRequiredService<IHostApplicationLifetime>().ApplicationStarted.Register(() =>
            log.Log(access.Mode == TeamsMode.Authenticated ? LogLevel.Information : LogLevel.Warning, "{Why}", access.Why));
        endpoints.MapPost(MessagesEndpoint.Route, MessagesEndpoint.HandleAsync);
        return endpoints;
    }

    /// <summary>
    /// "Ask an expert" in Teams, only when Teams is on (an App ID: the Bot Connector takes proactive posts only from a
    /// registered bot): the experts' channel (<see cref="IExpertChannel"/>) when <c>Experts:TeamsChannel</c> is set, and the
    /// delivery of answers to Teams askers (<see cref="IExpertAnswerDelivery"/>) when either experts' channel is.
    /// </summary>
    private static void AddExperts(IServiceCollection services, IConfiguration configuration)
    {
        var section = configuration.GetSection(ExpertOptions.SectionName);
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<ExpertOptions>, TeamsExpertOptionsValidator>());
        if (string.IsNullOrWhiteSpace(configuration[$"{BotOptions.SectionName}:{nameof(BotOptions.MicrosoftAppId)}"]))
        {
            return;
        }

        // Answers reach Teams askers whichever experts' channel (Slack's or Teams') answered them.
        if (!string.IsNullOrWhiteSpace(section[nameof(ExpertOptions.TeamsChannel)]) || !string.IsNullOrWhiteSpace(section[nameof(ExpertOptions.SlackChannel)]))
        {
            services.AddSingleton<IExpertAnswerDelivery, TeamsExpertAnswerDelivery>();
        }

        if (string.IsNullOrWhiteSpace(section[nameof(ExpertOptions.TeamsChannel)]))
        {
            return;
        }

        services.AddSingleton<ExpertsTeamServiceUrl>();
        services.AddSingleton<TeamsExpertChannel>();
        services.AddSingleton<IExpertChannel>(sp => sp.GetRequiredService<TeamsExpertChannel>());
    }

    /// <summary>Token and OpenID metadata requests (safe to repeat): 429 and 5xx are retried a few times, honouring Retry-After.</summary>
    private static void BoundedRetries(HttpStandardResilienceOptions options)
    {
        options.Retry.MaxRetryAttempts = 3;
        options.Retry.Delay = TimeSpan.FromMilliseconds(500);
    }
}
