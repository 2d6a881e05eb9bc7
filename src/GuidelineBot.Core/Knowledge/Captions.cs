using System.Text.RegularExpressions;

namespace GuidelineBot.Core.Knowledge;

/// <summary>
/// The captions of a recorded video saved as text (SubRip, <c>.srt</c>): numbered cues, each a time range
/// (<c>00:01:02,500 --&gt; 00:01:06,000</c>) over a line or two of speech, sentences running on across cues. Written line
/// for line as text: the numbers, times and sounds (<c>♪ [upbeat music] ♪</c>) go; the speech is joined into paragraphs of
/// whole sentences, each on its first line; a title card shown on screen (<c>[ON SCREEN: Part 2 – Universal Precautions]</c>)
/// heads a section.
/// </summary>
internal static partial class Captions
{
    /// <summary>Captions have at least this many cues.</summary>
    private const int MinCues = 5;

    /// <summary>A paragraph of speech runs to a sentence's end at this many words or more.</summary>
    private const int ParagraphWords = 30;

    public static IReadOnlyList<string> AsText(IReadOnlyList<string> lines, int from)
    {
        var cues = Enumerable.Range(from, Math.Max(0, lines.Count - from - 1))
            .Where(k => CueNumberRegex().IsMatch(lines[k]) && TimingRegex().IsMatch(lines[k + 1]) && (k == from || string.IsNullOrWhiteSpace(lines[k - 1])))
            .ToArray();
        if (cues.Length < MinCues)
        {
            return lines;
        }

        var result = lines.ToArray();
        var paragraph = new List<int>();
        var words = 0;

        void Flush()
        {
            if (paragraph.Count > 0)
            {
                result[paragraph[0]] = string.Join(' ', paragraph.Select(k => lines[k].Trim()));
                paragraph.Skip(1).ToList().ForEach(k => result[k] = "");
            }

            (paragraph, words) = ([], 0);
        }

        for (var n = 0; n < cues.Length; n++)
        {
            var cue = cues[n];
            var end = n + 1 < cues.Length ? cues[n + 1] : lines.Count;
            (result[cue], result[cue + 1]) = ("", "");
            var text = Enumerable.Range(cue + 2, end - cue - 2).Where(k => !string.IsNullOrWhiteSpace(lines[k])).ToArray();
            if (text.Length == 1 && TitleCardRegex().Match(lines[text[0]]) is { Success: true } card)
            {
                Flush();
                result[text[0]] = "Q: " + card.Groups["title"].Value.Trim();
                continue;
            }

            foreach (var k in text)
            {
                if (SoundRegex().IsMatch(lines[k]))
                {
                    result[k] = "";
                    continue;
                }

                paragraph.Add(k);
                words += PlainTextParser.WordCount(lines[k]);
            }

            if (words >= ParagraphWords && paragraph.Count > 0 && lines[paragraph[^1]].TrimEnd() is [.., '.' or '!' or '?'])
            {
                Flush();
            }
        }

        Flush();
        return result;
    }

    [GeneratedRegex(@"^\s*\d{1,5}\s*$")]
    private static partial Regex CueNumberRegex();

    /// <summary>A cue's time range: "00:01:02,500 --&gt; 00:01:06,000" (WebVTT's "." too).</summary>
    [GeneratedRegex(@"^\s*\d{1,2}:\d{2}:\d{2}[,.]\d{3}\s+-->\s+\d{1,2}:\d{2}:\d{2}[,.]\d{3}")]
    private static partial Regex TimingRegex();

    /// <summary>A title card shown on screen: "[ON SCREEN: Part 2 – Universal Precautions]", "[TITLE: …]", "[SLIDE: …]".</summary>
    [GeneratedRegex(@"^\s*\[(?:ON[ -]SCREEN|TITLE|SLIDE|CHAPTER|SECTION)\s*:\s*(?<title>[^\]]{2,100})\]\s*$", RegexOptions.IgnoreCase)]
    private static partial Regex TitleCardRegex();

    /// <summary>A sound, not speech: "♪ [upbeat instrumental music] ♪", "[applause]", "(laughter)".</summary>
    [GeneratedRegex(@"^\s*(?:♪.*♪?|\[[^\]]{1,60}\]|\([^)]{1,40}\))\s*$")]
    private static partial Regex SoundRegex();
}
