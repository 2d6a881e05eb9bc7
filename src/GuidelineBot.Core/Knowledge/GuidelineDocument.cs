using System.Security.Cryptography;
using System.Text;

namespace GuidelineBot.Core.Knowledge;

/// <summary>Optional facts about a document, from its front matter.</summary>
public sealed record DocumentMetadata(string? SourceUrl = null, string? Owner = null, DateOnly? LastReviewed = null)
{
    public static DocumentMetadata None { get; } = new();
}

/// <summary>One guideline document as loaded from <c>knowledge/</c>.</summary>
/// <param name="Id">Stable id: the file's path relative to the knowledge folder, without extension.</param>
/// <param name="ContentHash">SHA-256 of the file's bytes (lower-case hex): identifies the version people acknowledge.</param>
public sealed record GuidelineDocument(
    string Id,
    string Title,
    string SourceFile,
    string ContentHash,
    DocumentMetadata Metadata,
    IReadOnlyList<GuidelineSection> Sections)
{
    public string ShortHash => ContentHash.Length > 12 ? ContentHash[..12] : ContentHash;
}

/// <summary>A question/heading of a document with the passages that answer it.</summary>
public sealed record GuidelineSection(
    string Id,
    string DocumentId,
    string DocumentTitle,
    string Heading,
    IReadOnlyList<Passage> Passages,
    string SourceFile,
    int StartLine,
    int EndLine,
    string? SourceUrl,
    bool IsIntroduction = false,
    string? ParentHeading = null,
    DocumentMetadata? Metadata = null)
{
    /// <summary>The whole section as plain text, passages separated by blank lines.</summary>
    public string Text => string.Join("\n\n", Passages.Select(p => p.Text));

    /// <summary>The whole section as an answer quotes it: <see cref="Text"/> with its list items' bullets (<see cref="Passage.Quoted"/>).</summary>
    public string Quoted => Passage.JoinQuoted(Passages);

    /// <summary>The heading with the one it stands under, if any: "High schools › Chaperones".</summary>
    public string HeadingPath => ParentHeading is null ? Heading : $"{ParentHeading} › {Heading}";

    /// <summary>"Document title › Section heading", with the heading it stands under between them ("… › High schools › Chaperones").</summary>
    public string Breadcrumb => $"{DocumentTitle} › {HeadingPath}";

    /// <summary>
    /// A short, stable fingerprint of <see cref="HeadingPath"/> (8 hex digits of its SHA-256, the same on every replica
    /// and start; the heading it stands under too, since a heading may repeat under two): an answer's buttons carry it
    /// beside the section's <see cref="Id"/>, which is a position and may belong to another section after an edit.
    /// </summary>
    public string HeadingCheck
    {
        get
        {
            Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
            SHA256.HashData(Encoding.UTF8.GetBytes(HeadingPath), hash);
            return Convert.ToHexStringLower(hash[..4]);
        }
    }

    /// <summary>Where the text comes from: the document URL when known, else file:lines; null for a section kept in no file (an approved expert answer served from the store).</summary>
    public string? Location => SourceUrl ?? (SourceFile.Length == 0 ? null : $"{SourceFile}:{StartLine}-{EndLine}");

    /// <summary>Breadcrumb and location, plus the document's owner and review date when its front matter gives them.</summary>
    public string Citation => string.Join("; ", new[] { Location, Provenance }.Where(p => !string.IsNullOrEmpty(p))) is { Length: > 0 } details
        ? $"{Breadcrumb} ({details})"
        : Breadcrumb;

    /// <summary>"owner: …; last reviewed yyyy-MM-dd" from the document's front matter, or empty.</summary>
    public string Provenance
    {
        get
        {
            var owner = Metadata?.Owner is { Length: > 0 } o ? "owner: " + o : null;
            var reviewed = Metadata?.LastReviewed is { } r
                ? "last reviewed " + r.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)
                : null;
            return string.Join("; ", new[] { owner, reviewed }.OfType<string>());
        }
    }
}

/// <summary>
/// A list item (with its nested items kept under it: a bullet, a numbered item, a table row, a "Label: value" line) or a
/// paragraph, verbatim apart from joined lines.
/// </summary>
public sealed record Passage(string Text, int StartLine, int EndLine)
{
    /// <summary>A list item, not a paragraph (a bullet's mark is not in its text; a numbered item keeps its number).</summary>
    public bool IsItem { get; init; }

    /// <summary>
    /// The passage as an answer quotes it: a list item with a bullet ("• ", as its list showed it), unless it keeps a number
    /// of its own ("2. Click …"); a paragraph as it is.
    /// </summary>
    public string Quoted => IsItem && !DocumentParser.IsStepLine(Text) ? "• " + Text : Text;

    /// <summary>
    /// Passages as an answer quotes them (<see cref="Quoted"/>): a blank line after a paragraph, a line break between list
    /// items that follow one another in the section, so that a list (or a table's rows) reads as one list, not as a
    /// paragraph per item; items of two lists, or with a passage left out between them, stay apart.
    /// </summary>
    /// <param name="passages">The section's passages, in order.</param>
    /// <param name="shown">Which of them to quote (all when null).</param>
    public static string JoinQuoted(IReadOnlyList<Passage> passages, IReadOnlyList<bool>? shown = null)
    {
        ArgumentNullException.ThrowIfNull(passages);
        var text = new System.Text.StringBuilder();
        var previous = -1;
        for (var k = 0; k < passages.Count; k++)
        {
            if (shown is not null && !shown[k])
            {
                continue;
            }

            if (previous >= 0)
            {
                text.Append(previous == k - 1 && passages[previous].IsItem && passages[k].IsItem ? "\n" : "\n\n");
            }

            text.Append(passages[k].Quoted);
            previous = k;
        }

        return text.ToString();
    }
}
