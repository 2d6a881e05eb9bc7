using System.Globalization;
using System.Text.RegularExpressions;
using Tomlyn;
using Tomlyn.Parsing;
using Tomlyn.Syntax;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace GuidelineBot.Core.Knowledge;

/// <summary>
/// Optional front matter at the top of a document, YAML between two <c>---</c> lines (or TOML between two <c>+++</c>, as Hugo writes it):
/// <c>title</c>, <c>source</c> (or <c>url</c>/<c>source_url</c>), <c>owner</c>, <c>last_reviewed</c> (yyyy-MM-dd). A static
/// site's page says the same in its own words, read when those are missing: Docusaurus's <c>last_update</c> (its
/// <c>date</c> and <c>author</c>), Hugo's <c>lastmod</c> and <c>[params]</c> <c>author</c>, Jekyll's <c>last_modified_at</c>, an <c>author</c>.
/// </summary>
internal sealed partial record FrontMatter(string? Title, DocumentMetadata Metadata, int BodyStartIndex)
{
    private static readonly string[] UrlKeys = ["source", "source_url", "url", "sourceurl"];
    private static readonly string[] ReviewedKeys = ["last_reviewed", "lastreviewed", "reviewed", "last-reviewed"];
    private static readonly HashSet<string> UsedKeys = new([.. UrlKeys, .. ReviewedKeys, "title", "owner"], StringComparer.OrdinalIgnoreCase);

    /// <summary>A static site's keys for when a page was last changed, read as its review date when it has none; one that is no date is skipped.</summary>
    private static readonly string[] SiteUpdatedKeys = ["last_update.date", "lastmod", "last_modified_at", "last_updated", "updated"];

    /// <summary>A static site's keys for who wrote a page, read as its owner when it names none.</summary>
    private static readonly string[] SiteAuthorKeys = ["last_update.author", "author", "params.author"];

    /// <summary>
    /// Parses front matter when the first line is <c>---</c> and the first line with text under it is a <c>key:</c> line;
    /// otherwise returns none. A slide deck exported to Markdown opens with the <c>---</c> that parts its slides, over the
    /// title slide's <c># Title</c>: that is the document's text, not front matter.
    /// </summary>
    public static FrontMatter Parse(IReadOnlyList<string> lines)
    {
        if (lines.Count == 0 || lines[0].Trim() is not ("---" or "+++") || lines.Skip(1).FirstOrDefault(l => !string.IsNullOrWhiteSpace(l)) is not { } first
            || !(lines[0].Trim() == "+++" ? TomlKeyLineRegex() : KeyLineRegex()).IsMatch(first))
        {
            return new FrontMatter(null, DocumentMetadata.None, 0);
        }

        var fence = lines[0].Trim();
        var close = -1;
        for (var i = 1; i < lines.Count; i++)
        {
            if (lines[i].Trim() == fence || fence == "---" && lines[i].Trim() == "...")
            {
                close = i;
                break;
            }
        }

        if (close < 0)
        {
            throw new KnowledgeFormatException(1, $"front matter starts with '{fence}' but is never closed by another '{fence}' line");
        }

        var text = string.Join('\n', lines.Skip(1).Take(close - 1));
        var values = fence == "+++" ? TomlValues(text) : YamlValues(text);

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

        reviewed ??= SiteUpdatedKeys.Select(k => values.TryGetValue(k, out var v) ? SiteDate(v.Value) : null).FirstOrDefault(d => d is not null);

        // Citations link to the source, so it must be a web address: not a script (javascript:, data:, vbscript:), a local
        // file (file:, and a path, which .NET reads as a file URI on Unix) or a relative link.
        var url = Get(UrlKeys);
        if (url is not null && !(Uri.TryCreate(url, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp) &&
                                 uri.Host.Length > 0))
        {
            var line = UrlKeys.Select(k => values.TryGetValue(k, out var v) ? v.Line : 0).Max();
            throw new KnowledgeFormatException(line, $"'source' must be a web address starting with https:// or http://, not '{url}'");
        }

        return new FrontMatter(Get("title"), new DocumentMetadata(url, Get(["owner", .. SiteAuthorKeys]), reviewed), close + 1);
    }

