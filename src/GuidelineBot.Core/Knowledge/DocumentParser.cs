using System.Text.RegularExpressions;

namespace GuidelineBot.Core.Knowledge;

/// <summary>What a parser hands back before the loader adds ids, file names and the hash.</summary>
internal sealed record ParsedSection(string Heading, IReadOnlyList<Passage> Passages, int StartLine, int EndLine, bool IsIntroduction, string? ParentHeading);

internal sealed record ParsedDocument(string? Title, DocumentMetadata Metadata, IReadOnlyList<ParsedSection> Sections);

/// <summary>Shared pieces of the plain-text and Markdown parsers.</summary>
internal static partial class DocumentParser
{
    /// <summary>The heading given to the text before the first question: the document's scope.</summary>
    public const string IntroductionHeading = "About these guidelines";

    /// <summary>
    /// A document whose first section is headed as its introduction ("INTRODUCTION", "1. Purpose", "## Overview",
    /// "About this handbook") has that section as its introduction, after the text above it (a title block, or nothing):
    /// what the document is for and whom it applies to is there, which is what a question about the guidelines
    /// themselves asks, and not what a question about anything else should find. Not when it is the only section: then
    /// it is what the document says.
    /// </summary>
    public static ParsedDocument WithIntroduction(ParsedDocument parsed)
    {
        var sections = parsed.Sections;
        var first = sections.Count > 0 && sections[0].IsIntroduction ? 1 : 0;
        if (first + 1 >= sections.Count || sections[first] is not { ParentHeading: null } headed || !IsIntroductionHeading(headed.Heading))
        {
            return parsed;
        }

        var above = first == 1 ? sections[0] : null;
        var introduction = new ParsedSection(IntroductionHeading, [.. above?.Passages ?? [], .. headed.Passages], above?.StartLine ?? headed.StartLine,
            headed.EndLine, IsIntroduction: true, ParentHeading: null);
        return parsed with { Sections = [introduction, .. sections.Skip(first + 1)] };
    }

    /// <summary>A heading (its numbering taken off) that heads a document's introduction when it comes first.</summary>
    public static bool IsIntroductionHeading(string heading) => IntroductionHeadingRegex().IsMatch(heading);

