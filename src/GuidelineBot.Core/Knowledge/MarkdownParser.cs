using System.Text.RegularExpressions;

namespace GuidelineBot.Core.Knowledge;

/// <summary>
/// Markdown documents: <c># Title</c>, <c>##</c>/<c>###</c> headings as sections (text before the first one is the
/// introduction), bullets (nested by indentation), paragraphs, block quotes, code blocks, tables (a passage per row);
/// inline emphasis, code spans, links and HTML tags are reduced to their text so that matching and quoting see plain
/// words. A paragraph or top-level list item that starts with a bold question, a <c>Q:</c> line and a bold line on its
/// own head a section too.
/// </summary>
internal static partial class MarkdownParser
{
    public static ParsedDocument Parse(string content)
    {
        var lines = DocumentParser.SplitLines(content);
        var front = FrontMatter.Parse(lines);
        string? title = front.Title;
        var sections = new List<ParsedSection>();

        var heading = DocumentParser.IntroductionHeading;
        string? parent = null;
        string? currentH2 = null;
        var isIntro = true;
        var start = front.BodyStartIndex + 1;
        var last = start;
        var builder = new PassageBuilder();
        var inFence = false;
        var fenceLine = 0;
        var inComment = false;
        var sawText = false;
        IReadOnlyList<string>? tableHeader = null;

        void Finish()
        {
            if (!builder.IsEmpty)
            {
                sections.Add(new ParsedSection(heading, builder.Build(), start, last, isIntro, parent));
            }
        }

        void StartSection(int level, string text, int lineNo)
        {
            Finish();
            if (level == 1 && sections.Count == 0 && isIntro && builder.IsEmpty && !text.EndsWith('?'))
            {
                // The document's title line (front matter, when present, has the last word).
                title ??= text;
                builder = new PassageBuilder();
                start = lineNo + 1;
                last = start;
                return;
            }

            parent = level > 2 ? currentH2 : null;
            if (level <= 2)
            {
                currentH2 = text;
            }

            heading = text;
            isIntro = false;
            start = lineNo;
            last = lineNo;
            builder = new PassageBuilder();
        }

        for (var i = front.BodyStartIndex; i < lines.Count; i++)
        {
            var lineNo = i + 1;
            if (inComment)
            {
                inComment = !lines[i].Contains("-->", StringComparison.Ordinal);
                continue;
            }

            // A comment closed on its line goes, whatever stands around it; one left open runs to its "-->".
            var line = InlineCommentRegex().Replace(lines[i], "");
            var trimmed = line.Trim();
            if (trimmed.StartsWith("<!--", StringComparison.Ordinal))
            {
                inComment = true;
                continue;
            }

            if (trimmed.Length == 0 && lines[i].Trim().Length > 0)
            {
                continue;
            }

            if (trimmed.StartsWith("```", StringComparison.Ordinal) || trimmed.StartsWith("~~~", StringComparison.Ordinal))
            {
                inFence = !inFence;
                fenceLine = lineNo;
                builder.Blank();
                continue;
            }

            if (inFence)
            {
                if (trimmed.Length > 0)
                {
                    builder.Text(trimmed, lineNo);
                    last = lineNo;
                    sawText = true;
                }

                continue;
            }

            var atx = AtxHeadingRegex().Match(line);
            if (atx.Success)
            {
                var text = HeadingText(atx.Groups[2].Value);
                if (text.Length == 0)
                {
                    throw new KnowledgeFormatException(lineNo, "a heading has no text");
                }

                StartSection(atx.Groups[1].Value.Length, text, lineNo);
                sawText = true;
                continue;
            }

            // A question in bold at the start of a paragraph or of a top-level list item ("1. **Can I …?**"), a
            // "Q:" line, or a bold line on its own heads a section too; an answer after the bold question on its
            // line is the section's first passage.
            var boldQuestion = BoldQuestionRegex().Match(DocumentParser.TryBullet(line, true, out var itemIndent, out var item) && itemIndent == 0 ? item : trimmed);
            var labelled = LabelledQuestionRegex().Match(DocumentParser.StripInlineMarkdown(trimmed));
            if (boldQuestion.Success || labelled.Success || IsBoldHeading(lines, i, front.BodyStartIndex) && !(isIntro && builder.IsEmpty))
            {
                var question = boldQuestion.Success ? boldQuestion.Groups["q"].Value : labelled.Success ? labelled.Groups["q"].Value : trimmed;
                StartSection(2, HeadingText(question), lineNo);
                sawText = true;
                var answer = boldQuestion.Groups["rest"].Value;
                if (answer.Length > 0)
                {
                    builder.Text(ParagraphText(answer), lineNo);
                    last = lineNo;
                }

                continue;
            }

            // Setext headings: a text line underlined with === (level 1) or --- (level 2).
            if (i + 1 < lines.Count && trimmed.Length > 0 && SetextRegex().IsMatch(lines[i + 1])
                && !DocumentParser.TryBullet(line, true, out _, out _))
            {
                var level = lines[i + 1].Trim()[0] == '=' ? 1 : 2;
                StartSection(level, HeadingText(trimmed), lineNo);
                sawText = true;
                i++;
                continue;
            }

            if (trimmed.Length == 0)
            {
                tableHeader = null;
                builder.Blank();
                continue;
            }

            if (RuleRegex().IsMatch(trimmed))
            {
                builder.Blank();
                continue;
            }

            last = lineNo;
            sawText = true;
            var quote = line;
            while (quote.TrimStart().StartsWith('>'))
            {
                quote = quote.TrimStart()[1..];
            }

            if (TableSeparatorRegex().IsMatch(quote.Trim()))
            {
                continue;
            }

            // A table: the row above the |---| line names the columns; every row after it is a passage of its own
            // that names each value's column ("Staff group: Teachers — Sick days: 10").
            if (quote.Contains('|') && i + 1 < lines.Count && TableSeparatorRegex().IsMatch(lines[i + 1].Trim().TrimStart('>').Trim()))
            {
                tableHeader = Cells(quote);
                continue;
            }

            if (quote.TrimStart().StartsWith('|') || tableHeader is not null && quote.Contains('|'))
            {
                var header = tableHeader;
                var row = string.Join(" — ", Cells(quote)
                    .Select((c, k) => header is not null && k < header.Count && header[k].Length > 0 && c.Length > 0 ? $"{header[k]}: {c}" : c)
                    .Where(c => c.Length > 0));
                if (row.Length > 0)
                {
                    builder.Bullet(0, row, lineNo);
                }

                continue;
            }

            if (DocumentParser.TryBullet(quote, true, out var indent, out var bullet, keepNumber: true))
            {
                builder.Bullet(indent >= 2 ? 1 : 0, InlineText(bullet), lineNo);
            }
            else
            {
                var text = ParagraphText(quote);
                if (text.Length > 0)
                {
                    builder.Text(text, lineNo);
                }
            }
        }

        if (inFence)
        {
            throw new KnowledgeFormatException(fenceLine, "a code block opened with ``` is never closed");
        }

        Finish();
        if (!sawText)
        {
            throw new KnowledgeFormatException(Math.Max(1, front.BodyStartIndex + 1), "the document has no text");
        }

        if (sections.Count == 0)
        {
            throw new KnowledgeFormatException(DocumentParser.LastTextLine(lines), "the document has headings but no guideline text under them");
        }

        return new ParsedDocument(title, front.Metadata, sections);
    }

