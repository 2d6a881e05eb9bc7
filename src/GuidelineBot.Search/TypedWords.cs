using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;
using Lucene.Net.Analysis.Util;

namespace GuidelineBot.Search;

/// <summary>
/// Which terms of a question the user typed, found in the question's one analysis (<see cref="GuidelineAnalyzer.CreateQuery"/>).
/// The synonym filter marks every output of a matched rule as a synonym, the typed word included, so the chain records
/// the words before synonyms with where they stand in the text (<see cref="Recorder"/>) and flags the tokens after
/// synonyms that are one of those words where it was typed (<see cref="Marker"/>): a synonym that happens to be a word
/// typed elsewhere in the question ("message" of "direct message", spilled onto "parents" in "can I message parents") is
/// a synonym where it stands. Stop words and stemming then run as usual, and the flagged tokens are the typed ones.
/// Where is the start offset, not the position: a rewrite rule shorter than what it matches moves every later token's
/// position back, never its offset. The later words of a multi-word synonym carry the offset of the rule's last typed
/// word, so a typed word is the first token with its word and offset, and a copy after it is a synonym.
/// </summary>
/// <remarks>
/// The flagged terms are the stems of every typed word that is still a token after synonyms. A rule that rewrites a
/// typed word away (<c>a =&gt; b</c>) leaves that word out: <see cref="AllSeen"/> is then false, and the caller asks
/// the synonym-free analysis instead.
/// </remarks>
internal sealed class TypedWords
{
    /// <summary>The bit of <see cref="IFlagsAttribute"/> set on a token whose word the user typed.</summary>
    public const int Flag = 1;

    private readonly HashSet<string> _words = new(StringComparer.Ordinal);
    private readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> _lookup;
    private readonly HashSet<(int StartOffset, string Word)> _typedAt = [];
    private readonly HashSet<string> _seen = new(StringComparer.Ordinal);

    public TypedWords() => _lookup = _words.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>Every typed word that the stop filter keeps was a token after synonyms.</summary>
    public bool AllSeen => _seen.Count == _words.Count;

    private void Clear()
    {
        _words.Clear();
        _typedAt.Clear();
        _seen.Clear();
    }

    /// <summary>Before synonyms: records each word the stop filter will keep.</summary>
    public sealed class Recorder : TokenFilter
    {
        private readonly TypedWords _typed;
        private readonly CharArraySet _stopWords;
        private readonly ICharTermAttribute _term;
        private readonly IOffsetAttribute _offset;

        public Recorder(TokenStream input, TypedWords typed, CharArraySet stopWords)
            : base(input)
        {
            _typed = typed;
            _stopWords = stopWords;
            _term = AddAttribute<ICharTermAttribute>();
            _offset = AddAttribute<IOffsetAttribute>();
        }

        public override bool IncrementToken()
        {
            if (!m_input.IncrementToken())
            {
                return false;
            }

            if (!_stopWords.Contains(_term.Buffer, 0, _term.Length))
            {
                if (!_typed._lookup.TryGetValue(_term.Buffer.AsSpan(0, _term.Length), out var word))
                {
                    word = _term.ToString();
                    _typed._words.Add(word);
                }

                _typed._typedAt.Add((_offset.StartOffset, word));
            }

            return true;
        }

        public override void Reset()
        {
            base.Reset();
            _typed.Clear();
        }
    }

    /// <summary>After synonyms (which keep every word they pass through at its offsets): flags the tokens that are a recorded word where it was typed.</summary>
    public sealed class Marker : TokenFilter
    {
        private readonly TypedWords _typed;
        private readonly ICharTermAttribute _term;
        private readonly IFlagsAttribute _flags;
        private readonly IOffsetAttribute _offset;

        public Marker(TokenStream input, TypedWords typed)
            : base(input)
        {
            _typed = typed;
            _term = AddAttribute<ICharTermAttribute>();
            _flags = AddAttribute<IFlagsAttribute>();
            _offset = AddAttribute<IOffsetAttribute>();
        }

        public override bool IncrementToken()
        {
            if (!m_input.IncrementToken())
            {
                return false;
            }

            if (_typed._lookup.TryGetValue(_term.Buffer.AsSpan(0, _term.Length), out var word) && _typed._typedAt.Remove((_offset.StartOffset, word)))
            {
                _flags.Flags |= Flag;
                _typed._seen.Add(word);
            }
            else
            {
                _flags.Flags &= ~Flag;
            }

            return true;
        }
    }

    /// <summary>The end of the chain, unchanged tokens: gives the consumer the question's <see cref="TypedWords"/>.</summary>
    public sealed class Output(TokenStream input, TypedWords typed) : TokenFilter(input)
    {
        public TypedWords Typed { get; } = typed;

        public override bool IncrementToken() => m_input.IncrementToken();
    }
}
