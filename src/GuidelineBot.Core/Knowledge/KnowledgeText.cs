using System.Text;

namespace GuidelineBot.Core.Knowledge;

/// <summary>
/// How the bytes of a knowledge file become text. Organisations write their guidelines with whatever editor they have,
/// so besides UTF-8 (with or without a byte order mark) a file is read as UTF-16 or UTF-32 when its byte order mark
/// says so (Windows Notepad's "Unicode"), and as Windows-1252 when it is not UTF-8 and has no UTF-8 sequence in it at all
/// (Notepad's "ANSI", Word's "Plain Text" on a western Windows: curly quotes and dashes as single bytes). A file that is
/// UTF-8 but for a broken byte, or holds NUL bytes (a binary file, or UTF-16 without its mark), is not text.
/// </summary>
public static class KnowledgeText
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>
    /// Windows-1252 from the framework's code pages, asked of the provider itself (not registered globally) and only when a
    /// file needs it, so a start on UTF-8 files never loads the code pages. Its five unassigned bytes become the C1 controls
    /// of the same number, which the loader turns into spaces like any control.
    /// </summary>
    internal static Encoding Windows1252() => CodePagesEncodingProvider.Instance.GetEncoding(1252)
        ?? throw new InvalidOperationException("the framework's code pages have no Windows-1252");

    /// <summary>The text of <paramref name="bytes"/>, or why it is not text and on which line (1-based).</summary>
    public static bool TryDecode(ReadOnlySpan<byte> bytes, out string text, out int badLine, out string why)
    {
        badLine = 0;
        why = "";
        text = "";
        if (WideByteOrderMark(bytes) is var (encoding, name, length))
        {
            try
            {
                text = encoding.GetString(bytes[length..]);
                return true;
            }
            catch (DecoderFallbackException)
            {
                badLine = 1;
                why = $"the file is not {name} text, though it starts with {name}'s byte order mark";
                return false;
            }
        }

        var markedUtf8 = bytes is [0xEF, 0xBB, 0xBF, ..];
        var body = markedUtf8 ? bytes[3..] : bytes;
        if (body.IndexOf((byte)0) is var nul and >= 0)
        {
            badLine = LineOf(body, nul);
            why = "the file is not text (it has NUL bytes: a binary file, or UTF-16 without its byte order mark)";
            return false;
        }

        try
        {
            text = StrictUtf8.GetString(body);
            return true;
        }
        catch (DecoderFallbackException ex)
        {
            if (!markedUtf8 && !HasUtf8Sequence(body))
            {
                text = Windows1252().GetString(body);
                return true;
            }

            badLine = ex.Index < 0 ? 1 : LineOf(body, ex.Index);
            why = "the file is not UTF-8 text";
            return false;
        }
    }

    /// <summary>The UTF-16 or UTF-32 encoding a byte order mark names, its name and the mark's length; null for any other start.</summary>
    private static (Encoding Encoding, string Name, int Length)? WideByteOrderMark(ReadOnlySpan<byte> bytes) => bytes switch
    {
        [0xFF, 0xFE, 0x00, 0x00, ..] => (new UTF32Encoding(bigEndian: false, byteOrderMark: false, throwOnInvalidCharacters: true), "UTF-32", 4),
        [0x00, 0x00, 0xFE, 0xFF, ..] => (new UTF32Encoding(bigEndian: true, byteOrderMark: false, throwOnInvalidCharacters: true), "UTF-32", 4),
        [0xFF, 0xFE, ..] => (new UnicodeEncoding(bigEndian: false, byteOrderMark: false, throwOnInvalidBytes: true), "UTF-16", 2),
        [0xFE, 0xFF, ..] => (new UnicodeEncoding(bigEndian: true, byteOrderMark: false, throwOnInvalidBytes: true), "UTF-16", 2),
        _ => null,
    };

    /// <summary>
    /// Whether <paramref name="bytes"/> hold one well-formed UTF-8 sequence of two or more bytes: then a bad byte is damage
    /// to a UTF-8 file, not a single-byte encoding (whose text almost never forms one by chance).
    /// </summary>
    private static bool HasUtf8Sequence(ReadOnlySpan<byte> bytes)
    {
        for (var i = 0; i < bytes.Length; i++)
        {
            if (bytes[i] < 0xC2 || bytes[i] > 0xF4)
            {
                continue;
            }

            var length = bytes[i] switch { < 0xE0 => 2, < 0xF0 => 3, _ => 4 };
            if (i + length <= bytes.Length && System.Text.Unicode.Utf8.IsValid(bytes.Slice(i, length)))
            {
                return true;
            }
        }

        return false;
    }

    private static int LineOf(ReadOnlySpan<byte> bytes, int index) => 1 + bytes[..Math.Min(index, bytes.Length)].Count((byte)'\n');
}
