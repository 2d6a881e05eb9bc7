using System.Text.RegularExpressions;

namespace GuidelineBot.Core.Knowledge;

/// <summary>
/// The districts' plain format: a title line, intro paragraphs, sections that start at <c>Q:</c> lines,
/// <c>- </c> bullets with nested <c> - </c> bullets, and paragraphs (optionally prefixed <c>A:</c>).
/// </summary>
internal static partial class PlainTextParser
{
    public static ParsedDocument Parse(string content)
    {
        var lines = DocumentParser.SplitLines(content);
        var front = FrontMatter.Parse(lines);
        var sections = new List<ParsedSection>();
        string? title = front.Title;

        var i = front.BodyStartIndex;
        while (i < lines.Count && string.IsNullOrWhiteSpace(lines[i]))
        {
            i++;
        }

        if (i >= lines.Count)
        {
            throw new KnowledgeFormatException(Math.Max(1, front.BodyStartIndex + 1), "the document has no text");
        }

        // The first line is the title unless it already is a question or a bullet.
        if (title is null && !QuestionRegex().IsMatch(lines[i]) && !DocumentParser.TryBullet(lines[i], false, out _, out _))
        {
            title = lines[i].Trim();
            i++;
        }

        // Without any "Q:" line, a question standing alone on its line (after a blank line) starts a section.
        var bareQuestions = !lines.Skip(i).Any(l => QuestionRegex().IsMatch(l));

        var heading = DocumentParser.IntroductionHeading;
        var isIntro = true;
        var start = i + 1;
        var last = start;
        var builder = new PassageBuilder();

        void Finish()
        {
            if (!builder.IsEmpty)
            {
                sections.Add(new ParsedSection(heading, builder.Build(), start, last, isIntro, null));
            }
        }

        for (; i < lines.Count; i++)
        {
            var line = lines[i];
            var lineNo = i + 1;
            var q = QuestionRegex().Match(line);
            var bare = bareQuestions && IsBareQuestion(lines, i);
            if (q.Success || bare)
            {
                var text = bare ? line.Trim() : q.Groups[1].Value.Trim();
                if (text.Length == 0)
                {
                    throw new KnowledgeFormatException(lineNo, "a 'Q:' line has no question after it");
                }

                Finish();
                heading = text;
                isIntro = false;
                start = lineNo;
                last = lineNo;
                builder = new PassageBuilder();
                continue;
            }

            if (string.IsNullOrWhiteSpace(line))
            {
                builder.Blank();
                continue;
            }

            last = lineNo;
            if (DocumentParser.TryBullet(line, false, out var indent, out var bullet))
            {
                builder.Bullet(indent > 0 ? 1 : 0, bullet, lineNo);
            }
            else
            {
                var a = AnswerRegex().Match(line);
                builder.Text(a.Success ? a.Groups[1].Value.Trim() : line.Trim(), lineNo);
            }
        }

        Finish();
        if (sections.Count == 0)
        {
            throw new KnowledgeFormatException(DocumentParser.LastTextLine(lines), "the document has a title but no guideline text");
        }

        return new ParsedDocument(title, front.Metadata, sections);
    }

    /// <summary>A short line ending in "?" after a blank line (or at the top), not a bullet, followed by text.</summary>
    private static bool IsBareQuestion(IReadOnlyList<string> lines, int i)
    {
        var line = lines[i].Trim();
        return line.EndsWith('?') && line.Length <= 200 && !line.StartsWith('-') && !line.StartsWith('*')
               && (i == 0 || string.IsNullOrWhiteSpace(lines[i - 1]))
               && lines.Skip(i + 1).Any(l => !string.IsNullOrWhiteSpace(l));
    }

    [GeneratedRegex(@"^\s*(?:Q|Question)\s*[:.]\s*(.*)$", RegexOptions.IgnoreCase)]
    private static partial Regex QuestionRegex();

    [GeneratedRegex(@"^\s*(?:A|Answer)\s*[:.]\s+(.*)$", RegexOptions.IgnoreCase)]
    private static partial Regex AnswerRegex();
}
