using GuidelineBot.Core.Experts;
using GuidelineBot.Teams.Configuration;
using Microsoft.Extensions.Options;

namespace GuidelineBot.Teams.Experts;

/// <summary>
/// Checks the Teams keys of <c>Experts</c> at start-up: the channel is a Teams channel's conversation id, and a configured
/// service URL is a plain https base address (http only on loopback) that replies may go to.
/// </summary>
internal sealed class TeamsExpertOptionsValidator : IValidateOptions<ExpertOptions>
{
    public ValidateOptionsResult Validate(string? name, ExpertOptions options)
    {
        var failures = new List<string>();
        if (options.TeamsChannel is { } channel && (!channel.StartsWith("19:", StringComparison.Ordinal) || channel.Contains(';', StringComparison.Ordinal)))
        {
            failures.Add($"Experts:TeamsChannel must be a Teams channel's conversation id (19:…@thread.tacv2, without ;messageid=), not '{channel}'.");
        }

        if (options.TeamsServiceUrl is { Length: > 0 } serviceUrl &&
            (!AddressPolicy.TryParseServiceUrl(serviceUrl, out var uri) || !AddressPolicy.IsHttpsOrLoopback(uri)))
        {
            failures.Add($"Experts:TeamsServiceUrl must be an absolute https URL without query or fragment (plain http only on loopback), not '{serviceUrl}'.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
