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
    /// <exception cref="YamlException">Not valid YAML, or an anchor or alias (its position says where).</exception>
    public static YamlStream Load(string yaml)
    {
        var parser = new Parser(new StringReader(yaml));
        while (parser.MoveNext())
        {
            switch (parser.Current)
            {
                case AnchorAlias alias:
                    throw new YamlException(alias.Start, alias.End, "aliases (*name) are not allowed here; write the value out");
                case NodeEvent { Anchor.IsEmpty: false } node:
                    throw new YamlException(node.Start, node.End, "anchors (&name) are not allowed here; write the value out");
            }
        }

        var stream = new YamlStream();
        stream.Load(new StringReader(yaml));
        return stream;
    }
}