    /// <summary>
    /// A line in bold on its own, after a blank line, that reads as a heading ("**Dress code**"): a few words, not a
    /// sentence or a lead-in (no closing full stop or colon), with text after it. (The parser does not take one that
    /// comes before any text, such as "**Effective 1 September**" under the title, for a heading.)
    /// </summary>
    private static bool IsBoldHeading(IReadOnlyList<string> lines, int i, int bodyStart)
    {
        var m = BoldLineRegex().Match(lines[i].Trim());
        if (!m.Success || i > bodyStart && !string.IsNullOrWhiteSpace(lines[i - 1]))
        {
            return false;
        }

        var text = m.Groups["h"].Value.Trim();
        return text.Length > 0 && !".:;,!".Contains(text[^1]) && text.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length <= 10
               && lines.Skip(i + 1).FirstOrDefault(l => !string.IsNullOrWhiteSpace(l)) is { } next && !AtxHeadingRegex().IsMatch(next);
    }

    /// <summary>A heading's text: Markdown and HTML marks, numbering and a "Q:" label taken out.</summary>
    private static string HeadingText(string s) => DocumentParser.CleanHeading(InlineText(s));

    /// <summary>A paragraph line's text, without a hard line break's backslash or an "A:" label before an answer.</summary>
    private static string ParagraphText(string s)
    {
        var text = InlineText(HardBreakRegex().Replace(s.Trim(), ""));
        var answer = AnswerRegex().Match(text);
        return answer.Success ? answer.Groups[1].Value.Trim() : text;
    }

