using GuidelineBot.Core.Background;
using GuidelineBot.Core.Logging;
using GuidelineBot.Core.Telemetry;
using GuidelineBot.Teams.Protocol;
using GuidelineBot.Teams.Turns;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace GuidelineBot.Teams.Endpoint;

/// <summary>Answers queued activities, a few at a time, each in its own DI scope; drained on shutdown (see <see cref="WorkQueueWorker{T}"/>).</summary>
internal sealed class TurnWorker(TurnQueue queue, IServiceScopeFactory scopes, GuidelineMetrics metrics, ILogger<TurnWorker> logger)
    : WorkQueueWorker<Activity>(queue, "teams", metrics, logger, Parallelism)
{
    private const int Parallelism = 4;

    protected override string Describe(Activity activity) => $"Teams {LogText.Clip(activity.Type)} activity {LogText.Clip(activity.Id)}";

    protected override async Task ProcessAsync(Activity activity, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<TurnDispatcher>().DispatchAsync(activity, cancellationToken);
    }
}
