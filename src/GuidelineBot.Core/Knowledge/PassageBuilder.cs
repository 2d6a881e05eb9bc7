using System.Text;
using System.Text.RegularExpressions;

namespace GuidelineBot.Core.Knowledge;

/// <summary>
/// Collects the passages of one section line by line, for both formats: top-level bullets and paragraphs start a
/// passage, nested bullets stay under their parent, wrapped lines are joined, and a paragraph that a blank line split
/// mid-sentence ("If someone accuses you of" / "posting something improper …") is rejoined into one passage.
/// </summary>
internal sealed partial class PassageBuilder
{
    private readonly List<Passage> _done = [];
    private StringBuilder? _text;
    private readonly List<StringBuilder> _children = [];
    private int _start;
    private int _end;
    private bool _afterBlank;
    private bool _isItem;

    public bool IsEmpty => _done.Count == 0 && _text is null;

    public void Blank() => _afterBlank = _text is not null;

    /// <summary>A bullet item: level 0 starts a passage, deeper levels attach to the current one.</summary>
    public void Bullet(int level, string text, int line)
    {
        if (level > 0 && _text is not null)
        {
            _children.Add(new StringBuilder(text));
            _end = line;
            _afterBlank = false;
            return;
        }

        Start(text, line, isItem: true);
    }

    /// <summary>A line of running text: continues the current passage or starts a paragraph.</summary>
    public void Text(string text, int line)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            // An empty "A:" line: nothing to say.
            return;
        }

        if (_text is not null && (!_afterBlank || IsMidSentence(text)))
        {
            var into = _children.Count > 0 ? _children[^1] : _text;
            if (IsBrokenWord(into, text))
            {
                // "adminis-" / "trator": a word a PDF's line end broke in two is one word again.
                into.Length--;
                into.Append(text);
            }
            else
            {
                into.Append(' ').Append(text);
            }

            _end = line;
            _afterBlank = false;
            return;
        }

        Start(text, line);
    }

    /// <summary>A paragraph of its own, whatever came before it (text after a list that the list does not carry on).</summary>
    public void Paragraph(string text, int line)
    {
        if (!string.IsNullOrWhiteSpace(text))
        {
            Start(text, line);
        }
    }

    /// <summary>
    /// <paramref name="text"/> ends in a word broken by a hyphen at the line's end (two letters or more before it) and
    /// <paramref name="next"/> carries that word on in lower case ("super-" / "vision"); not before "and", "or" or "to",
    /// which carry a list of prefixes on ("pre- and post-tests").
    /// </summary>
    private static bool IsBrokenWord(StringBuilder text, string next)
    {
        var n = text.Length;
        if (n < 3 || text[n - 1] != '-' || !char.IsLetter(text[n - 2]) || !char.IsLetter(text[n - 3]) || next.Length == 0 || !char.IsLower(next[0]))
        {
            return false;
        }

        var word = next.Split(' ', 2)[0].TrimEnd(',', '.', ';', ':');
        return word is not ("and" or "or" or "to");
    }

    /// <summary>True when the text so far stops mid-sentence and <paramref name="next"/> carries on in lower case.</summary>
    private bool IsMidSentence(string next)
    {
        if (LastVisible(_children.Count > 0 ? _children[^1] : _text!) is not { } last || next.Length == 0)
        {
            return false;
        }

        var endsSentence = ".!?:;)\"”’'".Contains(last);
        return !endsSentence && char.IsLower(next[0]);
    }

    /// <summary>The last character of <paramref name="text"/> that is not white space, read from its end (not copied).</summary>
    private static char? LastVisible(StringBuilder text)
    {
        for (var i = text.Length - 1; i >= 0; i--)
        {
            if (!char.IsWhiteSpace(text[i]))
            {
                return text[i];
            }
        }

        return null;
    }

    private void Start(string text, int line, bool isItem = false)
    {
        Flush();
        _text = new StringBuilder(text);
        _start = line;
        _end = line;
        _afterBlank = false;
        _isItem = isItem;
    }

    private void Flush()
    {
        if (_text is null)
        {
            return;
        }

        var sb = new StringBuilder(WithoutTabs(_text.ToString().Trim()));
        foreach (var child in _children)
        {
            sb.Append("\n  - ").Append(WithoutTabs(child.ToString().Trim()));
        }

        _done.Add(new Passage(sb.ToString(), _start, _end) { IsItem = _isItem });
        _text = null;
        _children.Clear();
        _afterBlank = false;
    }

    /// <summary>
    /// <paramref name="text"/> with each tab and the spaces around it one space: a tab inside a line (after a label, between
    /// a plain-text table's columns) is layout, which no channel shows the same way.
    /// </summary>
    private static string WithoutTabs(string text) => text.Contains('\t', StringComparison.Ordinal) ? TabRegex().Replace(text, " ") : text;

    [GeneratedRegex(@" *\t[ \t]*")]
    private static partial Regex TabRegex();

    public IReadOnlyList<Passage> Build()
    {
        Flush();
        return _done.ToArray();
    }
}
