using YamlDotNet.Core;
using YamlDotNet.Core.Events;
using YamlDotNet.RepresentationModel;

namespace GuidelineBot.Core.Knowledge;

/// <summary>
/// Loads the YAML of the knowledge folder (front matter, <c>onboarding.yml</c>), which anyone who can edit the folder
/// writes. Anchors and aliases are refused before anything is built: YamlDotNet resolves an alias used as a key by hashing
/// the whole node it names, so nine levels of nine aliases ("billion laughs") cost hours of CPU on every reload. Neither
/// file needs them.
/// </summary>
internal static class SafeYaml
{
    /// <summary>
    /// Lists and mappings nested deeper than this are refused before anything is built: YamlDotNet builds nodes
    /// recursively, so tens of thousands of levels overflow the stack (and nested <c>[</c> take quadratic time).
    /// </summary>
    private const int MaxDepth = 64;

    /// <exception cref="YamlException">Not valid YAML, an anchor or alias, or nesting over 64 levels (its position says where).</exception>
    public static YamlStream Load(string yaml)
    {
        var parser = new Parser(new StringReader(yaml));
        var depth = 0;
        try
        {
            while (parser.MoveNext())
            {
                switch (parser.Current)
                {
                    case AnchorAlias alias:
                        throw new YamlException(alias.Start, alias.End, "aliases (*name) are not allowed here; write the value out");
                    case NodeEvent { Anchor.IsEmpty: false } node:
                        throw new YamlException(node.Start, node.End, "anchors (&name) are not allowed here; write the value out");
                    case SequenceStart or MappingStart when ++depth > MaxDepth:
                        throw new YamlException(parser.Current.Start, parser.Current.End, $"lists or mappings nested more than {MaxDepth} deep are not allowed here");
                    case SequenceEnd or MappingEnd:
                        depth--;
                        break;
                }
            }
        }
        catch (InvalidOperationException)
        {
            // YamlDotNet's scanner reports some malformed input ("a: [" left open before a plain line) this way.
            var at = parser.Current?.Start ?? Mark.Empty;
            throw new YamlException(at, at, "it breaks off in the middle of a value (a '[' or '{' left open?)");
        }

        var stream = new YamlStream();
        stream.Load(new StringReader(yaml));
        return stream;
    }
}
