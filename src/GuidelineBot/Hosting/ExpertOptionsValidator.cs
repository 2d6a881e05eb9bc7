using GuidelineBot.Core.Experts;
using Microsoft.Extensions.Options;

namespace GuidelineBot.Hosting;

/// <summary>The data annotations of <see cref="ExpertOptions"/>, checked by generated code (no reflection at start).</summary>
[OptionsValidator]
internal sealed partial class ExpertOptionsValidator : IValidateOptions<ExpertOptions>;
