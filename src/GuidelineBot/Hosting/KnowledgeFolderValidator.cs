using GuidelineBot.Core.Knowledge;
using Microsoft.Extensions.Options;

namespace GuidelineBot.Hosting;

/// <summary>
/// The knowledge folder is there, checked with the other settings at start: a wrong <c>Knowledge:Path</c> is one line
/// naming the folder, not a hosted service's failure with its stack trace.
/// </summary>
internal sealed class KnowledgeFolderValidator : IValidateOptions<KnowledgeOptions>
{
    public ValidateOptionsResult Validate(string? name, KnowledgeOptions options) =>
        !string.IsNullOrWhiteSpace(options.Path) && KnowledgeLoader.MissingFolder(options) is { } missing
            ? ValidateOptionsResult.Fail(missing)
            : ValidateOptionsResult.Success;
}
