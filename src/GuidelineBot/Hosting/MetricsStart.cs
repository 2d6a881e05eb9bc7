namespace GuidelineBot.Hosting;

/// <summary>Starts <see cref="MetricsCollection"/> <see cref="MetricsCollection.StartDelay"/> after the server is listening.</summary>
internal sealed class MetricsStart(MetricsCollection metrics, IHostApplicationLifetime lifetime, TimeProvider time) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // The moment is taken in the callback itself, while the host reports that it has started, however late this
        // method goes on from it.
        var started = new TaskCompletionSource<long>(TaskCreationOptions.RunContinuationsAsynchronously);
        using (lifetime.ApplicationStarted.Register(() => started.TrySetResult(time.GetTimestamp())))
        {
            try
            {
                var left = MetricsCollection.StartDelay - time.GetElapsedTime(await started.Task.WaitAsync(stoppingToken));
                if (left > TimeSpan.Zero)
                {
                    await Task.Delay(left, time, stoppingToken);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                // Stopped first; also when the host is disposed after a start that failed, which would otherwise
                // report this service as crashed.
                return;
            }
        }

        metrics.Start();
    }
}
