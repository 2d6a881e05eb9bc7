namespace GuidelineBot.Hosting;

/// <summary>Runs the server until it is stopped.</summary>
public static class ServerRun
{
    /// <summary>
    /// Runs <paramref name="app"/> until it stops; 0 when it stopped as asked. A stop (SIGTERM) that arrives while the
    /// server is still starting (say, a pod removed during a rollout) cancels the hosted service that is starting, and
    /// the host then logs "Hosting failed to start" and throws the cancellation (dotnet/runtime#111013): that is still an
    /// ordinary stop, not a crash with an unhandled exception and exit code 134.
    /// </summary>
    public static async Task<int> RunUntilStoppedAsync(this WebApplication app)
    {
        // Taken before the run: the run disposes the host's services when it ends.
        var stopping = app.Lifetime.ApplicationStopping;
        try
        {
            await app.RunAsync();
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
            // Stopped while starting: the host has logged it.
        }

        return 0;
    }
}
