namespace GuidelineBot.Hosting;

/// <summary>Starts <see cref="MetricsCollection"/> <see cref="MetricsCollection.StartDelay"/> after the server is listening.</summary>
internal sealed class MetricsStart(MetricsCollection metrics, IHostApplicationLifetime lifetime, TimeProvider time) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using (lifetime.ApplicationStarted.Register(() => started.TrySetResult()))
        {
            await started.Task.WaitAsync(stoppingToken);
        }

        await Task.Delay(MetricsCollection.StartDelay, time, stoppingToken);
        metrics.Start();
    }
}
