using System.ComponentModel.DataAnnotations;

namespace GuidelineBot.Core.Answers;

/// <summary>Configuration section <c>Answers</c>.</summary>
public sealed class AnswerOptions
{
    public const string SectionName = "Answers";

    /// <summary>Who to ask when the guidelines do not cover a question.</summary>
    [Required]
    public string Contact { get; set; } = "your school's administration";

    /// <summary>The one calibrated threshold: below this confidence the bot says it has no answer.</summary>
    [Range(0.0, 1.0, ErrorMessage = "Answers:MinConfidence must be between {1} and {2}.")]
    public double MinConfidence { get; set; } = 0.5;

    /// <summary>Sections up to this many characters are quoted whole; longer ones by their matching passages.</summary>
    [Range(100, 20000, ErrorMessage = "Answers:WholeSectionMaxChars must be between {1} and {2}.")]
    public int WholeSectionMaxChars { get; set; } = 900;

    [Range(0, 10, ErrorMessage = "Answers:MaxRelated must be between {1} and {2}.")]
    public int MaxRelated { get; set; } = 3;

    /// <summary>How many replies <see cref="AnswerCache"/> keeps (the questions asked most often stay); 0 turns caching off.</summary>
    [Range(0, 1_000_000, ErrorMessage = "Answers:CacheSize must be between {1} and {2}.")]
    public int CacheSize { get; set; } = 16384;
}
