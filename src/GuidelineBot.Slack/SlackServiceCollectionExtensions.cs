using GuidelineBot.Slack.Api;
using GuidelineBot.Slack.Background;
using GuidelineBot.Slack.Commands;
using GuidelineBot.Slack.Events;
using GuidelineBot.Slack.Interactions;
using GuidelineBot.Slack.Rendering;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Options;
using Polly;

namespace GuidelineBot.Slack;

public static class SlackServiceCollectionExtensions
{
    /// <summary>
    /// Registers the Slack channel (configuration section <c>Slack</c>). Needs the answer engine and the store
    /// (<c>IFeedbackStore</c>, <c>IOnceStore</c>) registered too. The endpoints are mapped by <c>MapSlack</c>.
    /// </summary>
    public static IServiceCollection AddSlack(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<SlackOptions>()
            .Bind(configuration.GetSection(SlackOptions.SectionName))
            .Validate(o => SlackOptions.IsValidApiBaseUrl(o.ApiBaseUrl),
                "Slack:ApiBaseUrl must be an absolute http(s) URL such as https://slack.com/api/")
            .Validate(o => o.Command is ['/', _, ..] && !o.Command.Any(char.IsWhiteSpace),
                "Slack:Command must be a slash command such as /guidelines")
            .ValidateOnStart();
        services.AddOptions<SlackApiResilienceOptions>();
        services.TryAddSingleton(TimeProvider.System);

        services.AddSingleton<SlackReplyRenderer>();
        services.AddSingleton<SlackWorkQueue>();
        services.AddSingleton<SlackBotIdentity>();
        services.AddHostedService<SlackWorker>();

        services.AddScoped<SlackEventDispatcher>();
        services.AddScoped<SlackEventAnswerer>();
        services.AddScoped<ISlackEventHandler, AppMentionHandler>();
        services.AddScoped<ISlackEventHandler, DirectMessageHandler>();

        services.AddScoped<ResponseUrlReplies>();
        services.AddScoped<ISlackActionHandler, ShareHandler>();
        services.AddScoped<ISlackActionHandler, FeedbackHandler>();
        services.AddScoped<ISlackActionHandler, AskTopicHandler>();

        services.AddHttpClient<SlackApiClient>((sp, http) =>
            {
                http.BaseAddress = sp.GetRequiredService<IOptions<SlackOptions>>().Value.ApiBaseUri;
                http.Timeout = Timeout.InfiniteTimeSpan; // the resilience pipeline bounds each call
            })
            .AddResilienceHandler("slack-web-api", (pipeline, context) =>
            {
                var o = context.ServiceProvider.GetRequiredService<IOptions<SlackApiResilienceOptions>>().Value;
                pipeline.AddTimeout(o.TotalTimeout);
                pipeline.AddRetry(new HttpRetryStrategyOptions
                {
                    // Transient = 408, 429, 5xx, connection errors and attempt timeouts; a 429's Retry-After is honoured.
                    MaxRetryAttempts = o.MaxRetryAttempts,
                    BackoffType = DelayBackoffType.Exponential,
                    UseJitter = true,
                    Delay = o.BaseDelay,
                    ShouldRetryAfterHeader = true,
                });
                pipeline.AddTimeout(o.AttemptTimeout);
            });
        return services;
    }
}