    [GeneratedRegex(@"^(?:introduction|overview|purpose|purpose and scope|scope and purpose|about (?:this|these) (?:guide|guidelines|handbook|policy|procedures?|regulation|document|faqs?))$",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex IntroductionHeadingRegex();

    /// <summary>
    /// A short line that heads who to ask ("Questions? Contact:", "Who to contact:", "For more information"), in either
    /// format; not a sentence (no full stop: "Questions go to HR." is text).
    /// </summary>
    public static bool IsContactHeading(string line) =>
        ContactHeadingRegex().IsMatch(line) && line.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Length <= MaxContactHeadingWords;

    private const int MaxContactHeadingWords = 8;

    [GeneratedRegex(@"^(?:any questions|questions|contacts?|contact (?:us|information|details)|who (?:to|do i) (?:contact|ask)|for (?:more information|further information|questions|help))\b[^.!;:]*:?$", RegexOptions.IgnoreCase)]
    private static partial Regex ContactHeadingRegex();

    public static IReadOnlyList<string> SplitLines(string text) =>
        text.TrimStart('\uFEFF').Replace("\r\n", "\n").Replace('\r', '\n').Split('\n');

    /// <summary>The 1-based number of the last line with any text.</summary>
    public static int LastTextLine(IReadOnlyList<string> lines)
    {
        for (var i = lines.Count - 1; i >= 0; i--)
        {
            if (!string.IsNullOrWhiteSpace(lines[i]))
            {
                return i + 1;
            }
        }

        return 1;
    }

    /// <summary>
    /// A bullet line: indentation, marker (-, *, +, •, ◦, ▪, ●, ○, ■, ·, ➢, ✓, Word's "o⇥", indented "o " and "§⇥", 1. or 1)) and text. With
    /// <paramref name="keepNumber"/>, a numbered item's text keeps its number ("2. Click Forgot password."): a step's
    /// place is part of the guideline's text.
    /// </summary>
    public static bool TryBullet(string line, bool allowNumbers, out int indent, out string text, bool keepNumber = false)
    {
        var m = BulletRegex().Match(line);
        var numbered = m.Success && char.IsDigit(m.Groups[2].Value[0]);
        if (m.Success && (allowNumbers || !numbered))
        {
            indent = m.Groups[1].Value.Replace("\t", "    ").Length;
            text = (keepNumber && numbered ? m.Groups[2].Value + " " : "") + m.Groups[3].Value.Trim();
            return true;
        }

        indent = 0;
        text = "";
        return false;
    }

    /// <summary>
    /// Line <paramref name="index"/> (0-based) is a question standing on its own line, as a heading: it ends in "?", is not
    /// too long for a heading (<see cref="MaxQuestionHeadingChars"/>), and some text follows it.
    /// </summary>
    public static bool IsQuestionLine(IReadOnlyList<string> lines, int index)
    {
        var line = lines[index].Trim();
        return line.EndsWith('?') && line.Length <= MaxQuestionHeadingChars && lines.Skip(index + 1).Any(l => !string.IsNullOrWhiteSpace(l));
    }

    /// <summary>The longest question that heads a section standing on its own line; a longer one is a paragraph that asks.</summary>
    public const int MaxQuestionHeadingChars = 200;

    /// <summary>
    /// A bullet with the mark of Word's second or third level in its plain-text export: "o⇥" and "§⇥" (and Wingdings'
    /// "§"). Other marks ("○", "▪") are a first level as often as not.
    /// </summary>
    public static bool IsSubBullet(string line) => SubBulletRegex().IsMatch(line);

    [GeneratedRegex(@"^[ \t]*[o§\uF0A7]\t")]
    private static partial Regex SubBulletRegex();

    /// <summary>A step of a numbered list, one level: "1. Open the portal", "2) Click …" (not "2.1 …").</summary>
    public static bool IsStepLine(string line) => StepLineRegex().IsMatch(line);

    [GeneratedRegex(@"^\s*\d{1,3}[.)]\s+\S")]
    private static partial Regex StepLineRegex();

    /// <summary>The text with its first letter in upper case: "warning" → "Warning".</summary>
    internal static string Capitalised(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];

    /// <summary>
    /// A heading without the numbering or question label an organisation puts before it: "1. ", "2) ", "3.1 ", "IV. ",
    /// "Q1: ", "Question 4: ", "Section 2 – ", "Part 3: ", "Part A - ", "Article IV – ", "§ 4. ", and a banner's rules around
    /// it ("=== GIFTS ===") (the number is a position in the document,
    /// not a word anyone asks by).
    /// </summary>
    public static string CleanHeading(string heading)
    {
        var cleaned = HeadingNumberRegex().Replace(BannerRegex().Replace(heading, ""), "");
        return cleaned.Length > 0 ? cleaned : heading;
    }

    [GeneratedRegex(@"^(?:(?:Q|Question)(?>\s*)\d{0,3}(?>\s*)[:.]|§+\s*\d{1,3}(?:\.\d{1,3})*\.?|\d{1,3}[.)]|\d{1,3}(?:\.\d{1,3})+\.?|(?-i:[IVX]{1,5})\.|(?:Section|Part|Article|Chapter)\s+(?:\d{1,3}(?:\.\d{1,3})*|(?-i:[IVX]{1,5})|(?-i:[A-Z]))\s*[–—:.-])\s+(?=\S)", RegexOptions.IgnoreCase)]
    private static partial Regex HeadingNumberRegex();

    /// <summary>
    /// A banner's rules around a heading: "=============== GIFTS YOU MAY ACCEPT ===============", "////// KEYS //////",
    /// "&gt;&gt;&gt; PARKING &lt;&lt;&lt;", "-=[ ALARM CODES ]=-".
    /// </summary>
    [GeneratedRegex(@"^[=~*#_/<>+\[\]-]{3,}\s*(?=\S)|(?<=\S)\s*[=~*#_/<>+\[\]-]{3,}$")]
    private static partial Regex BannerRegex();

    /// <remarks>
    /// Besides the usual marks, what other tools leave: Word's plain-text export writes its second and third bullet levels
    /// as "o" and "§" followed by a tab (only with the tab are they bullets: "§ 3 applies" is text; an indented "o " is one
    /// too, as Word's "o" bullets come out when tabs became spaces), and text copied out of
    /// Word or a PDF keeps Symbol and Wingdings bullets as private-use characters (U+F0B7 and kin).
    /// </remarks>
    [GeneratedRegex(@"^([ \t]*)([-*+•–◦▪●○■·‣∙⁃➢➤►▸❖◆♦✓✔\uF0A7\uF0A8\uF076\uF0B7\uF0D8\uF0E0\uF0FC]|[o§](?=\t)|(?<=[ \t])o(?=[ \t])|\d{1,3}[.)])[ \t]+(\S.*)$")]
    private static partial Regex BulletRegex();
}
