using GuidelineBot.Core.Experts;
using GuidelineBot.Core.Storage;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace GuidelineBot.Hosting;

/// <summary>
/// Registers "Ask an expert" (the store comes from <c>AddGuidelineStore</c>; the experts' channels from <c>AddSlack</c>
/// and <c>AddTeams</c> when <c>Experts:SlackChannel</c> / <c>Experts:TeamsChannel</c> are set).
/// </summary>
public static class ExpertServiceCollectionExtensions
{
    public static IServiceCollection AddExperts(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<ExpertOptions>().Bind(configuration.GetSection(ExpertOptions.SectionName)).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<ExpertOptions>, ExpertOptionsValidator>());
        services.TryAddSingleton<ExpertOutboxSignal>();
        services.TryAddSingleton<IdGenerator>();
        services.TryAddSingleton<ExpertService>();
        services.AddHostedService<ExpertOutboxWorker>();
        return services;
    }
}
