using System.Globalization;
using System.Text.RegularExpressions;
using GuidelineBot.Core.Knowledge;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace GuidelineBot.Core.Onboarding;

/// <summary>A check question, tied to the section that answers it.</summary>
/// <param name="Correct">1-based index of the right choice.</param>
/// <param name="Line">Where it is defined in the questions file.</param>
public sealed record CheckQuestion(
    string DocumentId,
    string Prompt,
    IReadOnlyList<string> Choices,
    int Correct,
    GuidelineSection Section,
    string? Explanation,
    int Line);

/// <summary>
/// Reads <c>knowledge/onboarding.yml</c>: a mapping from document id (file name without extension) to a list of
/// questions, each with <c>section</c> (the heading text of the section it tests), <c>prompt</c>, <c>choices</c>,
/// <c>correct</c> (1-based) and an optional <c>explanation</c>. A bad question is reported with file and line and skipped.
/// </summary>
public static partial class CheckQuestionLoader
{
    public static (IReadOnlyList<CheckQuestion> Questions, IReadOnlyList<KnowledgeError> Errors) Load(string path, string displayPath, KnowledgeBase knowledge)
    {
        return KnowledgeLoader.ReadText(path) is { } text ? Parse(text, displayPath, knowledge) : ([], []);
    }

    public static (IReadOnlyList<CheckQuestion> Questions, IReadOnlyList<KnowledgeError> Errors) Parse(string yaml, string file, KnowledgeBase knowledge)
    {
        var questions = new List<CheckQuestion>();
        var errors = new List<KnowledgeError>();
        YamlStream stream;
        try
        {
            stream = SafeYaml.Load(yaml);
        }
        catch (YamlException ex)
        {
            errors.Add(new KnowledgeError(file, (int)ex.Start.Line, "not valid YAML: " + Inner(ex)));
            return (questions, errors);
        }

        if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is YamlScalarNode { Value: null or "" })
        {
            return (questions, errors);
        }

        if (stream.Documents[0].RootNode is not YamlMappingNode root)
        {
            errors.Add(new KnowledgeError(file, Line(stream.Documents[0].RootNode),
                "expected a mapping from document id to a list of questions, e.g. 'staff-social-media-guidelines:'"));
            return (questions, errors);
        }

        foreach (var (keyNode, value) in root.Children)
        {
            var documentId = (keyNode as YamlScalarNode)?.Value ?? "";
            var document = knowledge.Documents.FirstOrDefault(d => d.Id == documentId);
            if (document is null)
            {
                errors.Add(new KnowledgeError(file, Line(keyNode),
                    $"no document '{documentId}' in the knowledge folder (ids: {string.Join(", ", knowledge.Documents.Select(d => d.Id))})"));
                continue;
            }

            if (value is not YamlSequenceNode list)
            {
                errors.Add(new KnowledgeError(file, Line(value), $"'{documentId}' must be a list of questions (items starting with '- ')"));
                continue;
            }

            foreach (var item in list.Children)
            {
                try
                {
                    questions.Add(ParseQuestion(item, document));
                }
                catch (KnowledgeFormatException ex)
                {
                    errors.Add(new KnowledgeError(file, ex.Line, ex.Message));
                }
            }
        }

