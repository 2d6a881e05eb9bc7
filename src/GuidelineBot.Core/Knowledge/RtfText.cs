using System.Collections.Frozen;
using System.Globalization;
using System.Text;

namespace GuidelineBot.Core.Knowledge;

/// <summary>
/// A Rich Text document saved under a text file's name (WordPad's and Word's "Rich Text Format", renamed ".txt"): its
/// text, each character on the line of the source it was written on, so every line keeps its number. Control words go;
/// "\par" and "\line" end a paragraph; "\'92" and "\u8217?" are their characters; the font, colour and style tables, the
/// document's information, pictures and other destinations are no text; a list item's number or bullet ("{\pntext …}")
/// is written as a bullet.
/// </summary>
internal static class RtfText
{
    /// <summary>Destinations whose content is never text.</summary>
    private static readonly FrozenSet<string> Hidden = new[]
    {
        "fonttbl", "colortbl", "stylesheet", "info", "pict", "object", "header", "headerl", "headerr", "headerf", "footer", "footerl",
        "footerr", "footerf", "generator", "listtable", "listoverridetable", "rsidtbl", "xmlnstbl", "themedata", "colorschememapping",
        "latentstyles", "datastore", "mmathPr", "pgdsctbl", "filetbl", "revtbl", "fldinst", "bkmkstart", "bkmkend", "nonshppict",
    }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>A Rich Text document: it opens with "{\rtf".</summary>
    public static bool IsRtf(string content) => content.AsSpan().TrimStart().StartsWith(@"{\rtf", StringComparison.Ordinal);

    /// <summary>The document's text, line for line with its source.</summary>
    public static string ToText(string content)
    {
        var windows1252 = KnowledgeText.Windows1252();
        var lines = new List<StringBuilder> { new() };
        var skip = new Stack<bool>();
        var hidden = false;
        var unicodeSkip = 1;
        var pendingSkip = 0;
        for (var i = 0; i < content.Length; i++)
        {
            var c = content[i];
            switch (c)
            {
                case '\n':
                    lines.Add(new StringBuilder());
                    continue;
                case '\r':
                    // A line ends at "\r\n" (at its "\n"), or at a "\r" alone, as the document's lines are counted.
                    if (i + 1 >= content.Length || content[i + 1] != '\n')
                    {
                        lines.Add(new StringBuilder());
                    }

                    continue;
                case '{':
                    skip.Push(hidden);
                    continue;
                case '}':
                    hidden = skip.Count > 0 && skip.Pop();
                    continue;
                case '\\':
                    i = Control(content, i, out var word, out var parameter, out var symbol);
                    if (pendingSkip > 0 && (word is null || symbol is not null))
                    {
                        // The plain stand-in after "\u8217" ("?" or "\'92") for readers without Unicode.
                        pendingSkip--;
                        continue;
                    }

                    if (word is "*" || word is not null && Hidden.Contains(word))
                    {
                        hidden = true;
                    }
                    else if (word == "pntext" && !hidden)
                    {
                        // A list item's bullet or number, as the editor drew it: a bullet, and nothing else of the group.
                        lines[^1].Append("- ");
                        hidden = true;
                    }
                    else if (word == "uc")
                    {
                        unicodeSkip = parameter ?? 1;
                    }
                    else if (!hidden && Text(word, parameter, symbol, windows1252) is { } text)
                    {
                        lines[^1].Append(text);
                        pendingSkip = word == "u" ? unicodeSkip : 0;
                    }

                    continue;
            }

            if (pendingSkip > 0)
            {
                pendingSkip--;
            }
            else if (!hidden)
            {
                lines[^1].Append(c);
            }
        }

        return string.Join('\n', lines.Select(l => l.ToString().TrimEnd()));
    }

    /// <summary>
    /// Reads the control at <paramref name="at"/> (a backslash): a word with its number ("\fs28", "\u-3913"), or a symbol
    /// ("\'92", "\{", "\~"). Returns the index of its last character (a space that ends a word is part of it).
    /// </summary>
    private static int Control(string s, int at, out string? word, out int? parameter, out char? symbol)
    {
        (word, parameter, symbol) = (null, null, null);
        var i = at + 1;
        if (i >= s.Length)
        {
            return at;
        }

        if (!char.IsAsciiLetter(s[i]))
        {
            if (s[i] == '\'' && i + 2 < s.Length && byte.TryParse(s.AsSpan(i + 1, 2), NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var code))
            {
                symbol = (char)code;
                return i + 2;
            }

            word = s[i] switch
            {
                '*' => "*",
                '\n' or '\r' => "par",
                _ => null,
            };
            symbol = word is null ? s[i] : null;
            // A backslash at a line's end ends a paragraph (as TextEdit writes them); the line break stays to be counted.
            return word == "par" ? at : i;
        }

        var start = i;
        while (i < s.Length && char.IsAsciiLetter(s[i]))
        {
            i++;
        }

        word = s[start..i];
        var number = i;
        if (i < s.Length && s[i] == '-')
        {
            i++;
        }

        while (i < s.Length && char.IsAsciiDigit(s[i]))
        {
            i++;
        }

        if (i > number && int.TryParse(s.AsSpan(number, i - number), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var n))
        {
            parameter = n;
        }

        return i < s.Length && s[i] == ' ' ? i : i - 1;
    }

    /// <summary>What a control writes into the text: a paragraph's end, a character, or nothing (a formatting word).</summary>
    private static string? Text(string? word, int? parameter, char? symbol, Encoding windows1252)
    {
        if (symbol is { } sym)
        {
            return sym switch
            {
                '~' => " ",
                '_' => "-",
                '-' => "",
                '\\' or '{' or '}' => sym.ToString(),
                > '\u007f' => windows1252.GetString([(byte)sym]),
                _ => sym < ' ' ? null : sym.ToString(),
            };
        }

        return word switch
        {
            "par" or "line" or "sect" or "page" or "row" => " ",
            "tab" or "cell" => "\t",
            "u" when parameter is { } p => ((char)(p < 0 ? p + 65536 : p)).ToString(),
            "emdash" => "—",
            "endash" => "–",
            "bullet" => "•",
            "lquote" => "‘",
            "rquote" => "’",
            "ldblquote" => "“",
            "rdblquote" => "”",
            "emspace" or "enspace" or "qmspace" => " ",
            _ => null,
        };
    }
}
