using GuidelineBot.Search;
using Microsoft.Extensions.Options;

namespace GuidelineBot.Hosting;

/// <summary>The data annotations of <see cref="SearchOptions"/>, checked by generated code (no reflection at start).</summary>
[OptionsValidator]
internal sealed partial class SearchOptionsValidator : IValidateOptions<SearchOptions>;