        return (questions, errors);
    }

    private static CheckQuestion ParseQuestion(YamlNode node, GuidelineDocument document)
    {
        if (node is not YamlMappingNode map)
        {
            throw new KnowledgeFormatException(Line(node), "a question must be a mapping with section, prompt, choices and correct");
        }

        var known = new HashSet<string>(StringComparer.Ordinal) { "section", "prompt", "choices", "correct", "explanation" };
        foreach (var key in map.Children.Keys)
        {
            if (key is not YamlScalarNode { Value: { } name } || !known.Contains(name))
            {
                throw new KnowledgeFormatException(Line(key), $"unknown key '{(key as YamlScalarNode)?.Value}' (expected: {string.Join(", ", known)})");
            }
        }

        var heading = RequiredScalar(map, "section");
        var prompt = RequiredScalar(map, "prompt");
        if (!map.Children.TryGetValue(new YamlScalarNode("choices"), out var choicesNode) || choicesNode is not YamlSequenceNode choiceList)
        {
            throw new KnowledgeFormatException(Line(map), "'choices' must be a list of at least two answers");
        }

        var choices = choiceList.Children.Select(c => (c as YamlScalarNode)?.Value?.Trim() ?? "").ToArray();
        if (choices.Length < 2 || choices.Any(c => c.Length == 0))
        {
            throw new KnowledgeFormatException(Line(choiceList), "'choices' must be a list of at least two non-empty answers");
        }

        var correctText = RequiredScalar(map, "correct");
        if (!int.TryParse(correctText, NumberStyles.None, CultureInfo.InvariantCulture, out var correct) || correct < 1 || correct > choices.Length)
        {
            throw new KnowledgeFormatException(Line(map.Children[new YamlScalarNode("correct")]),
                $"'correct' must be the number of the right choice, 1 to {choices.Length} (was '{correctText}')");
        }

        var sectionLine = Line(map.Children[new YamlScalarNode("section")]);
        if (Ambiguous(document, heading) is { } several)
        {
            throw new KnowledgeFormatException(sectionLine,
                $"'{heading}' heads {several.Count} sections of {document.Id}: name one with the heading it stands under ({string.Join(" | ", several.Select(s => s.HeadingPath))})");
        }

        var section = FindSection(document, heading)
                      ?? throw new KnowledgeFormatException(sectionLine,
                          $"no section headed '{heading}' in {document.Id} (headings: {string.Join(" | ", document.Sections.Select(s => s.HeadingPath))})");
        map.Children.TryGetValue(new YamlScalarNode("explanation"), out var explanationNode);
        var explanation = (explanationNode as YamlScalarNode)?.Value?.Trim();
        return new CheckQuestion(document.Id, prompt, choices, correct, section, string.IsNullOrEmpty(explanation) ? null : explanation, Line(map));
    }

    /// <summary>
    /// Heading text compared without case, punctuation or quote style, so small edits to a heading still match; a heading
    /// two sections share under different headings is named with the one it stands under ("High schools › Chaperones", or
    /// "Chaperones (High schools)" as the buttons show it). A
    /// heading that made its section the introduction ("Purpose", "1. Overview") names the introduction.
    /// </summary>
    internal static GuidelineSection? FindSection(GuidelineDocument document, string heading)
    {
        var wanted = Key(heading);
        return document.Sections.FirstOrDefault(s => Key(s.Heading) == wanted)
               ?? document.Sections.FirstOrDefault(s => s.ParentHeading is { } parent && (Key(parent + " " + s.Heading) == wanted || Key(s.Heading + " " + parent) == wanted))
               ?? (DocumentParser.IsIntroductionHeading(DocumentParser.CleanHeading(heading.Trim())) ? document.Sections.FirstOrDefault(s => s.IsIntroduction) : null);
    }

    /// <summary>The sections <paramref name="heading"/> heads when there are several (under different headings), else null.</summary>
    private static IReadOnlyList<GuidelineSection>? Ambiguous(GuidelineDocument document, string heading)
    {
        var wanted = Key(heading);
        var several = document.Sections.Where(s => Key(s.Heading) == wanted).ToList();
        return several.Count > 1 && several.All(s => s.ParentHeading is not null) ? several : null;
    }

    private static string Key(string text) => SpacesRegex().Replace(NonWordRegex().Replace(text.ToLowerInvariant(), " "), " ").Trim();

    private static string RequiredScalar(YamlMappingNode map, string key)
    {
        if (map.Children.TryGetValue(new YamlScalarNode(key), out var node) && node is YamlScalarNode { Value: { } value } &&
            !string.IsNullOrWhiteSpace(value))
        {
            return value.Trim();
        }

        throw new KnowledgeFormatException(node is null ? Line(map) : Line(node), $"'{key}' is missing or empty");
    }

    private static int Line(YamlNode node) => (int)node.Start.Line;

    private static string Inner(Exception ex) => ex.InnerException is { } inner ? ex.Message + " " + inner.Message : ex.Message;

    [GeneratedRegex(@"[^\p{L}\p{N}]+")]
    private static partial Regex NonWordRegex();

    [GeneratedRegex(@"\s+")]
    private static partial Regex SpacesRegex();
}
