using GuidelineBot.Core.Knowledge;
using Microsoft.Extensions.Options;

namespace GuidelineBot.Hosting;

/// <summary>The data annotations of <see cref="KnowledgeOptions"/>, checked by generated code (no reflection at start).</summary>
[OptionsValidator]
internal sealed partial class KnowledgeOptionsValidator : IValidateOptions<KnowledgeOptions>;
