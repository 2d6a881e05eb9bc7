using System.Globalization;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace GuidelineBot.Core.Knowledge;

/// <summary>
/// Optional YAML front matter between two <c>---</c> lines at the top of a document:
/// <c>title</c>, <c>source</c> (or <c>url</c>/<c>source_url</c>), <c>owner</c>, <c>last_reviewed</c> (yyyy-MM-dd).
/// </summary>
internal sealed record FrontMatter(string? Title, DocumentMetadata Metadata, int BodyStartIndex)
{
    private static readonly string[] UrlKeys = ["source", "source_url", "url", "sourceurl"];
    private static readonly string[] ReviewedKeys = ["last_reviewed", "lastreviewed", "reviewed", "last-reviewed"];

    /// <summary>Parses front matter when the first line is <c>---</c>; otherwise returns none.</summary>
    public static FrontMatter Parse(IReadOnlyList<string> lines)
    {
        if (lines.Count == 0 || lines[0].Trim() != "---")
        {
            return new FrontMatter(null, DocumentMetadata.None, 0);
        }

        var close = -1;
        for (var i = 1; i < lines.Count; i++)
        {
            if (lines[i].Trim() is "---" or "...")
            {
                close = i;
                break;
            }
        }

        if (close < 0)
        {
            throw new KnowledgeFormatException(1, "front matter starts with '---' but is never closed by another '---' line");
        }

        var yaml = string.Join('\n', lines.Skip(1).Take(close - 1));
        var values = new Dictionary<string, (string Value, int Line)>(StringComparer.OrdinalIgnoreCase);
        if (yaml.Trim().Length > 0)
        {
            try
            {
                var stream = new YamlStream();
                stream.Load(new StringReader(yaml));
                if (stream.Documents.Count > 0)
                {
                    if (stream.Documents[0].RootNode is not YamlMappingNode map)
                    {
                        throw new KnowledgeFormatException(2, "front matter must be 'key: value' lines");
                    }

                    foreach (var (key, value) in map.Children)
                    {
                        var k = ((YamlScalarNode)key).Value ?? "";
                        var v = value is YamlScalarNode s ? s.Value ?? "" : value.ToString();
                        values[k.Trim()] = (v.Trim(), (int)key.Start.Line + 1);
                    }
                }
            }
            catch (YamlException ex)
            {
                throw new KnowledgeFormatException((int)ex.Start.Line + 1, "front matter is not valid YAML: " + FirstLine(ex.Message));
            }
            catch (InvalidCastException)
            {
                throw new KnowledgeFormatException(2, "front matter keys must be plain words");
            }
        }

        string? Get(params string[] keys) =>
            keys.Select(k => values.TryGetValue(k, out var v) ? v.Value : null).FirstOrDefault(v => !string.IsNullOrWhiteSpace(v));

        DateOnly? reviewed = null;
        foreach (var key in ReviewedKeys)
        {
            if (values.TryGetValue(key, out var raw) && raw.Value.Length > 0)
            {
                if (!DateOnly.TryParse(raw.Value, CultureInfo.InvariantCulture, out var date))
                {
                    throw new KnowledgeFormatException(raw.Line, $"'{key}' must be a date like 2025-08-01, not '{raw.Value}'");
                }

                reviewed = date;
                break;
            }
        }

        var url = Get(UrlKeys);
        if (url is not null && !Uri.TryCreate(url, UriKind.Absolute, out _))
        {
            var line = UrlKeys.Select(k => values.TryGetValue(k, out var v) ? v.Line : 0).Max();
            throw new KnowledgeFormatException(line, $"'source' must be an absolute URL, not '{url}'");
        }

        return new FrontMatter(Get("title"), new DocumentMetadata(url, Get("owner"), reviewed), close + 1);
    }

    private static string FirstLine(string s) => s.Split('\n')[0].Trim();
}
