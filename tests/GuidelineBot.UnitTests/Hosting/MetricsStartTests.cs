using GuidelineBot.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Hosting.Internal;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace GuidelineBot.UnitTests.Hosting;

public sealed class MetricsStartTests
{
    [Fact]
    public async Task Collection_starts_StartDelay_after_the_host_reports_it_has_started()
    {
        var time = new FakeTimeProvider();
        var lifetime = new ApplicationLifetime(NullLogger<ApplicationLifetime>.Instance);
        using var metrics = new MetricsCollection(new ConfigurationBuilder().Build());
        using var start = new MetricsStart(metrics, lifetime, time);
        await start.StartAsync(CancellationToken.None);

        time.Advance(TimeSpan.FromSeconds(10)); // before the host has started: nothing
        await Task.Delay(50);
        Assert.False(metrics.Started);

        lifetime.NotifyStarted();
        time.Advance(MetricsCollection.StartDelay);
        await Task.WhenAny(start.ExecuteTask!).WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal(TaskStatus.RanToCompletion, start.ExecuteTask!.Status);
        Assert.True(metrics.Started);
    }

    [Fact]
    public async Task It_ends_quietly_when_its_host_is_disposed_before_it_started()
    {
        // A later hosted service failed to start: the host disposes the started ones without StopAsync. Ending by
        // throwing would be reported as a crashed background service.
        var lifetime = new WatchedLifetime();
        using var metrics = new MetricsCollection(new ConfigurationBuilder().Build());
        var start = new MetricsStart(metrics, lifetime, new FakeTimeProvider());
        await start.StartAsync(CancellationToken.None);
        await lifetime.StartedAsked.Task.WaitAsync(TimeSpan.FromSeconds(10));

        start.Dispose();

        await Task.WhenAny(start.ExecuteTask!).WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal(TaskStatus.RanToCompletion, start.ExecuteTask!.Status);
        Assert.False(metrics.Started);
    }

    /// <summary>A host that never reports it has started, and says when a service asked to hear about it.</summary>
    private sealed class WatchedLifetime : IHostApplicationLifetime
    {
        public TaskCompletionSource StartedAsked { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public CancellationToken ApplicationStarted
        {
            get
            {
                StartedAsked.TrySetResult();
                return CancellationToken.None;
            }
        }

        public CancellationToken ApplicationStopping => CancellationToken.None;

        public CancellationToken ApplicationStopped => CancellationToken.None;

        public void StopApplication()
        {
        }
    }
}
