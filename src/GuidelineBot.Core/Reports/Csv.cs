using System.Globalization;
using System.Text;
using CsvHelper;

namespace GuidelineBot.Core.Reports;

/// <summary>
/// Reports as CSV (CsvHelper): RFC 4180 quoting, CRLF rows, and cells that a spreadsheet would run as a formula
/// (starting with = + - @, tab or CR) escaped with a leading apostrophe (and quoted).
/// </summary>
public static class Csv
{
    /// <summary>UTF-8 with a byte order mark, so spreadsheets read accents right.</summary>
    public static Encoding Encoding { get; } = new UTF8Encoding(encoderShouldEmitUTF8Identifier: true);

    private static readonly CsvWriterOptions Options = new() { Injection = CsvInjection.Escape };

    public static string Write(IReadOnlyList<string> header, IEnumerable<IReadOnlyList<string?>> rows)
    {
        ArgumentNullException.ThrowIfNull(header);
        ArgumentNullException.ThrowIfNull(rows);
        using var text = new StringWriter(CultureInfo.InvariantCulture);
        using (var csv = CsvWriter.Create(text, Options, leaveOpen: true))
        {
            csv.WriteRecord([.. header]);
            foreach (var row in rows)
            {
                csv.WriteRecord([.. row.Select(cell => cell ?? "")]);
            }
        }

        return text.ToString();
    }

    /// <summary><see cref="Write"/> as bytes in <see cref="Encoding"/> (with its byte order mark), for a download.</summary>
    public static byte[] WriteBytes(IReadOnlyList<string> header, IEnumerable<IReadOnlyList<string?>> rows) =>
        [.. Encoding.GetPreamble(), .. Encoding.GetBytes(Write(header, rows))];

    /// <summary>An instant as CSV writes it: ISO 8601 UTC to the second.</summary>
    public static string Time(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}
