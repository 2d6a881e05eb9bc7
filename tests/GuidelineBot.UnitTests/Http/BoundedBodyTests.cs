using System.Text;
using GuidelineBot.Http;
using Microsoft.AspNetCore.Connections;
using Microsoft.AspNetCore.Http;

namespace GuidelineBot.UnitTests.Http;

public sealed class BoundedBodyTests
{
    private static readonly byte[] Payload = Encoding.ASCII.GetBytes("token=x&text=can+I+friend+parents%3F");

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task A_whole_body_is_read(bool declared)
    {
        var read = await BoundedBody.ReadAsync(new MemoryStream(Payload), declared ? Payload.Length : null, 1024, CancellationToken.None);

        Assert.Equal(BodyReadProblem.None, read.Problem);
        Assert.Equal(Payload, read.Bytes);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task A_body_over_the_limit_is_too_large(bool declared)
    {
        var read = await BoundedBody.ReadAsync(new MemoryStream(Payload), declared ? Payload.Length : null, Payload.Length - 1, CancellationToken.None);

        Assert.Equal(BodyReadProblem.TooLarge, read.Problem);
        Assert.Null(read.Bytes);
    }

    [Fact]
    public async Task A_body_that_ends_before_its_declared_length_is_cut_short()
    {
        var read = await BoundedBody.ReadAsync(new MemoryStream(Payload), Payload.Length + 10, 1024, CancellationToken.None);

        Assert.Equal(BodyReadProblem.CutShort, read.Problem);
        Assert.Null(read.Bytes);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task A_body_the_server_reports_as_ended_early_is_cut_short(bool declared)
    {
        var stream = new BreakingStream(Payload, new BadHttpRequestException("Unexpected end of request content.", StatusCodes.Status400BadRequest));

        var read = await BoundedBody.ReadAsync(stream, declared ? Payload.Length * 2 : null, 1024, CancellationToken.None);

        Assert.Equal(BodyReadProblem.CutShort, read.Problem);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task A_body_whose_request_is_aborted_while_reading_is_cut_short(bool declared)
    {
        using var aborted = new CancellationTokenSource();
        await aborted.CancelAsync();
        var stream = new BreakingStream(Payload, new OperationCanceledException(aborted.Token));

        var read = await BoundedBody.ReadAsync(stream, declared ? Payload.Length * 2 : null, 1024, aborted.Token);

        Assert.Equal(BodyReadProblem.CutShort, read.Problem);
    }

    public static TheoryData<Exception> ConnectionGone => new()
    {
        new ConnectionAbortedException("The connection was aborted by the application."),
        new TaskCanceledException("The request was aborted", new ConnectionAbortedException()),
        new ConnectionResetException("An existing connection was forcibly closed by the remote host."),
    };

    [Theory]
    [MemberData(nameof(ConnectionGone))]
    public async Task A_body_whose_connection_goes_away_before_the_token_says_so_is_cut_short(Exception gone)
    {
        var read = await BoundedBody.ReadAsync(new BreakingStream(Payload, gone), Payload.Length * 2, 1024, CancellationToken.None);

        Assert.Equal(BodyReadProblem.CutShort, read.Problem);
    }

    [Fact]
    public async Task A_cancellation_that_is_not_the_requests_is_not_swallowed()
    {
        var stream = new BreakingStream(Payload, new OperationCanceledException());

        await Assert.ThrowsAsync<OperationCanceledException>(() => BoundedBody.ReadAsync(stream, Payload.Length * 2, 1024, CancellationToken.None));
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task A_body_the_server_times_out_as_too_slow_is_too_slow(bool declared)
    {
        var stream = new BreakingStream(Payload, new BadHttpRequestException("Reading the request body timed out due to data arriving too slowly.", StatusCodes.Status408RequestTimeout));

        var read = await BoundedBody.ReadAsync(stream, declared ? Payload.Length * 2 : null, 1024, CancellationToken.None);

        Assert.Equal(BodyReadProblem.TooSlow, read.Problem);
        Assert.Null(read.Bytes);
    }

    [Fact]
    public async Task The_servers_other_refusals_stay_its_own()
    {
        var stream = new BreakingStream(Payload, new BadHttpRequestException("Request body too large.", StatusCodes.Status413PayloadTooLarge));

        var e = await Assert.ThrowsAsync<BadHttpRequestException>(() => BoundedBody.ReadAsync(stream, null, 1024, CancellationToken.None));

        Assert.Equal(StatusCodes.Status413PayloadTooLarge, e.StatusCode);
    }

    /// <summary>Gives <paramref name="first"/>, then throws <paramref name="error"/> (as Kestrel's body stream does when the client stops).</summary>
    private sealed class BreakingStream(byte[] first, Exception error) : Stream
    {
        private bool _gave;

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            if (_gave)
            {
                throw error;
            }

            _gave = true;
            first.CopyTo(buffer);
            return ValueTask.FromResult(first.Length);
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
