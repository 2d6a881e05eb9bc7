using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace GuidelineBot.Core.Background;

public static class WorkQueueServiceCollectionExtensions
{
    /// <summary>
    /// A channel's background work: the <see cref="WorkQueue{T}"/> its endpoints enqueue into (singleton), the
    /// <see cref="WorkQueueWorker{T}"/> that drains it (hosted service), and <typeparamref name="THandler"/>, a singleton
    /// built at the first item, that does each item.
    /// </summary>
    public static IServiceCollection AddWorkQueue<T, THandler>(this IServiceCollection services, WorkQueueSettings<T> settings)
        where THandler : class, IWorkItemHandler<T>
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton(settings);
        services.AddSingleton(sp => new WorkQueue<T>(settings.Capacity, sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton<IWorkItemHandler<T>, THandler>();
        services.AddHostedService<WorkQueueWorker<T>>();
        return services;
    }
}
