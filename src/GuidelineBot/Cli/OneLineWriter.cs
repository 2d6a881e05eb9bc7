using System.Globalization;
using System.Text;

namespace GuidelineBot.Cli;

/// <summary>
/// The command line's error stream: each line written stays one line, its control characters shown escaped (a newline
/// as <c>\n</c>, an escape as <c>\u001B</c>), so an argument echoed in an error ("--app-id must be a GUID, not 'abc…'")
/// can neither split the error nor send the terminal escape sequences. Tabs pass.
/// </summary>
internal sealed class OneLineWriter(TextWriter inner) : TextWriter
{
    public override Encoding Encoding => inner.Encoding;

    public override IFormatProvider FormatProvider => inner.FormatProvider;

    public override void Write(char value) => inner.Write(value);

    public override void Write(string? value) => inner.Write(value);

    public override void WriteLine(string? value) => inner.WriteLine(Escaped(value));

    public override Task WriteLineAsync(string? value) => inner.WriteLineAsync(Escaped(value));

    public override void Flush() => inner.Flush();

    public override Task FlushAsync() => inner.FlushAsync();

    /// <summary><paramref name="line"/> with its control characters (but tabs) escaped.</summary>
    internal static string? Escaped(string? line)
    {
        if (line is null || !line.Any(c => char.IsControl(c) && c != '\t'))
        {
            return line;
        }

        var escaped = new StringBuilder(line.Length + 8);
        foreach (var c in line)
        {
            escaped.Append(c switch
            {
                '\n' => "\\n",
                '\r' => "\\r",
                '\t' => "\t",
                _ when char.IsControl(c) => string.Create(CultureInfo.InvariantCulture, $"\\u{(int)c:X4}"),
                _ => c.ToString(),
            });
        }

        return escaped.ToString();
    }
}
