using System.Text.RegularExpressions;

namespace GuidelineBot.Core.Knowledge;

/// <summary>
/// Markdown documents: <c># Title</c>, <c>##</c>/<c>###</c> headings as sections (text before the first one is the
/// introduction), bullets (nested by indentation), paragraphs, block quotes, code blocks; inline emphasis, code spans
/// and links are reduced to their text so that matching and quoting see plain words.
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
            if (level == 1 && sections.Count == 0 && isIntro && builder.IsEmpty)
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
            var line = lines[i];
            var lineNo = i + 1;
            var trimmed = line.Trim();

            if (inComment)
            {
                inComment = !trimmed.Contains("-->", StringComparison.Ordinal);
                continue;
            }

            if (trimmed.StartsWith("<!--", StringComparison.Ordinal))
            {
                inComment = !trimmed.Contains("-->", StringComparison.Ordinal);
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
                var text = DocumentParser.StripInlineMarkdown(atx.Groups[2].Value);
                if (text.Length == 0)
                {
                    throw new KnowledgeFormatException(lineNo, "a heading has no text");
                }

                StartSection(atx.Groups[1].Value.Length, text, lineNo);
                sawText = true;
                continue;
            }

            // A question on its own line, in bold or after "Q:", heads a section too.
            var boldQuestion = BoldQuestionRegex().Match(trimmed);
            if (boldQuestion.Success)
            {
                StartSection(2, DocumentParser.StripInlineMarkdown(boldQuestion.Groups["q"].Value), lineNo);
                sawText = true;
                continue;
            }

            // Setext headings: a text line underlined with === (level 1) or --- (level 2).
            if (i + 1 < lines.Count && trimmed.Length > 0 && SetextRegex().IsMatch(lines[i + 1])
                && !DocumentParser.TryBullet(line, true, out _, out _))
            {
                var level = lines[i + 1].Trim()[0] == '=' ? 1 : 2;
                StartSection(level, DocumentParser.StripInlineMarkdown(trimmed), lineNo);
                sawText = true;
                i++;
                continue;
            }

            if (trimmed.Length == 0)
            {
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

            if (DocumentParser.TryBullet(quote, true, out var indent, out var bullet))
            {
                builder.Bullet(indent >= 2 ? 1 : 0, DocumentParser.StripInlineMarkdown(bullet), lineNo);
            }
            else
            {
                var text = quote.Trim();
                if (text.StartsWith('|'))
                {
                    text = string.Join(" — ", text.Trim('|').Split('|').Select(c => c.Trim()).Where(c => c.Length > 0));
                }

                text = DocumentParser.StripInlineMarkdown(text);
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

    [GeneratedRegex(@"^\s{0,3}(#{1,6})\s+(.*?)\s*#*\s*$")]
    private static partial Regex AtxHeadingRegex();

    [GeneratedRegex(@"^(?:\*\*|__)(?:Q\s*[:.]\s*)?(?<q>[^*_].*\?)(?:\*\*|__)$|^Q\s*:\s*(?<q>\S.*)$", RegexOptions.IgnoreCase)]
    private static partial Regex BoldQuestionRegex();

    [GeneratedRegex(@"^\s{0,3}(=+|-{2,})\s*$")]
    private static partial Regex SetextRegex();

    [GeneratedRegex(@"^([-*_])(\s*\1){2,}$")]
    private static partial Regex RuleRegex();

    [GeneratedRegex(@"^\|?\s*:?-{3,}:?\s*(\|\s*:?-{3,}:?\s*)*\|?$")]
    private static partial Regex TableSeparatorRegex();
}
