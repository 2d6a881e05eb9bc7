using GuidelineBot.Core.Answers;
using Microsoft.Extensions.Options;

namespace GuidelineBot.Hosting;

/// <summary>The data annotations of <see cref="AnswerOptions"/>, checked by generated code (no reflection at start).</summary>
[OptionsValidator]
internal sealed partial class AnswerOptionsValidator : IValidateOptions<AnswerOptions>;
