using System.Text.RegularExpressions;

namespace GuidelineBot.Search;

/// <summary>What a question asks, from its wording alone (general English, never tied to one document).</summary>
public static partial class QuestionCues
{
    /// <summary>
    /// The question is about the guidelines themselves — what they cover, what counts, their purpose, who they apply
    /// to — which is what a document's introduction answers. (To apply <i>for</i> something is to ask for it: "how do i apply
    /// for a transfer" asks for a procedure.)
    /// </summary>
    public static bool AsksAboutScope(string question) => ScopeWords().IsMatch(question);

    [GeneratedRegex(@"\b(apply(?!\s+for\b)|applies(?!\s+for\b)|applicable|cover|covers|covered|count|counts|considered|consider|defin\w*|mean|means|meaning|purpose|point of|scope|intended|include[sd]?|who (is|are|do|does)(?!\s+(?:i|we|you|my|our|the (?:contact|person|right person)|in charge|responsible)\b)|what (is|are|does) (this|these|the) (guideline|polic|rule|document)\w*(?!\s+(?:for|on|about|regarding|when|if)\s+\w+\s+\w)|why (do|are|is) (we|there|these|this)|under (this|these|the) (guideline|polic|rule)\w*)\b",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ScopeWords();
}