    /// <summary>The values of YAML front matter by key, with their lines; a mapping's single values as "key.inner".</summary>
    private static Dictionary<string, (string Value, int Line)> YamlValues(string yaml)
    {
        var values = new Dictionary<string, (string Value, int Line)>(StringComparer.OrdinalIgnoreCase);
        if (yaml.Trim().Length > 0)
        {
            try
            {
                var stream = SafeYaml.Load(yaml);
                if (stream.Documents.Count > 0)
                {
                    if (stream.Documents[0].RootNode is not YamlMappingNode map)
                    {
                        throw new KnowledgeFormatException(2, "front matter must be 'key: value' lines");
                    }

                    foreach (var (key, value) in map.Children)
                    {
                        // Only single values are read. A list or mapping (tags: [a, b]) under a key we don't use is skipped.
                        var k = (((YamlScalarNode)key).Value ?? "").Trim();
                        var line = (int)key.Start.Line + 1;
                        if (value is YamlScalarNode scalar)
                        {
                            values[k] = ((scalar.Value ?? "").Trim(), line);
                        }
                        else if (value is YamlMappingNode inner && !UsedKeys.Contains(k))
                        {
                            // "last_update:" over "date: 2024-08-12" and "author: …": each value as "last_update.date".
                            foreach (var (innerKey, innerValue) in inner.Children)
                            {
                                if (innerKey is YamlScalarNode { Value: { } name } && innerValue is YamlScalarNode { Value: { } v })
                                {
                                    values[$"{k}.{name.Trim()}"] = (v.Trim(), (int)innerKey.Start.Line + 1);
                                }
                            }
                        }
                        else if (UsedKeys.Contains(k))
                        {
                            throw new KnowledgeFormatException(line, $"'{k}' must be a single value, not a list or a mapping");
                        }
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

        return values;
    }

    /// <summary>
    /// The values of TOML front matter between two <c>+++</c> lines (Hugo's) by key, with their lines: strings and dates;
    /// a table's as "table.key" (<c>[last_update]</c> over <c>author = "…"</c>: "last_update.author").
    /// </summary>
    private static Dictionary<string, (string Value, int Line)> TomlValues(string toml)
    {
        DocumentSyntax document;
        try
        {
            document = SyntaxParser.Parse(toml, sourceName: null, validate: true);
        }
        catch (TomlException ex)
        {
            // Nested past Tomlyn's depth limit, say.
            throw new KnowledgeFormatException(2, "front matter is not valid TOML: " + FirstLine(ex.Message));
        }

        if (document.Diagnostics.FirstOrDefault(d => d.Kind == DiagnosticMessageKind.Error) is { } error)
        {
            throw new KnowledgeFormatException(error.Span.Start.Line + 2, "front matter is not valid TOML: " + error.Message);
        }

        var values = new Dictionary<string, (string Value, int Line)>(StringComparer.OrdinalIgnoreCase);
        void Add(string prefix, IEnumerable<KeyValueSyntax> items)
        {
            foreach (var item in items)
            {
                var value = item.Value switch
                {
                    StringValueSyntax text => text.Value,
                    DateTimeValueSyntax date => date.Value.ToString(),
                    _ => null,
                };
                var key = prefix + (item.Key?.ToString().Trim().Trim('"', '\'') ?? "");
                if (value is not null)
                {
                    values[key] = (value.Trim(), item.Span.Start.Line + 2);
                }
                else if (UsedKeys.Contains(key))
                {
                    throw new KnowledgeFormatException(item.Span.Start.Line + 2, $"'{key}' must be text or a date, not a number, a list or a table");
                }
            }
        }

        Add("", document.KeyValues);
        foreach (var table in document.Tables.OfType<TableSyntax>())
        {
            Add((table.Name?.ToString().Trim() ?? "") + ".", table.Items);
        }

        return values;
    }

    /// <summary>A static site's date ("2024-08-12", "2024-08-12T10:30:00-07:00") as a day; null for anything else.</summary>
    private static DateOnly? SiteDate(string value) =>
        DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day) ? day
        : DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var moment) ? DateOnly.FromDateTime(moment.Date)
        : null;

    private static string FirstLine(string s) => s.Split('\n')[0].Trim();

    /// <summary>A TOML line: a key and "=" ("title = …"), or a table's name ("[params]"), or a closing "+++".</summary>
    [GeneratedRegex(@"^\s*(?:[""']?[A-Za-z_][\w.-]*[""']?\s*=|\[[^\]]+\]\s*$|\+\+\+\s*$)")]
    private static partial Regex TomlKeyLineRegex();

    /// <summary>A YAML mapping's line: a key and a colon ("title: …", "last_reviewed:"), or a closing "---" (empty front matter).</summary>
    [GeneratedRegex(@"^(?:[""']?[A-Za-z_][\w -]*[""']?:(?:\s|$)|---\s*$)")]
    private static partial Regex KeyLineRegex();
}
