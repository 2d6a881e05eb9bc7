using System.Collections.Concurrent;
using GuidelineBot.Core.Background;
using GuidelineBot.Core.Telemetry;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Time.Testing;

namespace GuidelineBot.UnitTests.Background;

public sealed class WorkQueueTests
{
    private const int Capacity = 8;

    [Fact]
    public async Task A_full_queue_refuses_after_a_short_wait_instead_of_dropping_silently()
    {
        var time = new FakeTimeProvider();
        var queue = new WorkQueue<int>(Capacity, time);
        for (var i = 0; i < Capacity; i++)
        {
            Assert.True(await queue.TryEnqueueAsync(i, CancellationToken.None));
        }

        var pending = queue.TryEnqueueAsync(-1, CancellationToken.None);
        Assert.False(pending.IsCompleted);

        time.Advance(TimeSpan.FromSeconds(2));

        Assert.False(await pending.WaitAsync(TimeSpan.FromSeconds(10)));
        Assert.Equal(Capacity, queue.Count);
    }

    [Fact]
    public async Task A_waiting_item_gets_in_when_room_frees_up()
    {
        var queue = new WorkQueue<int>(Capacity, new FakeTimeProvider());
        for (var i = 0; i < Capacity; i++)
        {
            await queue.TryEnqueueAsync(i, CancellationToken.None);
        }

        var pending = queue.TryEnqueueAsync(-1, CancellationToken.None);
        Assert.True(queue.Reader.TryRead(out _));

        Assert.True(await pending.WaitAsync(TimeSpan.FromSeconds(10)));
    }

    [Fact]
    public async Task The_shared_worker_hands_each_item_to_the_channel_handler_survives_a_failure_and_drains_on_stop()
    {
        var done = new ConcurrentBag<int>();
        await using var services = new ServiceCollection()
            .AddMetrics()
            .AddLogging()
            .AddSingleton<GuidelineMetrics>()
            .AddSingleton(done)
            .AddWorkQueue<int, RecordingHandler>(new WorkQueueSettings<int>("test", Capacity, Consumers: 1))
            .BuildServiceProvider();
        var queue = services.GetRequiredService<WorkQueue<int>>();
        var worker = Assert.Single(services.GetServices<IHostedService>());

        // Queued before the worker starts, so stopping right away must still finish them.
        foreach (var item in new[] { 1, RecordingHandler.Failing, 2, 3 })
        {
            Assert.True(await queue.TryEnqueueAsync(item, CancellationToken.None));
        }

        await worker.StartAsync(CancellationToken.None);
        await worker.StopAsync(CancellationToken.None);

        Assert.Equal([1, 2, 3], done.Order());
        Assert.False(await queue.TryEnqueueAsync(4, CancellationToken.None));
    }

    private sealed class RecordingHandler(ConcurrentBag<int> done) : IWorkItemHandler<int>
    {
        public const int Failing = -7;

        public string Describe(int item) => "test item " + item;

        public async Task HandleAsync(int item, CancellationToken cancellationToken)
        {
            await Task.Yield();
            if (item == Failing)
            {
                throw new InvalidOperationException("this item fails");
            }

            done.Add(item);
        }
    }
}
