using System.Diagnostics;
using GuidelineBot.Core.Telemetry;
using GuidelineBot.Teams.Turns;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace GuidelineBot.Teams.Endpoint;

/// <summary>Answers queued activities, a few at a time, each in its own DI scope.</summary>
internal sealed class TurnWorker(TurnQueue queue, IServiceScopeFactory scopes, GuidelineMetrics metrics) : BackgroundService
{
    private const int Parallelism = 4;

    protected override Task ExecuteAsync(CancellationToken stoppingToken)
    {
        metrics.ObserveQueue("teams", () => queue.Count);
        return Parallel.ForEachAsync(queue.ReadAllAsync(stoppingToken),
            new ParallelOptions { MaxDegreeOfParallelism = Parallelism, CancellationToken = stoppingToken },
            async (turn, ct) =>
            {
                using var span = GuidelineMetrics.Tracing.StartActivity("guidelinebot.teams.turn", ActivityKind.Consumer, turn.Trace);
                await using var scope = scopes.CreateAsyncScope();
                await scope.ServiceProvider.GetRequiredService<TurnDispatcher>().DispatchAsync(turn.Activity, ct);
            });
    }
}
