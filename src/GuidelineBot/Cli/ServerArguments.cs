using System.Globalization;
using System.Text;

namespace GuidelineBot.Cli;

/// <summary>
/// The server's arguments, checked before it starts: only configuration, as .NET's command-line configuration reads it
/// (<c>--Key=Value</c>, <c>--Key Value</c>, <c>/Key=Value</c>, <c>/Key Value</c>, <c>Key=Value</c>). That reader skips
/// what it cannot read without a word, and a switch with no value of its own takes the next switch as its value, so a
/// mistyped <c>--bogus</c> would silently start the server with the default environment (Production) instead of
/// Development: the server refuses to start instead.
/// </summary>
internal static class ServerArguments
{
    /// <summary>The one-line error for the first argument that is not configuration; null when all of them are.</summary>
    public static string? Error(IReadOnlyList<string> args)
    {
        // ONNX Runtime ends the process on a long command line (AskCommand.MaxArgumentBytes); no setting needs one.
        if (args.Sum(a => Encoding.UTF8.GetByteCount(a) + 1) is var bytes && bytes > AskCommand.MaxArgumentBytes)
        {
            return string.Create(CultureInfo.InvariantCulture,
                $"error: the arguments are {bytes:N0} bytes long; at most {AskCommand.MaxArgumentBytes:N0} (give a long setting as an environment variable or in appsettings.json)");
        }

        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            var prefix = arg.StartsWith("--", StringComparison.Ordinal) ? 2 : arg.StartsWith('/') ? 1 : 0;
            var separator = arg.IndexOf('=', StringComparison.Ordinal);
            if (prefix == 0 && arg.StartsWith('-'))
            {
                return Refused($"unknown option '{arg}'");
            }

            if (separator >= 0)
            {
                if (separator == prefix)
                {
                    return Refused($"'{arg}' has no setting name before '='");
                }

                continue;
            }

            if (prefix == 0 || arg.Length == prefix)
            {
                return Refused($"unexpected argument '{arg}'");
            }

            if (i + 1 == args.Count || args[i + 1].StartsWith("--", StringComparison.Ordinal))
            {
                return Refused($"'{arg}' has no value");
            }

            i++;
        }

        return null;
    }

    private static string Refused(string what) =>
        $"error: {what}: the server takes only settings (--Key=Value or --Key Value, e.g. --urls http://127.0.0.1:3978); a command comes first (see --help)";
}
