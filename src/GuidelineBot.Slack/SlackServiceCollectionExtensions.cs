using GuidelineBot.Core.Background;
using GuidelineBot.Core.Conversation;
using GuidelineBot.Core.Experts;
using GuidelineBot.Core.Telemetry;
using GuidelineBot.Http;
using GuidelineBot.Slack.Api;
using GuidelineBot.Slack.Background;
using GuidelineBot.Slack.Commands;
using GuidelineBot.Slack.Conversation;
using GuidelineBot.Slack.Events;
using GuidelineBot.Slack.Experts;
using GuidelineBot.Slack.Interactions;
using GuidelineBot.Slack.Onboarding;
using GuidelineBot.Slack.Signing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace GuidelineBot.Slack;

public static class SlackServiceCollectionExtensions
{
    /// <summary>
    /// Registers the Slack channel (configuration section <c>Slack</c>): parsing and rendering around the conversation core
    /// (<c>AddConversation</c>, which needs the answer and onboarding engines and the store). The endpoints are mapped by <c>MapSlack</c>.
    /// </summary>
    public static IServiceCollection AddSlack(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<SlackOptions>()
            .Bind(configuration.GetSection(SlackOptions.SectionName))
            .Validate(o => SlackOptions.IsValidApiBaseUrl(o.ApiBaseUrl),
                "Slack:ApiBaseUrl must be an absolute http(s) URL such as https://slack.com/api/")
            .Validate(o => o.Command is ['/', _, ..] && !o.Command.Any(char.IsWhiteSpace),
                "Slack:Command must be a slash command such as /guidelines")
            .Validate(o => o.ResponseUrlHosts.All(ResponseUrlPolicy.IsValidEntry),
                "Slack:ResponseUrlHosts entries must be host or host:port (no scheme, path or user info), e.g. 127.0.0.1:5005")
            .ValidateOnStart();
        services.AddOptions<SlackOnboardingOptions>()
            .Bind(configuration.GetSection(SlackOnboardingOptions.SectionName))
            .Validate(o => SlackOnboardingOptions.IsValidChannel(o.SlackChannel),
                "Onboarding:SlackChannel must be a Slack channel id such as C0123456789 (not a #name), or empty")
            .ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);

        services.AddConversation();
        services.AddWorkQueue<SlackWork, SlackWorkHandler>(SlackWorkHandler.Settings);
        services.AddSingleton<SlackBotIdentity>();
        services.AddSingleton<SlashCommandReplies>();
        services.AddSingleton<SlackSignatureFilter>();

        services.AddSingleton<SlackEventDispatcher>();
        services.AddSingleton<SlackEventFilter>();
        services.AddSingleton<SlackConversation>();
        services.AddSingleton<SlackDirectMessages>();
        services.AddSingleton<ISlackEventHandler, AppMentionHandler>();
        services.AddSingleton<ISlackEventHandler, DirectMessageHandler>();
        services.AddSingleton<ISlackEventHandler, TeamJoinHandler>();
        services.AddSingleton<ISlackEventHandler, MemberJoinedChannelHandler>();
        services.AddSingleton<ISlackActionHandler, OnboardingActionHandler>();

        services.AddSingleton<ResponseUrlReplies>();
        services.AddSingleton<ISlackActionHandler, ShareHandler>();
        services.AddSingleton<ISlackActionHandler, FeedbackHandler>();
        services.AddSingleton<ISlackActionHandler, AskTopicHandler>();
        AddExperts(services, configuration);

        services.AddSingleton<SlackApiClient>();
        services.AddHttpClient(SlackApiClient.HttpClientName, (sp, http) =>
            {
                http.BaseAddress = sp.GetRequiredService<IOptions<SlackOptions>>().Value.ApiBaseUri;
                http.MaxResponseContentBufferSize = SlackApiClient.MaxResponseBytes;
            })
            .AddHttpMessageHandler(sp => new OutboundFailureHandler(sp.GetRequiredService<GuidelineMetrics>(), Channels.Slack))
            .AddPostSafeResilience();
        return services;
    }

    /// <summary>
    /// "Ask an expert" on Slack: its buttons and modals always (without an experts' channel the core answers that experts
    /// are unavailable); the experts' channel, answer delivery and thread replies only when Slack is on and
    /// <c>Experts:SlackChannel</c> is set — the core offers the button only when some experts' channel is registered.
    /// </summary>
    private static void AddExperts(IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<ExpertOptions>()
            .Validate(o => SlackOnboardingOptions.IsValidChannel(o.SlackChannel),
                "Experts:SlackChannel must be a Slack channel id such as C0123456789 (not a #name), or empty")
            .ValidateOnStart();
        services.AddSingleton<SlackPrivateReplies>();
        services.AddScoped<ISlackActionHandler, ExpertActionHandler>(); // scoped: its click budget counts from the request's arrival
        services.AddSingleton<ViewSubmissionHandler>();
        services.AddSingleton<FormSubmitHandler>();
        if (SlackExpertDelivery.IsNeeded(configuration))
        {
            services.AddSingleton<IExpertAnswerDelivery, SlackExpertDelivery>();
        }

        if (!SlackExpertChannel.IsConfigured(configuration))
        {
            return;
        }

        services.AddSingleton<SlackExpertMembers>();
        services.AddSingleton<IExpertChannel, SlackExpertChannel>();
        services.AddSingleton<ISlackEventHandler, ExpertReplyHandler>();
    }
}
