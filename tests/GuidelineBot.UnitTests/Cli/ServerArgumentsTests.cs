using GuidelineBot.Cli;

namespace GuidelineBot.UnitTests.Cli;

/// <summary><see cref="ServerArguments"/>: the server starts only with settings; anything else is a one-line error.</summary>
public sealed class ServerArgumentsTests
{
    [Theory]
    [InlineData]
    [InlineData("--urls", "http://127.0.0.1:5000")]
    [InlineData("--urls=http://127.0.0.1:5000", "--environment", "Production")]
    [InlineData("/urls", "http://127.0.0.1:5000")]
    [InlineData("/Knowledge:Path=/srv/knowledge")]
    [InlineData("Knowledge:Path=/srv/knowledge", "Search:Reranker=None")]
    [InlineData("--Knowledge:Path", "/srv/knowledge")]
    [InlineData("--Slack:SigningSecret", "-starts-with-one-dash")]
    [InlineData("--Answers:CacheSize=")]
    public void Settings_start_the_server(params string[] args) => Assert.Null(ServerArguments.Error(args));

    [Fact]
    public void Arguments_too_long_for_onnx_runtime_are_refused_by_their_bytes()
    {
        // 9,000 accented letters in a setting: 18,000 bytes, where ONNX Runtime ended the process (exit 134) as it started.
        var error = ServerArguments.Error(["--Answers:Contact=" + new string('é', 9_000)]);
        Assert.StartsWith("error: the arguments are 18,019 bytes long; at most 16,384", error, StringComparison.Ordinal);
        Assert.Null(ServerArguments.Error(["--Answers:Contact=" + new string('x', 9_000)]));
    }

    [Theory]
    [InlineData("'--bogus' has no value", "--bogus")]
    [InlineData("'/bogus' has no value", "/bogus")]
    [InlineData("'--bogus' has no value", "--bogus", "--urls=http://127.0.0.1:5000")]
    [InlineData("'--bogus' has no value", "--bogus", "--urls", "http://127.0.0.1:5000")]
    [InlineData("'--urls' has no value", "Knowledge:Path=/srv", "--urls")]
    [InlineData("unknown option '-x'", "-x", "1")]
    [InlineData("unknown option '-x=1'", "-x=1")]
    [InlineData("unexpected argument 'word'", "--urls=http://127.0.0.1:5000", "word")]
    [InlineData("unexpected argument '--'", "--")]
    [InlineData("'--=1' has no setting name before '='", "--=1")]
    [InlineData("'=1' has no setting name before '='", "=1")]
    public void Anything_else_is_a_one_line_error_naming_the_argument(string what, params string[] args)
    {
        var error = ServerArguments.Error(args);
        Assert.NotNull(error);
        Assert.StartsWith("error: " + what + ": the server takes only settings", error);
        Assert.DoesNotContain('\n', error);
    }
}
