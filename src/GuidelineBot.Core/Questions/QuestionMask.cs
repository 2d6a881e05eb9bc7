using System.Buffers;
using System.Text.RegularExpressions;

namespace GuidelineBot.Core.Questions;

/// <summary>
/// What the question log keeps of a question's text: e-mail addresses, phone numbers and long digit runs (ids, account
/// or card numbers) replaced by placeholders, and at most <see cref="MaxLength"/> characters. Dates (2026-11-30) and
/// short numbers (years, section numbers) stay.
/// </summary>
public static partial class QuestionMask
{
    public const string Email = "[email]";
    public const string Phone = "[phone]";
    public const string Number = "[number]";

    /// <summary>Digits with phone separators (+, brackets, spaces, dots, dashes): at least this many make a phone number.</summary>
    public const int MinPhoneDigits = 7;

    /// <summary>Any other run of this many digits or more is masked as a number.</summary>
    public const int MinDigitRun = 5;

    /// <summary>The longest text kept (longer questions are cut, with "…").</summary>
    public const int MaxLength = 1000;

    /// <summary>What every pattern needs: an e-mail address has an @, the others ASCII digits.</summary>
    private static readonly SearchValues<char> Needed = SearchValues.Create("@0123456789");

    public static string Mask(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return "";
        }

        // Most questions have neither, and then no pattern can match: no scan.
        var masked = text;
        if (text.AsSpan().ContainsAny(Needed))
        {
            masked = EmailPattern().Replace(masked, Email);
            masked = PhonePattern().Replace(masked, m => IsPhone(m.Value) ? Phone : m.Value);
            masked = DigitRunPattern().Replace(masked, Number);
        }

        return masked.Length <= MaxLength ? masked : string.Concat(masked.AsSpan(0, MaxLength - 1), "…");
    }

    /// <summary>Enough digits, written as a phone number (with +, an area code in brackets or separators), and not a date.</summary>
    private static bool IsPhone(string candidate) =>
        candidate.Count(char.IsAsciiDigit) >= MinPhoneDigits && !candidate.All(char.IsAsciiDigit) && !IsoDatePattern().IsMatch(candidate);

    [GeneratedRegex(@"[\p{L}\p{N}._%+'\-]+@[\p{L}\p{N}\-]+(?:\.[\p{L}\p{N}\-]+)+", RegexOptions.CultureInvariant)]
    private static partial Regex EmailPattern();

    // Optional + or (area code), then digits with at most one space, dot or dash between them.
    [GeneratedRegex(@"(?<![\w+])\+?(?:\([0-9]{1,5}\)[ .\-]?)?[0-9](?:[ .\-]?[0-9])+(?!\w)", RegexOptions.CultureInvariant)]
    private static partial Regex PhonePattern();

    // {5,}: MinDigitRun.
    [GeneratedRegex("[0-9]{5,}", RegexOptions.CultureInvariant)]
    private static partial Regex DigitRunPattern();

    [GeneratedRegex("^[0-9]{4}-[0-9]{2}-[0-9]{2}$", RegexOptions.CultureInvariant)]
    private static partial Regex IsoDatePattern();
}
