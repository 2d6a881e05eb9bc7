using System.Text.RegularExpressions;

namespace GuidelineBot.Core.Knowledge;

/// <summary>
/// A board policy copied out of a policy site (BoardDocs, in the manner of CSBA's policy services): its header fields
/// over the text ("Book  Policy Manual", "Section  4000 Personnel", "Title  Staff Dress and Grooming", "Code  4119.22",
/// "Status  Active", "Adopted  June 14, 2016"), "(cf. 4030 - Nondiscrimination in Employment)" cross-references under
/// paragraphs, the adoption lines under the policy and its regulation ("Policy VALLE VERDE UNIFIED SCHOOL DISTRICT" over
/// "adopted: June 14, 2016 …" and "revised: …"), and the lists at the end ("Legal Reference:", "Management Resources:",
/// "Cross Reference:", then "Policy Reference Disclaimer: …"). The header gives way to the policy's title (the document's
/// title) over its other fields as lines of the introduction ("Code: 4119.22"), the cross-references, the adoption lines and the disclaimer go, and each
/// list at the end heads a section of its own rather than running on in the regulation's last one.
/// </summary>
internal static partial class BoardPolicyPage
{
    /// <summary>A header has at least this many of the site's fields, one a line, the title among them.</summary>
    private const int MinHeaderFields = 4;

    public static IReadOnlyList<string> WithHeaderAndReferences(IReadOnlyList<string> lines, int from)
    {
        var start = Enumerable.Range(from, lines.Count - from).FirstOrDefault(k => !string.IsNullOrWhiteSpace(lines[k]), -1);
        if (start < 0)
        {
            return lines;
        }

        var fields = new List<(string Name, string Value)>();
        for (var k = start; k < lines.Count && HeaderFieldRegex().Match(lines[k]) is { Success: true } field; k++)
        {
            fields.Add((field.Groups["name"].Value, field.Groups["value"].Value.Trim()));
        }

        // (The site's header opens with the book: a course catalogue's "Title  Algebra I" over "Code  MATH 101" is no policy's.)
        var title = fields.FirstOrDefault(f => f.Name == "Title").Value;
        if (fields.Count < MinHeaderFields || title is null || fields[0].Name != "Book")
        {
            return lines;
        }

        // The title first; the other fields (but the book) stay as the introduction's lines ("Code: 4119.22", "Last Revised: …").
        var result = lines.ToArray();
        for (var i = 0; i < fields.Count; i++)
        {
            result[start + i] = fields[i].Name is "Book" or "Title" ? "" : fields[i].Name + ": " + fields[i].Value;
        }

        result[start] = title;
        var end = start + fields.Count;

        for (var k = end; k < result.Length; k++)
        {
            if (CrossReferenceRegex().IsMatch(result[k]) || DisclaimerRegex().IsMatch(result[k]))
            {
                result[k] = "";
            }
            else if (AdoptedByRegex().IsMatch(result[k]) && k + 1 < result.Length && AdoptionRegex().IsMatch(result[k + 1]))
            {
                for (result[k] = ""; k + 1 < result.Length && AdoptionRegex().IsMatch(result[k + 1]); k++)
                {
                    result[k + 1] = "";
                }
            }
            else if (ReferenceListRegex().Match(result[k]) is { Success: true } list)
            {
                // (In capitals, which head a section with its text right under them.)
                result[k] = list.Groups["name"].Value.ToUpperInvariant();
            }
        }

        return result;
    }

    /// <summary>A field of the site's header: its name, two spaces or a tab, its value.</summary>
    [GeneratedRegex(@"^\s*(?<name>Book|Section|Title|Code|Status|Legal|Adopted|Last Revised|Last Reviewed|Revised|Reviewed)(?:\t+|\s{2,})(?<value>\S.*)$")]
    private static partial Regex HeaderFieldRegex();

    /// <summary>A paragraph's cross-reference on a line of its own: "(cf. 4030 - Nondiscrimination in Employment)".</summary>
    [GeneratedRegex(@"^\s*\(cf\.\s+\d[^()]*\)\s*$")]
    private static partial Regex CrossReferenceRegex();

    /// <summary>Who adopted the text, over its adoption lines: "Policy VALLE VERDE UNIFIED SCHOOL DISTRICT".</summary>
    [GeneratedRegex(@"^\s*(?:Policy|Regulation|Exhibit|Bylaw)\s+(?:\p{Lu}[\p{Lu}.'&-]*\s+){1,8}(?:DISTRICT|SCHOOLS|BOARD OF EDUCATION)\b.*$")]
    private static partial Regex AdoptedByRegex();

    /// <summary>An adoption line: "adopted: June 14, 2016 Valle Verde, California", "revised: May 11, 2020".</summary>
    [GeneratedRegex(@"^\s*(?:adopted|approved|revised|reviewed|amended|version):\s+\S", RegexOptions.IgnoreCase)]
    private static partial Regex AdoptionRegex();

    /// <summary>A list at the end of the policy: "Legal Reference:", "Management Resources:", "Cross Reference:".</summary>
    [GeneratedRegex(@"^\s*(?<name>Legal References?|Cross References?|Management Resources)\s*:\s*$")]
    private static partial Regex ReferenceListRegex();

    /// <summary>The site's note under the lists: "Policy Reference Disclaimer: These references are not intended …".</summary>
    [GeneratedRegex(@"^\s*Policy Reference Disclaimer:")]
    private static partial Regex DisclaimerRegex();
}
