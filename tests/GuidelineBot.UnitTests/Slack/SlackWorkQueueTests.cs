using GuidelineBot.Slack.Api;
using GuidelineBot.Slack.Background;
using Microsoft.Extensions.Time.Testing;

namespace GuidelineBot.UnitTests.Slack;

public sealed class SlackWorkQueueTests
{
    private static ResponseUrlWork Work(int i) => new("http://127.0.0.1/r", new CommandResponse(CommandResponse.Ephemeral, "t"), "w" + i);

    [Fact]
    public async Task A_full_queue_refuses_after_a_short_wait_instead_of_dropping_silently()
    {
        var time = new FakeTimeProvider();
        var queue = new SlackWorkQueue(time);
        for (var i = 0; i < SlackWorkQueue.Capacity; i++)
        {
            Assert.True(await queue.TryEnqueueAsync(Work(i), CancellationToken.None));
        }

        var pending = queue.TryEnqueueAsync(Work(-1), CancellationToken.None);
        Assert.False(pending.IsCompleted);

        time.Advance(TimeSpan.FromSeconds(2));

        Assert.False(await pending.WaitAsync(TimeSpan.FromSeconds(10)));
        Assert.Equal(SlackWorkQueue.Capacity, queue.Count);
    }

    [Fact]
    public async Task A_waiting_item_gets_in_when_room_frees_up()
    {
        var queue = new SlackWorkQueue(new FakeTimeProvider());
        for (var i = 0; i < SlackWorkQueue.Capacity; i++)
        {
            await queue.TryEnqueueAsync(Work(i), CancellationToken.None);
        }

        var pending = queue.TryEnqueueAsync(Work(-1), CancellationToken.None);
        Assert.True(queue.Reader.TryRead(out _));

        Assert.True(await pending.WaitAsync(TimeSpan.FromSeconds(10)));
    }
}
