using System.Globalization;
using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;

namespace GuidelineBot.Search;

/// <summary>
/// Drops combining marks (<see cref="UnicodeCategory.NonSpacingMark"/>) from each token, so that a word typed or saved
/// with its accents as separate marks ("cafe" + U+0301, as macOS file names and some converters write them) reads as the
/// same word as its precomposed form, which <c>ASCIIFoldingFilter</c> folds ("café" → "cafe"). Index and questions go
/// through the same chain, so a script whose marks carry meaning is still matched consistently. (The server runs with
/// invariant globalization, where <see cref="string.Normalize()"/> composes nothing.) A token of marks alone is left as
/// it is.
/// </summary>
internal sealed class CombiningMarkFilter : TokenFilter
{
    /// <summary>The first combining mark (U+0300): every character below it is no mark, so ASCII words are one comparison a character.</summary>
    private const char FirstMark = '\u0300';

    private readonly ICharTermAttribute _term;

    public CombiningMarkFilter(TokenStream input)
        : base(input) => _term = AddAttribute<ICharTermAttribute>();

    public override bool IncrementToken()
    {
        if (!m_input.IncrementToken())
        {
            return false;
        }

        var buffer = _term.Buffer;
        var length = _term.Length;
        var kept = 0;
        for (var i = 0; i < length; i++)
        {
            var c = buffer[i];
            if (c < FirstMark || CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark)
            {
                buffer[kept++] = c;
            }
        }

        if (kept > 0 && kept < length)
        {
            _term.Length = kept;
        }

        return true;
    }
}