    /// <summary>Inline Markdown and HTML tags (<c>&lt;br&gt;</c>, <c>&lt;summary&gt;</c>) reduced to the text.</summary>
    private static string InlineText(string s) =>
        DocumentParser.StripInlineMarkdown(SpacesRegex().Replace(HtmlTagRegex().Replace(LineBreakTagRegex().Replace(s, " "), ""), " "));

    /// <summary>The cells of a table row, their Markdown reduced to text.</summary>
    private static string[] Cells(string row) =>
        row.Trim().Trim('|').Split('|').Select(c => InlineText(c.Trim())).ToArray();

    [GeneratedRegex(@"^\s{0,3}(#{1,6})\s+(.*?)\s*#*\s*$")]
    private static partial Regex AtxHeadingRegex();

    /// <summary>A bold question, alone or with the answer after it on the same line.</summary>
    [GeneratedRegex(@"^(?<m>\*\*|__)(?<q>[^*_].*?\?)\k<m>(?:\s+(?<rest>\S.*))?$")]
    private static partial Regex BoldQuestionRegex();

    /// <summary>A question after a label: "Q: …", "Q1: …", "Question: …".</summary>
    [GeneratedRegex(@"^(?:Q|Question)\s*\d{0,3}\s*:\s*(?<q>\S.*)$", RegexOptions.IgnoreCase)]
    private static partial Regex LabelledQuestionRegex();

    [GeneratedRegex(@"^(?<m>\*\*|__)(?<h>[^*_][^*_]*)\k<m>$")]
    private static partial Regex BoldLineRegex();

    [GeneratedRegex(@"^(?:A|Answer)\s*:\s+(.*)$", RegexOptions.IgnoreCase)]
    private static partial Regex AnswerRegex();

    [GeneratedRegex(@"<!--.*?-->")]
    private static partial Regex InlineCommentRegex();

    [GeneratedRegex(@"</?[A-Za-z][A-Za-z0-9-]*(?:\s[^<>]*)?/?>")]
    private static partial Regex HtmlTagRegex();

    [GeneratedRegex(@"<br\s*/?>", RegexOptions.IgnoreCase)]
    private static partial Regex LineBreakTagRegex();

    [GeneratedRegex(@"(?<!\\)\\$")]
    private static partial Regex HardBreakRegex();

    [GeneratedRegex(@"[ \t]{2,}")]
    private static partial Regex SpacesRegex();

    [GeneratedRegex(@"^\s{0,3}(=+|-{2,})\s*$")]
    private static partial Regex SetextRegex();

    [GeneratedRegex(@"^([-*_])(\s*\1){2,}$")]
    private static partial Regex RuleRegex();

    [GeneratedRegex(@"^\|?\s*:?-{3,}:?\s*(\|\s*:?-{3,}:?\s*)*\|?$")]
    private static partial Regex TableSeparatorRegex();
}
