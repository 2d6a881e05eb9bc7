namespace GuidelineBot.Hosting;

/// <summary>Runs the server until it is stopped, and turns how it ended into the process's exit code.</summary>
public static class ServerRun
{
    /// <summary>
    /// Runs <paramref name="app"/> until it stops: 0 when it stopped as asked, 1 when it could not start (the store
    /// unreachable, the port taken, invalid options), as the host's "Hosting failed to start" line says, instead of an
    /// unhandled exception, its stack trace on stderr and an abort (exit code 134). A stop (SIGTERM) that arrives while
    /// the server is still starting, say a pod removed during a rollout, cancels the hosted service that is starting;
    /// the host logs that as a failed start too and throws the cancellation (dotnet/runtime#111013), but it is an
    /// ordinary stop: 0.
    /// </summary>
    public static async Task<int> RunUntilStoppedAsync(this WebApplication app)
    {
        // Taken before the run: the run disposes the host's services when it ends.
        var started = app.Lifetime.ApplicationStarted;
        var stopping = app.Lifetime.ApplicationStopping;
        try
        {
            await app.RunAsync();
        }
        catch (OperationCanceledException) when (!started.IsCancellationRequested && stopping.IsCancellationRequested)
        {
            // Stopped while starting.
        }
        catch (Exception) when (!started.IsCancellationRequested)
        {
            return 1;
        }

        return 0;
    }
}
